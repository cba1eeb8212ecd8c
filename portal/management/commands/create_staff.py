"""`manage.py create_staff USER --role bureau --block kyushu`: make (or update) a staff user.

A local government's staff: `--role local --municipality 131016` (its
団体コード) or `--role local --prefecture 13`.

A new user gets no usable password: they set one with `manage.py
changepassword USER` (or an editor sets it in the admin), so no password
ever passes through a shell history.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext

from core.access import BUREAU, GROUP_NAMES, LOCAL
from networks.models import Municipality, Prefecture, RegionalBlock
from networks.services import assign_staff_role


class Command(BaseCommand):
    help = gettext(
        "職員ユーザーを作成（既にあれば更新）し、役割（editor: 編集者、bureau: 総合通信局、"
        "local: 地方公共団体、viewer: 閲覧者）と、総合通信局の場合は地域ブロックを、"
        "地方公共団体の場合は市区町村か都道府県を割り当てます。"
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help=gettext("ユーザー名"))
        # Checked in handle() rather than by argparse, whose message is English.
        parser.add_argument(
            "--role", required=True, help=gettext("役割（editor, bureau, local, viewer）")
        )
        parser.add_argument(
            "--block", help=gettext("地域ブロックのコード（例: kyushu）。bureau の場合は必須です。")
        )
        parser.add_argument(
            "--municipality",
            help=gettext("市区町村の団体コード（例: 131016）。local の場合はこれか --prefecture。"),
        )
        parser.add_argument(
            "--prefecture", help=gettext("都道府県コード（例: 13）。都道府県の職員の場合。")
        )
        parser.add_argument("--email", help=gettext("メールアドレス"))

    def handle(
        self,
        *args,
        username,
        role,
        block=None,
        municipality=None,
        prefecture=None,
        email=None,
        **options,
    ):
        if role not in GROUP_NAMES:
            raise CommandError(
                gettext("役割「%(role)s」はありません。次のいずれかを指定してください: %(choices)s")
                % {"role": role, "choices": ", ".join(GROUP_NAMES)}
            )
        region = self._block(block)
        city = self._find(Municipality, municipality)
        pref = self._find(Prefecture, prefecture)
        if email:
            try:
                validate_email(email)
            except ValidationError:
                raise CommandError(
                    gettext("メールアドレス「%(email)s」の形式が正しくありません。")
                    % {"email": email}
                ) from None
        User = get_user_model()
        try:
            with transaction.atomic():
                user = User.objects.filter(username=username).first()
                created = user is None
                if created:
                    # No password argument: the account starts with an unusable one.
                    user = User.objects.create_user(username=username, email=email or "")
                elif email is not None and user.email != email:
                    user.email = email
                    user.save(update_fields=["email"])
                assign_staff_role(user, role=role, block=region, municipality=city, prefecture=pref)
        except (ValidationError, ValueError) as error:
            messages = error.messages if isinstance(error, ValidationError) else [str(error)]
            raise CommandError(" ".join(messages)) from error

        params = {
            "user": username,
            "role": GROUP_NAMES[role],
            "block": region.name if region else "",
            "local": str(city or pref or ""),
        }
        if role == BUREAU:
            summary = gettext("役割: %(role)s（地域ブロック: %(block)s）") % params
        elif role == LOCAL:
            summary = gettext("役割: %(role)s（地方公共団体: %(local)s）") % params
        else:
            summary = gettext("役割: %(role)s") % params
        if created:
            self.stdout.write(
                self.style.SUCCESS(gettext("ユーザー「%(user)s」を作成しました。") % params)
                + " "
                + summary
            )
            self.stdout.write(
                gettext(
                    "パスワードは次のコマンドで設定してください: manage.py changepassword %(user)s"
                )
                % params
            )
        else:
            self.stdout.write(
                self.style.SUCCESS(gettext("ユーザー「%(user)s」を更新しました。") % params)
                + " "
                + summary
            )

    def _block(self, code: str | None) -> RegionalBlock | None:
        if code is None:
            return None
        try:
            return RegionalBlock.objects.get(code=code)
        except RegionalBlock.DoesNotExist:
            codes = ", ".join(RegionalBlock.objects.values_list("code", flat=True))
            raise CommandError(
                gettext(
                    "地域ブロック「%(code)s」はありません。次のいずれかを指定してください: %(codes)s"
                )
                % {"code": code, "codes": codes}
            ) from None

    def _find(self, model, code: str | None):
        if code is None:
            return None
        found = model.objects.filter(code=code.strip()).first()
        if found is None:
            raise CommandError(
                gettext("%(kind)sのコード「%(code)s」はありません。")
                % {"kind": model._meta.verbose_name, "code": code}
            )
        return found
