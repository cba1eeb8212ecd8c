"""What the 2017 record adds to the document is marked as such (issue 9):
inferred facts carry their reason, dates only what the document states,
statuses what it says, and the bodies it names are stored."""

import datetime

import pytest
from django.db import IntegrityError

from briefings.models import Briefing
from core import figures
from networks.models import Member, Organization
from tests.factories import ParticipationFactory
from threads.models import Activity, Participation, StatusUpdate

STATED_PARTICIPANTS = {
    ("vertical", "全国ＩＣＴ教育首長協議会"),
    ("horizontal-associations", "全国知事会"),
    ("horizontal-associations", "全国市長会"),
    ("horizontal-associations", "全国町村会"),
}


# --- Provenance -------------------------------------------------------------------------


def test_participations_stated_are_the_ones_the_document_names(seeded):
    stated = set(
        Participation.objects.filter(provenance="stated").values_list(
            "thread__slug", "organization__name"
        )
    )
    assert stated == STATED_PARTICIPANTS
    assert Participation.objects.filter(provenance="inferred").count() == 16
    # Every one says where it comes from: a quote, or what it was inferred from.
    assert not Participation.objects.filter(provenance_note="").exists()
    bureau = Participation.objects.get(organization__name="九州総合通信局")
    assert bureau.provenance == "inferred"
    assert "各総合通信局等が中心となり" in bureau.provenance_note


def test_ict_education_mayors_council_used_by_the_vertical_thread(seeded):
    row = Participation.objects.get(organization__name="全国ＩＣＴ教育首長協議会")
    assert (row.thread.slug, row.provenance) == ("vertical", "stated")
    assert "例．全国ＩＣＴ教育首長協議会" in row.provenance_note


def test_participating_organizations_figure_counts_stated_only(seeded):
    values = figures.compute(["organizations", "organizations-with-inferred"])
    assert values["organizations"].value == 4
    assert values["organizations-with-inferred"].value == 20


@pytest.mark.django_db
def test_inferred_participation_without_a_reason_is_refused():
    with pytest.raises(IntegrityError):
        ParticipationFactory(provenance="inferred", provenance_note="")


def test_briefing_hosts_stated_or_inferred_with_their_reason(seeded):
    hosts = {
        (b.title, b.host_provenance)
        for b in Briefing.objects.filter(host__isnull=False).select_related("host")
    }
    assert ("地方自治体向け説明会", "stated") in hosts
    assert ("九州地域ICT利活用セミナー", "stated") in hosts
    for title in (
        "全国市長会行政委員会",
        "全国都道府県財政課長・市町村担当課長合同会議",
        "オープンガバメント・コンソーシアム シンポジウム2017",
        "北陸情報通信協議会 イノベーションワーキンググループ",
        "中国情報通信懇談会顧問会議",
        "東海情報通信フロンティアセミナー",
    ):
        assert (title, "inferred") in hosts
    assert not Briefing.objects.filter(host_provenance="inferred", host_note="").exists()


def test_thread_page_marks_inferred_participants_with_their_reason(seeded, client):
    html = client.get("/threads/diagonal/").content.decode()
    assert html.count('<span class="badge inferred">推定</span>') == 13
    assert "根拠：資料は推進体制の参加団体を挙げていない。" in html
    vertical = client.get("/threads/vertical/").content.decode()
    council = vertical.split("全国ＩＣＴ教育首長協議会</a>")[1].split("</li>")[0]
    assert "推定" not in council


def test_briefing_page_marks_an_inferred_host(seeded, client):
    briefing = Briefing.objects.get(title="全国市長会行政委員会")
    html = client.get(briefing.get_absolute_url()).content.decode()
    assert '<span class="badge inferred">推定</span>' in html
    assert "開催箇所「全国市長会」と会議名から推定" in html
    stated = Briefing.objects.filter(title="地方自治体向け説明会").first()
    assert "badge inferred" not in client.get(stated.get_absolute_url()).content.decode()


# --- Date precision -------------------------------------------------------------------------


def test_status_update_dates_keep_their_precision(seeded):
    rows = dict(
        StatusUpdate.objects.exclude(date_text="").values_list("date_text", "date_precision")
    )
    assert rows["昨年末以降"] == "approximate"
    assert rows["本年１月以降"] == "month"
    assert rows["本年１月２５日"] == "exact"


def test_medical_activities_are_a_period_in_progress(seeded):
    rows = Activity.objects.filter(date_text="1月～2月")
    assert {(a.date_precision, a.status, a.date_display) for a in rows} == {
        ("period", "in_progress", "2017年1月～2月")
    }


@pytest.mark.parametrize(
    ("url", "unstated", "shown"),
    [
        (
            "/threads/horizontal-associations/",
            "2016年12月28日",
            '<time datetime="2016">2016年ごろ</time>',
        ),
        ("/threads/diagonal/", "2017年1月1日", '<time datetime="2017-01">2017年1月</time>'),
        ("/threads/vertical/", "2017年2月28日", '<time datetime="2017-01">2017年1月～2月</time>'),
        ("/threads/vertical/", "2017年1月1日", "資料の表記：1月～2月"),
        ("/search/?q=調整を開始", "2016年12月28日", '<time datetime="2017-01">2017年1月</time>'),
    ],
)
def test_public_pages_never_show_a_day_nobody_stated(seeded, client, url, unstated, shown):
    html = client.get(url).content.decode()
    assert unstated not in html
    assert shown in html


def test_timeline_sorted_by_date_whatever_its_precision(seeded, client):
    html = client.get("/threads/horizontal-associations/").content.decode()
    timeline = html.split('id="status"')[1].split('id="activities"')[0]
    assert timeline.index("2017年2月24日") < timeline.index("2017年1月25日")
    assert timeline.index("2017年1月25日") < timeline.index("2016年ごろ")


# --- Status and links ----------------------------------------------------------------------


def test_no_update_done_that_the_document_calls_planned(seeded):
    consortium = StatusUpdate.objects.get(text__contains="未来の学びコンソーシアム")
    assert consortium.status == "planned"
    assert consortium.text.endswith("を設立予定。")
    forum = StatusUpdate.objects.get(text__contains="みらいのまなびフォーラム")
    assert forum.status == "done"
    assert not StatusUpdate.objects.filter(status="done", text__contains="予定").exists()


def test_minister_aide_found_by_the_member_filter(seeded, client):
    ota = Member.objects.get(name="太田")
    response = client.get("/briefings/", {"member": ota.pk})
    assert response.status_code == 200
    assert [b.title for b in response.context["briefings"]] == [
        "オープンガバメント・コンソーシアム シンポジウム2017"
    ]


# --- Bodies the document names -----------------------------------------------------------------


def test_named_bodies_stored_with_their_kind(seeded):
    kinds = dict(
        Organization.objects.filter(
            name__in=[
                "全国知事会情報化推進プロジェクトチーム",
                "ブロック単位の市長会",
                "Ｌアラート運営諮問委員会",
                "中国地域Ｌアラート連絡会",
                "日本医師会",
            ]
        ).values_list("name", "kind")
    )
    assert kinds == {
        "全国知事会情報化推進プロジェクトチーム": "national_association",
        "ブロック単位の市長会": "national_association",
        "Ｌアラート運営諮問委員会": "council",
        "中国地域Ｌアラート連絡会": "council",
        "日本医師会": "medical",
    }
    assert Organization.Kind("medical").label == "医療関係団体"


def test_lalert_bodies_linked_to_the_activities_held_there(seeded):
    links = set(
        Activity.objects.filter(title__contains="Ｌアラート").values_list(
            "title", "organizations__name"
        )
    )
    assert links == {
        ("Ｌアラート運営諮問委員会作業部会", "Ｌアラート運営諮問委員会"),
        ("中国地域Ｌアラート連絡会", "中国地域Ｌアラート連絡会"),
    }


def test_bodies_linked_to_no_record_quote_the_document(seeded):
    team = Organization.objects.get(name="全国知事会情報化推進プロジェクトチーム")
    assert "全国知事会情報化推進プロジェクトチームにおいて説明、意見交換等を実施" in (
        team.description
    )


def test_site_search_finds_full_width_lalert_by_ascii(seeded, client):
    html = client.get("/search/", {"q": "Lアラート"}).content.decode()
    assert "Ｌアラート運営諮問委員会作業部会" in html
    assert "中国地域Ｌアラート連絡会" in html


def test_briefing_dates_still_read_in_the_documents_year(seeded):
    assert Briefing.objects.order_by("date").first().date == datetime.date(2017, 1, 20)
