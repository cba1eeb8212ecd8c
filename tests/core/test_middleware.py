"""The control-character gate (core/middleware.py): 400 before any view or database."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.factories import BriefingFactory

pytestmark = pytest.mark.django_db

MESSAGE_JA = "アドレスまたは送信された内容に制御文字（NUL など）が含まれているため"
MESSAGE_EN = "The address or the submitted data contains a control character"


@pytest.mark.parametrize(
    "url",
    [
        "/prefectures/%00/",
        "/blocks/%00/",
        "/threads/a%00/",
        "/briefings/%00/",
        "/nowhere/%01/",
        "/search/%0A/",
        "/admin/briefings/briefing/%00/change/",
        "/briefings/?q=%00",
        "/briefings/?prefecture=1%00",
        "/briefings/coverage/?date_after=%00",
        "/organizations/?q=a%00b",
        "/search/?q=%00",
        "/search/?q=%1B",
        "/search/?q=%7F",
        "/search/?%00=1",
    ],
)
def test_control_character_in_path_or_query_is_400_in_japanese(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert MESSAGE_JA in response.content.decode()


def test_control_character_page_speaks_english_under_en(client):
    response = client.get("/en/search/?q=%00")
    assert response.status_code == 400
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert MESSAGE_EN in html


def test_control_character_page_reads_no_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert client.get("/prefectures/%00/").status_code == 400


def test_control_character_page_keeps_the_security_headers(client):
    response = client.get("/search/?q=%00")
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("value", ["説明会\r\n九州", "列1\t列2", "行1\n行2"])
def test_tab_and_line_breaks_in_parameters_pass(client, value):
    assert client.get("/search/", {"q": value}).status_code == 200


def test_line_break_in_the_path_is_refused(client):
    assert client.get("/search/%0D%0A/").status_code == 400


def test_admin_autocomplete_with_nul_term_is_400(admin_client):
    response = admin_client.get(
        "/admin/autocomplete/",
        {"app_label": "briefings", "model_name": "briefing", "field_name": "host", "term": "\x00"},
    )
    assert response.status_code == 400


def test_admin_changelist_and_export_with_nul_are_400(admin_client):
    assert admin_client.get("/admin/briefings/briefing/", {"q": "\x00"}).status_code == 400
    assert (
        admin_client.get("/admin/briefings/briefing/export/", {"title": "\x00"}).status_code == 400
    )


def test_nul_in_a_posted_field_is_refused_and_nothing_is_written(admin_client):
    briefing = BriefingFactory(title="説明会")
    response = admin_client.post(
        f"/admin/briefings/briefing/{briefing.pk}/change/", {"title": "説明\x00会"}
    )
    assert response.status_code == 400
    briefing.refresh_from_db()
    assert briefing.title == "説明会"


def test_nul_in_a_login_is_400():
    response = Client().post("/admin/login/", {"username": "root\x00", "password": "x"})
    assert response.status_code == 400


def test_binary_contents_of_an_uploaded_file_pass_the_gate(admin_client):
    """Only names and values of fields are checked; a file's contents are its own
    validator's business (Django already drops control characters from file names)."""
    binary = SimpleUploadedFile("a.csv", b"\x00\x01\x02")
    response = admin_client.post(
        "/admin/briefings/briefing/import/", {"import_file": binary, "format": "0"}
    )
    assert response.status_code == 200


def test_nul_in_a_cookie_is_400(client):
    # Python's cookie parser turns the octal escape \000 inside quotes into NUL;
    # the session store would send it to the database.
    cookie = 'sessionid="\\000aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"'
    assert client.get("/", HTTP_COOKIE=cookie).status_code == 400


def test_nul_in_a_header_is_400(client):
    assert client.get("/", headers={"user-agent": "bot\x00"}).status_code == 400
