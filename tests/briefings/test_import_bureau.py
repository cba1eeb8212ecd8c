"""Importing briefings in the admin as a bureau: it stays in its block."""

import pytest
import tablib
from django.contrib.auth import get_user_model
from django.urls import reverse

from briefings.models import Briefing
from briefings.resources import BriefingResource
from core.access import BUREAU
from core.spreadsheets.previews import PreviewFileStorage
from tests import factories
from tests.briefings.import_helpers import (
    CSV,
    HEADERS,
    PLANNED_KUMAMOTO,
    confirm,
    csv_file,
    import_url,
    messages,
    outcomes,
    upload,
)
from tests.factories import staff_user

pytestmark = pytest.mark.django_db


# --- the admin: a bureau stays in its block ------------------------------------


@pytest.fixture
def kyushu(client, kyushu_bureau):
    """The 九州 bureau (tests/conftest.py), logged in."""
    client.force_login(kyushu_bureau)
    return kyushu_bureau


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
    user = staff_user(BUREAU, "kyushu", username="lost")
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
