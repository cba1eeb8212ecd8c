"""The national network's writes: matches, projects and dispatches moving through their status.

The allowed transitions are data (`MATCH_TRANSITIONS`, `PROJECT_TRANSITIONS`,
`DISPATCH_TRANSITIONS`: state → the states it may move to). Every step checks
before it writes: a step that is not allowed raises `TransitionError` with a
Japanese message for staff and changes nothing. An allowed step saves through
`save()` (never `update()`), so django-simple-history records it with the
acting user (`by`) and the step as the change reason; a project's step also
writes a dated `ProjectStatusChange`.

Who counts as a member of the network is asked in one place,
`network_members()`, so the membership (networks.models.membership) is
connected there and nowhere else.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db import models, transaction
from django.db.models import QuerySet
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from core import dates

from ..models import (
    Dispatch,
    DispatchStatus,
    Field,
    Match,
    MatchStatus,
    Need,
    NetworkMembership,
    Offer,
    Organization,
    Project,
    ProjectStatus,
    ProjectStatusChange,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

MATCH_TRANSITIONS: dict[str, tuple[str, ...]] = {
    MatchStatus.PROPOSED: (MatchStatus.IN_TALKS, MatchStatus.AGREED, MatchStatus.DECLINED),
    MatchStatus.IN_TALKS: (MatchStatus.AGREED, MatchStatus.DECLINED),
    MatchStatus.AGREED: (),
    MatchStatus.DECLINED: (),
}
PROJECT_TRANSITIONS: dict[str, tuple[str, ...]] = {
    ProjectStatus.PROPOSED: (ProjectStatus.SELECTED, ProjectStatus.WITHDRAWN),
    ProjectStatus.SELECTED: (ProjectStatus.UNDER_WAY, ProjectStatus.WITHDRAWN),
    ProjectStatus.UNDER_WAY: (ProjectStatus.IMPLEMENTED, ProjectStatus.WITHDRAWN),
    ProjectStatus.IMPLEMENTED: (),
    ProjectStatus.WITHDRAWN: (),
}
DISPATCH_TRANSITIONS: dict[str, tuple[str, ...]] = {
    DispatchStatus.REQUESTED: (DispatchStatus.ARRANGED,),
    DispatchStatus.ARRANGED: (DispatchStatus.DONE,),
    DispatchStatus.DONE: (),
}
TRANSITIONS: dict[type[models.Model], dict[str, tuple[str, ...]]] = {
    Match: MATCH_TRANSITIONS,
    Project: PROJECT_TRANSITIONS,
    Dispatch: DISPATCH_TRANSITIONS,
}

# History change reasons are stored data, kept in the record's language.
CHANGE_REASON = "状況の変更：%(from)s → %(to)s"


class TransitionError(Exception):
    """A status change that is not allowed. Nothing was changed."""

    def __init__(self, message, *, field: str | None = None):
        super().__init__(str(message))
        self.message = message
        self.field = field


# --- membership ----------------------------------------------------------------------


def network_members() -> QuerySet[Organization]:
    """The organizations that are current members of the national network
    (a NetworkMembership not ended): only they post needs, offers and projects."""
    return Organization.objects.filter(
        pk__in=NetworkMembership.objects.current().values("organization")
    )


def member_municipalities() -> QuerySet[Organization]:
    """Members that are municipalities: a local government with its 団体コード."""
    return network_members().filter(
        kind=Organization.Kind.LOCAL_GOVERNMENT, municipality__isnull=False
    )


def membership_error(organization: Organization, *, municipality: bool):
    """Why `organization` may not take part here (a message), or None."""
    members = member_municipalities() if municipality else network_members()
    if members.filter(pk=organization.pk).exists():
        return None
    if municipality:
        return _("「%(name)s」は全国ネットワークに参加している市区町村ではありません。") % {
            "name": organization.name
        }
    return _("「%(name)s」は全国ネットワークの参加団体ではありません。") % {
        "name": organization.name
    }


# --- transitions ---------------------------------------------------------------------


def allowed_next(obj: Match | Project | Dispatch) -> tuple[str, ...]:
    """The states `obj` may move to from its current one."""
    return TRANSITIONS[type(obj)][obj.status]


def transition_error(obj: Match | Project | Dispatch, to: str) -> TransitionError | None:
    """Why `obj` cannot move to `to`, or None."""
    status_class = type(obj).Status
    if to not in status_class.values:
        return TransitionError(_("状況「%(to)s」はありません。") % {"to": to}, field="to")
    current = obj.get_status_display()
    target = status_class(to).label
    if to == obj.status:
        return TransitionError(_("すでに「%(status)s」です。") % {"status": current}, field="to")
    allowed = allowed_next(obj)
    if not allowed:
        return TransitionError(
            _("「%(status)s」は最終の状況のため、変更できません。") % {"status": current},
            field="to",
        )
    if to not in allowed:
        return TransitionError(
            _("「%(from)s」から「%(to)s」には変更できません。変更できるのは%(allowed)sです。")
            % {
                "from": current,
                "to": target,
                "allowed": "、".join(f"「{status_class(s).label}」" for s in allowed),
            },
            field="to",
        )
    return None


def _label(obj) -> str:
    with translation.override("ja"):
        return str(obj.get_status_display())


def _save(obj, *, old_label: str, by) -> None:
    if by is not None:
        obj._history_user = by
    with translation.override("ja"):
        obj._change_reason = CHANGE_REASON % {"from": old_label, "to": obj.get_status_display()}
    try:
        obj.save()
    finally:
        del obj._change_reason


def _check(obj, to: str) -> None:
    error = transition_error(obj, to)
    if error is not None:
        raise error


def _date_error(on: datetime.date, *, after: datetime.date, label) -> TransitionError | None:
    if on < after:
        return TransitionError(
            _("日付は%(label)s（%(date)s）以降にしてください。")
            % {"label": label, "date": date_format(after, "DATE_FORMAT")},
            field="on",
        )
    return None


@transaction.atomic
def move_match(
    match: Match, *, to: str, on: datetime.date | None = None, by: AbstractBaseUser | None = None
) -> Match:
    """Move a match to `to` (MATCH_TRANSITIONS). Agreeing or declining sets
    its decided date (`on`, default today in Japan). Side effects: saves the
    match (one history record). Raises TransitionError, changing nothing."""
    _check(match, to)
    on = on or dates.today()
    decided = to in (MatchStatus.AGREED, MatchStatus.DECLINED)
    if decided:
        error = _date_error(on, after=match.proposed_on, label=_("提案日"))
        if error is not None:
            raise error
    old = _label(match)
    match.status = to
    match.decided_on = on if decided else None
    _save(match, old_label=old, by=by)
    return match


@transaction.atomic
def record_match(
    need: Need, offer: Offer, *, on: datetime.date | None = None, note: str = "", by=None
) -> Match:
    """Propose a match between `need` and `offer` (status 提案). Refused with
    a TransitionError when the pair is already matched or either is closed."""
    if Match.objects.filter(need=need, offer=offer).exists():
        raise TransitionError(
            _("この地域課題とソリューション提案は、すでにマッチングされています。")
        )
    for row, label in ((need, _("地域課題")), (offer, _("ソリューション提案"))):
        if row.status != "open":
            raise TransitionError(
                _("%(label)s「%(title)s」は募集を終了しています。")
                % {"label": label, "title": row.title}
            )
    match = Match(need=need, offer=offer, proposed_on=on or dates.today(), note=note)
    if by is not None:
        match._history_user = by
    match.save()
    return match


@transaction.atomic
def propose_project(
    *,
    title: str,
    lead: Organization,
    field: Field,
    summary: str = "",
    partners=(),
    spread_from: Project | None = None,
    on: datetime.date | None = None,
    by=None,
) -> Project:
    """Record a proposed project and the first row of its status history.
    Refused (TransitionError) when the lead is not a member municipality."""
    error = membership_error(lead, municipality=True)
    if error is not None:
        raise TransitionError(error, field="lead")
    on = on or dates.today()
    project = Project(
        title=title,
        lead=lead,
        field=field,
        summary=summary,
        spread_from=spread_from,
        status=ProjectStatus.PROPOSED,
        status_since=on,
    )
    if by is not None:
        project._history_user = by
    project.save()
    if partners:
        project.partners.set(partners)
    start_status_history(project, on=on)
    return project


def start_status_history(project: Project, *, on: datetime.date, note: str = "") -> None:
    """The first dated row of a new project's history: its status as recorded."""
    ProjectStatusChange.objects.create(
        project=project, date=on, from_status="", to_status=project.status, note=note
    )


@transaction.atomic
def move_project(
    project: Project,
    *,
    to: str,
    on: datetime.date | None = None,
    note: str = "",
    by: AbstractBaseUser | None = None,
) -> Project:
    """Move a project to `to` (PROJECT_TRANSITIONS) on `on` (default today in
    Japan). Side effects: saves the project (one history record) and adds a
    dated ProjectStatusChange. Raises TransitionError, changing nothing."""
    _check(project, to)
    on = on or dates.today()
    error = _date_error(on, after=project.status_since, label=_("現在の状況になった日"))
    if error is not None:
        raise error
    old_status, old = project.status, _label(project)
    project.status = to
    project.status_since = on
    _save(project, old_label=old, by=by)
    ProjectStatusChange.objects.create(
        project=project, date=on, from_status=old_status, to_status=to, note=note[:300]
    )
    return project


@transaction.atomic
def move_dispatch(dispatch: Dispatch, *, to: str, by: AbstractBaseUser | None = None) -> Dispatch:
    """Move a dispatch to `to` (DISPATCH_TRANSITIONS). Marking it done needs
    its period to have started. Side effects: saves the dispatch (one history
    record). Raises TransitionError, changing nothing."""
    _check(dispatch, to)
    if to == DispatchStatus.DONE and dispatch.start_on > dates.today():
        raise TransitionError(
            _("開始日（%(date)s）が今日より後のため、派遣済にできません。")
            % {"date": date_format(dispatch.start_on, "DATE_FORMAT")},
            field="to",
        )
    old = _label(dispatch)
    dispatch.status = to
    _save(dispatch, old_label=old, by=by)
    return dispatch
