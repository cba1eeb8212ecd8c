"""The one block rule: a bureau user acts only on its own block's rows.

The rule is the object-level predicate `in_own_block`, registered per model
by each app's permissions.py (`register_block_rules`) and applied in the
admin by core.admin.scoped.BlockScopedAdmin and in imports by
core.spreadsheets.StaffResource. Model-level permissions come from the
role groups (core.access.groups).
"""

from __future__ import annotations

import rules

from .roles import bureau_block, is_bureau, is_editor, is_viewer


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
