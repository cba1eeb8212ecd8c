"""Which permissions each staff role's group holds: the project's `RolePolicy`.

One entry per role of core.access.roles.ROLES. Editors (総務省) hold every
permission of the portal's apps and manage staff accounts; viewers (監査)
hold every view permission, accounts and login records included; bureau
staff (総合通信局) view the portal's models (but not who serves which bureau)
and add/change/delete/import the models each app scopes by block (its
permissions.py); local-government staff (地方公共団体) read the roadmap and
add, correct and import implementation reports. Which of those rows a
confined role may touch is decided per object by the access rule
(core.access.rule).

The policy lives here, in the layer that knows every app; core.access.groups
turns it into the groups after every `migrate` (portal.apps) and on
`manage.py sync_roles`.
"""

from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS

from core.access import BUREAU, EDITOR, LOCAL, VIEWER, Grants, RolePolicy, sync_role_groups

# Staff accounts and the login protection's records, beyond the portal's apps:
# viewers read both.
ACCOUNTS_READ = (
    "auth.view_user",
    "auth.view_group",
    "axes.view_accessattempt",
    "axes.view_accesslog",
    "axes.view_accessfailurelog",
)

POLICY = RolePolicy(
    apps=("networks", "threads", "briefings"),
    grants={
        # Editors assign roles in the user admin (portal/admin.py keeps the
        # superuser flag out of their reach) and unlock a locked-out login by
        # deleting its access attempt.
        EDITOR: Grants(
            everything=True,
            accounts=(
                *ACCOUNTS_READ,
                "auth.add_user",
                "auth.change_user",
                "axes.delete_accessattempt",
            ),
        ),
        BUREAU: Grants(
            views=True,
            # Which bureau staff serve which block is the ministry's business,
            # not the other bureaus'.
            hidden=(
                "networks.bureaumembership",
                "networks.historicalbureaumembership",
                "networks.localgovernmentmembership",
                "networks.historicallocalgovernmentmembership",
            ),
            # app_label.model: the actions a bureau may take on its own block's rows.
            actions={
                "briefings.briefing": ("add", "change", "delete", "import", "export"),
                "briefings.briefingmaterial": ("add", "change", "delete"),
                "threads.activity": ("add", "change", "delete"),
                "threads.statusupdate": ("add", "change", "delete"),
                "networks.organization": ("add", "change", "delete", "import", "export"),
                "networks.implementationreport": (
                    "add",
                    "change",
                    "delete",
                    "import",
                    "export",
                ),
                # The national network's work in the block (networks/permissions.py).
                "networks.need": ("add", "change", "delete"),
                "networks.offer": ("add", "change", "delete"),
                "networks.match": ("add", "change", "delete"),
                "networks.project": ("add", "change", "delete"),
                "networks.dispatch": ("add", "change", "delete"),
                "networks.case": ("add", "change", "delete"),
            },
        ),
        # A local government's staff report and correct their own stages
        # (which rows: networks/permissions.py) and read the roadmap.
        LOCAL: Grants(
            actions={
                "networks.roadmapmodel": ("view",),
                "networks.field": ("view",),
                "networks.implementationreport": (
                    "view",
                    "add",
                    "change",
                    "import",
                    "export",
                ),
            },
        ),
        # The national network's applications and memberships are reviewed by
        # editors only (networks.admin_membership); bureaus and viewers read them.
        VIEWER: Grants(views=True, accounts=ACCOUNTS_READ),
    },
)

# Historical models get view permissions too but are reached through their
# parents' history pages, not listed on their own.


def sync_roles_after_migrate(sender, *, apps=global_apps, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    """`post_migrate` handler: bring the role groups in line with `POLICY`.

    `flush` sends the signal too, without `apps`: the project's models then.
    """
    sync_role_groups(POLICY, apps=apps, using=using)
