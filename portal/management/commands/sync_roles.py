"""`manage.py sync_roles`: bring the staff role groups in line with portal/roles.py.

`migrate` does the same at its end; this is for a changed policy without a
migration, or to repair groups edited by hand.
"""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext

from core.access import GROUP_NAMES, sync_role_groups
from portal.roles import POLICY


class Command(BaseCommand):
    help = gettext(
        "職員の役割のグループ（編集者・総合通信局・閲覧者）と、その権限を設定し直します。"
        "何度実行しても同じ結果になります。"
    )

    def handle(self, *args, **options):
        sync_role_groups(POLICY)
        if options["verbosity"] >= 1:
            self.stdout.write(
                self.style.SUCCESS(
                    gettext("役割のグループを設定しました: %(groups)s")
                    % {"groups": "、".join(GROUP_NAMES.values())}
                )
            )
