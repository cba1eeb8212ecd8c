"""Writes to the networks app: giving a staff user their role (and a bureau its block)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from core.access import BUREAU, check_role, forget_roles, grant_role

from ..models import BureauMembership, RegionalBlock


@transaction.atomic
def assign_staff_role(
    user, *, role: str, block: RegionalBlock | None = None, by=None
) -> BureauMembership | None:
    """Make `user` staff with exactly one role: editor, bureau or viewer.

    Side effects: the role's group through core.access.grant_role (sets
    `user.is_staff`; leaves the user in the group of `role` and in no other
    role group; groups that are not roles stay); for a bureau creates or
    moves the user's BureauMembership to `block`, for the other roles
    deletes any membership. Membership changes are saved one by one, so the
    audit trail records them (with `by` as the user who made the change,
    when given).

    Raises ValueError for an unknown role and ValidationError when a bureau
    user gets no block or another role gets one; nothing is written then.
    Returns the bureau membership, or None for the other roles.
    """
    check_role(role)
    if role == BUREAU and block is None:
        raise ValidationError(
            gettext("総合通信局の職員には地域ブロックを指定してください。"),
            code="block_required",
        )
    if role != BUREAU and block is not None:
        raise ValidationError(
            gettext("地域ブロックを指定できるのは総合通信局の職員だけです。"),
            code="block_not_allowed",
        )
    grant_role(user, role=role)

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
    """Drop the cached `user.bureau_membership` (or its absence) and the scope read
    from it, so the next read sees the new row."""
    user._state.fields_cache.pop("bureau_membership", None)
    forget_roles(user)
