"""`manage.py unlock_login USER [--ip IP]`: lift a django-axes login lockout.

After AXES_FAILURE_LIMIT failed logins a user/address pair is locked for
AXES_COOLOFF_TIME (portal/settings.py). This clears the failure records of
USER (from every address, or only from --ip) through axes' own reset
function, so the next login is judged afresh, and says how many locks were
lifted. The access and failure logs are kept.
"""

from axes.conf import settings
from axes.models import AccessAttempt
from axes.utils import reset
from django.core.management.base import BaseCommand
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext


def _active_locks(*, username: str, ip: str | None) -> int:
    """Addresses from which USER is locked out right now.

    As axes counts them: the failures of one user/address pair (summed over
    browsers) within the cool-off reach the limit.
    """
    attempts = AccessAttempt.objects.filter(username=username)
    if ip:
        attempts = attempts.filter(ip_address=ip)
    if settings.AXES_COOLOFF_TIME:
        attempts = attempts.filter(attempt_time__gte=timezone.now() - settings.AXES_COOLOFF_TIME)
    return (
        attempts.values("ip_address")
        .annotate(failures=Sum("failures_since_start"))
        .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
        .count()
    )


class Command(BaseCommand):
    help = gettext(
        "ログインに続けて失敗したためのロック（django-axes）を、ユーザーごとに解除します。"
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help=gettext("ロックを解除するユーザー名"))
        parser.add_argument(
            "--ip",
            help=gettext(
                "この接続元（IPアドレス）のロックだけを解除する。省略するとすべての接続元"
            ),
        )

    def handle(self, *args, username: str, ip: str | None, **options):
        locks = _active_locks(username=username, ip=ip)
        removed = reset(username=username, ip=ip)
        where = ip or gettext("すべての接続元")
        if removed == 0:
            self.stdout.write(
                gettext(
                    "ユーザー「%(username)s」（%(where)s）にはロックもログイン失敗の記録もありません。"
                )
                % {"username": username, "where": where}
            )
            return
        self.stdout.write(
            self.style.SUCCESS(
                gettext(
                    "ユーザー「%(username)s」（%(where)s）のロックを%(locks)d件解除し、"
                    "ログイン失敗の記録を%(removed)d件消去しました。"
                )
                % {"username": username, "where": where, "locks": locks, "removed": removed}
            )
        )
