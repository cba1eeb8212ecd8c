"""Row versions and what changed since (core.admin.locking).

A row's version is the id of its latest history record; a form carries the
versions of its rows as a signed token. `find_conflict` compares a version
with the row's current one and describes what changed in between.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.core import signing
from django.db.models import Max
from django.forms.models import model_to_dict
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.utils import get_m2m_reverse_field_name

from ..changes import EXTRA_DIFF_FIELDS, annotate_changes

VERSION_FIELD = "_row_version"
SALT = "core.admin.locking"
# The most recent changes listed per row in a refusal.
CHANGES_SHOWN = 10

STALE = _(
    "%(subject)sは、あなたがフォームを開いた後に%(who)sが変更しました（%(when)s）。"
    "下の変更内容を確認し、もう一度入力してください。"
)
UNVERIFIED = _(
    "%(subject)sは、フォームを開いた時点の版を確かめられないため保存しませんでした。"
    "下の内容を確認し、もう一度保存してください。"
)


# --- versions -----------------------------------------------------------------


def is_tracked(model) -> bool:
    return hasattr(model._meta, "simple_history_manager_attribute")


def _history(model):
    return getattr(model, model._meta.simple_history_manager_attribute).model


def current_versions(model, pks: Iterable, *, lock: bool) -> dict[str, int]:
    """The version of each row (str(pk) → latest history id; 0: none yet).

    With `lock` (inside a transaction) the rows are first locked until it
    ends, so nobody saves them between this read and our write. Two queries.
    """
    pks = list(pks)
    if not pks:
        return {}
    if lock:
        list(model._base_manager.select_for_update().filter(pk__in=pks).values_list("pk"))
    key = model._meta.pk.attname
    latest = (
        _history(model)
        .objects.filter(**{f"{key}__in": pks})
        .values(key)
        .annotate(version=Max("history_id"))
        .order_by()  # the history's default ordering would split the groups
    )
    found = {str(row[key]): row["version"] for row in latest}
    return {str(pk): found.get(str(pk), 0) for pk in pks}


def issue_token(model, versions: dict) -> str:
    """The signed versions of some rows of `model`, as a form carries them."""
    rows = ",".join(f"{pk}={version}" for pk, version in sorted(versions.items()))
    return signing.Signer(salt=SALT).sign(f"{model._meta.label_lower}:{rows}")


def read_token(model, token) -> dict[str, int] | None:
    """The versions a form carried back, or None if missing or not ours."""
    try:
        label, _sep, rows = signing.Signer(salt=SALT).unsign(token or "").partition(":")
        if label != model._meta.label_lower:
            return None
        pairs = (row.rpartition("=") for row in rows.split(",") if row)
        return {pk: int(version) for pk, _eq, version in pairs}
    except (signing.BadSignature, ValueError):
        return None


class RowVersions:
    """Versions of a set of rows, read once when first asked for."""

    def __init__(self, model, pks: Callable[[], Iterable], *, lock: bool):
        self.model, self._pks, self.lock = model, pks, lock

    @cached_property
    def _versions(self) -> dict[str, int]:
        return current_versions(self.model, self._pks(), lock=self.lock)

    def __getitem__(self, pk) -> int:
        return self._versions.get(str(pk), 0)


# --- what changed since -------------------------------------------------------


def _who(user) -> str:
    if user is None:
        return gettext("記録のない利用者")
    return gettext("%(name)sさん") % {"name": user.get_full_name() or user.get_username()}


@dataclass
class EditConflict:
    """A row changed since the form was opened: what to tell, what to show."""

    subject: str  # the row as the message names it
    title: str = ""  # the row as the list of changes names it
    inline: bool = False  # its message stands by a row further down, so the list repeats it
    records: list = field(default_factory=list)  # newest first, with history_delta_changes
    changed_fields: set = field(default_factory=set)  # net change since, by field name
    base: object = None  # the record the form was opened on, if known

    @property
    def message(self) -> str:
        if not self.records:
            return UNVERIFIED % {"subject": self.subject}
        names = dict.fromkeys(_who(r.history_user) for r in self.records)
        when = timezone.localtime(self.records[0].history_date)
        return STALE % {
            "subject": self.subject,
            "who": "、".join(names),
            "when": date_format(when, "DATETIME_FORMAT"),
        }

    def base_values(self, names) -> dict | None:
        """The form's fields as they were when it was opened (None: unknown)."""
        if self.base is None:
            return None
        m2m = {f.name: f for f in self.base._history_m2m_fields if f.name in names}
        values = model_to_dict(self.base.instance, fields=[n for n in names if n not in m2m])
        for name, m2m_field in m2m.items():
            target = get_m2m_reverse_field_name(m2m_field)
            rows = getattr(self.base, name).model._default_manager
            values[name] = list(
                rows.filter(history_id=self.base.history_id).values_list(f"{target}_id", flat=True)
            )
        return values


def find_conflict(model, pk, *, base: int | None, current: int, fields, subject, **labels):
    """The conflict of a row opened at version `base`, now at `current`, or
    None when nothing `fields` shows (None: any field) changed since.
    `labels`: the EditConflict's title and inline."""
    if base == current:
        return None
    if base is None:
        return EditConflict(subject=subject, **labels)  # no version, or not ours
    history = _history(model).objects.filter(**{model._meta.pk.attname: pk})
    since = list(
        history.filter(history_id__gt=base)
        .select_related("history_user")
        .order_by("-history_id")[: CHANGES_SHOWN + 1]
    )
    if not since:
        return EditConflict(subject=subject, **labels)  # e.g. a database restored since
    base_record = history.filter(history_id=base).first() if base else None
    if base_record is None:
        # Opened before the row had a history: who and when, but no diff.
        return EditConflict(subject=subject, records=since[:CHANGES_SHOWN], **labels)
    latest = since[0]
    # Editable fields only: the library's diff cannot compare others;
    # the soft deletion (EXTRA_DIFF_FIELDS) is compared below.
    tracked = {f.name for f in base_record.tracked_fields if f.editable} | {
        f.name for f in base_record._history_m2m_fields
    }
    names = tracked if fields is None else tracked.intersection(fields)
    changed = set(latest.diff_against(base_record, included_fields=names).changed_fields)
    changed |= {
        n for n in EXTRA_DIFF_FIELDS if getattr(latest, n, None) != getattr(base_record, n, None)
    }
    if not changed:
        return None
    shown = since[:CHANGES_SHOWN]
    older = [*since[1:], base_record][: len(shown)]
    annotate_changes(model, list(zip(shown, older, strict=True)))
    # Saves that changed nothing are left out; the latest is kept to name who and when.
    records = [r for r in shown if r.history_delta_changes] or [latest]
    return EditConflict(
        subject=subject, records=records, changed_fields=changed, base=base_record, **labels
    )


def check_rows(model, rows, token, *, subject: Callable) -> tuple[list[EditConflict], str]:
    """Lock `rows` and compare them with the versions `token` carried.

    Call inside the transaction that writes them. Returns the conflicts
    (none: go ahead) and a token of the current versions, for the form
    shown again.
    """
    versions = current_versions(model, [row.pk for row in rows], lock=True)
    posted = read_token(model, token) or {}
    conflicts = []
    for row in rows:
        conflict = find_conflict(
            model,
            row.pk,
            base=posted.get(str(row.pk)),
            current=versions[str(row.pk)],
            fields=None,
            subject=subject(row),
            title=subject(row),
        )
        if conflict is not None:
            conflicts.append(conflict)
    return conflicts, issue_token(model, versions)
