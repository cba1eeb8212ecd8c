"""Writes of the national network: applying, reviewing, leaving.

pending ──approve──▶ approved (the Organization created or linked, and one
current NetworkMembership)
pending ──reject (with a note)──▶ rejected
a current membership ──leave (a date)──▶ left (the row stays: history)

Every step checks before it writes: a refused step raises
`NetworkMembershipError` (a ValidationError with a message for the person)
and changes nothing. Approving an approved application again changes
nothing and returns its membership (idempotent).
"""

from __future__ import annotations

import datetime
import logging
import unicodedata
from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext

from core import dates
from core.access import EDITOR, GROUP_NAMES

from ..models import (
    Field,
    Municipality,
    NetworkApplication,
    NetworkMembership,
    Organization,
    Prefecture,
)

logger = logging.getLogger(__name__)

Kind = NetworkApplication.ApplicantKind
Status = NetworkApplication.Status


class NetworkMembershipError(ValidationError):
    """A refused step; nothing was written. `str(error)` is its message."""

    def __str__(self) -> str:
        return " ".join(self.messages)


def normalise_name(name: str) -> str:
    """An organization's name as typed, compared as stored: NFKC, no outer spaces."""
    return unicodedata.normalize("NFKC", name).strip()


# --- applying --------------------------------------------------------------------


def duplicate_reason(
    *, municipality: Municipality | None = None, organization_name: str = ""
) -> str | None:
    """Why an application for this applicant is refused as a duplicate, or None.

    A municipality is the same applicant by its code (its Municipality row),
    never by its name; an organization by its name.
    """
    if municipality is not None:
        if NetworkMembership.objects.current().filter(organization__municipality=municipality):
            return gettext("%(name)s（団体コード %(code)s）は既に全国ネットワークの会員です。") % {
                "name": municipality.name,
                "code": municipality.code,
            }
        pending = NetworkApplication.objects.filter(
            status=Status.PENDING, municipality=municipality
        )
        if pending.exists():
            return gettext(
                "%(name)s（団体コード %(code)s）の加入申込は既に受け付けており、審査中です。"
            ) % {"name": municipality.name, "code": municipality.code}
        return None
    name = normalise_name(organization_name)
    if NetworkMembership.objects.current().filter(organization__name=name).exists():
        return gettext("「%(name)s」は既に全国ネットワークの会員です。") % {"name": name}
    pending = NetworkApplication.objects.filter(
        status=Status.PENDING, organization_name__iexact=name
    )
    if pending.exists():
        return gettext("「%(name)s」の加入申込は既に受け付けており、審査中です。") % {"name": name}
    return None


def submit_application(
    *,
    applicant_kind: str,
    contact_name: str,
    email: str,
    fields: Iterable[Field] = (),
    municipality: Municipality | None = None,
    organization_name: str = "",
    organization_kind: str = "",
    prefecture: Prefecture | None = None,
    message: str = "",
) -> NetworkApplication:
    """Record a pending application and, once it is committed, send the
    applicant's receipt and the editors' notice (notify_new_application).

    Raises NetworkMembershipError for a duplicate (the reason says which);
    nothing is written then. A municipality's prefecture is its own.
    """
    if applicant_kind == Kind.MUNICIPALITY:
        if municipality is None:
            raise NetworkMembershipError(gettext("団体コードを入力してください。"))
        organization_name, organization_kind = "", ""
        prefecture = municipality.prefecture
    else:
        municipality = None
        organization_name = normalise_name(organization_name)
    reason = duplicate_reason(municipality=municipality, organization_name=organization_name)
    if reason:
        raise NetworkMembershipError(reason, code="duplicate")
    application = NetworkApplication(
        applicant_kind=applicant_kind,
        municipality=municipality,
        organization_name=organization_name,
        organization_kind=organization_kind,
        prefecture=prefecture,
        contact_name=contact_name.strip(),
        email=email.strip(),
        message=message,
    )
    try:
        with transaction.atomic():
            application.save()
            application.fields.set(fields)
    except IntegrityError:
        # Two identical applications at once: the constraint kept one.
        raise NetworkMembershipError(
            duplicate_reason(municipality=municipality, organization_name=organization_name)
            or gettext("この申込は既に受け付けています。"),
            code="duplicate",
        ) from None
    transaction.on_commit(lambda: notify_new_application(application))
    return application


def editor_addresses() -> list[str]:
    """Who hears of a new application: the active editors with an e-mail
    address, and NETWORK_NOTIFY_EMAILS."""
    users = (
        get_user_model()
        .objects.filter(is_active=True, groups__name=GROUP_NAMES[EDITOR])
        .exclude(email="")
    )
    addresses = list(users.values_list("email", flat=True).distinct().order_by("email"))
    for address in getattr(settings, "NETWORK_NOTIFY_EMAILS", ()):
        if address not in addresses:
            addresses.append(address)
    return addresses


def notify_new_application(application: NetworkApplication) -> None:
    """The applicant's receipt, and the editors' notice (no personal data
    beyond the applicant's name: the details are in the admin).

    A mail server that fails is logged, not raised: the application is
    already recorded and waits in the admin either way.
    """
    try:
        _send_notices(application)
    except Exception:
        logger.exception("network application %s: the mails were not sent", application.pk)


def _send_notices(application: NetworkApplication) -> None:
    name = application.applicant_name
    send_mail(
        gettext("【地域IoT実装推進】全国ネットワークへの加入申込を受け付けました"),
        gettext(
            "%(contact)s 様\n\n"
            "%(name)s の全国ネットワーク（官民連携の全国ネットワーク）への加入申込を"
            "受け付けました（受付番号 %(number)s）。\n"
            "総務省の担当者が内容を確認し、結果をこのアドレスにお知らせします。"
            "承認されるまで、会員名簿には掲載されません。\n\n"
            "このメールに心当たりがない場合は、破棄してください。\n"
        )
        % {"contact": application.contact_name, "name": name, "number": application.pk},
        None,
        [application.email],
    )
    editors = editor_addresses()
    if editors:
        send_mail(
            gettext("【地域IoT実装推進】全国ネットワークへの新しい加入申込：%(name)s")
            % {"name": name},
            gettext(
                "全国ネットワークへの加入申込がありました。\n\n"
                "申込者：%(name)s（%(kind)s）\n受付番号：%(number)s\n\n"
                "管理画面の「全国ネットワークへの加入申込」で審査してください。\n"
            )
            % {
                "name": name,
                "kind": application.get_applicant_kind_display(),
                "number": application.pk,
            },
            None,
            editors,
        )


# --- reviewing ---------------------------------------------------------------------


def _record_author(obj, by) -> None:
    if by is not None:
        obj._history_user = by


def _locked(application: NetworkApplication) -> NetworkApplication:
    return NetworkApplication.objects.select_for_update().get(pk=application.pk)


def _organization_for(application: NetworkApplication, by) -> Organization:
    """The applicant's Organization: a municipality's by its Municipality
    row (never by name), an organization's by its name; made when missing."""
    if application.municipality_id:
        municipality = application.municipality
        candidates = Organization.objects.filter(municipality=municipality).order_by("pk")
        found = (
            candidates.filter(kind=Organization.Kind.LOCAL_GOVERNMENT).first() or candidates.first()
        )
        if found is not None:
            return found
        name = municipality.name
        if Organization.objects.filter(name=name).exists():
            # 伊達市 (北海道) and 伊達市 (福島県): a repeated name carries its prefecture.
            name = f"{municipality.name}（{municipality.prefecture.name}）"
        organization = Organization(
            name=name,
            kind=Organization.Kind.LOCAL_GOVERNMENT,
            municipality=municipality,
        )
    else:
        found = Organization.objects.filter(name=application.organization_name).first()
        if found is not None:
            return found
        organization = Organization(
            name=application.organization_name,
            kind=application.organization_kind,
            prefecture=application.prefecture,
        )
    _record_author(organization, by)
    organization.save()
    return organization


@transaction.atomic
def approve_application(
    application: NetworkApplication,
    *,
    by,
    joined_on: datetime.date | None = None,
    note: str = "",
) -> NetworkMembership:
    """Approve: link or create the Organization and its one current membership
    (joined `joined_on`, default today in Japan, with the application's fields).

    An approved application approved again returns its membership and
    changes nothing. A rejected one is refused (NetworkMembershipError).
    """
    application = _locked(application)
    if application.status == Status.APPROVED:
        current = NetworkMembership.objects.current().filter(
            organization_id=application.organization_id
        )
        membership = current.first()
        if membership is not None:
            return membership
        raise NetworkMembershipError(
            gettext("この申込は承認済みですが、団体は既に退会しています。"), code="left"
        )
    if application.status != Status.PENDING:
        raise NetworkMembershipError(
            gettext("却下した申込は承認できません。改めて申し込んでもらってください。"),
            code="rejected",
        )
    joined_on = joined_on or dates.today()
    organization = _organization_for(application, by)
    membership = NetworkMembership.objects.current().filter(organization=organization).first()
    if membership is None:
        membership = NetworkMembership(organization=organization, joined_on=joined_on)
        _record_author(membership, by)
        membership.save()
        membership.fields.set(application.fields.all())
    application.organization = organization
    _decide(application, Status.APPROVED, by=by, note=note or application.review_note)
    return membership


@transaction.atomic
def reject_application(application: NetworkApplication, *, by, note: str) -> NetworkApplication:
    """Reject a pending application, saying why (`note`, required)."""
    application = _locked(application)
    if not note.strip():
        raise NetworkMembershipError(
            gettext("却下の理由を審査メモに書いてください。"), code="note_required"
        )
    if application.status != Status.PENDING:
        raise NetworkMembershipError(
            gettext("審査中の申込だけを却下できます（この申込は「%(status)s」です）。")
            % {"status": application.get_status_display()},
            code="not_pending",
        )
    _decide(application, Status.REJECTED, by=by, note=note.strip())
    return application


def _decide(application: NetworkApplication, status: str, *, by, note: str) -> None:
    """Record an editor's decision on an application: its status, the note, who and when."""
    application.status = status
    application.review_note = note
    application.reviewed_by = by
    application.reviewed_at = timezone.now()
    _record_author(application, by)
    application.save()


@transaction.atomic
def leave_network(
    membership: NetworkMembership, *, by, left_on: datetime.date | None = None, note: str = ""
) -> NetworkMembership:
    """End a current membership on `left_on` (default today in Japan); the row stays."""
    membership = NetworkMembership.objects.select_for_update().get(pk=membership.pk)
    left_on = left_on or dates.today()
    if membership.left_on is not None:
        raise NetworkMembershipError(
            gettext("%(name)s は既に退会しています（%(date)s）。")
            % {"name": membership.organization, "date": membership.left_on.isoformat()},
            code="already_left",
        )
    if left_on < membership.joined_on:
        raise NetworkMembershipError(
            gettext("退会日は加入日（%(date)s）以降の日付にしてください。")
            % {"date": membership.joined_on.isoformat()},
            code="before_joined",
        )
    if left_on > dates.today():
        raise NetworkMembershipError(gettext("退会日に未来の日付は指定できません。"), code="future")
    membership.left_on = left_on
    if note.strip():
        membership.note = "\n".join(filter(None, [membership.note, note.strip()]))
    _record_author(membership, by)
    membership.save()
    return membership
