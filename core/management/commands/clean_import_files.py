"""`manage.py clean_import_files`: remove import files left waiting for a confirmation.

A preview never confirmed or cancelled (a closed tab) leaves its uploaded
file in IMPORT_PREVIEW_DIR (core.spreadsheets.previews). Each import runs
this clean-up as it starts; run it from cron as well on a quiet site.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext

from core.spreadsheets.previews import MAX_AGE, remove_stale_preview_files


class Command(BaseCommand):
    help = gettext(
        "取り込みの確認を待ったまま残った一時ファイルのうち、古いもの（既定：1日以上前）を削除します。"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--max-age-hours",
            type=float,
            default=MAX_AGE.total_seconds() / 3600,
            help=gettext("これより前に置かれたファイルを削除します（時間、既定 24）。"),
        )

    def handle(self, *args, max_age_hours, **options):
        if max_age_hours < 0:
            raise CommandError(gettext("--max-age-hours は 0 以上にしてください。"))
        removed = remove_stale_preview_files(max_age=datetime.timedelta(hours=max_age_hours))
        self.stdout.write(
            gettext("取り込み確認用の一時ファイルを %(count)s 件削除しました。")
            % {"count": removed}
        )
