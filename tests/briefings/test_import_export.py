"""Bulk import and export of briefings: the resource on its own, then the real
admin views (upload → dry-run preview → confirm → database) for each role."""

import datetime
import io

import openpyxl
import pytest
import tablib
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from briefings.models import Briefing
from briefings.resources import BriefingResource
from core.access import BUREAU, EDITOR, VIEWER
from core.spreadsheets import ExcelCSV, ExcelXLSX
from core.spreadsheets.previews import PreviewFileStorage
from networks.services.staff import assign_staff_role
from tests import factories

pytestmark = pytest.mark.django_db

HEADERS = [
    "ID",
    "開催日",
    "状況",
    "対象",
    "種別",
    "開催概要",
    "都道府県",
    "地域ブロック",
    "中止の理由",
]
CSV, XLSX = "0", "1"  # the admin's format choices


def staff(username: str, role: str, block: str | None = None):
    # No password: force_login needs none, and hashing one is slow.
    user = get_user_model().objects.create_user(username)
    assign_staff_role(user, role=role, block=factories.block(block) if block else None)
    return user


def csv_file(rows, *, headers=HEADERS, encoding="utf-8-sig") -> bytes:
    dataset = tablib.Dataset(*rows, headers=headers)
    return dataset.export("csv").encode(encoding)


def xlsx_file(rows, *, headers=HEADERS) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def import_url(action: str = "import") -> str:
    return reverse(f"admin:briefings_briefing_{action}")


def upload(client, content: bytes, *, name="schedule.csv", format_=CSV):
    """The first step: the file is read and every row tried in a rolled-back transaction."""
    file = io.BytesIO(content)
    file.name = name
    return client.post(import_url(), {"import_file": file, "format": format_, "resource": "0"})


def confirm(client, preview):
    """The second step: the confirm form of the preview, posted back."""
    return client.post(import_url("process_import"), preview.context["confirm_form"].initial)


def messages(response) -> list[str]:
    """The messages a response queued for the next page."""
    return [str(m) for m in get_messages(response.wsgi_request)]


def outcomes(response) -> list[tuple[int, str, list[str]]]:
    """(spreadsheet row, outcome, messages) of every row the preview lists."""
    return [(r.sheet_row, r.outcome, r.messages) for r in response.context["result"].sheet_rows]


PLANNED_KUMAMOTO = [
    "",
    "2017/3/6",
    "予定",
    "都道府県",
    "地方自治体向け説明会",
    "熊本県内説明会",
    "43",
    "",
    "",
]


# --- the resource -------------------------------------------------------------


def test_resource_reads_japanese_labels_codes_and_dates():
    dataset = tablib.Dataset(PLANNED_KUMAMOTO, headers=HEADERS)

    result = BriefingResource().import_data(dataset)

    briefing = Briefing.objects.get()
    assert not result.has_validation_errors()
    assert (briefing.date, briefing.status, briefing.scope, briefing.kind) == (
        datetime.date(2017, 3, 6),
        Briefing.Status.PLANNED,
        Briefing.Scope.PREFECTURE,
        Briefing.Kind.LOCAL_GOVERNMENT,
    )
    assert (briefing.prefecture.name, briefing.block.code) == ("熊本県", "kyushu")


def test_resource_reads_stored_values_names_and_english_headers():
    host = factories.OrganizationFactory(name="九州総合通信局")
    thread = factories.ThreadFactory(slug="diagonal", title="斜めの糸")
    headers = [
        "date",
        "status",
        "scope",
        "kind",
        "title",
        "block",
        "host",
        "thread",
        "audience_size",
    ]
    row = [
        "2017年2月4日",
        "held",
        "block",
        "seminar",
        "九州セミナー",
        "九州",
        host.name,
        "diagonal",
        "１２０",
    ]

    BriefingResource().import_data(tablib.Dataset(row, headers=headers))

    briefing = Briefing.objects.get()
    assert (briefing.date, briefing.status, briefing.kind) == (
        datetime.date(2017, 2, 4),
        Briefing.Status.HELD,
        Briefing.Kind.SEMINAR,
    )
    assert (briefing.block.code, briefing.host, briefing.thread, briefing.audience_size) == (
        "kyushu",
        host,
        thread,
        120,
    )


@pytest.mark.parametrize(
    "text",
    [
        "2017-03-06",
        "2017/3/6",
        "2017年3月6日",
        "２０１７／３／６",
        "平成29年3月6日",
        "H29.3.6",
        "h29/03/06",
    ],
)
def test_resource_reads_dates_as_staff_write_them(text):
    dataset = tablib.Dataset([PLANNED_KUMAMOTO[0], text, *PLANNED_KUMAMOTO[2:]], headers=HEADERS)

    BriefingResource().import_data(dataset)

    assert Briefing.objects.get().date == datetime.date(2017, 3, 6)


def test_resource_error_names_row_column_and_reason():
    dataset = tablib.Dataset(
        ["", "2017/3/6", "予定", "都道府県", "地方自治体向け説明会", "不明な県", "99", "", ""],
        ["", "2017/13/40", "予定", "全国", "全国会議", "日付が不正", "", "", ""],
        ["", "2017/3/6", "開始", "全国", "全国会議", "状況が不明", "", "", ""],
        ["", "2017/3/6", "中止", "全国", "全国会議", "理由なし", "", "", ""],
        ["", "2017/3/6", "予定", "都道府県", "地方自治体向け説明会", "県なし", "", "", ""],
        [
            "",
            "2017/3/6",
            "予定",
            "都道府県",
            "地方自治体向け説明会",
            "ブロック不一致",
            "43",
            "北海道",
            "",
        ],
        ["", "2099/3/6", "開催済", "全国", "全国会議", "未来の開催済", "", "", ""],
        headers=HEADERS,
    )

    result = BriefingResource().import_data(dataset, dry_run=True)

    assert [(r.sheet_row, r.messages) for r in result.sheet_rows] == [
        (2, ["都道府県: 都道府県「99」が見つかりません（例：43、熊本県）。"]),
        (3, ["開催日: 「2017/13/40」は日付として読めません（例：2017-02-15、2017/2/15）。"]),
        (4, ["状況: 「開始」は選べる値ではありません（予定、開催済、中止、延期）。"]),
        (5, ["中止の理由: 状況が「中止」の行には中止の理由が必要です。"]),
        (6, ["都道府県: 対象が「都道府県」の行には都道府県が必要です。"]),
        (7, ["地域ブロック: 熊本県は地域ブロック「北海道」に属していません。"]),
        (
            8,
            [
                "参加者数: 開催済にするには参加者数を入力してください。",
                "開催日: 開催日（2099年3月6日）が今日より後のため、開催済にできません。",
            ],
        ),
    ]
    assert Briefing.all_objects.count() == 0


def test_resource_blank_rows_are_left_out_but_keep_the_numbering():
    dataset = tablib.Dataset(
        ["", "", "", "", "", "", "", "", ""],
        ["", "2017/13/40", "予定", "全国", "全国会議", "日付が不正", "", "", ""],
        headers=HEADERS,
    )

    result = BriefingResource().import_data(dataset, dry_run=True)

    assert [(r.sheet_row, r.outcome) for r in result.sheet_rows] == [(3, "エラー")]


def test_resource_unknown_id_is_an_error_not_a_new_row():
    dataset = tablib.Dataset(["999", *PLANNED_KUMAMOTO[1:]], headers=HEADERS)

    result = BriefingResource().import_data(dataset, dry_run=True)

    assert result.sheet_rows[0].messages == ["ID: ID「999」の行は見つからないか、変更できません。"]


def test_resource_unknown_column_is_reported_and_left_out():
    dataset = tablib.Dataset([*PLANNED_KUMAMOTO, "メモ書き"], headers=[*HEADERS, "メモ"])

    result = BriefingResource().import_data(dataset)

    assert result.ignored_columns == ["メモ"]
    assert Briefing.objects.count() == 1


def test_resource_file_without_known_headers_is_refused():
    dataset = tablib.Dataset(["a", "b"], headers=["列1", "列2"])

    result = BriefingResource().import_data(dataset, dry_run=True)

    assert [str(error.error) for error in result.base_errors] == [
        "1行目に取り込める列の見出しがありません（ID、開催日、状況、対象、種別、開催概要、"
        "開催箇所、都道府県、地域ブロック、主催、関連する推進体制、参加者数、備考、資料URL、中止の理由、"
        "会場名、会場の所在地、開始時刻、終了時刻、対象者、申込方法、申込URL、申込締切日、問合せ先、"
        "併せて対象、併せて種別、主催の出典、主催の根拠）。"
    ]


@pytest.mark.parametrize(
    ("export_format", "import_format"),
    [(ExcelCSV(), ExcelCSV()), (ExcelXLSX(), ExcelXLSX())],
    ids=["csv", "xlsx"],
)
def test_resource_export_imports_back_unchanged(export_format, import_format):
    factories.BriefingFactory(
        notes="※太田総務大臣補佐官説明\r\n2行目",
        host=factories.OrganizationFactory(name="熊本県"),
        thread=factories.ThreadFactory(),
        audience_size=35,
        materials_url="https://example.jp/a.pdf",
        venue_name="熊本県庁 本館",
        venue_address="熊本県熊本市中央区水前寺6-18-1",
        start_time=datetime.time(13, 30),
        end_time=datetime.time(16, 0),
        audience="県内の市町村職員",
        application_method=Briefing.ApplicationMethod.EMAIL,
        application_url="https://example.jp/apply",
        application_deadline=datetime.date(2017, 2, 10),
        contact="九州総合通信局\n電話 096-000-0000",
    )
    factories.BriefingFactory(
        status=Briefing.Status.CANCELLED, scope=Briefing.Scope.NATIONAL, prefecture=None
    )
    native = export_format.native_cells
    data = export_format.export_data(BriefingResource().export(force_native_type=native))

    result = BriefingResource().import_data(import_format.create_dataset(data))

    assert [(r.sheet_row, r.outcome) for r in result.sheet_rows] == [
        (2, "変更なし"),
        (3, "変更なし"),
    ]
    assert Briefing.history.count() == 2


# --- the admin: preview, confirm, atomicity -------------------------------------


@pytest.fixture
def editor(client):
    user = staff("editor", EDITOR)
    client.force_login(user)
    return user


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
    client.force_login(staff("viewer", VIEWER))

    response = client.get(import_url())

    assert response.status_code == 403


# --- the admin: a bureau stays in its block ------------------------------------


@pytest.fixture
def kyushu(client):
    user = staff("kyushu", BUREAU, "kyushu")
    client.force_login(user)
    return user


@pytest.mark.parametrize(
    ("prefecture", "block", "message"),
    [
        pytest.param(
            "01",
            "",
            "都道府県: 「北海道」は担当の地域ブロック（九州）の外のため、取り込めません。",
            id="prefecture",
        ),
        pytest.param(
            "",
            "hokkaido",
            "地域ブロック: 「北海道」は担当の地域ブロック（九州）の外のため、取り込めません。",
            id="block",
        ),
    ],
)
def test_import_bureau_row_in_another_block_refuses_the_file(
    client, kyushu, prefecture, block, message
):
    scope = "都道府県" if prefecture else "地域ブロック"
    rows = [
        PLANNED_KUMAMOTO,
        [
            "",
            "2017/3/7",
            "予定",
            scope,
            "地方自治体向け説明会",
            "他ブロック",
            prefecture,
            block,
            "",
        ],
    ]

    preview = upload(client, csv_file(rows))

    assert outcomes(preview) == [(2, "新規", []), (3, "エラー", [message])]
    assert "confirm_form" not in preview.context
    assert Briefing.all_objects.count() == 0


def test_import_bureau_id_of_another_block_is_not_found_and_untouched(client, kyushu):
    other = factories.BriefingFactory(title="北海道の説明会", prefecture=factories.prefecture("01"))
    row = [str(other.pk), "2017/3/6", "中止", "全国", "全国会議", "書き換え", "", "", "理由"]

    preview = upload(client, csv_file([row]))

    assert outcomes(preview) == [
        (2, "エラー", [f"ID: ID「{other.pk}」の行は見つからないか、変更できません。"])
    ]
    other.refresh_from_db()
    assert (other.title, other.status) == ("北海道の説明会", Briefing.Status.HELD)
    assert other.history.count() == 1


def test_import_bureau_rows_without_a_block_get_its_block(client, kyushu):
    rows = [
        PLANNED_KUMAMOTO,
        ["", "2017/3/8", "予定", "全国", "全国会議", "ブロック空欄", "", "", ""],
        [
            "",
            "2017/3/9",
            "予定",
            "地域ブロック",
            "地域ICT利活用セミナー等",
            "九州セミナー",
            "",
            "",
            "",
        ],
    ]
    preview = upload(client, csv_file(rows))
    assert [o[1] for o in outcomes(preview)] == ["新規", "新規", "新規"]

    confirm(client, preview)

    assert sorted(Briefing.objects.values_list("title", "block__code")) == [
        ("ブロック空欄", "kyushu"),
        ("九州セミナー", "kyushu"),
        ("熊本県内説明会", "kyushu"),
    ]
    assert Briefing.history.filter(history_user=kyushu).count() == 3


def test_import_bureau_without_a_block_imports_nothing(client):
    user = staff("lost", BUREAU, "kyushu")
    user.bureau_membership.delete()
    user = get_user_model().objects.get(pk=user.pk)
    client.force_login(user)

    upload(client, csv_file([PLANNED_KUMAMOTO]))
    result = BriefingResource(user=user).import_data(
        tablib.Dataset(PLANNED_KUMAMOTO, headers=HEADERS)
    )

    assert [str(e.error) for e in result.base_errors] == [
        "地域ブロックが割り当てられていないため、取り込めません。"
    ]
    assert result.sheet_rows[0].messages == [
        "地域ブロックが割り当てられていないため、取り込めません。"
    ]
    assert Briefing.all_objects.count() == 0


# --- the admin: export ---------------------------------------------------------


def export(client, format_=CSV):
    return client.post(import_url("export"), {"format": format_, "resource": "0"})


def test_export_csv_opens_in_excel_with_japanese_headers(client, editor):
    factories.BriefingFactory(title="熊本県内説明会")

    response = export(client)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(b"\xef\xbb\xbf")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == (
        "ID,開催日,状況,対象,種別,開催概要,開催箇所,都道府県,地域ブロック,主催,"
        "関連する推進体制,参加者数,備考,資料URL,中止の理由,"
        "会場名,会場の所在地,開始時刻,終了時刻,対象者,申込方法,申込URL,申込締切日,問合せ先,"
        "併せて対象,併せて種別,主催の出典,主催の根拠"
    )
    assert lines[1].split(",")[2:9] == [
        "開催済",
        "都道府県",
        "地方自治体向け説明会",
        "熊本県内説明会",
        "",
        "熊本県",
        "九州",
    ]


def test_export_xlsx_has_japanese_headers_and_native_dates(client, editor):
    factories.BriefingFactory()

    response = export(client, XLSX)

    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert [cell.value for cell in sheet[1]][:3] == ["ID", "開催日", "状況"]
    assert sheet["B2"].value == datetime.datetime(2017, 2, 15)


def test_export_bureau_gets_only_its_block(client, kyushu):
    factories.BriefingFactory(title="熊本の説明会")
    factories.BriefingFactory(title="北海道の説明会", prefecture=factories.prefecture("01"))

    response = export(client)

    body = response.content.decode("utf-8-sig")
    assert "熊本の説明会" in body
    assert "北海道の説明会" not in body


@pytest.mark.parametrize(
    ("format_", "name"), [(CSV, "export.csv"), (XLSX, "export.xlsx")], ids=["csv", "xlsx"]
)
def test_export_then_import_reports_every_row_unchanged(client, editor, format_, name):
    factories.BriefingFactory(title="一つ目", notes="※備考\r\n二行目", audience_size=20)
    factories.BriefingFactory(
        title="二つ目",
        status=Briefing.Status.CANCELLED,
        scope=Briefing.Scope.NATIONAL,
        prefecture=None,
    )
    exported = export(client, format_).content

    preview = upload(client, exported, name=name, format_=format_)
    confirm(client, preview)

    assert [o[1] for o in outcomes(preview)] == ["変更なし", "変更なし"]
    assert Briefing.history.count() == 2


def test_import_bureau_cannot_move_its_briefing_into_another_block(client, kyushu):
    own = factories.BriefingFactory(title="熊本の説明会")
    row = [
        str(own.pk),
        "2017-02-15",
        "開催済",
        "都道府県",
        "地方自治体向け説明会",
        "移動",
        "01",
        "",
        "",
    ]

    preview = upload(client, csv_file([row]))

    assert outcomes(preview) == [
        (
            2,
            "エラー",
            ["都道府県: 「北海道」は担当の地域ブロック（九州）の外のため、取り込めません。"],
        )
    ]
    own.refresh_from_db()
    assert (own.title, own.prefecture.code, own.block.code) == ("熊本の説明会", "43", "kyushu")


@pytest.mark.parametrize("format_", [CSV, XLSX], ids=["csv", "xlsx"])
def test_export_query_count_does_not_grow_with_rows(client, editor, format_):
    """Each row's prefecture, block, host and thread come joined, not one query each."""

    def count_export_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert export(client, format_).status_code == 200
        return len(queries)

    host, thread = factories.OrganizationFactory(), factories.ThreadFactory()
    factories.BriefingFactory(host=host, thread=thread)
    one = count_export_queries()
    factories.BriefingFactory.create_batch(2, host=factories.OrganizationFactory(), thread=thread)

    assert count_export_queries() == one


def test_import_bureau_confirm_posted_without_a_clean_preview_writes_nothing(client, kyushu):
    """A hand-made confirmation of a file whose preview refused it: the whole file rolls back."""
    rows = [
        PLANNED_KUMAMOTO,
        ["", "2017/3/7", "予定", "都道府県", "地方自治体向け説明会", "北海道", "01", "", ""],
    ]
    storage = PreviewFileStorage()
    storage.save(csv_file(rows))

    response = client.post(
        import_url("process_import"),
        {"import_file_name": storage.name, "original_file_name": "s.csv", "format": CSV},
    )

    assert response.status_code == 302
    assert response.url == import_url()
    assert Briefing.all_objects.count() == 0
    assert messages(response) == [
        "取り込みを中止しました。1 行に誤りがあるため、何も書き込んでいません。"
        "もう一度ファイルを選んで確認してください。"
    ]


def test_changelist_bureau_sees_import_and_export(client, kyushu):
    response = client.get(reverse("admin:briefings_briefing_changelist"))

    html = response.content.decode()
    assert response.status_code == 200
    assert f"<a href='{import_url()}' class=\"import_link\">インポート</a>" in html
    assert f'<a href="{import_url("export")}?" class="export_link">エクスポート</a>' in html


def test_resource_new_held_row_needs_attendees_like_the_admin_step():
    dataset = tablib.Dataset(
        ["", "2017/3/6", "開催済", "全国", "全国会議", "人数なし", "", "", ""],
        headers=HEADERS,
    )

    result = BriefingResource().import_data(dataset, dry_run=True)

    assert [(r.sheet_row, r.messages) for r in result.sheet_rows] == [
        (2, ["参加者数: 開催済にするには参加者数を入力してください。"])
    ]


def test_resource_already_held_row_without_attendees_stays_editable():
    briefing = factories.BriefingFactory(status="held", audience_size=None, title="2017年の開催済")
    dataset = tablib.Dataset(
        [
            str(briefing.pk),
            "2017/2/15",
            "開催済",
            "都道府県",
            "地方自治体向け説明会",
            "備考だけ変更",
            "43",
            "",
            "",
        ],
        headers=HEADERS,
    )

    result = BriefingResource().import_data(dataset, dry_run=True)

    assert not result.has_errors() and not result.has_validation_errors()


# --- 参加案内 (attendance) columns ---------------------------------------------------------

ATTEND_HEADERS = [*HEADERS, "開始時刻", "終了時刻", "申込方法", "申込締切日"]


def test_resource_reads_times_and_the_application_method_as_staff_write_them():
    row = [*PLANNED_KUMAMOTO, "１３時３０分", "16:00", "電子メール", "2017/3/1"]

    result = BriefingResource().import_data(tablib.Dataset(row, headers=ATTEND_HEADERS))

    assert not result.has_validation_errors()
    briefing = Briefing.objects.get()
    assert (
        briefing.start_time,
        briefing.end_time,
        briefing.application_method,
        briefing.application_deadline,
    ) == (
        datetime.time(13, 30),
        datetime.time(16, 0),
        Briefing.ApplicationMethod.EMAIL,
        datetime.date(2017, 3, 1),
    )


def test_resource_blank_application_method_is_stored_blank():
    row = [*PLANNED_KUMAMOTO, "", "", "", ""]

    result = BriefingResource().import_data(tablib.Dataset(row, headers=ATTEND_HEADERS))

    assert not result.has_validation_errors()
    assert Briefing.objects.get().application_method == ""


@pytest.mark.parametrize(
    ("cells", "errors"),
    [
        (["16:00", "13:30", "", ""], {"__all__": ["終了時刻は開始時刻より後にしてください。"]}),
        (["", "", "", "2017/3/7"], {"__all__": ["申込締切日は開催日以前の日にしてください。"]}),
        (
            ["25時", "", "", ""],
            {"start_time": ["「25時」は時刻として読めません（例：13:30、13時30分）。"]},
        ),
    ],
)
def test_resource_refuses_inconsistent_attendance_with_a_message(cells, errors):
    dataset = tablib.Dataset([*PLANNED_KUMAMOTO, *cells], headers=ATTEND_HEADERS)

    result = BriefingResource().import_data(dataset, dry_run=True)

    assert result.has_validation_errors()
    assert {k: [str(m) for m in v] for k, v in result.invalid_rows[0].error_dict.items()} == errors
    assert Briefing.objects.count() == 0
