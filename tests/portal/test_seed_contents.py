"""What `load_seed` puts in the database from the 2017 source document:
threads, work items, status updates, participations, activities, briefings,
the progress report. The document is loaded once for the module (the tests
only read it)."""

import datetime

import pytest

from briefings.models import Briefing, ProgressReport
from networks.models import Member, Organization, RegionalBlock
from threads.models import Activity, Participation, StatusUpdate, Thread, WorkItem

pytestmark = pytest.mark.usefixtures("seeded_module_db")


def _per_thread(queryset) -> dict[str, int]:
    counts: dict[str, int] = {}
    for slug in queryset.values_list("thread__slug", flat=True):
        counts[slug] = counts.get(slug, 0) + 1
    return counts


# --- Threads -------------------------------------------------------------------------


def test_threads_four_in_document_order():
    assert list(Thread.objects.values_list("order", "slug", "kind", "title")) == [
        (1, "vertical", "vertical", "縦の糸"),
        (2, "horizontal-network", "horizontal", "横の糸① 官民連携の全国ネットワーク"),
        (3, "horizontal-associations", "horizontal", "横の糸② 自治体間の情報連携体制"),
        (4, "diagonal", "diagonal", "斜めの糸"),
    ]


def test_threads_expected_participants_as_written():
    assert dict(Thread.objects.values_list("slug", "expected_participants")) == {
        "vertical": "関係省庁、関係団体等",
        "horizontal-network": "地方自治体、民間企業、関係団体等",
        "horizontal-associations": "地方自治体、民間企業、関係団体等",
        "diagonal": "地方自治体、民間企業、関係団体、大学、市民、ＮＰＯ 等",
    }


def test_threads_vertical_texts_as_written():
    thread = Thread.objects.get(slug="vertical")
    assert thread.tagline == "各分野の機運を高める“縦の糸”"
    assert thread.summary == (
        "関係省庁、ＩＣＴ関連推進団体、分野別の業界団体等との連携体制を構築\n"
        "※既存の連携体制がある場合は、その場を活用。"
    )
    assert thread.purpose.startswith("「ロードマップの主たる分野ごとに、")
    assert thread.method.split("\n") == [
        "分野別モデルの総務省担当課室と関係府省の連携を強化。",
        "既存のＩＣＴ関連推進体制（例．全国ＩＣＴ教育首長協議会）がある場合は、その場を活用。",
        "分野別モデルのステークホルダーとなる業界の中央団体等がある場合は、関係府省と連携して、"
        "当該団体にアプローチ。",
    ]


def test_threads_horizontal_network_purpose_has_lead_then_founding_aim():
    purpose = Thread.objects.get(slug="horizontal-network").purpose
    lead, aim = purpose.split("\n\n")
    assert lead.startswith("「官民連携の全国ネットワーク」を構築するため、")
    assert aim == (
        "先進的な基礎自治体と民間企業等からなる全国ネットワークを新たに設立し、"
        "地域ＩｏＴ実装に先導的に取り組む自治体間の連携、官民連携を推進。"
    )


def test_threads_diagonal_method_is_the_how_to_use_box():
    assert Thread.objects.get(slug="diagonal").method == (
        "地域ブロック単位の民産学官が集まる組織体（例：地域の情報通信懇談会）を活用して、"
        "地域ＩｏＴ実装をテーマとする取組を実施。"
    )


# --- Work items and status updates ------------------------------------------------------


def test_work_items_per_thread_and_section():
    counts = {}
    for slug, section in WorkItem.objects.values_list("thread__slug", "section"):
        counts[slug, section] = counts.get((slug, section), 0) + 1
    assert counts == {
        ("vertical", "work"): 3,
        ("horizontal-network", "work"): 3,
        ("horizontal-network", "participants"): 2,
        ("horizontal-associations", "work"): 7,
        ("diagonal", "work"): 3,
        ("diagonal", "participants"): 2,
    }


def test_work_items_vertical_grouped_under_headings():
    items = WorkItem.objects.filter(thread__slug="vertical").order_by("order")
    assert [(item.order, item.heading) for item in items] == [
        (1, "① 関係府省"),
        (2, "② ＩＣＴ関連推進団体、業界団体等"),
        (3, "② ＩＣＴ関連推進団体、業界団体等"),
    ]


def test_work_items_diagonal_first_item_keeps_its_note():
    item = WorkItem.objects.get(thread__slug="diagonal", section="work", order=1)
    assert item.heading == "ロードマップの実現に向け、以下の事項に関する意見交換等を行う。"
    assert item.text == (
        "① 各地域における地域ＩｏＴ実装の取組状況"
        "（優良事例の紹介や横展開の状況の把握及びその地図化等を含む）"
    )


def test_status_updates_per_thread():
    assert _per_thread(StatusUpdate.objects.all()) == {
        "vertical": 6,
        "horizontal-network": 2,
        "horizontal-associations": 3,
        "diagonal": 2,
    }


def test_status_updates_horizontal_associations_timeline_in_order():
    updates = StatusUpdate.objects.filter(thread__slug="horizontal-associations")
    assert list(updates.values_list("as_of", "date_text", "status")) == [
        (datetime.date(2016, 12, 28), "昨年末以降", "in_progress"),
        (datetime.date(2017, 1, 25), "本年１月２５日", "done"),
        (datetime.date(2017, 2, 24), "今後", "planned"),
    ]


def test_status_updates_vertical_statuses_in_document_order():
    updates = StatusUpdate.objects.filter(thread__slug="vertical").order_by("order")
    # The education bullet is split at "また、" (a plan, then a thing done);
    # "1月～2月" is in progress as of 2/24.
    assert list(updates.values_list("status", flat=True)) == [
        "in_progress",
        "planned",
        "done",
        "in_progress",
        "done",
        "planned",
    ]
    assert updates[4].text == (
        "防災分野では、1/19にＬアラート運営諮問委員会作業部会、2/23に中国地域Ｌアラート"
        "連絡会において、ロードマップの説明を実施。"
    )


# --- Activities ---------------------------------------------------------------------------


def test_activities_per_thread():
    assert _per_thread(Activity.objects.all()) == {"vertical": 6, "horizontal-associations": 1}


def test_activities_lalert_working_group_on_0119():
    activity = Activity.objects.get(date=datetime.date(2017, 1, 19))
    assert activity.title == "Ｌアラート運営諮問委員会作業部会"
    assert activity.description == (
        "Ｌアラート運営諮問委員会作業部会において、ロードマップの説明を実施。"
    )
    assert activity.date_text == "1/19"
    assert activity.field.slug == "disaster"
    assert activity.status == "done"
    assert activity.thread.slug == "vertical"


def test_activities_ascii_lalert_is_searchable():
    # Titles keep the document's full-width Ｌ; the folded search finds them.
    assert sorted(
        Activity.objects.filter(title__folded_contains="Lアラート").values_list("title", flat=True)
    ) == sorted(["Ｌアラート運営諮問委員会作業部会", "中国地域Ｌアラート連絡会"])
    assert Activity.objects.get(title="中国地域Ｌアラート連絡会").block.code == "chugoku"


def test_activities_consortium_planned_with_three_ministries():
    activity = Activity.objects.get(title="未来の学びコンソーシアム")
    assert activity.date == datetime.date(2017, 3, 9)
    assert activity.status == "planned"
    assert activity.field.slug == "education"
    assert sorted(activity.organizations.values_list("name", flat=True)) == sorted(
        ["文部科学省", "総務省", "経済産業省"]
    )


def test_activities_medical_meetings_span_january_to_february():
    rows = Activity.objects.filter(field__slug="health").order_by("title")
    assert list(rows.values_list("title", "date", "end_date", "date_text", "status")) == [
        (
            "PHR研究課題間連携会議",
            datetime.date(2017, 1, 1),
            datetime.date(2017, 2, 28),
            "1月～2月",
            "in_progress",
        ),
        (
            "日本医師会等医療関係団体・省庁検討会",
            datetime.date(2017, 1, 1),
            datetime.date(2017, 2, 28),
            "1月～2月",
            "in_progress",
        ),
    ]


# --- Organizations, participations, members --------------------------------------------


def test_organizations_count_and_kinds():
    kinds = {}
    for kind in Organization.objects.values_list("kind", flat=True):
        kinds[kind] = kinds.get(kind, 0) + 1
    assert Organization.objects.count() == 28
    assert kinds == {
        "ministry": 14,  # 総務省, 文部科学省, 経済産業省 and the 11 bureaus
        "national_association": 5,  # with 全国知事会情報化推進PT, ブロック単位の市長会
        "ict_body": 3,
        "medical": 1,  # 日本医師会 (医療関係団体)
        "council": 5,  # with the two Ｌアラート bodies
    }
    assert not Organization.objects.exclude(url="").exists()


def test_organizations_bureaus_carry_their_block():
    for block in RegionalBlock.objects.all():
        bureau = Organization.objects.get(name=block.bureau_name)
        assert bureau.kind == "ministry"
        assert bureau.block == block
        assert bureau.name_en == block.bureau_name_en


def test_participations_per_thread():
    assert _per_thread(Participation.objects.all()) == {
        "vertical": 4,
        "horizontal-associations": 3,
        "diagonal": 13,
    }
    assert sorted(
        Participation.objects.filter(thread__slug="horizontal-associations").values_list(
            "organization__name", "role"
        )
    ) == sorted([("全国知事会", "連携"), ("全国市長会", "連携"), ("全国町村会", "連携")])
    assert not Participation.objects.exclude(joined_on=None).exists()


def test_members_five_as_written():
    assert sorted(Member.objects.values_list("name", "role", "affiliation")) == sorted(
        [
            ("須藤", "chair", ""),
            ("米田", "member", ""),
            ("関（治）", "member", ""),
            ("山内", "member", ""),
            ("太田", "minister_aide", "総務省"),
        ]
    )


# --- Briefings -------------------------------------------------------------------------------


def test_briefings_held_and_planned_counts():
    assert Briefing.objects.count() == 32
    assert Briefing.objects.held().count() == 22
    assert Briefing.objects.planned().count() == 10
    assert Briefing.objects.held().filter(scope="national").count() == 3


def test_briefings_held_prefecture_scope_cover_ten_prefectures():
    codes = set(
        Briefing.objects.held()
        .filter(scope="prefecture")
        .values_list("prefecture__code", flat=True)
    )
    # 香川, 奈良, 広島, 滋賀, 長崎, 三重, 佐賀, 和歌山, 富山, 山梨
    assert codes == {"37", "29", "34", "25", "42", "24", "41", "30", "16", "19"}


def test_briefings_dates_span_the_tables():
    held = Briefing.objects.held().order_by("date")
    planned = Briefing.objects.planned().order_by("date")
    assert (held.first().date, held.last().date) == (
        datetime.date(2017, 1, 20),
        datetime.date(2017, 2, 24),
    )
    assert (planned.first().date, planned.last().date) == (
        datetime.date(2017, 3, 6),
        datetime.date(2017, 3, 24),
    )


def test_briefings_kyushu_seminar_on_0215():
    briefing = Briefing.objects.get(date=datetime.date(2017, 2, 15))
    assert briefing.title == "九州地域ICT利活用セミナー"
    assert briefing.date_text == "2月15日"
    assert briefing.location_text == "熊本県"
    assert briefing.status == "held"
    assert briefing.scope == "block"
    assert briefing.kind == "seminar"
    assert briefing.block.code == "kyushu"
    assert briefing.prefecture.code == "43"
    assert briefing.host.name == "九州総合通信局"
    assert briefing.thread.slug == "diagonal"
    assert briefing.notes == "※米田構成員参加"
    assert [str(member) for member in briefing.members.all()] == ["米田構成員"]


def test_briefings_city_mayors_committee_on_0125():
    briefing = Briefing.objects.get(date=datetime.date(2017, 1, 25), location_text="全国市長会")
    assert briefing.title == "全国市長会行政委員会"
    assert briefing.scope == "national"
    assert briefing.kind == "national_meeting"
    assert briefing.host.name == "全国市長会"
    assert briefing.thread.slug == "horizontal-associations"
    assert briefing.prefecture is None
    assert briefing.block is None


def test_briefings_kumamoto_planned_on_0324():
    briefing = Briefing.objects.get(date=datetime.date(2017, 3, 24))
    assert briefing.title == "地方自治体向け説明会"
    assert briefing.status == "planned"
    assert briefing.scope == "prefecture"
    assert briefing.kind == "local_government"
    assert briefing.prefecture.code == "43"
    assert briefing.block.code == "kyushu"
    assert briefing.host.name == "総務省"
    assert briefing.thread is None


def test_briefings_open_government_symposium_keeps_both_notes():
    briefing = Briefing.objects.get(date=datetime.date(2017, 2, 20))
    assert briefing.title == "オープンガバメント・コンソーシアム シンポジウム2017"
    assert briefing.location_text == "オープンガバメント・コンソーシアム"
    assert briefing.scope == "national"
    assert briefing.kind == "symposium"
    assert briefing.host.name == "オープンガバメント・コンソーシアム"
    assert briefing.notes == "※須藤座長参加\n※太田総務大臣補佐官説明"
    assert sorted(str(member) for member in briefing.members.all()) == [
        "太田総務大臣補佐官",
        "須藤座長",
    ]


def test_briefings_attending_members_only_where_noted():
    attended = sorted(
        Briefing.members.through.objects.values_list("briefing__date_text", "member__name")
    )
    assert attended == [
        ("2月15日", "米田"),
        ("2月16日", "関（治）"),
        ("2月20日", "太田"),
        ("2月20日", "須藤"),
        ("2月22日", "山内"),
    ]


def test_briefings_same_day_local_government_rows_keep_their_venue():
    rows = Briefing.objects.filter(kind="local_government", date__in=["2017-02-16", "2017-02-17"])
    assert sorted(rows.values_list("date_text", "location_text", "title")) == [
        ("2月16日", "三重県", "地方自治体向け説明会"),
        ("2月16日", "佐賀県", "地方自治体向け説明会"),
        ("2月17日", "和歌山県", "地方自治体向け説明会"),
        ("2月17日", "富山県", "地方自治体向け説明会"),
    ]


def test_briefings_block_events_hosted_in_their_block():
    rows = Briefing.objects.filter(scope="block").select_related("host", "prefecture")
    assert (rows.filter(status="held").count(), rows.filter(status="planned").count()) == (9, 4)
    for briefing in rows:
        assert briefing.host.block_id == briefing.block_id
        assert briefing.prefecture.block_id == briefing.block_id
        assert briefing.thread.slug == "diagonal"


def test_progress_report_quotes_figure_verbatim():
    report = ProgressReport.objects.get()
    assert report.as_of == datetime.date(2017, 2, 24)
    assert report.title == "地域IoT実装推進に関する地方自治体向け説明会等の開催"
    assert report.quoted_figure == (
        "１０の県、７の地域ブロック等に対して合計２０回の説明会を開催済。"
        "（平成２９年２月２４日現在）"
    )
    assert report.source == "総務省「第一次提言を受けた対応（総合的推進体制の確立）」"
    assert report.summary.startswith("本年１月２４日以降、都道府県・市町村等を対象とした説明会や、")
