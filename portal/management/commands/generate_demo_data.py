"""`manage.py generate_demo_data --scale 1`: national-scale demo data (portal.demo).

It writes into a database that holds at most the 2017 seed and refuses any
other (a second run included), so it never mixes invented records into
real ones; `--reset` empties the database first (as `flush`: staff
accounts too) and asks before doing so unless `--noinput`.
"""

import datetime
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext

from core import dates
from networks.services import MunicipalityImportError
from portal.demo import DemoDataRefused, Volumes, generate_demo_data, reset_database


class Command(BaseCommand):
    help = gettext(
        "全国規模のデモデータ（市区町村、団体、10年分の説明会等・活動・取組状況）を生成します。"
        "--scale 1 で約2万件の説明会等。同じ --seed と日付からは同じデータができます。"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale", type=float, default=1.0, help=gettext("規模（1 = 全国規模、0.01 など）")
        )
        parser.add_argument("--seed", type=int, default=1, help=gettext("乱数の種"))
        parser.add_argument(
            "--municipalities",
            type=Path,
            help=gettext(
                "市区町村一覧のCSV（既定: ../shared/data/municipalities.csv、なければ内蔵の抜粋）"
            ),
        )
        parser.add_argument(
            "--today",
            help=gettext("基準日（YYYY-MM-DD、既定: 日本の今日）。状況の判定に使います。"),
        )
        parser.add_argument(
            "--reset",
            action="store_true",
            help=gettext("生成の前にデータベースを空にします（職員アカウントも削除されます）。"),
        )
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help=gettext("--reset の確認をしません。"),
        )

    def handle(self, *args, scale, seed, municipalities, today, reset, interactive, **options):
        if not 0 < scale <= 10:
            raise CommandError(gettext("--scale は 0 より大きく 10 以下で指定してください。"))
        day = self._today(today)
        if municipalities is not None and not municipalities.is_file():
            raise CommandError(
                gettext("ファイル「%(path)s」が見つかりません。") % {"path": municipalities}
            )
        if reset:
            if (
                interactive
                and input(
                    gettext(
                        "データベースのすべてのデータ（職員アカウントを含む）を削除します。よろしいですか？ [yes/no]: "
                    )
                ).strip()
                != "yes"
            ):
                raise CommandError(gettext("中止しました。"))
            reset_database()

        started = time.monotonic()

        def report(name: str, count: int, seconds: float) -> None:
            if options["verbosity"] >= 1:
                self.stdout.write(f"  {name}: {count:,} ({seconds:.1f} s)")

        try:
            made = generate_demo_data(
                volumes=Volumes.for_scale(scale),
                seed=seed,
                today=day,
                municipalities=municipalities,
                report=report,
            )
        except DemoDataRefused as refused:
            counts = "、".join(f"{name} {n:,}" for name, n in refused.args[0].items())
            raise CommandError(
                gettext(
                    "データベースには既にシードを超えるデータがあります（%(counts)s）。"
                    "デモデータは空のデータベースにだけ生成します。作り直すには --reset を付けてください。"
                )
                % {"counts": counts}
            ) from None
        except MunicipalityImportError as error:
            raise CommandError("\n".join(error.messages)) from None
        self.stdout.write(
            self.style.SUCCESS(
                gettext("デモデータを生成しました（規模 %(scale)s、%(seconds).1f 秒）: %(summary)s")
                % {
                    "scale": scale,
                    "seconds": time.monotonic() - started,
                    "summary": ", ".join(f"{name} {n:,}" for name, n in made.items()),
                }
            )
        )

    def _today(self, value: str | None) -> datetime.date:
        if value is None:
            return dates.today()
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise CommandError(
                gettext("--today は YYYY-MM-DD の形式で指定してください（例: 2026-11-30）。")
            ) from None
