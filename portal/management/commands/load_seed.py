"""`manage.py load_seed`: load the source document (`portal.seed`)."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext

from portal import seed
from portal.seed_loader import load_seed


class Command(BaseCommand):
    help = gettext(
        "資料「第一次提言を受けた対応（総合的推進体制の確立）」の内容（推進体制、取組状況、"
        "活動、団体、構成員、説明会等）を読み込みます。何度実行しても同じ結果になります。"
        "資料にある行は資料の値に戻し（管理画面で変更した値も上書きします）、"
        "資料にない行は削除しません。"
    )

    def handle(self, *args, **options):
        counts = load_seed()
        verbosity = options["verbosity"]
        if verbosity >= 2:
            self.stdout.write(
                gettext("出典：%(source)s（%(as_of)s現在）")
                % {"source": seed.SOURCE, "as_of": f"{seed.AS_OF:%Y-%m-%d}"}
            )
        if verbosity >= 1:
            self.stdout.write(
                self.style.SUCCESS(
                    gettext(
                        "資料を読み込みました"
                        "（新規 %(created)d件、更新 %(updated)d件、変更なし %(unchanged)d件）。"
                    )
                    % counts
                )
            )
