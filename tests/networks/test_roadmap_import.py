"""The survey import of implementation reports: 団体コード, モデル, 段階, 時点, 備考."""

import datetime
import io

import pytest
import tablib
from django.urls import reverse

from core.access import BUREAU, EDITOR, LOCAL
from networks.models import ImplementationReport
from tests import factories

pytestmark = pytest.mark.django_db

HEADERS = ["団体コード", "モデル", "段階", "時点", "備考"]
CSV = "0"


@pytest.fixture
def places(db):
    factories.RoadmapModelFactory(slug="telework", name="テレワーク")
    return {
        "kumamoto": factories.MunicipalityFactory(),  # 熊本市 431001
        "date_hokkaido": factories.municipality("015750", "伊達市", pref="01"),
        "date_fukushima": factories.municipality("072133", "伊達市", pref="07"),
    }


def staff(username, role, **places):
    return factories.staff_user(role, username=username, **places)


def upload(client, *rows, name="survey.csv"):
    file = io.BytesIO(tablib.Dataset(*rows, headers=HEADERS).export("csv").encode("utf-8-sig"))
    file.name = name
    return client.post(
        reverse("admin:networks_implementationreport_import"),
        {"import_file": file, "format": CSV, "resource": "0"},
    )


def confirm(client, preview):
    return client.post(
        reverse("admin:networks_implementationreport_process_import"),
        preview.context["confirm_form"].initial,
    )


def outcomes(preview):
    return [(r.sheet_row, r.outcome, r.messages) for r in preview.context["result"].sheet_rows]


def test_import_links_by_code_never_by_name_and_records_the_user(client, places):
    editor = staff("editor", EDITOR)
    client.force_login(editor)

    preview = upload(
        client,
        ["015750", "テレワーク", "実装済", "2019-04-01", "北海道の伊達市"],
        ["072133", "telework", "検討中", "2019/04/01", ""],
        ["430005", "テレワーク", "計画策定済", "2019-04-01", "熊本県自身"],
    )
    assert [o[1] for o in outcomes(preview)] == ["新規", "新規", "新規"]
    assert ImplementationReport.objects.count() == 0  # a dry run writes nothing

    confirm(client, preview)

    rows = ImplementationReport.objects.order_by("pk")
    assert [(r.lg_code, r.stage, r.reported_by) for r in rows] == [
        ("015750", "implemented", editor),
        ("072133", "considering", editor),
        ("430005", "planned", editor),
    ]
    assert rows[2].prefecture.name == "熊本県"


def test_import_same_file_twice_changes_nothing(client, places):
    client.force_login(staff("editor", EDITOR))
    row = ["431001", "テレワーク", "実証中", "2019-04-01", "実証事業"]
    confirm(client, upload(client, row))

    again = upload(client, row)

    assert [o[1] for o in outcomes(again)] == ["変更なし"]
    assert ImplementationReport.objects.count() == 1


def test_import_bad_rows_are_numbered_and_nothing_is_written(client, places):
    client.force_login(staff("editor", EDITOR))

    preview = upload(
        client,
        ["431001", "テレワーク", "実装済", "2019-04-01", ""],
        ["伊達市", "テレワーク", "実装済", "2019-04-01", ""],
        ["431001", "謎のモデル", "実装済", "2019-04-01", ""],
        ["431001", "テレワーク", "完了", "2019-04-01", ""],
        ["431001", "テレワーク", "実装済", "", ""],
    )

    assert outcomes(preview) == [
        (2, "新規", []),
        (
            3,
            "エラー",
            [
                "団体コード: 市区町村コード「伊達市」が見つかりません（6桁の団体コード、例：431001）。"
            ],
        ),
        (
            4,
            "エラー",
            ["モデル: ロードマップのモデル「謎のモデル」が見つかりません（例：テレワーク）。"],
        ),
        (
            5,
            "エラー",
            [
                "段階: 「完了」は選べる値ではありません（未着手、検討中、計画策定済、実証中、実装済）。"
            ],
        ),
        (6, "エラー", ["時点: このフィールドには NULL を指定できません。"]),
    ]
    assert "confirm_form" not in preview.context
    assert ImplementationReport.objects.count() == 0


def test_import_over_the_row_limit_is_refused(client, places, settings):
    settings.IMPORT_MAX_ROWS = 2
    client.force_login(staff("editor", EDITOR))

    response = upload(client, *[["431001", "テレワーク", "実装済", "2019-04-01", ""]] * 3)

    assert "2行" in response.content.decode()
    assert ImplementationReport.objects.count() == 0


def test_import_local_staff_only_their_own_government(client, places):
    client.force_login(staff("kumamoto", LOCAL, municipality=places["kumamoto"]))

    preview = upload(
        client,
        ["", "テレワーク", "実装済", "2019-04-01", "コード省略"],
        ["015750", "テレワーク", "実装済", "2019-04-01", ""],
    )

    assert outcomes(preview) == [
        (2, "新規", []),
        (
            3,
            "エラー",
            ["市区町村: 「伊達市」は担当の市区町村（熊本市）の外のため、取り込めません。"],
        ),
    ]
    assert ImplementationReport.objects.count() == 0


def test_import_bureau_only_its_block(client, places):
    client.force_login(factories.staff_user(BUREAU, "kyushu", username="kyushu"))

    preview = upload(
        client,
        ["431001", "テレワーク", "実装済", "2019-04-01", ""],
        ["072133", "テレワーク", "実装済", "2019-04-01", ""],
    )

    assert [(o[0], o[1]) for o in outcomes(preview)] == [(2, "新規"), (3, "エラー")]
    assert ImplementationReport.objects.count() == 0


def test_export_imports_back_unchanged(client, places):
    factories.ImplementationReportFactory(
        municipality=places["date_fukushima"],
        model=factories.RoadmapModelFactory(slug="wi-fi", name="Wi-Fi"),
        as_of=datetime.date(2019, 4, 1),
    )
    client.force_login(staff("editor", EDITOR))

    exported = client.post(
        reverse("admin:networks_implementationreport_export"), {"format": CSV, "resource": "0"}
    ).content
    lines = exported.decode("utf-8-sig").splitlines()
    assert lines[0] == "ID,団体コード,モデル,段階,時点,備考,関連URL"
    assert lines[1].split(",")[1:5] == ["072133", "Wi-Fi", "実装済", "2019-04-01"]
    file = io.BytesIO(exported)
    file.name = "export.csv"
    preview = client.post(
        reverse("admin:networks_implementationreport_import"),
        {"import_file": file, "format": CSV, "resource": "0"},
    )
    assert [o[1] for o in outcomes(preview)] == ["変更なし"]
