"""Writes of core.access: giving a staff user their role group."""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from .roles import GROUP_NAMES, forget_roles


def check_role(role: str) -> None:
    """Raise ValueError, in Japanese, for a role that does not exist."""
    if role not in GROUP_NAMES:
        raise ValueError(
            gettext("不明な役割です: %(role)s（%(choices)s のいずれかを指定してください）")
            % {"role": role, "choices": ", ".join(GROUP_NAMES)}
        )


@transaction.atomic
def grant_role(user, *, role: str) -> None:
    """Make `user` staff holding exactly the group of `role`.

    Side effects: sets `user.is_staff`; leaves the user in the group of
    `role` and in no other role group (groups that are not roles stay).
    Raises ValueError for an unknown role and ValidationError when the
    role's group does not exist; nothing is written then.
    """
    check_role(role)
    if not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])

    groups = {g.name: g for g in Group.objects.filter(name__in=GROUP_NAMES.values())}
    wanted = groups.get(GROUP_NAMES[role])
    if wanted is None:
        # The groups are synced after migrate; without them no role can work.
        raise ValidationError(
            gettext("役割のグループ「%(group)s」がありません。migrate を実行してください。"),
            code="group_missing",
            params={"group": GROUP_NAMES[role]},
        )
    user.groups.remove(*(g for g in groups.values() if g != wanted))
    user.groups.add(wanted)
    forget_roles(user)
