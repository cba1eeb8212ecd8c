"""`manage.py load_roadmap`: load the roadmap's models, KPIs and national targets."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext

from portal.roadmap_loader import load_roadmap


class Command(BaseCommand):
    help = gettext(
        "地域IoT実装推進ロードマップ（2016年12月）の分野別モデルと、分かっているKPI、"
        "国の目標を読み込みます。何度実行しても同じ結果になります。"
        "職員が入力したKPIは消しません。"
    )

    def handle(self, *args, **options):
        counts = load_roadmap()
        if options["verbosity"] >= 1:
            self.stdout.write(
                self.style.SUCCESS(
                    gettext(
                        "ロードマップを読み込みました"
                        "（新規 %(created)d件、更新 %(updated)d件、変更なし %(unchanged)d件）。"
                    )
                    % counts
                )
            )
