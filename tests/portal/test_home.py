import datetime

import pytest

from briefings.figures import COVERAGE_FIGURES
from briefings.models import Briefing
from briefings.services import coverage_summary
from core import figures
from portal.views import HOME_FIGURES
from tests.factories import (
    ActivityFactory,
    BriefingFactory,
    OrganizationFactory,
    ParticipationFactory,
    StatusUpdateFactory,
    ThreadFactory,
    block,
    prefecture,
)
from threads.models import Progress, Thread

pytestmark = pytest.mark.django_db


def _populate(n: int) -> None:
    """n of everything the home page shows: threads with two updates each,
    participations, activities, held and planned briefings of each scope."""
    for i in range(n):
        thread = ThreadFactory()
        StatusUpdateFactory(thread=thread, text=f"古い状況{i}", as_of=datetime.date(2017, 1, 1))
        StatusUpdateFactory(thread=thread, text=f"最新の状況{i}", as_of=datetime.date(2017, 2, 24))
        ParticipationFactory(thread=thread, joined_on=datetime.date(2017, 1, 10 + i))
        ActivityFactory(thread=thread, date=datetime.date(2017, 2, 4 + i))
        BriefingFactory(status="held", date=datetime.date(2017, 2, 1 + i))
        BriefingFactory(
            status="held",
            scope="block",
            prefecture=None,
            block=block("kanto"),
            date=datetime.date(2017, 2, 10 + i),
        )
        BriefingFactory(status="planned", date=datetime.date(2017, 3, 1 + i))


def _figures(response) -> dict[str, tuple[int, datetime.date | None]]:
    return {item.figure.key: (item.value, item.latest) for item in response.context["figures"]}


def test_home_shows_threads_with_latest_status_and_briefings(client):
    _populate(1)
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "最新の状況0" in html
    assert "古い状況0" in html  # in the latest updates across threads, not in the diagram
    card = html.split('class="card vertical"')[1].split("</li>")[0]
    assert "最新の状況0" in card
    assert "古い状況0" not in card
    assert "2017年2月24日" in html
    assert "2017年3月1日" in html  # the planned briefing
    assert "2017年2月1日" in html  # the held one


def test_home_with_no_data_says_so(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "推進体制はまだ登録されていません。" in html
    assert "取組状況はまだ登録されていません。" in html
    assert _figures(response) == {
        "organizations": (0, None),
        "organizations-with-inferred": (0, None),
        "activities-done": (0, None),
        "briefings-held": (0, None),
        "briefings-planned": (0, None),
        "prefectures-reached": (0, None),
        "blocks-reached": (0, None),
    }
    assert html.count("日付の記録なし") == 7


def test_home_diagram_groups_the_four_threads_by_kind_in_order(client):
    ThreadFactory(kind=Thread.Kind.DIAGONAL, title="斜めの糸の体制", order=4)
    ThreadFactory(kind=Thread.Kind.HORIZONTAL, title="自治体間の情報連携体制", order=3)
    ThreadFactory(kind=Thread.Kind.HORIZONTAL, title="官民連携の全国ネットワーク", order=2)
    ThreadFactory(kind=Thread.Kind.VERTICAL, title="縦の糸の体制", order=1)
    response = client.get("/")
    strands = [
        (label, kind, [t.title for t in threads])
        for label, kind, threads in response.context["strands"]
    ]
    assert strands == [
        ("縦の糸", "vertical", ["縦の糸の体制"]),
        ("横の糸", "horizontal", ["官民連携の全国ネットワーク", "自治体間の情報連携体制"]),
        ("斜めの糸", "diagonal", ["斜めの糸の体制"]),
    ]
    html = response.content.decode()
    assert '<figure class="framework" aria-labelledby="framework-caption">' in html
    assert html.count('<li class="strand ') == 3
    assert html.count('<h3 class="strand-name">') == 3
    # Reading order is the framework's: 縦, 横 ①, 横 ②, 斜め.
    positions = [
        html.index(title)
        for title in (
            "縦の糸の体制",
            "官民連携の全国ネットワーク",
            "自治体間の情報連携体制",
            "斜めの糸の体制",
        )
    ]
    assert positions == sorted(positions)


def test_home_figures_count_the_records(client):
    thread_a, thread_b = ThreadFactory(), ThreadFactory()
    shared = OrganizationFactory()
    ParticipationFactory(thread=thread_a, organization=shared, joined_on=datetime.date(2017, 1, 5))
    ParticipationFactory(thread=thread_b, organization=shared, joined_on=datetime.date(2017, 2, 9))
    ParticipationFactory(thread=thread_b, joined_on=None)
    ActivityFactory(thread=thread_a, date=datetime.date(2017, 2, 4))
    ActivityFactory(thread=thread_a, date=datetime.date(2017, 2, 23))
    ActivityFactory(thread=thread_a, date=datetime.date(2017, 3, 9), status=Progress.PLANNED)
    # Held: two in 熊本県, one in 香川県, two for 関東, one national; not counted:
    # a cancelled one in 長崎県 and a planned one in 北海道.
    BriefingFactory(date=datetime.date(2017, 2, 15), prefecture=prefecture("43"))
    BriefingFactory(date=datetime.date(2017, 2, 16), prefecture=prefecture("43"))
    BriefingFactory(date=datetime.date(2017, 1, 24), prefecture=prefecture("37"))
    for day in (2, 3):
        BriefingFactory(
            date=datetime.date(2017, 2, day), scope="block", prefecture=None, block=block("kanto")
        )
    BriefingFactory(date=datetime.date(2017, 1, 25), scope="national", prefecture=None)
    BriefingFactory(
        date=datetime.date(2017, 2, 24), status="cancelled", prefecture=prefecture("42")
    )
    BriefingFactory(date=datetime.date(2017, 3, 16), status="planned", prefecture=prefecture("01"))

    response = client.get("/")

    assert _figures(response) == {
        "organizations": (2, datetime.date(2017, 2, 9)),
        "organizations-with-inferred": (2, datetime.date(2017, 2, 9)),
        "activities-done": (2, datetime.date(2017, 2, 23)),
        "briefings-held": (6, datetime.date(2017, 2, 16)),
        "briefings-planned": (1, datetime.date(2017, 3, 16)),
        "prefectures-reached": (2, datetime.date(2017, 2, 16)),
        "blocks-reached": (1, datetime.date(2017, 2, 3)),
    }
    html = response.content.decode()
    assert "2017年2月16日現在" in html
    assert "2017年3月16日までの予定" in html


def test_home_figures_link_to_their_definitions(client):
    response = client.get("/")
    html = response.content.decode()
    for key in HOME_FIGURES:
        assert f'href="/about/#figure-{key}"' in html
    assert '定義<span class="visually-hidden">（参加団体数）</span>' in html


def test_home_latest_updates_are_the_five_newest_across_threads(client):
    first, second = ThreadFactory(), ThreadFactory()
    for day in range(1, 5):
        StatusUpdateFactory(thread=first, as_of=datetime.date(2017, 2, day), text=f"一の{day}")
        StatusUpdateFactory(
            thread=second, as_of=datetime.date(2017, 2, day + 10), text=f"二の{day}"
        )
    response = client.get("/")
    texts = [update.text for update in response.context["latest_updates"]]
    assert texts == ["二の4", "二の3", "二の2", "二の1", "一の4"]


def test_home_next_briefings_are_planned_ones_soonest_first(client, stand_on):
    stand_on(datetime.date(2017, 3, 1))
    for day in (20, 6, 8, 9, 15, 16):
        BriefingFactory(status="planned", date=datetime.date(2017, 3, day))
    BriefingFactory(status="postponed", date=datetime.date(2017, 3, 1))
    response = client.get("/")
    assert [b.date.day for b in response.context["next_briefings"]] == [6, 8, 9, 15, 16]
    assert all(b.status == Briefing.Status.PLANNED for b in response.context["next_briefings"])


def test_home_next_briefings_leave_out_planned_ones_whose_date_has_passed(client, stand_on):
    """In 2026 the March 2017 sessions are not 今後: the real upcoming ones are listed."""
    stand_on(datetime.date(2026, 11, 30))
    for day in (6, 8, 9, 15, 16, 22):
        BriefingFactory(
            status="planned", date=datetime.date(2017, 3, day), title=f"2017年3月{day}日"
        )
    BriefingFactory(status="planned", date=datetime.date(2026, 11, 30), title="今日")
    BriefingFactory(status="planned", date=datetime.date(2027, 1, 20), title="来年")
    response = client.get("/")
    assert [b.title for b in response.context["next_briefings"]] == ["今日", "来年"]
    section = response.content.decode().split('id="next-heading"')[1].split("</section>")[0]
    assert "2017年3月" not in section
    assert "status-unrecorded" not in section


def test_home_shows_the_coverage_map_with_a_link_to_the_coverage_page(client):
    BriefingFactory(prefecture=prefecture("37"))
    html = client.get("/").content.decode()
    assert '<figure class="tile-map">' in html
    assert '<a href="/briefings/coverage/#prefecture-table">' in html
    assert html.count('class="tile"') == 47
    assert 'href="/prefectures/37/" class="tile" aria-label="香川県：開催 1回"' in html
    assert '<a href="/briefings/coverage/">' in html


def test_home_seed_figures(client, seeded):
    response = client.get("/")
    found = _figures(response)
    assert found["briefings-held"] == (22, datetime.date(2017, 2, 24))
    assert found["briefings-planned"] == (10, datetime.date(2017, 3, 24))
    assert found["activities-done"][1] == datetime.date(2017, 2, 23)
    assert [
        (kind, [thread.slug for thread in threads])
        for _label, kind, threads in response.context["strands"]
    ] == [
        ("vertical", ["vertical"]),
        ("horizontal", ["horizontal-network", "horizontal-associations"]),
        ("diagonal", ["diagonal"]),
    ]


def test_home_seed_figures_agree_with_the_coverage_page(client, seeded):
    """The coverage page computes its own figures; both follow /about/#figures."""
    coverage = coverage_summary()
    values = {
        item.figure.key: (item.value, item.latest) for item in figures.compute(COVERAGE_FIGURES)
    }
    assert values == {
        "briefings-held": (coverage.held, coverage.as_of),
        "prefectures-reached": (coverage.prefectures_reached, coverage.prefectures_as_of),
        "blocks-reached": (coverage.blocks_reached, coverage.blocks_as_of),
        "national-sessions": (coverage.national, coverage.national_as_of),
    }


@pytest.mark.parametrize("n", [1, 3])
def test_home_query_count_is_fixed(client, django_assert_num_queries, time_machine, n):
    """Thirteen queries whatever the row count: threads and their updates
    (prefetch, 2); the latest reported figure (1; none here, so nothing to
    compare it with); upcoming and held briefings, each with its members
    (prefetch, 2 + 2); the five latest updates with their thread (1); the
    coverage map with the other figures (coverage_summary(also=…): one
    aggregate per model (participations, activities, briefings: 3), 47
    prefectures, 11 blocks: 5). The briefing figures are read once for both."""
    _populate(n)
    # Standing before the planned ones (March 2017), so that every list has rows.
    time_machine.move_to(datetime.datetime(2017, 2, 24, 12, tzinfo=datetime.UTC), tick=False)
    with django_assert_num_queries(13):
        assert client.get("/").status_code == 200


def test_home_in_english(client):
    _populate(1)
    ThreadFactory(title="官民連携の全国ネットワーク", title_en="National public-private network")
    response = client.get("/en/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "24 February 2017" in html
    assert 'href="/en/about/#figure-organizations"' in html
    assert 'action="/en/search/"' in html
    assert '<a href="/en/briefings/coverage/">' in html
    assert "National public-private network" in html
    assert "官民連携の全国ネットワーク" not in html


def test_home_ignores_unknown_query_parameters(client):
    _populate(1)
    response = client.get("/", {"page": "999999", "date_after": "abc"})
    assert response.status_code == 200
