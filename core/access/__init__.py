"""Access: the staff roles, the one block rule and the groups' permissions.

- `roles`: editor (総務省), bureau (総合通信局), viewer (監査) as Django
  groups; `bureau_block(user)` is the block a bureau user is confined to;
- `block_rule`: the object-level predicate every app registers for its
  block-scoped models (`register_block_rules`, in `<app>/permissions.py`);
- `groups`: a `RolePolicy` (the project's is portal/roles.py) turned into the
  groups' model permissions, after every `migrate` and by `manage.py sync_roles`;
- `services`: `grant_role`, the write that puts a user in a role's group (a
  bureau's block is networks' business: networks.services.assign_staff_role).
"""

from .block_rule import (
    block_id_of,
    can_edit_in_block,
    can_view_in_block,
    in_own_block,
    register_block_rules,
)
from .groups import RolePolicy, role_permissions, sync_role_groups
from .roles import (
    BUREAU,
    EDITOR,
    GROUP_NAMES,
    VIEWER,
    bureau_block,
    forget_roles,
    is_bureau,
    is_bureau_without_block,
    is_editor,
    is_viewer,
)
from .services import check_role, grant_role

__all__ = [
    "BUREAU",
    "EDITOR",
    "GROUP_NAMES",
    "VIEWER",
    "RolePolicy",
    "block_id_of",
    "bureau_block",
    "can_edit_in_block",
    "can_view_in_block",
    "check_role",
    "forget_roles",
    "grant_role",
    "in_own_block",
    "is_bureau",
    "is_bureau_without_block",
    "is_editor",
    "is_viewer",
    "register_block_rules",
    "role_permissions",
    "sync_role_groups",
]
