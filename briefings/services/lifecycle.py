"""The briefing lifecycle: planned → held / cancelled / postponed, and duplication.

Every step here checks everything before it writes: a step that is not
allowed raises `BriefingTransitionError` (a Japanese message for staff) and
changes nothing. A step that is allowed writes in one transaction through
`save()`, never `update()`, so django-simple-history records each change with
the acting user (`by`, or the request's user through the history middleware)
and the step's name as the change reason.

Which steps start where:

    planned   → held, cancelled, postponed (with or without a new date)
    postponed → held, cancelled, postponed again with a new date
    held, cancelled: final; a correction is an editor's edit on the change form.

Any live briefing may be duplicated; a soft-deleted one takes no step.

Postponing (延期): without a new date the session becomes `postponed` and
keeps the date it was planned for, so the record still says when it was to
be held; it is no longer overdue (要更新), since there is nothing to report
until a new date is set. With a new date (later than the old one) it is
planned again on that date, so the overdue flag watches the new date; the
old date stays in the history and in a line added to the notes (備考).

"Today" is the date in Japan (core.dates.today): a session dated D may be
marked held from D 00:00 JST, and a planned one is overdue from D+1 00:00 JST
(Briefing.overdue_condition).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.validators import URLValidator
from django.db import models, transaction
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from core import dates

from ..models import Briefing, BriefingMaterial

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

    from networks.models import Organization

# The statuses a session can still move on from.
OPEN_STATUSES = (Briefing.Status.PLANNED, Briefing.Status.POSTPONED)

# History change reasons are stored data, kept in the record's language
# (Japanese) whatever language the acting user reads the admin in; the keys
# are the steps' (STEPS below).
CHANGE_REASONS = {
    "held": "開催済にする",
    "cancelled": "中止にする",
    "postponed": "延期にする",
    "duplicated": "複製する",
}

_TITLE_MAX_LENGTH = BriefingMaterial._meta.get_field("title").max_length
_URL_MAX_LENGTH = BriefingMaterial._meta.get_field("url").max_length
_FILE_FIELD = BriefingMaterial._meta.get_field("file")
_validate_url = URLValidator(schemes=["http", "https"])


class BriefingTransitionError(Exception):
    """A lifecycle step that is not allowed. Nothing was changed.

    `message` is for staff (Japanese source text); `field` names the form
    field it is about, if any, so a form can show it next to that field.
    """

    def __init__(self, message, *, field: str | None = None):
        super().__init__(str(message))
        self.message = message
        self.field = field


# --- the rules, for the services and the admin's forms ----------------------


def held_errors(
    *, attendees: int | None, date: datetime.date, today: datetime.date
) -> list[BriefingTransitionError]:
    """What stops a session on `date` with `attendees` from being recorded as held.

    A held session had someone there (0 attendees is a cancellation, not a
    session) and is not in the future.
    """
    errors = []
    if attendees is None:
        errors.append(
            BriefingTransitionError(
                _("開催済にするには参加者数を入力してください。"), field="audience_size"
            )
        )
    elif attendees < 1:
        errors.append(
            BriefingTransitionError(
                _("参加者数は1人以上にしてください。参加者がいなかった場合は中止にしてください。"),
                field="audience_size",
            )
        )
    if date > today:
        errors.append(
            BriefingTransitionError(
                _("開催日（%(date)s）が今日より後のため、開催済にできません。")
                % {"date": date_format(date, "DATE_FORMAT")},
                field="date",
            )
        )
    return errors


def cancellation_errors(*, reason: str) -> list[BriefingTransitionError]:
    """What stops a session from being cancelled with `reason`."""
    if not (reason or "").strip():
        return [
            BriefingTransitionError(
                _("中止にするには中止の理由を入力してください。"), field="cancellation_reason"
            )
        ]
    return []


# The steps, as the admin names them: key → what staff read.
STEPS = {
    "held": _("開催済にする"),
    "cancelled": _("中止にする"),
    "postponed": _("延期にする"),
    "duplicated": _("複製する"),
}


def step_error(briefing: Briefing, step: str) -> BriefingTransitionError | None:
    """Why `step` (a key of STEPS) cannot start from this briefing's state, or None.

    Only the state is judged here; each step also checks its own input.
    """
    if briefing.deleted_at is not None:
        return BriefingTransitionError(_("削除された説明会等は変更できません。"))
    if step != "duplicated" and briefing.status not in OPEN_STATUSES:
        return BriefingTransitionError(
            _("%(status)sのため、%(step)sことはできません。")
            % {"status": briefing.get_status_display(), "step": STEPS[step]}
        )
    return None


def available_steps(briefing: Briefing) -> list[str]:
    """The steps that may start from this briefing's state, in STEPS order."""
    return [step for step in STEPS if step_error(briefing, step) is None]


def _check_step(briefing: Briefing, step: str) -> None:
    error = step_error(briefing, step)
    if error is not None:
        raise error


def _material_rows(
    materials: Sequence[tuple[str, File | str]],
) -> list[tuple[str, File | None, str]]:
    """Check the handouts (title, uploaded file or URL) and return them as
    (title, file, url) rows, in the order given."""
    rows = []
    for number, (raw_title, source) in enumerate(materials, start=1):
        title = (raw_title or "").strip()
        if not title:
            raise BriefingTransitionError(
                _("資料%(number)dの資料名を入力してください。") % {"number": number}
            )
        if len(title) > _TITLE_MAX_LENGTH:
            raise BriefingTransitionError(
                _("資料%(number)dの資料名は%(max)d文字以内にしてください。")
                % {"number": number, "max": _TITLE_MAX_LENGTH}
            )
        if isinstance(source, File):
            if not source.name:
                raise BriefingTransitionError(
                    _("資料%(number)dのファイルが空です。") % {"number": number}
                )
            try:
                # The model field's rule (handout kinds, size limit), which
                # save() alone would not apply.
                _FILE_FIELD.run_validators(source)
            except ValidationError as error:
                raise BriefingTransitionError(
                    _("資料%(number)d：%(error)s")
                    % {"number": number, "error": " ".join(error.messages)}
                ) from None
            rows.append((title, source, ""))
            continue
        url = (source or "").strip()
        try:
            if not url:
                raise ValidationError("empty")
            _validate_url(url)
        except ValidationError:
            raise BriefingTransitionError(
                _(
                    "資料%(number)dには、ファイルか正しいURL（http:// または https://）を指定してください。"
                )
                % {"number": number}
            ) from None
        if len(url) > _URL_MAX_LENGTH:
            raise BriefingTransitionError(
                _("資料%(number)dのURLは%(max)d文字以内にしてください。")
                % {"number": number, "max": _URL_MAX_LENGTH}
            )
        rows.append((title, None, url))
    return rows


def _save(obj: models.Model, *, by: AbstractBaseUser | None, step: str) -> None:
    """save() with the acting user and the step's name on the history row."""
    if by is not None:
        obj._history_user = by
    obj._change_reason = CHANGE_REASONS[step]
    obj.save()


def _japanese_date(date: datetime.date) -> str:
    # Written into the notes, which are stored in Japanese.
    return f"{date.year}年{date.month}月{date.day}日"


# --- the steps ----------------------------------------------------------------


def mark_briefing_held(
    briefing: Briefing,
    *,
    attendees: int,
    organizations: Iterable[Organization] = (),
    minutes: str = "",
    materials: Sequence[tuple[str, File | str]] = (),
    today: datetime.date | None = None,
    by: AbstractBaseUser | None = None,
) -> Briefing:
    """Record a planned (or postponed) session as held (開催済).

    `materials` is an ordered list of (title, uploaded file or URL); a file
    must be one of the handout kinds within the size limit (core.uploads).

    Side effects, in one transaction: sets the status, the attendee count
    (参加者数) and the minutes (議事概要) and saves the briefing (a history
    row); replaces its attending organizations (another history row when they
    change); creates one `BriefingMaterial` per handout, numbered after any
    the session already has (資料1, 資料2 …; each a history row) and stores
    uploaded files in the media storage.
    """
    _check_step(briefing, "held")
    errors = held_errors(attendees=attendees, date=briefing.date, today=today or dates.today())
    if errors:
        raise errors[0]
    rows = _material_rows(materials)
    organizations = list(organizations)

    with transaction.atomic():
        briefing.status = Briefing.Status.HELD
        briefing.audience_size = attendees
        briefing.minutes = minutes.strip()
        _save(briefing, by=by, step="held")
        briefing.attending_organizations.set(organizations)
        last = briefing.materials.aggregate(last=models.Max("order"))["last"] or 0
        for number, (title, file, url) in enumerate(rows, start=last + 1):
            material = BriefingMaterial(briefing=briefing, order=number, title=title, url=url)
            if file is not None:
                material.file = file
            _save(material, by=by, step="held")
    return briefing


def mark_briefing_cancelled(
    briefing: Briefing, *, reason: str, by: AbstractBaseUser | None = None
) -> Briefing:
    """Record a planned (or postponed) session as cancelled (中止), with its reason.

    Side effects: sets the status and the reason (中止の理由) and saves the
    briefing (a history row).
    """
    _check_step(briefing, "cancelled")
    errors = cancellation_errors(reason=reason)
    if errors:
        raise errors[0]

    with transaction.atomic():
        briefing.status = Briefing.Status.CANCELLED
        briefing.cancellation_reason = reason.strip()
        _save(briefing, by=by, step="cancelled")
    return briefing


def mark_briefing_postponed(
    briefing: Briefing,
    *,
    new_date: datetime.date | None = None,
    note: str = "",
    by: AbstractBaseUser | None = None,
) -> Briefing:
    """Postpone a planned session (延期); see the module docstring for the two cases.

    Without `new_date`: status postponed, date unchanged. With `new_date`
    (later than the current date): status planned, the date moved there and
    its written form (開催日（資料の表記）) cleared, since it spelled the old
    date. A postponed session may only be postponed again with a new date.

    Side effects: a line recording the postponement and `note` is appended to
    the notes (備考, shown on the public page); the briefing is saved (a
    history row, which also keeps the old date).
    """
    _check_step(briefing, "postponed")
    if new_date is None and briefing.status == Briefing.Status.POSTPONED:
        raise BriefingTransitionError(
            _("既に延期になっています。新しい開催日を入力してください。"),
            field="new_date",
        )
    if new_date is not None and new_date <= briefing.date:
        raise BriefingTransitionError(
            _("延期後の開催日は、当初の開催日（%(date)s）より後の日にしてください。")
            % {"date": date_format(briefing.date, "DATE_FORMAT")},
            field="new_date",
        )

    if new_date is None:
        line = "延期（新しい開催日は未定）"
    else:
        line = f"延期（当初の開催日：{_japanese_date(briefing.date)}）"
    note = note.strip()
    if note:
        line = f"{line}：{note}"

    with transaction.atomic():
        if new_date is None:
            briefing.status = Briefing.Status.POSTPONED
        else:
            briefing.status = Briefing.Status.PLANNED
            briefing.date = new_date
            briefing.date_text = ""
        briefing.notes = f"{briefing.notes.rstrip()}\n{line}" if briefing.notes.strip() else line
        _save(briefing, by=by, step="postponed")
    return briefing


# What a repeat of a session inherits: what it is and where, not what happened.
DUPLICATED_FIELDS = (
    "title",
    "kind",
    "scope",
    "prefecture",
    "block",
    "location_text",
    "host",
    "thread",
    "notes",
    # How to attend, but for the application URL and deadline, which are each session's own.
    "venue_name",
    "venue_address",
    "start_time",
    "end_time",
    "audience",
    "application_method",
    "contact",
)


def duplicate_briefing(
    briefing: Briefing, *, date: datetime.date, by: AbstractBaseUser | None = None
) -> Briefing:
    """A new planned session on `date` like `briefing` (a seminar series repeats).

    Copies the title, kind, scope, place (prefecture, block, 開催箇所), host,
    thread, notes, members and how to attend (venue, times, audience,
    application method, contact); leaves out what belongs to the original
    session: its written date, application URL and deadline, attendance,
    attending organizations, minutes, materials and cancellation reason.

    Side effects: creates the briefing (a history row) and sets its members
    (another history row).
    """
    _check_step(briefing, "duplicated")
    if date is None:
        raise BriefingTransitionError(_("複製先の開催日を入力してください。"), field="date")
    members = list(briefing.members.all())

    with transaction.atomic():
        copy = Briefing(
            date=date,
            status=Briefing.Status.PLANNED,
            **{name: getattr(briefing, name) for name in DUPLICATED_FIELDS},
        )
        _save(copy, by=by, step="duplicated")
        copy.members.set(members)
    return copy
