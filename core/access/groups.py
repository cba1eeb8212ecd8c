"""The role groups and their model permissions, kept in step with a `RolePolicy`.

Which permissions each role holds is the project's policy (portal/roles.py,
the layer that knows every app): one `Grants` entry per role of
core.access.roles.ROLES. This module turns such a policy into the groups.
`sync_role_groups` runs after every `migrate` (a `post_migrate` handler,
portal.apps) and on demand (`manage.py sync_roles`), so a fresh database and
an old one end with the same groups, and no migration imports this live code.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.core.exceptions import ImproperlyConfigured
from django.db import DEFAULT_DB_ALIAS, router, transaction

from .roles import ROLES


@dataclass(frozen=True)
class Grants:
    """What one role's group holds.

    Within the policy's apps: every permission (`everything`), or every
    view permission (`views`) but for the models in `hidden`, and the
    `actions` beyond viewing per "app_label.model" ("add", "import" …).
    Beyond them: the "app_label.codename" permissions in `accounts` (staff
    accounts, login records …). Which rows a confined role may act on is
    decided per object by the access rule (core.access.rule).
    """

    everything: bool = False
    views: bool = False
    hidden: tuple[str, ...] = ()
    actions: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    accounts: tuple[str, ...] = ()


@dataclass(frozen=True)
class RolePolicy:
    """The apps whose permissions the roles share out, and each role's `Grants`."""

    apps: tuple[str, ...]
    grants: Mapping[str, Grants]

    def grants_of(self, role: str) -> Grants:
        try:
            return self.grants[role]
        except KeyError:
            raise ImproperlyConfigured(f"the role policy gives role {role!r} no grants") from None


def _model(perm) -> str:
    return f"{perm.content_type.app_label}.{perm.content_type.model}"


def role_permissions(policy: RolePolicy, role: str, *, apps=global_apps, using=DEFAULT_DB_ALIAS):
    """The permissions `policy` gives the group of `role`."""
    grants = policy.grants_of(role)
    Permission = apps.get_model("auth", "Permission")
    perms = list(
        Permission.objects.using(using)
        .filter(content_type__app_label__in=policy.apps)
        .select_related("content_type")
    )
    wanted = set(grants.accounts)
    accounts = [
        p
        for p in Permission.objects.using(using)
        .filter(content_type__app_label__in={name.split(".")[0] for name in wanted})
        .select_related("content_type")
        if f"{p.content_type.app_label}.{p.codename}" in wanted
    ]
    if grants.everything:
        return perms + accounts
    views = [
        p
        for p in perms
        if grants.views and p.codename.startswith("view_") and _model(p) not in grants.hidden
    ]
    actions = [p for p in perms if p.codename.split("_", 1)[0] in grants.actions.get(_model(p), ())]
    return views + actions + accounts


@transaction.atomic
def sync_role_groups(policy: RolePolicy, *, apps=global_apps, using=DEFAULT_DB_ALIAS) -> None:
    """Create the group of every role, or bring it back to `policy`.

    Side effects: creates any missing content types and permissions (Django
    creates them after `migrate` too; the groups need them now), creates the
    groups that do not exist and sets each group's permissions to exactly
    what `policy` gives it. Running it again changes nothing. Raises
    ImproperlyConfigured, before writing anything, when a role has no grants.
    """
    try:
        Group = apps.get_model("auth", "Group")
    except LookupError:
        return  # auth is not installed or not migrated (yet) in `apps`
    if not router.allow_migrate_model(using, Group):
        return
    for key in ROLES:
        policy.grants_of(key)
    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using, apps=apps)
    for key, role in ROLES.items():
        group, _created = Group.objects.using(using).get_or_create(name=role.group)
        group.permissions.set(role_permissions(policy, key, apps=apps, using=using))
