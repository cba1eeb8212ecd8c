"""The staff roles as Django groups with their model permissions.

Editors (総務省) hold every permission of the portal's apps and manage staff
accounts; viewers (監査) hold every view permission, accounts and login
records included; bureau staff (総合通信局) view the portal's models (but not
who serves which bureau) and add/change/delete/import the models the block
rule scopes (networks.permissions): what they may touch among those rows is
decided per object by that rule.
"""

from django.contrib.auth.management import create_permissions

from networks.permissions import BUREAU, EDITOR, GROUP_NAMES, VIEWER

APPS = ("networks", "threads", "briefings")

# app_label.model: the actions a bureau may take on its own block's rows.
BUREAU_MODELS = {
    "briefings.briefing": ("add", "change", "delete", "import", "export"),
    "briefings.briefingmaterial": ("add", "change", "delete"),
    "threads.activity": ("add", "change", "delete"),
    "threads.statusupdate": ("add", "change", "delete"),
    "networks.organization": ("add", "change", "delete", "import", "export"),
}

# Which bureau staff serve which block is the ministry's business, not the
# other bureaus'.
BUREAU_HIDDEN = ("networks.bureaumembership", "networks.historicalbureaumembership")

# Beyond the portal's apps: staff accounts and the login protection's records.
# Editors assign roles in the user admin (portal/admin.py keeps the superuser
# flag out of their reach) and unlock a locked-out login by deleting its
# access attempt; viewers read both.
ACCOUNT_PERMISSIONS = {
    EDITOR: (
        "auth.view_user",
        "auth.add_user",
        "auth.change_user",
        "auth.view_group",
        "axes.view_accessattempt",
        "axes.delete_accessattempt",
        "axes.view_accesslog",
        "axes.view_accessfailurelog",
    ),
    BUREAU: (),
    VIEWER: (
        "auth.view_user",
        "auth.view_group",
        "axes.view_accessattempt",
        "axes.view_accesslog",
        "axes.view_accessfailurelog",
    ),
}

# Historical models get view permissions too but are reached through their
# parents' history pages, not listed on their own.


def role_permissions(apps, role: str) -> list:
    Permission = apps.get_model("auth", "Permission")
    perms = Permission.objects.filter(content_type__app_label__in=APPS).select_related(
        "content_type"
    )
    accounts = [
        p
        for p in Permission.objects.filter(
            content_type__app_label__in={name.split(".")[0] for name in ACCOUNT_PERMISSIONS[role]}
        ).select_related("content_type")
        if f"{p.content_type.app_label}.{p.codename}" in ACCOUNT_PERMISSIONS[role]
    ]
    if role == EDITOR:
        return list(perms) + accounts
    views = [p for p in perms if p.codename.startswith("view_")]
    if role == VIEWER:
        return views + accounts
    granted = [
        p
        for p in perms
        if p.codename.split("_", 1)[0]
        in BUREAU_MODELS.get(f"{p.content_type.app_label}.{p.content_type.model}", ())
    ]
    views = [
        p
        for p in views
        if f"{p.content_type.app_label}.{p.content_type.model}" not in BUREAU_HIDDEN
    ]
    return views + granted + accounts


def sync_role_groups(apps, schema_editor=None) -> None:
    """Create or update the three groups; safe to run again after models change."""
    # Permissions are normally created after migrations finish; the groups
    # need them now, on a fresh database too.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    for role in (EDITOR, BUREAU, VIEWER):
        group, _ = Group.objects.get_or_create(name=GROUP_NAMES[role])
        group.permissions.set(role_permissions(apps, role))
