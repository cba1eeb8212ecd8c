"""A session that is both a block seminar and the venue prefecture's briefing
("信越地域ICT利活用セミナー・地方自治体向け説明会") serves two scopes and kinds:
the filters find it under each, and the coverage counts it for each."""

import datetime

import pytest
import tablib
from django.db import IntegrityError

from briefings.models import Briefing
from briefings.resources import BriefingResource
from core import figures
from core.asof import Period
from tests.admin_urls import admin_url
from tests.factories import BriefingFactory, OrganizationFactory, block, prefecture

NAGANO = "20"


def _combined(**kwargs) -> Briefing:
    values = {
        "date": datetime.date(2017, 3, 15),
        "title": "信越地域ICT利活用セミナー・地方自治体向け説明会",
        "scope": "block",
        "kind": "seminar",
        "also_scope": "prefecture",
        "also_kind": "local_government",
        "prefecture": prefecture(NAGANO),
        "block": block("shinetsu"),
        "status": "held",
    }
    values.update(kwargs)
    return BriefingFactory(**values)


def test_seed_combined_sessions_serve_the_prefecture_too(seeded):
    rows = Briefing.objects.exclude(also_scope="").order_by("date")
    assert list(
        rows.values_list("date_text", "prefecture__name", "scope", "also_scope", "also_kind")
    ) == [
        ("3月15日", "長野県", "block", "prefecture", "local_government"),
        ("3月16日", "北海道", "block", "prefecture", "local_government"),
    ]


@pytest.mark.django_db
def test_coverage_counts_a_held_combined_session_for_its_block_and_its_prefecture():
    _combined()
    values = figures.compute(["briefings-held", "prefectures-reached", "blocks-reached"])
    assert [v.value for v in values] == [1, 1, 1]


@pytest.mark.django_db
def test_combined_session_not_counted_for_its_prefecture_until_held():
    _combined(status="planned", date=datetime.date(2017, 3, 15))
    period = Period(as_of=datetime.date(2017, 2, 24))
    assert figures.compute(["prefectures-reached"], period)["prefectures-reached"].value == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "found"),
    [
        ({"scope": "prefecture"}, True),
        ({"scope": "block"}, True),
        ({"scope": "national"}, False),
        ({"kind": "local_government"}, True),
        ({"kind": "seminar"}, True),
        ({"kind": "council"}, False),
    ],
)
def test_schedule_filters_find_a_combined_session_under_each(client, params, found):
    briefing = _combined()
    response = client.get("/briefings/", params)
    assert response.status_code == 200
    assert (briefing in list(response.context["briefings"])) is found


@pytest.mark.django_db
def test_detail_page_shows_both_kinds_and_scopes(client):
    html = client.get(_combined().get_absolute_url()).content.decode()
    assert "<dd>地域ICT利活用セミナー等、地方自治体向け説明会</dd>" in html
    assert "<dd>地域ブロック、都道府県</dd>" in html


@pytest.mark.django_db
def test_second_scope_prefecture_needs_a_prefecture():
    with pytest.raises(IntegrityError):
        _combined(prefecture=None, scope="national", block=None)


@pytest.mark.django_db
def test_second_scope_differs_from_the_first():
    with pytest.raises(IntegrityError):
        _combined(also_scope="block")


# --- import and export -------------------------------------------------------------

HEADERS = [
    "ID",
    "開催日",
    "状況",
    "対象",
    "種別",
    "開催概要",
    "都道府県",
    "併せて対象",
    "併せて種別",
]


@pytest.mark.django_db
def test_import_reads_the_second_scope_and_kind():
    row = ["", "2017/3/15", "予定", "地域ブロック", "地域ICT利活用セミナー等", "信越セミナー"]
    row += ["長野県", "都道府県", "地方自治体向け説明会"]

    result = BriefingResource().import_data(tablib.Dataset(row, headers=HEADERS))

    assert not result.has_validation_errors()
    briefing = Briefing.objects.get()
    assert (briefing.scope, briefing.also_scope, briefing.also_kind, briefing.block.code) == (
        "block",
        "prefecture",
        "local_government",
        "shinetsu",
    )


@pytest.mark.django_db
def test_import_refuses_a_second_prefecture_scope_without_a_prefecture():
    row = ["", "2017/3/15", "予定", "全国", "その他", "全国の会", "", "都道府県", ""]

    result = BriefingResource().import_data(tablib.Dataset(row, headers=HEADERS), dry_run=True)

    errors = result.invalid_rows[0].error_dict
    assert {k: [str(m) for m in v] for k, v in errors.items()} == {
        "also_scope": ["併せて対象が都道府県の場合は、開催都道府県が必要です。"]
    }
    assert Briefing.objects.count() == 0


@pytest.mark.django_db
def test_export_writes_the_second_scope_and_an_inferred_hosts_basis():
    _combined(host_provenance="inferred", host_note="会議名から推定", host=OrganizationFactory())

    dataset = BriefingResource().export()

    row = dict(zip(dataset.headers, dataset[0], strict=True))
    assert (row["併せて対象"], row["併せて種別"], row["主催の出典"], row["主催の根拠"]) == (
        "都道府県",
        "地方自治体向け説明会",
        "推定",
        "会議名から推定",
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("param", "value", "found"),
    [
        ("serves_scope", "prefecture", True),  # its second scope
        ("serves_scope", "block", True),
        ("serves_scope", "national", False),
        ("serves_kind", "local_government", True),  # its second kind
        ("serves_kind", "seminar", True),
    ],
)
def test_admin_list_filters_find_a_combined_session_under_each_scope_and_kind(
    client, editor, param, value, found
):
    combined = _combined()
    BriefingFactory(scope="national", kind="other", also_scope="", also_kind="")
    client.force_login(editor)

    response = client.get(admin_url(Briefing, "changelist"), {param: value})

    assert response.status_code == 200
    assert (combined in response.context["cl"].result_list) is found


@pytest.mark.django_db
def test_admin_list_filter_ignores_a_value_that_is_no_choice(client, editor):
    _combined()
    client.force_login(editor)

    response = client.get(admin_url(Briefing, "changelist"), {"serves_scope": "moon"})

    assert response.status_code == 200
    assert response.context["cl"].result_count == 1
