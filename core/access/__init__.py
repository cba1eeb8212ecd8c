"""Access: the staff roles, the one access rule and the groups' permissions.

- `roles`: the roles as data (`ROLES`: editor 総務省, bureau 総合通信局,
  local 地方公共団体, viewer 監査) and `user_scope(user)`, how far one user reaches;
- `scope`: how each model's rows belong to a block (and a municipality),
  declared once per model in its app's permissions.py (`register_scope`,
  `register_place`), and the queryset filter, object check and form choices
  derived from it;
- `rule`: the object permissions: the group's permission, within reach;
- `groups`: a `RolePolicy` (the project's is portal/roles.py) turned into the
  groups' model permissions, after every `migrate` and by `manage.py sync_roles`;
- `services`: `grant_role`, the write that puts a user in a role's group (a
  bureau's block is networks' business: networks.services.assign_staff_role).
"""

from .groups import Grants, RolePolicy, role_permissions, sync_role_groups
from .roles import (
    BLOCK,
    BUREAU,
    EDITOR,
    EVERYTHING,
    GROUP_NAMES,
    LOCAL,
    MUNICIPALITY,
    PREFECTURE,
    ROLES,
    VIEWER,
    Role,
    UserScope,
    bureau_block,
    forget_roles,
    is_bureau,
    is_bureau_without_block,
    is_editor,
    is_viewer,
    user_scope,
)
from .rule import can_edit_in_scope, can_view_in_scope, in_own_scope
from .scope import (
    Scoped,
    declared_scope,
    place_id_of,
    register_place,
    register_scope,
    scope_of,
)
from .services import check_role, grant_role

# The names the block rule had before the municipality level: still the same rule.
can_edit_in_block = can_edit_in_scope
can_view_in_block = can_view_in_scope
in_own_block = in_own_scope


def block_id_of(obj):
    """The block `obj` belongs to, by its model's declaration (None: none)."""
    return place_id_of(obj, BLOCK)


__all__ = [
    "BLOCK",
    "BUREAU",
    "EDITOR",
    "EVERYTHING",
    "GROUP_NAMES",
    "LOCAL",
    "MUNICIPALITY",
    "PREFECTURE",
    "ROLES",
    "VIEWER",
    "Grants",
    "Role",
    "RolePolicy",
    "Scoped",
    "UserScope",
    "block_id_of",
    "bureau_block",
    "can_edit_in_block",
    "can_edit_in_scope",
    "can_view_in_block",
    "can_view_in_scope",
    "check_role",
    "declared_scope",
    "forget_roles",
    "grant_role",
    "in_own_block",
    "in_own_scope",
    "is_bureau",
    "is_bureau_without_block",
    "is_editor",
    "is_viewer",
    "place_id_of",
    "register_place",
    "register_scope",
    "role_permissions",
    "scope_of",
    "sync_role_groups",
    "user_scope",
]
