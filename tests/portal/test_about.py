import datetime
import re

import pytest

from briefings.figures import COVERAGE_FIGURES
from core import figures
from core.asof import Period
from portal.views import HOME_FIGURES
from tests.factories import BriefingFactory, ProgressReportFactory, block, prefecture

pytestmark = pytest.mark.django_db

QUOTE = (
    "１０の県、７の地域ブロック等に対して合計２０回の説明会を開催済。（平成２９年２月２４日現在）"
)


def test_about_explains_the_framework(client):
    response = client.get("/about/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>このサイトについて</h1>" in html
    for heading in (
        "<h3>各分野の機運を高める“縦の糸”</h3>",
        "<h3>地域間の協奏を進める“横の糸”</h3>",
        "<h3>分野横断的に地域を紡ぐ“斜めの糸”</h3>",
    ):
        assert heading in html
    assert "<strong>官民連携の全国ネットワーク</strong>" in html
    assert "<strong>自治体間の情報連携体制</strong>" in html
    assert "平成29年（2017年）1月24日以降" in html
    assert html.count("<h1>") == 1


def test_about_defines_every_figure_once_with_its_anchor(client):
    html = client.get("/about/").content.decode()
    assert '<section id="figures" aria-labelledby="figures-heading">' in html
    for figure in figures.all_figures():
        assert html.count(f'id="{figure.anchor}"') == 1
        assert f'<h3 id="{figure.anchor}">{figure.label}</h3>\n  <p>{figure.definition}</p>' in html
    # Each figure says where it is shown.
    held = html.split('id="figure-briefings-held"')[1].split("<h3")[0]
    assert (
        '<a href="/">ホーム</a>、<a href="/briefings/coverage/">開催実績と地域の広がり</a>' in held
    )
    national = html.split('id="figure-national-sessions"')[1].split("</section>")[0]
    assert '<a href="/briefings/coverage/">' in national
    assert '<a href="/">' not in national
    assert {figure.key for figure in figures.all_figures()} == {
        "organizations",
        "organizations-with-inferred",
        "activities-done",
        "briefings-held",
        "briefings-planned",
        "prefectures-reached",
        "blocks-reached",
        "national-sessions",
        "roadmap-implementing-municipalities",
        "roadmap-reporting-municipalities",
    }


def test_about_has_an_anchor_for_every_figure_link_on_the_home_page(client):
    home = client.get("/").content.decode()
    about = client.get("/about/").content.decode()
    anchors = re.findall(r'href="/about/#(figure-[a-z-]+)"', home)
    assert len(anchors) == len(HOME_FIGURES)
    for anchor in anchors:
        assert f'id="{anchor}"' in about


def test_about_quotes_the_reported_figure_and_compares_it(client):
    report = ProgressReportFactory(
        quoted_figure=QUOTE,
        source="総務省「第一次提言を受けた対応（総合的推進体制の確立）」",
        as_of=datetime.date(2017, 2, 24),
        period_from=datetime.date(2017, 1, 24),
        reported_sessions=4,
        reported_prefectures=2,
        reported_blocks=0,
    )
    BriefingFactory(date=datetime.date(2017, 1, 24), prefecture=prefecture("37"))
    BriefingFactory(date=datetime.date(2017, 2, 14), prefecture=prefecture("42"))
    BriefingFactory(date=datetime.date(2017, 2, 14), title="後日", prefecture=prefecture("42"))
    # Held on the report's own day: as of that day it was still planned (core.asof),
    # as the document's count leaves out its own day's seminar.
    BriefingFactory(
        date=datetime.date(2017, 2, 24), scope="block", prefecture=None, block=block("hokuriku")
    )
    BriefingFactory(date=datetime.date(2017, 1, 25), scope="national", prefecture=None)
    # Before the period, after the report's date, or not held: not counted.
    BriefingFactory(date=datetime.date(2017, 1, 20), prefecture=prefecture("17"))
    BriefingFactory(date=datetime.date(2017, 3, 22), prefecture=prefecture("40"))
    BriefingFactory(
        date=datetime.date(2017, 2, 20), status="cancelled", prefecture=prefecture("40")
    )

    response = client.get("/about/")

    html = response.content.decode()
    assert f"<p>{QUOTE}</p>" in html
    assert f'{report.source}（<time datetime="2017-02-24">2017年2月24日現在</time>）' in html
    rows = response.context["report_figures"]
    assert [(row.figure.key, row.reported, row.counted.value) for row in rows] == [
        ("briefings-held", 4, 4),
        ("prefectures-reached", 2, 2),
        ("blocks-reached", 0, 0),
    ]
    assert {row.counted.period for row in rows} == {
        Period(
            date_from=datetime.date(2017, 1, 24),
            date_to=datetime.date(2017, 2, 24),
            as_of=datetime.date(2017, 2, 24),
        )
    }
    assert "<caption>期間：2017年1月24日から2017年2月24日現在まで</caption>" in html
    assert (
        '<tr><th scope="row"><a href="/about/#figure-briefings-held">開催済の説明会等の回数</a>'
        '</th><td class="num">4</td><td class="num"><data value="4">4</data></td></tr>'
    ) in html


def test_about_quotes_the_latest_report(client):
    ProgressReportFactory(as_of=datetime.date(2017, 1, 31), quoted_figure="古い報告")
    ProgressReportFactory(as_of=datetime.date(2017, 2, 24), quoted_figure="新しい報告")
    html = client.get("/about/").content.decode()
    assert "新しい報告" in html
    assert "古い報告" not in html


def test_about_without_a_report_leaves_the_quote_out(client, django_assert_num_queries):
    """One query: the (missing) latest report."""
    with django_assert_num_queries(1):
        response = client.get("/about/")
    assert response.status_code == 200
    assert "<blockquote" not in response.content.decode()
    assert "report_figures" not in response.context


@pytest.mark.parametrize("n", [1, 3])
def test_about_query_count_is_fixed(client, django_assert_num_queries, n):
    """Two queries: the latest report, then one aggregate over the briefings
    of its period for the site's figures shown beside its own."""
    for i in range(n):
        ProgressReportFactory(as_of=datetime.date(2017, 2, 1 + i))
        BriefingFactory(date=datetime.date(2017, 1, 1 + i))
    with django_assert_num_queries(2):
        assert client.get("/about/").status_code == 200


@pytest.mark.parametrize("query", ["?q=" + "x" * 10_000, "?page=999999", "?date_after=abc"])
def test_about_ignores_bad_parameters(client, query):
    assert client.get("/about/" + query).status_code == 200


def test_about_in_english(client):
    ProgressReportFactory(quoted_figure=QUOTE, as_of=datetime.date(2017, 2, 24))
    response = client.get("/en/about/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    # The document's own words stay Japanese, marked as such.
    quote = html.split('<blockquote lang="ja">')[1].split("</blockquote>")[0]
    assert f"<p>{QUOTE}</p>" in quote
    assert "24 February 2017" in html
    assert 'href="/en/threads/"' in html


def test_about_seed_quotes_the_document(client, seeded):
    response = client.get("/about/")
    html = response.content.decode()
    quote = html.split('<blockquote lang="ja">')[1].split("</blockquote>")[0]
    assert f"<p>{QUOTE}</p>" in quote
    assert "総務省「第一次提言を受けた対応（総合的推進体制の確立）」" in html


def test_about_defines_every_figure_the_home_and_coverage_pages_link_to(client):
    home = client.get("/").content.decode()
    coverage = client.get("/briefings/coverage/").content.decode()
    about = client.get("/about/").content.decode()

    home_links = re.findall(r'href="/about/#(figure-[a-z-]+)"', home)
    coverage_links = re.findall(r'class="definition" href="/about/#(figure-[a-z-]+)"', coverage)

    assert home_links == [figures.get(key).anchor for key in HOME_FIGURES]
    assert coverage_links == [figures.get(key).anchor for key in COVERAGE_FIGURES]
    for anchor in {*home_links, *coverage_links}:
        assert about.count(f'<h3 id="{anchor}">') == 1


def test_about_states_the_as_of_rule(client):
    html = client.get("/about/").content.decode()
    assert '<h3 id="as-of">「現在」の数え方</h3>' in html
    assert "その日以降の日付のものは、今の状況（開催済・中止・延期）にかかわらず" in html
