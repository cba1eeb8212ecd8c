"""Importing briefings in the admin as an editor: upload → dry-run preview →
confirm → database, all rows or none, what Excel saves, wrong files."""

import datetime

import pytest
from django.urls import reverse

from briefings.models import Briefing
from core.access import VIEWER
from tests import factories
from tests.briefings.import_helpers import (
    CSV,
    HEADERS,
    PLANNED_KUMAMOTO,
    XLSX,
    confirm,
    csv_file,
    import_url,
    messages,
    outcomes,
    upload,
    xlsx_file,
)
from tests.factories import staff_user

pytestmark = pytest.mark.django_db


# --- the admin: preview, confirm, atomicity -------------------------------------


@pytest.fixture
def editor(client, editor):
    """The editor (tests/conftest.py), logged in."""
    client.force_login(editor)
    return editor


def test_import_preview_lists_every_row_as_new_changed_unchanged_or_error(client, editor):
    changed = factories.BriefingFactory(title="変更前")
    same = factories.BriefingFactory(title="変更なしの説明会")
    rows = [
        PLANNED_KUMAMOTO,
        [
            str(changed.pk),
            "2017-02-15",
            "開催済",
            "都道府県",
            "地方自治体向け説明会",
            "変更後",
            "43",
            "九州",
            "",
        ],
        [
            str(same.pk),
            "2017-02-15",
            "開催済",
            "都道府県",
            "地方自治体向け説明会",
            same.title,
            "43",
            "九州",
            "",
        ],
        ["", "2017/13/40", "予定", "全国", "全国会議", "日付が不正", "", "", ""],
    ]

    response = upload(client, csv_file(rows))

    assert response.status_code == 200
    assert outcomes(response) == [
        (2, "新規", []),
        (3, "変更", []),
        (4, "変更なし", []),
        (
            5,
            "エラー",
            ["開催日: 「2017/13/40」は日付として読めません（例：2017-02-15、2017/2/15）。"],
        ),
    ]
    assert "confirm_form" not in response.context
    html = response.content.decode()
    assert "新規 1 行、変更 1 行、変更なし 1 行、エラー 1 行" in html
    assert "誤りのある行があるため取り込めません" in html
    assert list(Briefing.all_objects.order_by("pk").values_list("title", flat=True)) == [
        "変更前",
        "変更なしの説明会",
    ]


def test_import_confirm_writes_every_row_with_the_importing_user(client, editor):
    changed = factories.BriefingFactory(title="変更前")
    rows = [
        PLANNED_KUMAMOTO,
        [
            str(changed.pk),
            "2017-02-15",
            "開催済",
            "都道府県",
            "地方自治体向け説明会",
            "変更後",
            "43",
            "",
            "",
        ],
    ]
    preview = upload(client, csv_file(rows))
    assert [o[1] for o in outcomes(preview)] == ["新規", "変更"]

    response = confirm(client, preview)

    assert response.status_code == 302
    assert response.url == reverse("admin:briefings_briefing_changelist")
    assert sorted(Briefing.objects.values_list("title", flat=True)) == ["変更後", "熊本県内説明会"]
    assert Briefing.history.filter(history_user=editor).count() == 2
    assert messages(response) == ["説明会等を取り込みました：新規 1 行、変更 1 行、変更なし 0 行。"]


def test_import_confirm_with_a_row_gone_bad_since_the_preview_writes_nothing(client, editor):
    host = factories.OrganizationFactory(name="後で消える団体")
    changed = factories.BriefingFactory(title="変更前")
    headers = [*HEADERS, "主催"]
    rows = [
        [*PLANNED_KUMAMOTO, ""],
        [str(changed.pk), "2017-02-15", "開催済", "全国", "全国会議", "変更後", "", "", "", ""],
        ["", "2017-03-01", "予定", "全国", "全国会議", "主催あり", "", "", "", host.name],
    ]
    preview = upload(client, csv_file(rows, headers=headers))
    assert [o[1] for o in outcomes(preview)] == ["新規", "変更", "新規"]
    host.delete()  # between the preview and the confirmation

    response = confirm(client, preview)

    assert response.status_code == 302
    assert response.url == import_url()
    assert list(Briefing.all_objects.values_list("title", flat=True)) == ["変更前"]
    assert Briefing.history.count() == 1
    assert messages(response) == [
        "取り込みを中止しました。1 行に誤りがあるため、何も書き込んでいません。"
        "もう一度ファイルを選んで確認してください。"
    ]


@pytest.mark.parametrize(
    ("content", "name", "format_"),
    [
        pytest.param(csv_file([PLANNED_KUMAMOTO], encoding="cp932"), "s.csv", CSV, id="cp932"),
        pytest.param(csv_file([PLANNED_KUMAMOTO], encoding="utf-8-sig"), "s.csv", CSV, id="bom"),
        pytest.param(csv_file([PLANNED_KUMAMOTO], encoding="utf-8"), "s.csv", CSV, id="utf8"),
        pytest.param(xlsx_file([PLANNED_KUMAMOTO]), "s.xlsx", XLSX, id="xlsx"),
    ],
)
def test_import_reads_what_excel_saves(client, editor, content, name, format_):
    preview = upload(client, content, name=name, format_=format_)
    assert outcomes(preview) == [(2, "新規", [])]

    confirm(client, preview)

    briefing = Briefing.objects.get()
    assert (briefing.title, briefing.date, briefing.prefecture.code) == (
        "熊本県内説明会",
        datetime.date(2017, 3, 6),
        "43",
    )


def test_import_xlsx_reads_excel_dates_and_numbers(client, editor):
    row = [
        "",
        datetime.datetime(2017, 3, 6),
        "予定",
        "都道府県",
        "地方自治体向け説明会",
        "熊本",
        43,
        "",
        "",
    ]
    preview = upload(client, xlsx_file([row]), name="s.xlsx", format_=XLSX)

    confirm(client, preview)

    briefing = Briefing.objects.get()
    assert (briefing.date, briefing.prefecture.code) == (datetime.date(2017, 3, 6), "43")


def test_import_undecodable_file_is_refused_in_japanese(client, editor):
    # A lead byte without its trail byte: neither UTF-8 nor CP932.
    response = upload(client, "開催日".encode("cp932") + b"\x81\x20")

    assert response.context["form"].errors["import_file"] == [
        "文字コードを判別できません。UTF-8 または Shift_JIS で保存した CSV を選んでください。"
    ]


def test_import_file_of_another_format_is_refused_in_japanese(client, editor):
    response = upload(client, csv_file([PLANNED_KUMAMOTO]), name="s.xlsx", format_=XLSX)

    assert response.context["form"].errors["import_file"] == [
        "ファイルを読めませんでした（BadZipFile）。"
        "選んだ形式（CSV または XLSX）とファイルが合っているか確かめてください。"
    ]


def test_import_page_viewer_is_forbidden(client):
    client.force_login(staff_user(VIEWER, username="viewer"))

    response = client.get(import_url())

    assert response.status_code == 403
