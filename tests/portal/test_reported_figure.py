"""The document's own figure beside the site's for the same period (issue 9):
the home and about pages show both, agreeing, and say which period each covers;
the about page's account of the document says what the document says."""

import datetime

import pytest

from briefings.figures import compare_report
from briefings.models import ProgressReport
from core.asof import Period

pytestmark = pytest.mark.django_db


def test_reported_figure_stored_with_the_period_it_counts(seeded):
    report = ProgressReport.objects.get()
    assert report.period_from == datetime.date(2017, 1, 24)
    assert report.period_text == "（本年１月２４日～）"
    assert report.reported == (
        ("briefings-held", 20),
        ("prefectures-reached", 10),
        ("blocks-reached", 7),
    )
    assert report.period == Period(
        date_from=datetime.date(2017, 1, 24),
        date_to=datetime.date(2017, 2, 24),
        as_of=datetime.date(2017, 2, 24),
    )
    assert report.planned_note == "※４月以降も順次実施"


def test_site_figure_for_the_same_period_agrees_with_the_document(seeded):
    rows = compare_report(ProgressReport.objects.get())
    assert [(row.figure.key, row.reported, row.counted.value) for row in rows] == [
        ("briefings-held", 20, 20),
        ("prefectures-reached", 10, 10),
        ("blocks-reached", 7, 7),
    ]
    assert all(row.agrees for row in rows)


def test_home_shows_both_figures_and_their_periods(seeded, client, stand_on):
    stand_on(datetime.date(2026, 11, 30))
    html = client.get("/").content.decode()
    section = html.split('id="report-heading"')[1].split("</section>")[0]
    assert "<caption>期間：2017年1月24日から2017年2月24日現在まで</caption>" in section
    assert (
        '<a href="/about/#figure-prefectures-reached">説明会等を開催した都道府県数</a></th>'
        '<td class="num">10</td><td class="num"><data value="10">10</data></td>'
    ) in section
    assert "１０の県、７の地域ブロック等に対して合計２０回の説明会を開催済。" in section
    # The site's own figures above cover every record, and say so.
    assert "すべての記録（期間の指定なし）" in html


def test_home_shows_the_tables_heading_and_note(seeded, client):
    section = client.get("/").content.decode().split('id="report-heading"')[1]
    assert "地域IoT実装推進に関する地方自治体向け説明会等の開催 （本年１月２４日～）" in section
    assert "※４月以降も順次実施" in section


@pytest.mark.parametrize("n", [1, 3])
def test_home_with_a_report_query_count_is_fixed(
    seeded, client, django_assert_num_queries, stand_on, n
):
    """Fourteen queries: the thirteen of the home page (tests/portal/test_home.py)
    and the one aggregate of the site's figures over the report's period."""
    seeded_report = ProgressReport.objects.get()
    for i in range(1, n):
        seeded_report.pk, seeded_report.title = None, f"{seeded_report.title}{i}"
        seeded_report.save()
    stand_on(datetime.date(2017, 2, 24))
    with django_assert_num_queries(14):
        assert client.get("/").status_code == 200


def test_about_no_longer_calls_the_gap_a_difference_of_definitions(seeded, client):
    html = client.get("/about/").content.decode()
    assert "同じとは限らない" not in html
    assert "<caption>期間：2017年1月24日から2017年2月24日現在まで</caption>" in html


def test_about_says_mic_explains_to_industry_bodies_and_asks_their_cooperation(client):
    ja = client.get("/about/").content.decode()
    assert (
        "ICT関連推進団体や業界団体等に対しては、総務省が地域IoT実装に関する取組を説明して、"
        "その推進に向けた協力を依頼します。"
    ) in ja
    assert "業界団体等には、取組の説明" not in ja
    en = client.get("/en/about/").content.decode()
    assert "MIC will explain its regional IoT implementation initiatives" in en
    assert "asked to explain" not in en


def test_about_paraphrases_keep_the_documents_tense_and_words(client):
    ja = client.get("/about/").content.decode()
    # The framework is being established (確立していく), the network prepared for 5–6月.
    assert "確立が進められている推進体制" in ja
    assert "5～6月を目途に準備中" in ja
    # The document's fields are 教育, 医療, 防災; no 介護 in it.
    assert "医療・介護・健康、防災など" not in ja
    # The bureaus led the arrangements (調整), not the exchanges themselves.
    assert "各総合通信局等が中心となって、次の事項" not in ja
    assert "説明が行われています" not in ja


def test_about_explains_provenance_and_date_precision(client):
    html = client.get("/about/").content.decode()
    assert '<section id="provenance"' in html
    assert "「推定」と表示し" in html
    assert "昨年末以降は「2016年ごろ」" in html
