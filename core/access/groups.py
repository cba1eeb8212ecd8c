"""The role groups and their model permissions, kept in step with a `RolePolicy`.

Which permissions each role holds is the project's policy (portal/roles.py,
the layer that knows every app); this module turns such a policy into the
three groups. `sync_role_groups` runs after every `migrate` (a `post_migrate`
handler, portal.apps) and on demand (`manage.py sync_roles`), so a fresh
database and an old one end with the same groups, and no migration imports
this live code.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import DEFAULT_DB_ALIAS, router, transaction

from .roles import BUREAU, EDITOR, GROUP_NAMES, VIEWER


@dataclass(frozen=True)
class RolePolicy:
    """What each role's group holds.

    - editors: every permission of `apps`, and their `accounts` permissions;
    - viewers: every view permission of `apps`, and their `accounts` permissions;
    - bureaus: the view permissions of `apps` but for the models in
      `bureau_hidden`, the actions of `bureau_actions` (per "app_label.model"),
      and their `accounts` permissions. Which rows a bureau may act on is
      decided per object by the block rule.
    """

    apps: tuple[str, ...]
    bureau_actions: dict[str, tuple[str, ...]]
    bureau_hidden: tuple[str, ...] = ()
    # role -> "app_label.codename" beyond `apps` (staff accounts, login records …).
    accounts: dict[str, tuple[str, ...]] = field(default_factory=dict)


def _model(perm) -> str:
    return f"{perm.content_type.app_label}.{perm.content_type.model}"


def role_permissions(policy: RolePolicy, role: str, *, apps=global_apps, using=DEFAULT_DB_ALIAS):
    """The permissions `policy` gives the group of `role`."""
    Permission = apps.get_model("auth", "Permission")
    perms = list(
        Permission.objects.using(using)
        .filter(content_type__app_label__in=policy.apps)
        .select_related("content_type")
    )
    wanted = set(policy.accounts.get(role, ()))
    accounts = [
        p
        for p in Permission.objects.using(using)
        .filter(content_type__app_label__in={name.split(".")[0] for name in wanted})
        .select_related("content_type")
        if f"{p.content_type.app_label}.{p.codename}" in wanted
    ]
    if role == EDITOR:
        return perms + accounts
    views = [p for p in perms if p.codename.startswith("view_")]
    if role == VIEWER:
        return views + accounts
    granted = [
        p for p in perms if p.codename.split("_", 1)[0] in policy.bureau_actions.get(_model(p), ())
    ]
    views = [p for p in views if _model(p) not in policy.bureau_hidden]
    return views + granted + accounts


@transaction.atomic
def sync_role_groups(policy: RolePolicy, *, apps=global_apps, using=DEFAULT_DB_ALIAS) -> None:
    """Create the three role groups, or bring them back to `policy`.

    Side effects: creates any missing content types and permissions (Django
    creates them after `migrate` too; the groups need them now), creates the
    groups that do not exist and sets each group's permissions to exactly
    what `policy` gives it. Running it again changes nothing.
    """
    try:
        Group = apps.get_model("auth", "Group")
    except LookupError:
        return  # auth is not installed or not migrated (yet) in `apps`
    if not router.allow_migrate_model(using, Group):
        return
    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using, apps=apps)
    for role in (EDITOR, BUREAU, VIEWER):
        group, _created = Group.objects.using(using).get_or_create(name=GROUP_NAMES[role])
        group.permissions.set(role_permissions(policy, role, apps=apps, using=using))
