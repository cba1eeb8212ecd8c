"""`manage.py import_municipalities FILE`: load the 市区町村 code list."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext

from core.security_log import log_refused_import
from networks.services import MunicipalityImportError, import_municipalities


class Command(BaseCommand):
    help = gettext(
        "市区町村の一覧（CSV）を取り込みます。団体コードで照合し、新規は追加、変更は更新します。"
        "1行でも誤りがあれば何も書き込みません。"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "file",
            type=Path,
            help=gettext(
                "CSVファイル（UTF-8 または Shift_JIS。コミュニティ形式または総務省の形式）"
            ),
        )

    def handle(self, *args, file: Path, **options):
        if not file.is_file():
            raise CommandError(gettext("ファイル %(file)s が見つかりません。") % {"file": file})
        try:
            result = import_municipalities(file)
        except MunicipalityImportError as exc:
            log_refused_import(
                None,
                model="networks.Municipality",
                reason=f"{len(exc.errors)} errors in {file.name}",
            )
            heading = gettext(
                "取り込みを中止しました（エラー %(count)d件）。何も書き込んでいません。"
            ) % {"count": len(exc.errors)}
            raise CommandError("\n".join([heading, *exc.messages])) from exc
        self.stdout.write(
            self.style.SUCCESS(
                gettext(
                    "市区町村 %(total)d件"
                    "（新規 %(created)d、更新 %(updated)d、変更なし %(unchanged)d）"
                )
                % {
                    "total": result.total,
                    "created": result.created,
                    "updated": result.updated,
                    "unchanged": result.unchanged,
                }
            )
        )
