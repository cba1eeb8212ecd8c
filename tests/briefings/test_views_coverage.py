"""/briefings/coverage/: figures, the tile map, its table equivalent and the block matrix."""

import datetime
import itertools
import re

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from briefings.services import coverage_summary
from core.asof import Period
from tests.factories import BriefingFactory, block, prefecture

pytestmark = pytest.mark.django_db


URL = "/briefings/coverage/"
EN_URL = "/en/briefings/coverage/"


def _figures(html: str) -> dict[str, str]:
    """Each figure's label → its value, from <dl class="figures">."""
    pairs = re.findall(r"<dt>(.+?)</dt>\s*<dd>(.+?)<span", html)
    return dict(pairs)


def _tiles(html: str) -> dict[str, str]:
    """Each map tile's link → its accessible name."""
    return dict(re.findall(r'<a href="([^"]+)" class="tile" aria-label="([^"]+)">', html))


def _table_rows(html: str, table_class: str) -> list[list[str]]:
    """Each row's cells as seen (the links' visually hidden context left out)."""
    table = re.search(rf'<table class="{table_class}">(.*?)</table>', html, re.DOTALL).group(1)
    table = re.sub(r'<span class="visually-hidden">.*?</span>', "", table)
    rows = []
    for row in re.findall(r"<tr>(.*?)</tr>", table, re.DOTALL):
        cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.DOTALL)
        rows.append([re.sub(r"<[^>]+>", "", c).strip() for c in cells])
    return rows


def _count_links(html: str, table_class: str) -> list[tuple[str, int]]:
    """(address, count shown) of every count link in a table."""
    table = re.search(rf'<table class="{table_class}">(.*?)</table>', html, re.DOTALL).group(1)
    return [
        (href.replace("&amp;", "&"), int(n))
        for href, n in re.findall(r'<td class="num"><a href="([^"]+)">(\d+)<span', table)
    ]


def _schedule_count(client, address: str) -> int:
    response = client.get(address)
    assert response.status_code == 200
    assert not response.context["filter"].errors, address
    return response.context["paginator"].count


def test_coverage_url_name():
    assert reverse("briefings:coverage") == URL


def test_coverage_with_no_briefings(client):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert _figures(html) == {
        "開催済の説明会等の回数": "0回",
        "説明会等を開催した都道府県数": "0都道府県",
        "説明会等を開催した地域ブロック数": "0ブロック",
        "全国向けの説明会等の回数": "0回",
    }
    assert html.count("期間内の開催実績なし") == 4
    assert "全期間の集計です。" in html


def test_coverage_figures_link_to_their_definitions(client):
    html = client.get(URL).content.decode()
    about = reverse("portal:about")
    for key in ("briefings-held", "prefectures-reached", "blocks-reached", "national-sessions"):
        assert f'<a class="definition" href="{about}#figure-{key}">定義' in html


def test_coverage_map_has_47_linked_tiles_with_accessible_names(client, stand_on):
    stand_on(datetime.date(2017, 2, 10))
    BriefingFactory(prefecture=prefecture("37"))
    BriefingFactory(prefecture=prefecture("36"), status="planned")
    html = client.get(URL).content.decode()
    tiles = _tiles(html)
    assert len(tiles) == 47
    assert tiles["/prefectures/37/"] == "香川県：開催 1回"
    assert tiles["/prefectures/36/"] == "徳島県：開催 0回、予定 1回"
    assert tiles["/prefectures/01/"] == "北海道：開催 0回"
    assert "<title>香川県：開催 1回</title>" in html
    assert '<svg class="tile-map-svg" viewBox="0 0 776 656" role="group"' in html


def test_coverage_map_colours_tiles_by_class_with_a_legend(client):
    for _ in range(4):
        BriefingFactory(prefecture=prefecture("43"))
    BriefingFactory(prefecture=prefecture("37"))
    html = client.get(URL).content.decode()
    kumamoto = re.search(r'href="/prefectures/43/".*?</a>', html, re.DOTALL).group(0)
    kagawa = re.search(r'href="/prefectures/37/".*?</a>', html, re.DOTALL).group(0)
    assert 'fill="#0b3d7a"' in kumamoto and 'fill="#ffffff"' in kumamoto
    assert 'fill="#c6dbef"' in kagawa and 'fill="#1a1a1a"' in kagawa
    legend = re.search(r'<ul class="tile-legend">.*?</ul>', html, re.DOTALL).group(0)
    assert re.findall(r"/svg>(.+?)</li>", legend) == ["0回", "1回", "2～3回", "4回以上"]


def test_coverage_table_equivalent_has_47_rows(client, stand_on):
    stand_on(datetime.date(2017, 2, 10))
    BriefingFactory(prefecture=prefecture("37"))
    BriefingFactory(prefecture=prefecture("37"), status="planned")
    html = client.get(URL).content.decode()
    rows = _table_rows(html, "coverage-table")
    assert rows[0] == ["都道府県", "地域ブロック", "開催済", "予定"]
    assert len(rows) == 48
    assert rows[1] == ["北海道", "北海道", "0", "0"]
    assert ["香川県", "四国", "1", "1"] in rows
    assert "<caption>都道府県別の説明会等の回数</caption>" in html
    assert '<th scope="row"><a href="/prefectures/37/">香川県</a></th>' in html


def test_coverage_block_status_matrix_has_11_blocks_no_block_and_totals(client, stand_on):
    stand_on(datetime.date(2017, 2, 24))
    BriefingFactory(prefecture=prefecture("43"), status="held")
    BriefingFactory(prefecture=prefecture("43"), status="planned", date=datetime.date(2017, 3, 6))
    BriefingFactory(prefecture=prefecture("40"), status="planned", date=datetime.date(2017, 2, 20))
    BriefingFactory(prefecture=prefecture("37"), status="cancelled")
    BriefingFactory(scope="national", kind="national_meeting", prefecture=None)
    html = client.get(URL).content.decode()
    rows = _table_rows(html, "coverage-matrix")
    assert rows[0] == [
        "地域ブロック",
        "予定",
        "開催日経過・結果未登録",
        "開催済",
        "中止",
        "延期",
        "計",
    ]
    assert len(rows) == 14  # header, 11 blocks, no block, totals
    assert ["九州", "1", "1", "1", "0", "0", "3"] in rows
    assert ["四国", "0", "0", "0", "1", "0", "1"] in rows
    assert rows[-2] == ["地域ブロックなし（全国等）", "0", "0", "1", "0", "0", "1"]
    assert rows[-1] == ["合計", "1", "1", "2", "1", "0", "5"]
    assert "このほか、今日以降に1回の開催が予定されています。" in html


def test_coverage_matrix_leaves_out_the_no_block_row_when_there_is_none(client):
    BriefingFactory(prefecture=prefecture("43"))
    rows = _table_rows(client.get(URL).content.decode(), "coverage-matrix")
    assert len(rows) == 13
    assert rows[-1] == ["合計", "0", "0", "1", "0", "0", "1"]


def test_coverage_counts_link_to_the_schedule_filtered_to_what_they_count(client, stand_on):
    stand_on(datetime.date(2017, 2, 24))
    BriefingFactory(prefecture=prefecture("43"), status="held", date=datetime.date(2017, 2, 1))
    BriefingFactory(prefecture=prefecture("43"), status="planned", date=datetime.date(2017, 3, 6))
    BriefingFactory(prefecture=prefecture("43"), status="planned", date=datetime.date(2017, 2, 20))
    BriefingFactory(scope="block", kind="seminar", prefecture=None, block=block("kyushu"))
    BriefingFactory(prefecture=prefecture("37"), status="cancelled")
    BriefingFactory(prefecture=prefecture("37"), status="postponed")
    BriefingFactory(scope="national", kind="national_meeting", prefecture=None)
    BriefingFactory(scope="national", kind="national_meeting", prefecture=None).soft_delete()
    html = client.get(URL).content.decode()

    matrix = _count_links(html, "coverage-matrix")
    table = _count_links(html, "coverage-table")
    assert len(matrix) == (11 + 1 + 1) * 6
    assert len(table) == 47 * 2
    assert ("/briefings/?block=kyushu&status=planned", 1) in matrix
    assert ("/briefings/?block=kyushu&status=unrecorded", 1) in matrix
    assert ("/briefings/?block=null&status=held", 1) in matrix
    assert ("/briefings/?status=held", 3) in matrix
    assert ("/briefings/", 7) in matrix
    assert ("/briefings/?prefecture=43&status=held", 1) in table
    # Every count, followed, lists exactly that many sessions.
    for address, count in matrix + table:
        assert _schedule_count(client, address) == count, address


def test_coverage_count_links_keep_the_range(client, stand_on):
    stand_on(datetime.date(2017, 2, 24))
    BriefingFactory(prefecture=prefecture("43"), date=datetime.date(2017, 1, 31))
    BriefingFactory(prefecture=prefecture("43"), date=datetime.date(2017, 2, 15))
    BriefingFactory(prefecture=prefecture("43"), status="planned", date=datetime.date(2017, 3, 6))
    params = {"date_after": "2017-02-01", "date_before": "2017-03-31"}
    html = client.get(URL, params).content.decode()
    links = _count_links(html, "coverage-matrix") + _count_links(html, "coverage-table")
    assert (
        "/briefings/?date_after=2017-02-01&date_before=2017-03-31&block=kyushu&status=held",
        1,
    ) in links
    assert ("/briefings/?date_after=2017-02-01&date_before=2017-03-31", 2) in links
    for address, count in links:
        assert _schedule_count(client, address) == count, address


def test_coverage_date_range_filters_everything(client):
    BriefingFactory(prefecture=prefecture("43"), date=datetime.date(2017, 1, 31))
    BriefingFactory(prefecture=prefecture("37"), date=datetime.date(2017, 2, 24))
    response = client.get(URL, {"date_after": "2017-02-01", "date_before": "2017-02-28"})
    html = response.content.decode()
    assert _figures(html)["開催済の説明会等の回数"] == "1回"
    assert "2017年2月1日から2017年2月28日までの集計です。" in html
    assert "2017年2月24日現在" in html
    tiles = _tiles(html)
    assert tiles["/prefectures/43/"] == "熊本県：開催 0回"
    assert tiles["/prefectures/37/"] == "香川県：開催 1回"


def test_coverage_range_is_read_once_its_last_day_is_over(client):
    response = client.get(URL, {"date_after": "2017-01-24", "date_before": "2017-02-23"})
    assert response.context["coverage"].period == Period(
        date_from=datetime.date(2017, 1, 24),
        date_to=datetime.date(2017, 2, 23),
        as_of=datetime.date(2017, 2, 24),
    )


def test_coverage_up_to_the_last_representable_day(client):
    BriefingFactory(prefecture=prefecture("37"))
    response = client.get(URL, {"date_before": "9999-12-31"})
    assert response.status_code == 200
    assert _figures(response.content.decode())["開催済の説明会等の回数"] == "1回"


def test_coverage_open_ended_ranges_say_so(client):
    assert (
        "2017年2月1日以降の集計です。"
        in client.get(URL, {"date_after": "2017-02-01"}).content.decode()
    )
    assert (
        "2017年2月1日までの集計です。"
        in client.get(URL, {"date_before": "2017-02-01"}).content.decode()
    )


@pytest.mark.parametrize(
    "params",
    [
        {"date_after": "abc"},
        {"date_before": "2017-02-30"},
        {"date_after": "x" * 10_000},
        {"date_after": "2017-03-01", "date_before": "2017-02-01"},
    ],
)
def test_coverage_bad_range_shows_the_error_and_all_time_figures(client, params):
    BriefingFactory(date=datetime.date(2017, 1, 31))
    response = client.get(URL, params)
    assert response.status_code == 200
    html = response.content.decode()
    assert "期間の指定に誤りがあるため、全期間で集計しています。" in html
    assert "全期間の集計です。" in html
    assert _figures(html)["開催済の説明会等の回数"] == "1回"


def test_coverage_ignores_the_schedules_other_filters(client):
    BriefingFactory(prefecture=prefecture("37"))
    response = client.get(URL, {"prefecture": "99", "q": "x" * 10_000})
    assert response.status_code == 200
    assert _figures(response.content.decode())["開催済の説明会等の回数"] == "1回"


def test_coverage_has_one_h1_and_headings_in_order(client):
    html = client.get(URL).content.decode()
    main = html[html.index("<main") :]
    levels = [int(n) for n in re.findall(r"<h([1-6])[ >]", main)]
    assert levels.count(1) == 1
    assert levels[0] == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels))


@pytest.mark.parametrize("n", [1, 3])
def test_coverage_query_count_is_fixed(client, django_assert_num_queries, n):
    """The figures (one aggregate), the 47 prefectures with blocks and counts,
    the 11 blocks with a count per status: three queries."""
    for i in range(n):
        BriefingFactory(prefecture=prefecture(f"{40 + i:02d}"))
        BriefingFactory(prefecture=prefecture(f"{40 + i:02d}"), status="planned")
    with django_assert_num_queries(3):
        response = client.get(URL, {"date_after": "2017-01-01"})
    assert response.context["coverage"].held == n


def test_coverage_of_the_seed(client, seeded, stand_on):
    stand_on(datetime.date(2026, 11, 30))
    html = client.get(URL).content.decode()
    assert _figures(html) == {
        "開催済の説明会等の回数": "22回",
        "説明会等を開催した都道府県数": "10都道府県",
        "説明会等を開催した地域ブロック数": "8ブロック",
        "全国向けの説明会等の回数": "3回",
    }
    assert "2017年2月24日現在" in html
    assert _tiles(html)["/prefectures/37/"] == "香川県：開催 1回"
    assert _tiles(html)["/prefectures/17/"] == "石川県：開催 2回"
    # In 2026 the ten March 2017 sessions are past and unrecorded.
    assert _table_rows(html, "coverage-matrix")[-1] == ["合計", "0", "10", "22", "0", "0", "32"]
    for address, count in _count_links(html, "coverage-matrix")[-6:]:
        assert _schedule_count(client, address) == count, address


def test_coverage_of_the_seed_in_february_2017(client, seeded):
    response = client.get(URL, {"date_after": "2017-02-01", "date_before": "2017-02-28"})
    assert _figures(response.content.decode()) == {
        "開催済の説明会等の回数": "15回",
        "説明会等を開催した都道府県数": "8都道府県",
        "説明会等を開催した地域ブロック数": "6ブロック",
        "全国向けの説明会等の回数": "1回",
    }


def test_coverage_in_english(client):
    BriefingFactory(prefecture=prefecture("37"), date=datetime.date(2017, 2, 24))
    response = client.get(EN_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "24 February 2017" in html
    tiles = _tiles(html)
    assert tiles["/en/prefectures/37/"].startswith("Kagawa")
    assert '<th scope="row"><a href="/en/prefectures/37/">Kagawa</a></th>' in html
    assert '<th scope="row"><a href="/en/blocks/shikoku/">Shikoku</a></th>' in html
    assert 'font-size="11">Kagawa</text>' in html


def test_coverage_in_english_with_a_bad_range(client):
    response = client.get(EN_URL, {"date_after": "abc"})
    assert response.status_code == 200
    assert response.context["filter"].errors.keys() == {"date_after"}


def test_tile_map_include_renders_on_its_own_with_its_phone_note(client):
    """The interface the home page relies on: `coverage` and `table_url`."""
    BriefingFactory(prefecture=prefecture("37"))
    html = render_to_string(
        "briefings/includes/tile_map.html",
        {"coverage": coverage_summary(), "table_url": "/briefings/coverage/#prefecture-table"},
    )
    assert '<figure class="tile-map">' in html
    assert len(_tiles(html)) == 47
    assert _tiles(html)["/prefectures/37/"] == "香川県：開催 1回"
    assert (
        '<p class="tile-map-phone-note">画面の幅が狭いため、地図は表示していません。 '
        '<a href="/briefings/coverage/#prefecture-table">都道府県別の開催回数を表で見る</a></p>'
    ) in html
