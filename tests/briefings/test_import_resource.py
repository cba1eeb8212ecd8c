"""The briefing import resource on its own: Japanese labels, codes and dates,
errors by row and column, blank and unknown rows and columns, a round trip,
held rows, the 参加案内 columns."""

import datetime

import pytest
import tablib

from briefings.models import Briefing
from briefings.resources import BriefingResource
from core.spreadsheets import ExcelCSV, ExcelXLSX
from tests import factories
from tests.briefings.import_helpers import HEADERS, PLANNED_KUMAMOTO

pytestmark = pytest.mark.django_db


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
