"""The staff roles: who is an editor, a viewer or a bureau user, and a bureau's block.

Roles are Django groups, synced with their model permissions after every
`migrate` (core.access.groups, with the table in portal/roles.py): an editor
(総務省) changes everything, a viewer (監査) reads everything, and a bureau
user (総合通信局) changes only what belongs to the block of their bureau
membership (the block rule, core.access.block_rule).
"""

from __future__ import annotations

from typing import Any

import rules

EDITOR = "editor"
BUREAU = "bureau"
VIEWER = "viewer"

# Group names as staff see them in the admin; the keys above are what code uses.
GROUP_NAMES = {
    EDITOR: "編集者（総務省）",
    BUREAU: "総合通信局",
    VIEWER: "閲覧者（監査）",
}


def _in_group(user, role: str) -> bool:
    if not user.is_authenticated:
        return False
    cache = getattr(user, "_role_groups", None)
    if cache is None:
        cache = user._role_groups = set(user.groups.values_list("name", flat=True))
    return GROUP_NAMES[role] in cache


def forget_roles(user) -> None:
    """Drop the role groups cached on `user`, so the next check reads the new ones."""
    user.__dict__.pop("_role_groups", None)


def bureau_block(user) -> Any | None:
    """The block a bureau user is confined to; None for everyone else.

    The block is the one of the user's `bureau_membership` (a one-to-one
    row that networks.BureauMembership provides), read from the user so that
    core imports no app. Superusers and editors are never confined, even if
    they also hold a membership row.
    """
    if not user.is_authenticated or user.is_superuser or _in_group(user, EDITOR):
        return None
    if not _in_group(user, BUREAU):
        return None
    membership = getattr(user, "bureau_membership", None)
    return membership.block if membership else None


def is_bureau_without_block(user) -> bool:
    """A bureau user with no block assigned sees nothing (fail closed)."""
    return (
        user.is_authenticated
        and not user.is_superuser
        and not _in_group(user, EDITOR)
        and _in_group(user, BUREAU)
        and getattr(user, "bureau_membership", None) is None
    )


@rules.predicate
def is_editor(user) -> bool:
    return user.is_authenticated and (user.is_superuser or _in_group(user, EDITOR))


@rules.predicate
def is_bureau(user) -> bool:
    return bureau_block(user) is not None


@rules.predicate
def is_viewer(user) -> bool:
    return _in_group(user, VIEWER)
