"""Login protection: django-axes lockout and `unlock_login`, password rules,
idle session expiry and HTTPS-only production settings (portal/settings.py)."""

import datetime
import os
import subprocess
import sys
from io import StringIO

import pytest
from axes.models import AccessAttempt
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db

User = get_user_model()
PASSWORD = "kR7#vQ2!mZp9-Lw"
LOGIN_URL = "/admin/login/?next=/admin/"
LOCKED_MESSAGE = "ログインに5回失敗したため、30分間ロックされています。"
HOME = "192.0.2.10"
ELSEWHERE = "198.51.100.20"


@pytest.fixture
def staff():
    return User.objects.create_user("kyushu-staff", password=PASSWORD, is_staff=True)


def log_in(client, username: str, password: str, ip: str = HOME):
    return client.post(LOGIN_URL, {"username": username, "password": password}, REMOTE_ADDR=ip)


def is_logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def fail(client, username: str, times: int, ip: str = HOME) -> list[int]:
    return [log_in(client, username, "wrong-password", ip).status_code for _ in range(times)]


# --- the lockout ---------------------------------------------------------------------


def test_lockout_after_five_failures_refuses_even_the_right_password(client, staff):
    assert fail(client, "kyushu-staff", 4) == [200, 200, 200, 200]
    fifth = log_in(client, "kyushu-staff", "wrong-password")
    assert fifth.status_code == 429

    response = log_in(client, "kyushu-staff", PASSWORD)

    assert response.status_code == 429
    assert not is_logged_in(client)
    html = response.content.decode()
    assert LOCKED_MESSAGE in html
    assert "30分たつと自動的に解除されます。" in html
    assert "ポータルの管理者（総務省の担当者）に連絡して" in html
    assert "<title>ログインが一時的に制限されています | 地域IoT実装推進ポータル</title>" in html
    assert "地域IoT実装推進ポータル 管理" in html
    assert 'name="password"' not in html


def test_lockout_four_failures_still_let_the_right_password_in(client, staff):
    fail(client, "kyushu-staff", 4)

    response = log_in(client, "kyushu-staff", PASSWORD)

    assert response.status_code == 302
    assert is_logged_in(client)
    # A success clears the failures (AXES_RESET_ON_SUCCESS).
    assert AccessAttempt.objects.count() == 0


def test_lockout_is_per_user_and_address_pair(client, staff):
    other = User.objects.create_user("kanto-staff", password=PASSWORD, is_staff=True)
    fail(client, "kyushu-staff", 5)

    from_elsewhere = log_in(client, "kyushu-staff", PASSWORD, ip=ELSEWHERE)
    client.logout()
    other_user = log_in(client, other.username, PASSWORD)

    assert from_elsewhere.status_code == 302
    assert other_user.status_code == 302
    assert is_logged_in(client)


def test_lockout_expires_after_thirty_minutes(client, staff):
    fail(client, "kyushu-staff", 5)
    AccessAttempt.objects.filter(username="kyushu-staff").update(
        attempt_time=timezone.now() - datetime.timedelta(minutes=31)
    )

    response = log_in(client, "kyushu-staff", PASSWORD)

    assert response.status_code == 302


def test_lockout_attempt_during_lock_restarts_the_thirty_minutes(client, staff):
    fail(client, "kyushu-staff", 5)
    AccessAttempt.objects.filter(username="kyushu-staff").update(
        attempt_time=timezone.now() - datetime.timedelta(minutes=20)
    )

    response = log_in(client, "kyushu-staff", PASSWORD)

    assert response.status_code == 429
    attempt = AccessAttempt.objects.get(username="kyushu-staff")
    assert attempt.attempt_time > timezone.now() - datetime.timedelta(minutes=1)


def test_unlock_login_counts_a_lock_reached_from_two_browsers_once(client, staff):
    for agent in ("Firefox", "Edge"):
        for _ in range(3):
            client.post(
                LOGIN_URL,
                {"username": "kyushu-staff", "password": "wrong-password"},
                REMOTE_ADDR=HOME,
                HTTP_USER_AGENT=agent,
            )
    assert log_in(client, "kyushu-staff", PASSWORD).status_code == 429

    output = unlock("kyushu-staff")

    assert output.startswith("ユーザー「kyushu-staff」（すべての接続元）のロックを1件解除し、")


def test_lockout_settings():
    assert django_settings.AXES_FAILURE_LIMIT == 5
    assert django_settings.AXES_COOLOFF_TIME.total_seconds() == 30 * 60
    assert django_settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]
    assert django_settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"


# --- unlock_login ------------------------------------------------------------------------


def unlock(*args) -> str:
    out = StringIO()
    call_command("unlock_login", *args, stdout=out)
    return out.getvalue().strip()


def test_unlock_login_lets_the_right_password_in_again(client, staff):
    fail(client, "kyushu-staff", 5)
    assert log_in(client, "kyushu-staff", PASSWORD).status_code == 429

    output = unlock("kyushu-staff")

    assert output == (
        "ユーザー「kyushu-staff」（すべての接続元）のロックを1件解除し、"
        "ログイン失敗の記録を1件消去しました。"
    )
    response = log_in(client, "kyushu-staff", PASSWORD)
    assert response.status_code == 302
    assert is_logged_in(client)


def test_unlock_login_with_ip_clears_only_that_address(client, staff):
    fail(client, "kyushu-staff", 5, ip=HOME)
    fail(client, "kyushu-staff", 5, ip=ELSEWHERE)

    output = unlock("kyushu-staff", "--ip", ELSEWHERE)

    assert output == (
        f"ユーザー「kyushu-staff」（{ELSEWHERE}）のロックを1件解除し、"
        "ログイン失敗の記録を1件消去しました。"
    )
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == [HOME]
    assert log_in(client, "kyushu-staff", PASSWORD, ip=HOME).status_code == 429
    assert log_in(client, "kyushu-staff", PASSWORD, ip=ELSEWHERE).status_code == 302


def test_unlock_login_counts_failures_that_are_not_a_lock(client, staff):
    fail(client, "kyushu-staff", 2)

    output = unlock("kyushu-staff")

    assert output == (
        "ユーザー「kyushu-staff」（すべての接続元）のロックを0件解除し、"
        "ログイン失敗の記録を1件消去しました。"
    )


def test_unlock_login_without_records_says_so_and_changes_nothing(client, staff):
    fail(client, "someone-else", 5)

    output = unlock("kyushu-staff")

    assert output == (
        "ユーザー「kyushu-staff」（すべての接続元）にはロックもログイン失敗の記録もありません。"
    )
    assert list(AccessAttempt.objects.values_list("username", flat=True)) == ["someone-else"]


# --- passwords ---------------------------------------------------------------------------


def test_password_of_eleven_characters_is_refused():
    with pytest.raises(ValidationError) as raised:
        validate_password("kR7#vQ2!mZp")

    assert [e.code for e in raised.value.error_list] == ["password_too_short"]
    assert raised.value.messages == ["このパスワードは短すぎます。最低 12 文字以上必要です。"]


def test_password_of_twelve_strong_characters_is_accepted():
    assert validate_password("kR7#vQ2!mZp9") is None


def test_password_common_or_numeric_is_refused_even_when_long():
    with pytest.raises(ValidationError) as common:
        validate_password("password1234")
    with pytest.raises(ValidationError) as numeric:
        validate_password("739418265017")

    assert [e.code for e in common.value.error_list] == ["password_too_common"]
    assert [e.code for e in numeric.value.error_list] == ["password_entirely_numeric"]


# --- sessions ----------------------------------------------------------------------------


def test_session_settings_expire_after_eight_idle_hours():
    assert django_settings.SESSION_COOKIE_AGE == 8 * 60 * 60
    assert django_settings.SESSION_SAVE_EVERY_REQUEST is True


def _age_session(client, *, idle: datetime.timedelta) -> None:
    """Make the session look as if its last request was `idle` ago."""
    session = Session.objects.get(session_key=client.session.session_key)
    session.expire_date = (
        timezone.now() + datetime.timedelta(seconds=django_settings.SESSION_COOKIE_AGE) - idle
    )
    session.save()


def test_session_idle_past_eight_hours_is_logged_out(client, staff):
    client.force_login(staff)
    assert client.get(reverse("admin:index")).status_code == 200
    _age_session(client, idle=datetime.timedelta(hours=8, minutes=1))

    response = client.get(reverse("admin:index"))

    assert response.status_code == 302
    assert response["Location"] == "/admin/login/?next=/admin/"


def test_session_used_within_eight_hours_is_extended(client, staff):
    client.force_login(staff)
    _age_session(client, idle=datetime.timedelta(hours=7, minutes=59))

    response = client.get(reverse("admin:index"))

    assert response.status_code == 200
    expiry = Session.objects.get(session_key=client.session.session_key).expire_date
    assert expiry > timezone.now() + datetime.timedelta(hours=7, minutes=59)


# --- HTTPS -------------------------------------------------------------------------------


def test_admin_over_http_redirects_to_https_when_redirect_is_on(client, settings):
    settings.SECURE_SSL_REDIRECT = True

    response = client.get("/admin/")

    assert response.status_code == 301
    assert response["Location"] == "https://testserver/admin/"


def test_admin_behind_https_proxy_is_not_redirected(client, settings):
    settings.SECURE_SSL_REDIRECT = True

    response = client.get("/admin/", HTTP_X_FORWARDED_PROTO="https")

    assert response.status_code == 302
    assert response["Location"] == "/admin/login/?next=/admin/"


def test_production_settings_turn_https_on():
    """portal/settings.py as production loads it: DEBUG off, HTTPS not set."""
    env = {k: v for k, v in os.environ.items() if k not in {"HTTPS", "DEBUG"}}
    env.update(DEBUG="off", SECRET_KEY="x", DJANGO_SETTINGS_MODULE="portal.settings")
    script = (
        "from django.conf import settings as s;"
        "print(s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE,"
        " s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_HSTS_PRELOAD)"
    )

    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=django_settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )

    assert result.stdout.split() == [
        "True",
        "True",
        "True",
        str(365 * 24 * 60 * 60),
        "True",
        "True",
    ]


def test_production_settings_pass_the_deploy_check_without_warnings():
    """`manage.py check --deploy` as CI runs it: DEBUG off, HTTPS on, a long random key
    (and without the browser tests' DJANGO_ALLOW_ASYNC_UNSAFE, which no deployment sets)."""
    unset = {"HTTPS", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in unset}
    env.update(DEBUG="off", SECRET_KEY="k" + "7vQ2!mZp9-Lw#R" * 5, STATIC_MANIFEST="off")

    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=django_settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )

    assert (result.returncode, result.stdout.strip()) == (
        0,
        "System check identified no issues (0 silenced).",
    ), result.stderr


def test_axes_admin_reads_in_japanese(admin_client, client, staff):
    fail(client, "kyushu-staff", 5)

    response = admin_client.get(reverse("admin:axes_accessattempt_changelist"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "ログイン試行の記録" in html
    assert "IPアドレス" in html
    assert "ログイン失敗回数" in html
    assert "ロック中" in html
