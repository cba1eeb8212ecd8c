import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from briefings.models import Briefing
from networks.models import Organization
from portal.directory import selectors
from tests.factories import (
    ActivityFactory,
    BriefingFactory,
    MemberFactory,
    OrganizationFactory,
    ParticipationFactory,
    ThreadFactory,
    block,
    field,
    prefecture,
)
from threads.models import Thread

pytestmark = pytest.mark.django_db


def url(name: str, *args, language: str = "ja") -> str:
    with translation.override(language):
        return reverse(f"networks:{name}", args=args)


def block_briefing(code: str = "kyushu", **kwargs) -> Briefing:
    kwargs.setdefault("scope", Briefing.Scope.BLOCK)
    kwargs.setdefault("kind", Briefing.Kind.SEMINAR)
    return BriefingFactory(prefecture=None, block=block(code), **kwargs)


# --- prefecture --------------------------------------------------------------------------


def test_prefecture_page_shows_its_block_bureau_and_council(client):
    response = client.get(url("prefecture_detail", "43"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>熊本県</h1>" in html
    assert '<dd><a href="/blocks/kyushu/">九州ブロック</a></dd>' in html
    assert "<dd>九州総合通信局</dd>" in html
    assert response.context["breadcrumbs"] == [
        ("九州ブロック", "/blocks/kyushu/"),
        ("熊本県", "/prefectures/43/"),
    ]


def test_prefecture_page_separates_upcoming_and_past_briefings(client, stand_on):
    stand_on(datetime.date(2017, 3, 7))
    held = BriefingFactory(status=Briefing.Status.HELD, date=datetime.date(2017, 2, 15))
    later = BriefingFactory(status=Briefing.Status.PLANNED, date=datetime.date(2017, 3, 24))
    sooner = BriefingFactory(status=Briefing.Status.PLANNED, date=datetime.date(2017, 3, 7))
    passed = BriefingFactory(status=Briefing.Status.PLANNED, date=datetime.date(2017, 3, 6))
    cancelled = BriefingFactory(status=Briefing.Status.CANCELLED, date=datetime.date(2017, 3, 1))
    BriefingFactory(prefecture=prefecture("37"), title="香川の説明会")

    response = client.get(url("prefecture_detail", "43"))

    briefings = response.context["briefings"]
    assert briefings.upcoming.items == [sooner, later]
    # A planned session whose date has passed is not upcoming: it is past, unrecorded.
    assert briefings.past.items == [passed, cancelled, held]
    html = response.content.decode()
    assert '<h2 id="briefings-heading">熊本県の説明会等</h2>' in html
    assert "<caption>今後の説明会等（開催日の近い順）</caption>" in html
    assert "<caption>これまでの説明会等（新しい順）</caption>" in html
    assert "香川の説明会" not in html
    assert '<a href="/briefings/?prefecture=43">熊本県の説明会等を説明会一覧で見る</a>' in html


def test_prefecture_page_shows_its_regions_sessions_in_their_own_section(client, stand_on):
    """佐賀県 has nothing planned itself; 九州 has sessions in 福岡, 熊本 and for the block."""
    stand_on(datetime.date(2017, 3, 1))
    saga_past = BriefingFactory(prefecture=prefecture("41"), date=datetime.date(2017, 2, 16))
    fukuoka = BriefingFactory(
        prefecture=prefecture("40"), status="planned", date=datetime.date(2017, 3, 22)
    )
    kumamoto = BriefingFactory(
        prefecture=prefecture("43"), status="planned", date=datetime.date(2017, 3, 24)
    )
    seminar = block_briefing(status="planned", date=datetime.date(2017, 3, 10))
    held_seminar = block_briefing(status="held", date=datetime.date(2017, 2, 15))
    BriefingFactory(prefecture=prefecture("37"), status="planned", date=datetime.date(2017, 3, 6))
    block_briefing("shikoku", status="planned", date=datetime.date(2017, 3, 6))

    response = client.get(url("prefecture_detail", "41"))

    assert response.context["briefings"].upcoming.items == []
    assert response.context["briefings"].past.items == [saga_past]
    assert response.context["region_briefings"].items == [seminar, fukuoka, kumamoto, held_seminar]
    html = response.content.decode()
    region = html.split('<section aria-labelledby="region-heading">')[1].split("</section>")[0]
    assert '<h2 id="region-heading">この地域（九州ブロック）の説明会等</h2>' in region
    assert "<caption>九州ブロックの説明会等（今後のものから）</caption>" in region
    assert '<a href="/briefings/?block=kyushu">九州ブロックの説明会等をすべて見る</a>' in region
    assert region.count('<span class="badge status-planned">予定</span>') == 3


def test_prefecture_page_region_section_caps_its_rows(client, monkeypatch):
    monkeypatch.setattr(selectors, "PAGE_SECTION_LIMIT", 1)
    block_briefing()
    block_briefing()
    response = client.get(url("prefecture_detail", "41"))
    assert len(response.context["region_briefings"]) == 1
    assert "1件を表示しています。" in response.content.decode()


def test_prefecture_page_lists_its_organizations(client):
    kumamoto_city = OrganizationFactory(name="熊本市役所", prefecture=prefecture("43"))
    OrganizationFactory(name="福岡市役所", prefecture=prefecture("40"))

    response = client.get(url("prefecture_detail", "43"))

    assert response.context["organizations"].items == [kumamoto_city]
    html = response.content.decode()
    assert f'<a href="/organizations/{kumamoto_city.pk}/">熊本市役所</a>' in html
    assert "福岡市役所" not in html
    assert '<a href="/organizations/?prefecture=43">' in html


@pytest.mark.parametrize("code", ["99", "abc", "4", "00"])
def test_prefecture_page_unknown_code_is_404(client, code):
    response = client.get(f"/prefectures/{code}/")

    assert response.status_code == 404


def test_prefecture_page_in_english(client):
    BriefingFactory(date=datetime.date(2017, 2, 15))

    response = client.get(url("prefecture_detail", "43", language="en"))

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "<h1>Kumamoto</h1>" in html
    assert "<dd>Kyushu Bureau of Telecommunications</dd>" in html
    assert "15 February 2017" in html
    assert '<a href="/en/blocks/kyushu/">' in html


@pytest.mark.parametrize("n", [1, 3])
def test_prefecture_page_query_count_is_fixed(client, django_assert_num_queries, stand_on, n):
    """8 queries: the prefecture with its block; upcoming briefings and their
    members; past briefings and their members; the region's briefings and
    their members; the organizations."""
    stand_on(datetime.date(2017, 2, 24))
    for i in range(n):
        held = BriefingFactory(status=Briefing.Status.HELD, date=datetime.date(2017, 2, 1 + i))
        planned = BriefingFactory(
            status=Briefing.Status.PLANNED, date=datetime.date(2017, 3, 1 + i)
        )
        region = block_briefing(status=Briefing.Status.PLANNED, date=datetime.date(2017, 3, 1 + i))
        for briefing in (held, planned, region):
            briefing.members.add(MemberFactory())
        OrganizationFactory(prefecture=prefecture("43"))

    with django_assert_num_queries(8):
        response = client.get(url("prefecture_detail", "43"))

    assert len(response.context["briefings"].past) == n
    assert len(response.context["briefings"].upcoming) == n
    assert len(response.context["region_briefings"]) == n
    assert len(response.context["organizations"]) == n


# --- block -------------------------------------------------------------------------------


def test_block_page_shows_bureau_council_and_prefectures(client):
    response = client.get(url("block_detail", "kyushu"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>九州ブロック</h1>" in html
    assert "<dd>九州総合通信局</dd>" in html
    for code, name in [("40", "福岡県"), ("43", "熊本県"), ("46", "鹿児島県")]:
        assert f'<li><a href="/prefectures/{code}/">{name}</a></li>' in html
    assert '<a href="/prefectures/47/">' not in html  # 沖縄 has its own block
    assert response.context["breadcrumbs"] == [("九州ブロック", "/blocks/kyushu/")]


def test_block_page_separates_upcoming_and_past_briefings(client, stand_on):
    stand_on(datetime.date(2017, 2, 10))
    held = block_briefing(status=Briefing.Status.HELD, title="九州地域ICT利活用セミナー")
    in_prefecture = BriefingFactory(status=Briefing.Status.PLANNED)  # 熊本県 → 九州
    block_briefing("chugoku", title="中国地域ICT利活用セミナー")

    response = client.get(url("block_detail", "kyushu"))

    briefings = response.context["briefings"]
    assert briefings.past.items == [held]
    assert briefings.upcoming.items == [in_prefecture]
    html = response.content.decode()
    assert "中国地域ICT利活用セミナー" not in html
    assert '<a href="/briefings/?block=kyushu">' in html


def test_block_page_lists_organizations_of_the_block_and_its_prefectures(client):
    council = OrganizationFactory(name="九州情報通信懇談会", block=block("kyushu"))
    city = OrganizationFactory(name="熊本市役所", prefecture=prefecture("43"))
    OrganizationFactory(name="中国情報通信懇談会", block=block("chugoku"))

    response = client.get(url("block_detail", "kyushu"))

    assert set(response.context["organizations"]) == {council, city}
    html = response.content.decode()
    assert "中国情報通信懇談会" not in html
    assert '<a href="/organizations/?block=kyushu">' in html


def test_block_page_lists_activities_of_the_block_with_their_thread(client):
    diagonal = ThreadFactory(kind=Thread.Kind.DIAGONAL, title="斜めの糸")
    newer = ActivityFactory(
        thread=diagonal, block=block("kyushu"), date=datetime.date(2017, 4, 20), title="懇談会"
    )
    older = ActivityFactory(
        thread=diagonal, block=block("kyushu"), date=datetime.date(2017, 4, 10), title="部会"
    )
    ActivityFactory(thread=diagonal, block=block("chugoku"), title="中国の活動")

    response = client.get(url("block_detail", "kyushu"))

    assert response.context["activities"].items == [newer, older]
    html = response.content.decode()
    assert f'<a href="/threads/{diagonal.slug}/">斜めの糸</a>' in html
    assert "中国の活動" not in html


def test_block_page_without_activities_says_so(client):
    html = client.get(url("block_detail", "kyushu")).content.decode()

    assert "該当する活動はありません。" in html


@pytest.mark.parametrize("code", ["nowhere", "KYUSHU", "43"])
def test_block_page_unknown_code_is_404(client, code):
    response = client.get(f"/blocks/{code}/")

    assert response.status_code == 404


def test_block_page_in_english(client):
    response = client.get(url("block_detail", "kyushu", language="en"))

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "<dd>Kyushu Bureau of Telecommunications</dd>" in html
    assert '<li><a href="/en/prefectures/43/">Kumamoto</a></li>' in html


@pytest.mark.parametrize("n", [1, 3])
def test_block_page_query_count_is_fixed(client, django_assert_num_queries, stand_on, n):
    """14 queries: the block and its prefectures (prefetch); upcoming briefings
    and their members; past briefings and their members; the organizations with
    their prefecture; the activities with thread and field; and the council's
    section (tests/portal/test_cooperation_council.py): its members, its
    block-scope sessions and their members, its activities, its cases, the map."""
    stand_on(datetime.date(2017, 2, 24))
    thread = ThreadFactory(kind=Thread.Kind.DIAGONAL)
    for i in range(n):
        held = block_briefing(status=Briefing.Status.HELD, date=datetime.date(2017, 2, 1 + i))
        planned = block_briefing(status=Briefing.Status.PLANNED, date=datetime.date(2017, 3, 1 + i))
        held.members.add(MemberFactory())
        planned.members.add(MemberFactory())
        OrganizationFactory(prefecture=prefecture("43"))
        ActivityFactory(thread=thread, block=block("kyushu"), field=field("education"))

    with django_assert_num_queries(14):
        response = client.get(url("block_detail", "kyushu"))

    assert len(response.context["activities"]) == n
    assert len(response.context["organizations"]) == n


# --- capping long sections ------------------------------------------------------------------


def test_prefecture_page_says_when_briefings_are_capped(client, monkeypatch):
    monkeypatch.setattr(selectors, "PAGE_SECTION_LIMIT", 1)
    BriefingFactory.create_batch(2, status=Briefing.Status.HELD)
    BriefingFactory.create_batch(2, status=Briefing.Status.PLANNED, date=datetime.date(2099, 12, 1))

    html = client.get(url("prefecture_detail", "43")).content.decode()

    assert "これまでの説明会等のうち新しい1件を表示しています。" in html
    assert "今後の説明会等のうち直近の1件を表示しています。" in html
    assert '<a href="/briefings/?prefecture=43&amp;status=planned">' in html


# --- organization directory ------------------------------------------------------------------


def test_organization_list_shows_threads_each_takes_part_in(client):
    vertical = ThreadFactory(slug="vertical", title="縦の糸", order=1)
    diagonal = ThreadFactory(slug="diagonal", title="斜めの糸", order=2)
    organization = OrganizationFactory(name="総務省", kind=Organization.Kind.MINISTRY)
    ParticipationFactory(thread=diagonal, organization=organization)
    ParticipationFactory(thread=vertical, organization=organization)

    response = client.get(url("organization_list"))

    assert response.status_code == 200
    html = response.content.decode()
    row = html.split(f'<a href="/organizations/{organization.pk}/">総務省</a>')[1].split("</tr>")[0]
    assert (
        '<ul class="plain"><li><a href="/threads/vertical/">縦の糸</a></li>'
        '<li><a href="/threads/diagonal/">斜めの糸</a></li></ul>' in row
    )
    assert "<td>省庁</td>" in row
    assert "<td>全国</td>" in row
    assert response.context["breadcrumbs"] == [("参加団体", "/organizations/")]


def test_organization_list_filters_by_thread(client):
    thread = ThreadFactory(slug="vertical")
    participant = ParticipationFactory(thread=thread).organization
    OrganizationFactory(name="参加していない団体")

    response = client.get(url("organization_list"), {"thread": "vertical"})

    assert list(response.context["organizations"]) == [participant]
    assert '<option value="vertical" selected>' in response.content.decode()


def test_organization_list_filters_by_kind_prefecture_and_name(client):
    match = OrganizationFactory(
        name="熊本市役所", kind=Organization.Kind.LOCAL_GOVERNMENT, prefecture=prefecture("43")
    )
    OrganizationFactory(
        name="熊本県庁", kind=Organization.Kind.LOCAL_GOVERNMENT, prefecture=prefecture("43")
    )
    OrganizationFactory(name="熊本市の企業", prefecture=prefecture("43"))
    OrganizationFactory(
        name="福岡市役所", kind=Organization.Kind.LOCAL_GOVERNMENT, prefecture=prefecture("40")
    )

    response = client.get(
        url("organization_list"), {"kind": "local_government", "prefecture": "43", "q": "市"}
    )

    assert list(response.context["organizations"]) == [match]
    assert '<p class="result-count" role="status">1団体</p>' in response.content.decode()


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"prefecture": "99"}, "都道府県コード「99」はありません。"),
        ({"prefecture": "abc"}, "都道府県コード「abc」はありません。"),
        ({"kind": "dragon"}, "種別「dragon」はありません。"),
        ({"thread": "nope"}, "推進体制「nope」はありません。"),
        ({"block": "nowhere"}, "地域ブロック「nowhere」はありません。"),
        (
            {"q": "あ" * 10_000},
            "名称は100文字以内で入力してください（10000文字入力されています）。",
        ),
    ],
)
def test_organization_list_bad_parameter_gives_message_not_500(client, params, message):
    OrganizationFactory()

    response = client.get(url("organization_list"), params)

    assert response.status_code == 200
    assert list(response.context["organizations"]) == []
    html = response.content.decode()
    assert message in html
    assert '<div class="warning-box" role="alert">' in html
    assert 'aria-describedby="id_' in html


@pytest.mark.parametrize("page", ["abc", "999999", "0", "-1"])
def test_organization_list_bad_page_gives_a_page_not_500(client, page):
    OrganizationFactory()

    response = client.get(url("organization_list"), {"page": page})

    assert response.status_code == 200
    assert len(response.context["organizations"]) == 1


def test_organization_list_paginates(client):
    OrganizationFactory.create_batch(51)

    response = client.get(url("organization_list"), {"page": "2"})

    assert len(response.context["organizations"]) == 1
    html = response.content.decode()
    assert '<p class="result-count" role="status">51団体</p>' in html
    assert 'rel="prev"' in html


def test_organization_list_in_english(client):
    thread = ThreadFactory(slug="vertical", title="縦の糸", title_en="Vertical thread")
    organization = OrganizationFactory(
        name="全国市長会", name_en="Japan Association of City Mayors"
    )
    ParticipationFactory(thread=thread, organization=organization)

    response = client.get(url("organization_list", language="en"), {"prefecture": "43"})

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert '<option value="43" selected>Kumamoto</option>' in html
    assert '<option value="vertical">Vertical thread</option>' in html

    response = client.get(url("organization_list", language="en"))
    html = response.content.decode()
    assert (
        f'<a href="/en/organizations/{organization.pk}/">Japan Association of City Mayors</a>'
        in html
    )
    assert '<a href="/en/threads/vertical/">Vertical thread</a>' in html


@pytest.mark.parametrize("n", [1, 3])
def test_organization_list_query_count_is_fixed(client, django_assert_num_queries, n):
    """6 queries: the count, the page of organizations with place, their
    participations with thread (one prefetch), and the choices of the
    prefecture, block and thread selects."""
    threads = ThreadFactory.create_batch(2)
    for _ in range(n):
        organization = OrganizationFactory(prefecture=prefecture("43"))
        for thread in threads:
            ParticipationFactory(thread=thread, organization=organization)

    with django_assert_num_queries(6):
        response = client.get(url("organization_list"))

    assert len(response.context["organizations"]) == n


@pytest.mark.parametrize("n", [1, 3])
def test_organization_list_filtered_query_count_is_fixed(client, django_assert_num_queries, n):
    """9 queries: the 6 of the unfiltered page, plus the lookups of the
    `prefecture`, `block` and `thread` values the filters validate."""
    thread = ThreadFactory(slug="vertical")
    for _ in range(n):
        ParticipationFactory(
            thread=thread, organization=OrganizationFactory(prefecture=prefecture("43"))
        )

    with django_assert_num_queries(9):
        response = client.get(
            url("organization_list"),
            {"prefecture": "43", "block": "kyushu", "thread": "vertical", "kind": "company"},
        )

    assert len(response.context["organizations"]) == n


# --- organization detail ---------------------------------------------------------------------


def test_organization_detail_shows_kind_place_and_threads(client):
    thread = ThreadFactory(title="斜めの糸")
    organization = OrganizationFactory(
        name="九州情報通信懇談会", kind=Organization.Kind.COUNCIL, block=block("kyushu")
    )
    ParticipationFactory(
        thread=thread,
        organization=organization,
        role="活動の場",
        joined_on=datetime.date(2017, 1, 1),
    )

    response = client.get(organization.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>九州情報通信懇談会</h1>" in html
    assert "<dd>協議会・懇談会</dd>" in html
    assert '<a href="/blocks/kyushu/">九州ブロック</a>' in html
    assert f'<a href="/threads/{thread.slug}/">斜めの糸</a>' in html
    assert '<span class="meta">（活動の場）</span>' in html
    assert "2017年1月1日参加" in html
    assert response.context["breadcrumbs"] == [
        ("参加団体", "/organizations/"),
        ("九州情報通信懇談会", organization.get_absolute_url()),
    ]


def test_organization_detail_shows_activities_hosted_briefings_and_members(client):
    organization = OrganizationFactory(name="全国市長会")
    activity = ActivityFactory(title="全国市長会行政委員会")
    activity.organizations.add(organization)
    ActivityFactory(title="関係のない活動")
    briefing = BriefingFactory(
        host=organization,
        scope=Briefing.Scope.NATIONAL,
        prefecture=None,
        title="全国市長会での説明",
    )
    BriefingFactory(title="他の団体の説明会")
    MemberFactory(name="須藤", organization=organization)

    response = client.get(organization.get_absolute_url())

    assert response.context["activities"].items == [activity]
    assert response.context["briefings"].items == [briefing]
    html = response.content.decode()
    assert "全国市長会行政委員会" in html
    assert "関係のない活動" not in html
    assert f'<a href="/briefings/{briefing.pk}/">全国市長会での説明</a>' in html
    assert "他の団体の説明会" not in html
    assert "<li>須藤構成員</li>" in html


def test_organization_detail_without_records_says_so(client):
    organization = OrganizationFactory()

    html = client.get(organization.get_absolute_url()).content.decode()

    assert "参加している推進体制は登録されていません。" in html
    assert "関係した活動は登録されていません。" in html
    assert "主催した説明会等は登録されていません。" in html
    assert "登録されている構成員・関係者はいません。" in html


@pytest.mark.parametrize("path", ["/organizations/999999/", "/organizations/abc/"])
def test_organization_detail_unknown_is_404(client, path):
    response = client.get(path)

    assert response.status_code == 404


def test_organization_detail_in_english(client):
    organization = OrganizationFactory(
        name="全国市長会", name_en="Japan Association of City Mayors", prefecture=prefecture("13")
    )

    response = client.get(url("organization_detail", organization.pk, language="en"))

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "<h1>Japan Association of City Mayors</h1>" in html
    assert '<a href="/en/prefectures/13/">Tokyo</a>' in html


@pytest.mark.parametrize("n", [1, 3])
def test_organization_detail_query_count_is_fixed(client, django_assert_num_queries, n):
    """6 queries: the organization with its place; its participations with
    thread; its activities; its hosted briefings and their members; its members."""
    organization = OrganizationFactory(prefecture=prefecture("43"))
    for i in range(n):
        ParticipationFactory(organization=organization)
        ActivityFactory(block=block("kyushu"), field=field("education")).organizations.add(
            organization
        )
        BriefingFactory(host=organization, date=datetime.date(2017, 2, 1 + i)).members.add(
            MemberFactory()
        )
        MemberFactory(organization=organization)

    with django_assert_num_queries(6):
        response = client.get(organization.get_absolute_url())

    assert len(response.context["activities"]) == n
    assert len(response.context["briefings"]) == n


# --- the seed ------------------------------------------------------------------------------


def test_seeded_chugoku_block_page(client, seeded, stand_on):
    stand_on(datetime.date(2017, 2, 24))
    response = client.get("/blocks/chugoku/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<dd>中国情報通信懇談会</dd>" in html
    assert "中国地域Lアラート連絡会" in html  # the vertical thread's event in the block
    assert [b.title for b in response.context["briefings"].upcoming] == [
        "中国地域ICT利活用セミナー"
    ]
    assert [b.title for b in response.context["briefings"].past] == [
        "地方自治体向け説明会",
        "中国情報通信懇談会顧問会議",
    ]


def test_seeded_saga_page_in_2026_shows_nothing_past_as_upcoming(client, seeded, stand_on):
    """A municipality in 佐賀県 looking in 2026: the March 2017 sessions of 九州 (福岡,
    熊本) are in the region's section, past and unrecorded, never as 予定."""
    stand_on(datetime.date(2026, 11, 30))
    response = client.get("/prefectures/41/")
    html = response.content.decode()
    assert response.context["briefings"].upcoming.items == []
    region = [(b.date.isoformat(), b.prefecture.name) for b in response.context["region_briefings"]]
    assert region == [
        ("2017-03-24", "熊本県"),
        ("2017-03-22", "福岡県"),
        ("2017-02-15", "熊本県"),
        ("2017-02-14", "長崎県"),
    ]
    assert "status-planned" not in html
    assert html.count("開催日経過・結果未登録") == 2


def test_seeded_organization_directory_by_thread(client, seeded):
    response = client.get("/organizations/", {"thread": "horizontal-associations"})

    assert sorted(o.name for o in response.context["organizations"]) == sorted(
        ["全国知事会", "全国市長会", "全国町村会"]
    )
