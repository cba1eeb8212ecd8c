"""Errors and security events on standard error, one line each (core/logging.py,
core/security_log.py, LOGGING in portal/settings.py)."""

import logging
import re

import pytest
from django.test import Client, RequestFactory

from core.logging import OneLineFormatter, escape_controls
from core.security_log import log_refused_upload

pytestmark = pytest.mark.django_db

TIME = r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4}"
PASSWORD = "kR7#vQ2!mZp9-Lw"


def event_lines(err: str) -> list[str]:
    """The first line of each event (tracebacks follow on indented or other lines)."""
    return [line for line in err.splitlines() if re.match(TIME, line)]


@pytest.mark.urls("tests.core.urls_failing")
def test_server_error_logs_one_line_with_path_and_user_then_the_traceback(
    settings, capsys, django_user_model
):
    settings.DEBUG = False
    user = django_user_model.objects.create_user("tanaka", password=PASSWORD)
    client = Client(raise_request_exception=False)
    client.force_login(user)
    capsys.readouterr()

    response = client.get("/failing/?page=2")

    assert response.status_code == 500
    lines = capsys.readouterr().err.splitlines()
    assert re.fullmatch(
        rf"{TIME} ERROR django\.request path=/failing/ user={user.pk} "
        r"Internal Server Error: /failing/",
        lines[0],
    )
    assert lines[1] == "Traceback (most recent call last):"
    assert lines[-1] == "RuntimeError: the view failed"
    assert len(event_lines("\n".join(lines))) == 1


@pytest.mark.urls("tests.core.urls_failing")
def test_server_error_of_a_visitor_logs_no_user(settings, capsys):
    settings.DEBUG = False
    Client(raise_request_exception=False).get("/failing/")
    [line] = event_lines(capsys.readouterr().err)
    assert " path=/failing/ user=- " in line


def test_not_found_is_not_logged(client, capsys):
    assert client.get("/nowhere/").status_code == 404
    assert capsys.readouterr().err == ""


def test_refused_control_character_is_one_escaped_line(client, capsys):
    assert client.get("/prefectures/%00%0A/").status_code == 400
    [line] = capsys.readouterr().err.splitlines()
    assert re.fullmatch(
        rf"{TIME} WARNING security path=/prefectures/\\x00\\n/ user=- "
        r"refused request: control character in path",
        line,
    )


def test_refused_upload_logs_reason_and_file_name_on_one_line(capsys, admin_user):
    request = RequestFactory().post("/admin/briefings/briefingmaterial/add/")
    request.user = admin_user

    log_refused_upload(request, reason="not a PDF", filename="資料\n1.exe")
    log_refused_upload(None, reason="too large", filename="big.pdf")

    lines = capsys.readouterr().err.splitlines()
    assert [line.split(" ", 1)[1] for line in lines] == [
        f"WARNING security path=/admin/briefings/briefingmaterial/add/ user={admin_user.pk} "
        "refused upload: not a PDF (file name '資料\\n1.exe')",
        "WARNING security path=- user=- refused upload: too large (file name 'big.pdf')",
    ]


def test_refused_import_is_logged_with_counts_not_cell_values(admin_client, admin_user, capsys):
    from django.core.files.uploadedfile import SimpleUploadedFile

    csv = "ID,開催日,状況,対象,種別,名称\n,2017-13-45,秘密の値,,,説明会\n".encode()
    capsys.readouterr()

    response = admin_client.post(
        "/admin/briefings/briefing/import/",
        {"import_file": SimpleUploadedFile("b.csv", csv), "format": "0", "resource": "0"},
    )

    assert response.status_code == 200
    err = capsys.readouterr().err
    [line] = event_lines(err)
    assert re.fullmatch(
        rf"{TIME} WARNING security path=/admin/briefings/briefing/import/ "
        rf"user={admin_user.pk} refused import of briefings\.Briefing: "
        r"\d+ rows with errors, \d+ invalid rows, \d+ file errors",
        line,
    )
    assert "秘密の値" not in err


def test_unreadable_import_is_logged_with_the_reason(admin_client, capsys):
    from django.core.files.uploadedfile import SimpleUploadedFile

    capsys.readouterr()
    admin_client.post(
        "/admin/briefings/briefing/import/",
        {"import_file": SimpleUploadedFile("b.csv", b"a,b\n\x82"), "format": "0"},
    )
    [line] = event_lines(capsys.readouterr().err)
    assert "refused import of briefings.Briefing: import_file: 文字コードを判別できません。" in line


def test_lockout_logs_the_account_id_and_never_the_password(client, capsys, django_user_model):
    user = django_user_model.objects.create_user("kyushu-staff", password=PASSWORD, is_staff=True)
    capsys.readouterr()

    for _ in range(5):
        client.post("/admin/login/", {"username": "kyushu-staff", "password": "wrong-" + PASSWORD})

    err = capsys.readouterr().err
    assert [line.split(" ", 1)[1] for line in event_lines(err)] == [
        f"WARNING security path=/admin/login/ user=- login locked out: account={user.pk} ip=127.0.0.1"
    ]
    assert PASSWORD not in err


def test_lockout_of_a_name_typed_by_mistake_logs_neither_name_nor_password(client, capsys):
    """A password typed into the username box must not reach the logs."""
    for _ in range(5):
        client.post("/admin/login/", {"username": PASSWORD, "password": PASSWORD})

    err = capsys.readouterr().err
    assert [line.split(" ", 1)[1] for line in event_lines(err)] == [
        "WARNING security path=/admin/login/ user=- login locked out: account=unknown ip=127.0.0.1"
    ]
    assert PASSWORD not in err


def test_formatter_without_a_request_prints_dashes():
    record = logging.LogRecord("x", logging.WARNING, __file__, 1, "a\nb %s", ("c\x00",), None)
    assert (
        OneLineFormatter().format(record).split(" ", 1)[1] == "WARNING x path=- user=- a\\nb c\\x00"
    )


def test_escape_controls_keeps_japanese_and_escapes_controls():
    assert escape_controls("説明会\t\r\n\x7f\x85") == "説明会\\t\\r\\n\\x7f\\x85"
