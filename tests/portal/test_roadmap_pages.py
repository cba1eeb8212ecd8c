"""The roadmap pages: /roadmap/, a model's page and a municipality's page."""

import datetime

import pytest
from django.urls import reverse

from briefings.models import Briefing
from networks.models import ImplementationReport, Municipality, Prefecture
from tests import factories

pytestmark = pytest.mark.django_db

Stage = ImplementationReport.Stage
D = datetime.date
APRIL_2019 = D(2019, 4, 1)


@pytest.fixture
def telework(db):
    return factories.RoadmapModelFactory(
        field=factories.field("work"), slug="telework", name="テレワーク", name_en="Telework"
    )


def report(municipality, model, stage=Stage.IMPLEMENTED, as_of=APRIL_2019):
    return factories.ImplementationReportFactory(
        municipality=municipality, model=model, stage=stage, as_of=as_of
    )


def kumamoto_with_ward():
    city = factories.MunicipalityFactory()  # 熊本市 (designated city)
    Municipality.objects.create(
        code="431010",
        name="中央区",
        prefecture=city.prefecture,
        kind=Municipality.Kind.WARD,
        parent=city,
    )
    return city


def many_municipalities(n: int) -> list[Municipality]:
    """`n` municipalities spread over the 47 prefectures (codes need not be real)."""
    prefectures = list(Prefecture.objects.order_by("code"))
    return Municipality.objects.bulk_create(
        Municipality(
            code=f"{prefectures[i % 47].code}{i:04d}",
            name=f"テスト町{i}",
            prefecture=prefectures[i % 47],
            kind=Municipality.Kind.TOWN,
        )
        for i in range(n)
    )


def test_roadmap_counts_share_of_municipalities_without_wards(client, telework):
    city = kumamoto_with_ward()
    hitoyoshi = factories.municipality("432024", "人吉市")
    factories.municipality("432016", "八代市")
    report(city, telework)
    report(hitoyoshi, telework, Stage.PILOTING)

    response = client.get(reverse("networks:roadmap"))

    overview = response.context["overview"]
    assert overview.total == 3  # 熊本市, 人吉市, 八代市: not 中央区
    cells = overview.fields[2].models[0].stages.cells  # 働き方: テレワーク
    assert [(str(c.label), c.count, c.percent) for c in cells] == [
        ("未着手", 0, "0.0%"),
        ("検討中", 0, "0.0%"),
        ("計画策定済", 0, "0.0%"),
        ("実証中", 1, "33.3%"),
        ("実装済", 1, "33.3%"),
        ("報告なし", 1, "33.3%"),
    ]
    assert overview.latest == D(2019, 4, 1)
    html = response.content.decode()
    assert "市区町村数（分母）" in html
    assert "政令指定都市の区を除く" in html


def test_roadmap_as_of_ignores_later_reports(client, telework):
    city = factories.MunicipalityFactory()
    report(city, telework, Stage.CONSIDERING, D(2018, 4, 1))
    report(city, telework, Stage.IMPLEMENTED, D(2020, 4, 1))

    response = client.get(reverse("networks:roadmap"), {"as_of": "2019-03-31"})

    stages = response.context["overview"].fields[2].models[0].stages
    assert stages.counts == {"considering": 1}
    assert response.context["overview"].latest == D(2018, 4, 1)


@pytest.mark.parametrize("value", ["2019-13-01", "abc", "1999-12-31", "9999-12-31", "２０１９"])
def test_roadmap_bad_as_of_says_so_and_shows_today(client, telework, value):
    city = factories.MunicipalityFactory()
    report(city, telework)

    response = client.get(reverse("networks:roadmap_model", args=["telework"]), {"as_of": value})

    assert response.status_code == 200
    assert response.context["as_of"] is None
    assert response.context["detail"].stages.implemented == 1
    assert "日付の指定に誤りがあるため、現在の状況を表示しています。" in response.content.decode()


def test_model_page_map_table_list_and_trend(client, telework, stand_on):
    stand_on(D(2019, 12, 1))
    city = factories.MunicipalityFactory()
    hitoyoshi = factories.municipality("432024", "人吉市")
    sapporo = factories.municipality("011002", "札幌市", pref="01")
    report(city, telework, Stage.PLANNED, D(2019, 1, 15))
    report(city, telework, Stage.IMPLEMENTED, D(2019, 8, 1))
    report(hitoyoshi, telework, Stage.PILOTING, D(2019, 5, 1))
    report(sapporo, telework, Stage.CONSIDERING, D(2019, 5, 1))

    response = client.get(reverse("networks:roadmap_model", args=["telework"]))

    detail = response.context["detail"]
    kumamoto = next(p for p in detail.prefectures if p.prefecture.code == "43")
    assert (kumamoto.implemented, kumamoto.total, kumamoto.percent) == (1, 2, "50.0%")
    tile = next(t for t in response.context["tile_map"].prefectures if t.prefecture.code == "43")
    assert (tile.value_text, str(tile.label)) == ("50%", "熊本県：実装済 1 / 2 市区町村")
    assert [r.municipality.name for r in response.context["page_obj"]] == ["熊本市"]
    trend = {row.point.date: row.point.stages.counts for row in response.context["trend"]}
    assert len(trend) == 8
    assert trend[D(2018, 12, 31)] == {}
    assert trend[D(2019, 3, 31)] == {"planned": 1}
    assert trend[D(2019, 6, 30)] == {"planned": 1, "piloting": 1, "considering": 1}
    assert trend[D(2019, 9, 30)] == {"implemented": 1, "piloting": 1, "considering": 1}
    html = response.content.decode()
    assert 'href="/municipalities/431001/"' in html
    assert "四半期末ごとの段階別の市区町村数" in html


def test_quarter_ends_up_to_a_date():
    from portal.roadmap.selectors import quarter_ends

    assert quarter_ends(D(2020, 3, 30), 3) == [D(2019, 6, 30), D(2019, 9, 30), D(2019, 12, 31)]
    assert quarter_ends(D(2020, 3, 31), 2) == [D(2019, 12, 31), D(2020, 3, 31)]
    assert quarter_ends(D(1, 2, 1), 8) == []


def test_model_page_unknown_slug_is_404(client):
    assert client.get("/roadmap/no-such-model/").status_code == 404


def test_municipality_page_stage_rates_and_nearest(client, telework):
    city = factories.MunicipalityFactory()
    hitoyoshi = factories.municipality("432024", "人吉市")
    oita = factories.municipality("442011", "大分市", pref="44")
    factories.municipality("011002", "札幌市", pref="01")
    report(city, telework, Stage.CONSIDERING)
    report(oita, telework)
    report(hitoyoshi, telework)
    org = factories.OrganizationFactory(name="熊本市役所", municipality=city)
    factories.ParticipationFactory(organization=org)
    factories.OrganizationFactory(name="熊本市", kind="local_government")  # same name, no link

    response = client.get(reverse("networks:municipality_detail", args=["431001"]))

    row = response.context["models"][0]
    assert row.report.stage == Stage.CONSIDERING
    assert (row.prefecture.implemented, row.prefecture.total) == (1, 2)
    assert (row.national.implemented, row.national.total) == (2, 4)
    assert [m.name for m in row.neighbours] == ["人吉市", "大分市"]
    assert [o.name for o in response.context["organizations"]] == ["熊本市役所"]
    assert len(response.context["participations"]) == 1


def test_municipality_page_unknown_code_is_404(client):
    assert client.get("/municipalities/999999/").status_code == 404
    assert client.get("/municipalities/12345/").status_code == 404


def test_prefecture_page_shows_its_roadmap_rates(client, telework):
    report(factories.MunicipalityFactory(), telework)
    factories.municipality("432024", "人吉市")

    response = client.get(reverse("networks:prefecture_detail", args=["43"]))

    [rate] = response.context["roadmap_rates"]
    assert (rate.implemented, rate.total, rate.percent) == (1, 2, "50.0%")


# --- fixed queries at any scale ------------------------------------------------


def populate(n: int, model) -> None:
    municipalities = many_municipalities(n)
    for i, municipality in enumerate(municipalities[:: max(1, n // 40)]):
        report(municipality, model, Stage.PLANNED if i % 2 else Stage.IMPLEMENTED)


@pytest.mark.parametrize("n", [1, 1741])
def test_roadmap_page_query_count_is_fixed(client, django_assert_num_queries, telework, n):
    """6 queries: stage counts, denominator, fields, models, targets, figures."""
    populate(n, telework)
    with django_assert_num_queries(6):
        response = client.get(reverse("networks:roadmap"))
    assert response.context["overview"].total == n


@pytest.mark.parametrize("n", [1, 1741])
def test_model_page_query_count_is_fixed(client, django_assert_num_queries, telework, n):
    """6 queries: the model, the prefectures with denominators, the stage counts
    per prefecture, the implementing list (count and page), the trend."""
    populate(n, telework)
    with django_assert_num_queries(6):
        response = client.get(reverse("networks:roadmap_model", args=["telework"]))
    assert len(response.context["page_obj"].object_list) <= 50


@pytest.mark.parametrize("n", [1, 1741])
def test_municipality_page_query_count_is_fixed(client, django_assert_num_queries, telework, n):
    """17 queries: the municipality; denominators; its reports; implemented counts;
    the nearest; the models; its prefecture's upcoming and past briefings and
    their members (four); organizations; participations; and its national
    network work: membership, needs, projects, dispatches, cases."""
    populate(n, telework)
    first = Municipality.objects.order_by("code").first()
    for day, status in ((D(2019, 1, 10), "held"), (D(2030, 1, 10), "planned")):
        factories.BriefingFactory(prefecture=first.prefecture, date=day, status=status)
    for briefing in Briefing.objects.all():
        briefing.members.add(factories.MemberFactory())
    factories.ParticipationFactory(organization=factories.OrganizationFactory(municipality=first))
    code = first.code
    with django_assert_num_queries(17):
        client.get(reverse("networks:municipality_detail", args=[code]))
