"""Writes to the networks app: giving a staff user their role, a bureau its
block and a local government's staff their municipality or prefecture."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from core.access import BUREAU, LOCAL, check_role, forget_roles, grant_role

from ..models import (
    BureauMembership,
    LocalGovernmentMembership,
    Municipality,
    Prefecture,
    RegionalBlock,
)


def _check_places(role, block, municipality, prefecture) -> None:
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
    local_places = (municipality is not None) + (prefecture is not None)
    if role == LOCAL and local_places != 1:
        raise ValidationError(
            gettext("地方公共団体の職員には市区町村か都道府県のどちらか一方を指定してください。"),
            code="local_government_required",
        )
    if role != LOCAL and local_places:
        raise ValidationError(
            gettext("市区町村・都道府県を指定できるのは地方公共団体の職員だけです。"),
            code="local_government_not_allowed",
        )


@transaction.atomic
def assign_staff_role(
    user,
    *,
    role: str,
    block: RegionalBlock | None = None,
    municipality: Municipality | None = None,
    prefecture: Prefecture | None = None,
    by=None,
) -> BureauMembership | LocalGovernmentMembership | None:
    """Make `user` staff with exactly one role: editor, bureau, local or viewer.

    Side effects: the role's group through core.access.grant_role (sets
    `user.is_staff`; leaves the user in the group of `role` and in no other
    role group; groups that are not roles stay); for a bureau creates or
    moves the user's BureauMembership to `block`, for a local government's
    staff its LocalGovernmentMembership to `municipality` or `prefecture`;
    the memberships the role does not use are deleted. Membership changes
    are saved one by one, so the audit trail records them (with `by` as the
    user who made the change, when given).

    Raises ValueError for an unknown role and ValidationError when a bureau
    user gets no block, a local user not exactly one local government, or
    another role either; nothing is written then. Returns the membership, or
    None for the roles without one.
    """
    check_role(role)
    _check_places(role, block, municipality, prefecture)
    grant_role(user, role=role)

    bureau = _keep(BureauMembership, user, role == BUREAU, by, block=block)
    local = _keep(
        LocalGovernmentMembership,
        user,
        role == LOCAL,
        by,
        municipality=municipality,
        prefecture=prefecture,
    )
    for name in ("bureau_membership", "local_government_membership"):
        # Drop the cached membership (or its absence) and the scope read from it.
        user._state.fields_cache.pop(name, None)
    forget_roles(user)
    return bureau or local


def _keep(model, user, wanted: bool, by, **places):
    """The user's membership of `model` set to `places`, or deleted when not `wanted`."""
    membership = model.objects.filter(user=user).first()
    if not wanted:
        if membership is not None:
            _record_author(membership, by)
            membership.delete()
        return None
    if membership is None:
        membership = model(user=user, **places)
    elif all(getattr(membership, name) == value for name, value in places.items()):
        return membership
    for name, value in places.items():
        setattr(membership, name, value)
    _record_author(membership, by)
    membership.save()
    return membership


def _record_author(membership, by) -> None:
    # Without `by`, simple-history falls back to the request's user, if any.
    if by is not None:
        membership._history_user = by
