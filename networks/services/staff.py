"""Writes to the networks app: giving a staff user their role (and a bureau its block)."""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..models import BureauMembership, RegionalBlock
from ..permissions import BUREAU, GROUP_NAMES


@transaction.atomic
def assign_staff_role(
    user, *, role: str, block: RegionalBlock | None = None, by=None
) -> BureauMembership | None:
    """Make `user` staff with exactly one role: editor, bureau or viewer.

    Side effects: sets `user.is_staff`; leaves the user in the group of
    `role` and in no other role group (groups that are not roles stay);
    for a bureau creates or moves the user's BureauMembership to `block`,
    for the other roles deletes any membership. Membership changes are
    saved one by one, so the audit trail records them (with `by` as the
    user who made the change, when given).

    Raises ValueError for an unknown role and ValidationError when a bureau
    user gets no block or another role gets one; nothing is written then.
    Returns the bureau membership, or None for the other roles.
    """
    if role not in GROUP_NAMES:
        raise ValueError(
            _("不明な役割です: %(role)s（%(choices)s のいずれかを指定してください）")
            % {"role": role, "choices": ", ".join(GROUP_NAMES)}
        )
    if role == BUREAU and block is None:
        raise ValidationError(
            _("総合通信局の職員には地域ブロックを指定してください。"), code="block_required"
        )
    if role != BUREAU and block is not None:
        raise ValidationError(
            _("地域ブロックを指定できるのは総合通信局の職員だけです。"), code="block_not_allowed"
        )

    if not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])

    groups = {g.name: g for g in Group.objects.filter(name__in=GROUP_NAMES.values())}
    wanted = groups.get(GROUP_NAMES[role])
    if wanted is None:
        # The groups come from portal's migration; without them no role can work.
        raise ValidationError(
            _("役割のグループ「%(group)s」がありません。migrate を実行してください。"),
            code="group_missing",
            params={"group": GROUP_NAMES[role]},
        )
    user.groups.remove(*(g for g in groups.values() if g != wanted))
    user.groups.add(wanted)
    # networks.permissions caches the user's role groups on the object.
    user.__dict__.pop("_role_groups", None)

    membership = BureauMembership.objects.filter(user=user).first()
    if role != BUREAU:
        if membership is not None:
            _record_author(membership, by)
            membership.delete()
        _forget_membership(user)
        return None
    if membership is None:
        membership = BureauMembership(user=user, block=block)
    elif membership.block_id == block.pk:
        _forget_membership(user)
        return membership
    membership.block = block
    _record_author(membership, by)
    membership.save()
    _forget_membership(user)
    return membership


def _record_author(membership: BureauMembership, by) -> None:
    # Without `by`, simple-history falls back to the request's user, if any.
    if by is not None:
        membership._history_user = by


def _forget_membership(user) -> None:
    """Drop the cached `user.bureau_membership` (or its absence), so the next read sees the new row."""
    user._state.fields_cache.pop("bureau_membership", None)
