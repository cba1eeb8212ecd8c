"""A step taken on selected rows from an admin form, all rows or none.

The intermediate forms that act on rows without editing them as a form (the
briefing lifecycle: briefings.admin_actions; the network's review:
networks.admin_membership) carry the rows' versions (core.admin.locking) and
take their step through `apply_to_rows`: the rows are locked and compared
with the versions, each row is checked and changed by the caller's
`run`, and one refused row (or one changed meanwhile) leaves every row as it
was, with a message per refusal.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from django.contrib import messages
from django.db import transaction
from django.utils.translation import gettext

from . import locking


class _Refused(Exception):
    """Leave the transaction: some row could not take the step."""


def apply_to_rows(
    modeladmin,
    request,
    rows: Sequence,
    form,
    *,
    run: Callable,
    allowed: Callable,
    describe: Callable,
    errors: tuple[type[Exception], ...],
    denied: str,
    nothing_changed: str,
) -> list | None:
    """Take the step `run(row)` on every row, all or nothing.

    `allowed(row)` says whether this user may change the row (else `denied`
    is its refusal); `run` raises one of `errors` to refuse a row, having
    written nothing of it. Returns the results of `run`, or None after an
    error message per refused row and `nothing_changed`; then no row was
    changed. A row saved since the form was opened (its versions in
    `form.cleaned_data["versions"]`) is the refusal, and the form is marked
    to show the changes (`form.show_conflicts(conflicts, token)`).
    """
    model = modeladmin.model
    results, refusals, conflicts = [], [], []
    try:
        with transaction.atomic():
            # Locks the rows until the step is written: nobody saves them in between.
            conflicts, token = locking.check_rows(
                model, rows, form.cleaned_data["versions"], subject=describe
            )
            if conflicts:
                raise _Refused
            for row in rows:
                if not allowed(row):
                    refusals.append((row, denied))
                    continue
                try:
                    results.append(run(row))
                except errors as error:
                    # The services check before they write: nothing of this
                    # row was written, and the rows before it roll back below.
                    refusals.append((row, str(error)))
            if refusals:
                raise _Refused
    except _Refused:
        if conflicts:
            form.show_conflicts(conflicts, token)
        for conflict in conflicts:
            modeladmin.message_user(request, conflict.message, messages.ERROR)
        for row, reason in refusals:
            modeladmin.message_user(
                request,
                gettext("%(row)s：%(reason)s") % {"row": describe(row), "reason": reason},
                messages.ERROR,
            )
        modeladmin.message_user(request, nothing_changed, messages.WARNING)
        return None
    return results
