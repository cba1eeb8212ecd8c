"""Who may do what: the staff roles and the one block rule.

Roles are Django groups (created by portal/migrations, see portal/roles.py):
an editor (総務省) changes everything, a viewer (監査) reads everything, and a
bureau user (総合通信局) changes only what belongs to the block of their
`BureauMembership`. Model-level permissions come from the groups; the block
rule is the object-level predicate `in_own_block`, registered per model in
each app's permissions.py and applied in the admin by `BlockScopedAdmin`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import rules

if TYPE_CHECKING:
    from .models import RegionalBlock

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


def bureau_block(user) -> RegionalBlock | None:
    """The block a bureau user is confined to; None for everyone else.

    Superusers and editors are never confined, even if they also hold a
    membership row.
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


def block_id_of(obj) -> int | None:
    """The block an object belongs to, for the block rule.

    Models say how through `block_rule_block_id()`; otherwise their own
    `block_id` field is the answer.
    """
    getter = getattr(obj, "block_rule_block_id", None)
    if getter is not None:
        return getter()
    return getattr(obj, "block_id", None)


@rules.predicate
def in_own_block(user, obj) -> bool:
    """The block rule: the object lies in the bureau user's own block.

    Without an object this is a model-level question, which the groups'
    model permissions answer, so the predicate says no.
    """
    if obj is None:
        return False
    block = bureau_block(user)
    return block is not None and block_id_of(obj) == block.pk


# An object a bureau may change: its own block's; editors change anything.
can_edit_in_block = is_editor | (is_bureau & in_own_block)
# Editors and viewers read all; a bureau reads its own block's.
can_view_in_block = is_editor | is_viewer | (is_bureau & in_own_block)


def register_block_rules(app_label: str, *model_names: str, others_visible: bool = False) -> None:
    """Register the block rule for the object-level view/change/delete perms.

    With `others_visible`, a bureau may view (not change) other blocks' rows,
    e.g. organizations it must pick as a host.
    """
    view = (is_editor | is_viewer | is_bureau) if others_visible else can_view_in_block
    for name in model_names:
        rules.set_perm(f"{app_label}.view_{name}", view)
        rules.set_perm(f"{app_label}.change_{name}", can_edit_in_block)
        rules.set_perm(f"{app_label}.delete_{name}", can_edit_in_block)


# Organizations: a bureau changes its block's, and sees all (to pick a host).
register_block_rules("networks", "organization", others_visible=True)
