import datetime

import pytest
from django.db import connection

from briefings.models import Briefing
from portal.search import (
    GROUP_LIMIT,
    GROUPS,
    MAX_QUERY_LENGTH,
    matching,
    parse_query,
)
from tests.factories import (
    ActivityFactory,
    BriefingFactory,
    OrganizationFactory,
    StatusUpdateFactory,
    ThreadFactory,
)
from tests.plans import trigram_plan

pytestmark = pytest.mark.django_db

GROUP_KEYS = ["threads", "status_updates", "activities", "briefings", "organizations"]


def _search(client, q, *, prefix=""):
    # A literal path: reverse() follows whichever language the last request activated.
    return client.get(f"{prefix}/search/", {"q": q})


def _found(response) -> dict[str, list[str]]:
    """Each group's matches as strings, in page order."""
    return {
        result.group.key: [str(hit.object) for hit in result.hits]
        for result in response.context["groups"]
    }


def _counts(response) -> dict[str, int]:
    return {result.group.key: result.count for result in response.context["groups"]}


# --- the query itself ------------------------------------------------------


def test_parse_query_splits_on_half_and_full_width_spaces():
    query = parse_query("  九州\u3000セミナー  九州 ")
    assert query.text == "九州 セミナー 九州"
    assert query.terms == ("九州", "セミナー")
    assert query.truncated is False
    assert query.dropped_terms == 0


def test_parse_query_drops_control_characters():
    assert parse_query("説明\x00会\x1f").terms == ("説明", "会")


def test_parse_query_truncates_long_input():
    query = parse_query("あ" * 10_000)
    assert query.text == "あ" * MAX_QUERY_LENGTH
    assert query.truncated is True


def test_parse_query_keeps_the_first_five_terms():
    query = parse_query("一 二 三 四 五 六 七")
    assert query.terms == ("一", "二", "三", "四", "五")
    assert query.dropped_terms == 2


# --- the page --------------------------------------------------------------


def test_search_without_q_shows_the_form_and_a_hint(client, django_assert_num_queries):
    """No term, no query."""
    with django_assert_num_queries(0):
        response = client.get("/search/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<form class="search" role="search" method="get" action="/search/">' in html
    assert '<label for="search-q">検索語</label>' in html
    assert 'id="search-q" name="q" value=""' in html
    assert "検索語を入力してください。" in html
    assert f'href="?q={"説明会"}"' not in html  # examples are URL-encoded
    assert 'href="?q=%E8%AA%AC%E6%98%8E%E4%BC%9A"' in html
    assert response.context["groups"] == []
    assert "件見つかりました" not in html


@pytest.mark.parametrize("q", ["", "   ", "\u3000\u3000", "\x85"])
def test_search_blank_q_is_treated_as_empty(client, q):
    response = _search(client, q)
    assert response.status_code == 200
    assert response.context["groups"] == []
    assert "検索語を入力してください。" in response.content.decode()


def test_search_groups_results_by_type_with_counts_and_links(client):
    thread = ThreadFactory(title="防災の糸", summary="防災分野の連携")
    update = StatusUpdateFactory(thread=thread, text="防災分野で説明を実施。")
    activity = ActivityFactory(thread=thread, title="防災訓練", description="")
    briefing = BriefingFactory(title="防災セミナー")
    organization = OrganizationFactory(name="防災推進協議会")
    OrganizationFactory(name="教育推進協議会")

    response = _search(client, "防災")

    assert response.status_code == 200
    assert _counts(response) == dict.fromkeys(GROUP_KEYS, 1)
    html = response.content.decode()
    assert "<h1>「防災」の検索結果</h1>" in html
    assert "5件見つかりました。" in html
    for key, label in [
        ("threads", "推進体制"),
        ("status_updates", "取組状況"),
        ("activities", "活動"),
        ("briefings", "説明会等"),
        ("organizations", "団体"),
    ]:
        assert f'<h2 id="results-{key}-heading">{label}（1件）</h2>' in html
    assert f'<a href="{thread.get_absolute_url()}">防災の糸</a>' in html
    assert f'<a href="{update.get_absolute_url()}">防災の糸</a>' in html
    assert f'<a href="{activity.get_absolute_url()}" lang="ja">防災訓練</a>' in html
    assert f'<a href="{briefing.get_absolute_url()}" lang="ja">防災セミナー</a>' in html
    assert f'<a href="{organization.get_absolute_url()}">防災推進協議会</a>' in html
    assert '<p lang="ja"><mark>防災</mark>分野の連携</p>' in html
    assert "教育推進協議会" not in html


def test_search_with_no_match_says_so_per_group(client):
    BriefingFactory(title="防災セミナー")
    response = _search(client, "存在しない語")
    assert response.status_code == 200
    assert _counts(response) == dict.fromkeys(GROUP_KEYS, 0)
    html = response.content.decode()
    assert "0件見つかりました。" in html
    assert "該当するものはありません。別の語や、より短い語で検索してください。" in html
    assert '<span class="empty">説明会等（0）</span>' in html
    assert "<section" not in html


def test_search_shows_only_groups_with_matches(client):
    BriefingFactory(title="防災セミナー")
    html = _search(client, "防災").content.decode()
    assert '<a href="#results-briefings">説明会等（1）</a>' in html
    assert '<span class="empty">団体（0）</span>' in html
    assert html.count("<section") == 1
    assert '<section id="results-briefings"' in html
    assert "該当するものはありません。" not in html


def test_search_matches_each_field_listed(client):
    ThreadFactory(title="一", purpose="趣旨に鍵語")
    ThreadFactory(title="二", method="方法に鍵語")
    ThreadFactory(title="三", summary="概要に鍵語")
    ThreadFactory(title="四")
    ActivityFactory(title="活動", description="内容に鍵語")
    BriefingFactory(title="場所", location_text="鍵語会館")
    BriefingFactory(title="備考", notes="※鍵語構成員参加")
    OrganizationFactory(name="団体", name_en="Keyword Inc.")
    response = _search(client, "鍵語")
    assert _found(response) == {
        "threads": ["一", "二", "三"],
        "status_updates": [],
        "activities": ["活動"],
        "briefings": ["2017-02-15 備考", "2017-02-15 場所"],  # same day: newest record first
        "organizations": [],
    }
    assert _found(_search(client, "keyword"))["organizations"] == ["団体"]


def test_search_every_term_must_match(client):
    BriefingFactory(title="九州地域ICT利活用セミナー")
    BriefingFactory(title="四国地域ICT利活用セミナー")
    BriefingFactory(title="九州の説明会")
    response = _search(client, "九州　セミナー")
    assert _found(response)["briefings"] == ["2017-02-15 九州地域ICT利活用セミナー"]


def test_search_finds_full_width_letters_from_half_width_and_back(client):
    StatusUpdateFactory(text="1/19にＬアラート運営諮問委員会作業部会")
    ActivityFactory(title="中国地域Lアラート連絡会")
    assert _counts(_search(client, "Lアラート"))["status_updates"] == 1
    assert _counts(_search(client, "Lアラート"))["activities"] == 1
    assert _counts(_search(client, "Ｌアラート"))["activities"] == 1
    assert _counts(_search(client, "ｌアラート"))["activities"] == 1  # and any case


def test_search_treats_like_wildcards_literally(client):
    BriefingFactory(title="参加率100%の会")
    BriefingFactory(title="参加率の会")
    BriefingFactory(title="a_b")
    BriefingFactory(title="axb")
    assert _found(_search(client, "%"))["briefings"] == ["2017-02-15 参加率100%の会"]
    assert _found(_search(client, "_"))["briefings"] == ["2017-02-15 a_b"]


def test_search_caps_each_group_and_counts_the_rest(client):
    for day in range(1, 26):
        BriefingFactory(title=f"説明会{day}", date=datetime.date(2017, 1, day))
    response = _search(client, "説明会")
    result = response.context["groups"][3]
    assert result.group.key == "briefings"
    assert result.count == 25
    assert len(result.hits) == GROUP_LIMIT
    assert result.more == 5
    assert [hit.object.date.day for hit in result.hits[:2]] == [25, 24]  # newest first
    html = response.content.decode()
    assert '<h2 id="results-briefings-heading">説明会等（25件）</h2>' in html
    assert "ほかに5件あります。語を加えて絞り込んでください。" in html


def test_search_10000_character_q_is_truncated_with_a_message(client):
    BriefingFactory(title="説明会")
    response = _search(client, "説明会" + "あ" * 9_997)
    assert response.status_code == 200
    html = response.content.decode()
    assert "検索語が長すぎるため、先頭の100文字で検索しました。" in html
    query = response.context["query"]
    assert len(query.text) == MAX_QUERY_LENGTH
    assert f'value="{query.text}"' in html
    assert _counts(response)["briefings"] == 0  # the truncated term still has to match


def test_search_too_many_terms_gives_a_message(client):
    BriefingFactory(title="一二三四五六")
    response = _search(client, "一 二 三 四 五 該当なし")
    assert response.status_code == 200
    assert "検索語が多すぎるため、最初の5語で検索しました。" in response.content.decode()
    assert _counts(response)["briefings"] == 1


@pytest.mark.parametrize("q", ["説明\x85会", "<script>alert(1)</script>", "' OR 1=1 --", "\\"])
def test_search_odd_input_gives_a_normal_page(client, q):
    BriefingFactory(title="説明会")
    response = _search(client, q)
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_search_repeated_q_uses_the_last_one(client):
    BriefingFactory(title="九州の会")
    response = client.get("/search/?q=四国&q=九州")
    assert response.status_code == 200
    assert response.context["query"].text == "九州"
    assert _counts(response)["briefings"] == 1


def _populate(n: int) -> None:
    for i in range(n):
        thread = ThreadFactory(title=f"検索の糸{i}")
        StatusUpdateFactory(thread=thread, text=f"検索の状況{i}")
        ActivityFactory(thread=thread, title=f"検索の活動{i}")
        BriefingFactory(title=f"検索の説明会{i}", status=Briefing.Status.PLANNED)
        OrganizationFactory(name=f"検索の団体{i}")


@pytest.mark.parametrize("n", [1, 3])
def test_search_query_count_is_fixed(client, django_assert_num_queries, n):
    """Five queries whatever the number of matches: one per group (threads,
    status updates with their thread, activities with their thread, briefings
    with their prefecture, organizations), each returning its first matches
    and, by a window count, the total."""
    _populate(n)
    with django_assert_num_queries(5):
        response = _search(client, "検索")
    assert _counts(response) == dict.fromkeys(GROUP_KEYS, n)


def test_search_in_english(client):
    briefing = BriefingFactory(title="九州地域ICT利活用セミナー")
    OrganizationFactory(name="九州総合通信局", name_en="Kyushu Bureau of Telecommunications")
    response = _search(client, "九州", prefix="/en")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert 'action="/en/search/"' in html
    assert f'href="/en/briefings/{briefing.pk}/"' in html
    assert "Kyushu Bureau of Telecommunications" in html
    assert "15 February 2017" in html
    assert _counts(response)["organizations"] == 1


def test_search_in_english_without_q(client):
    response = client.get("/en/search/")
    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()
    assert response.context["groups"] == []


def test_search_in_english_with_long_q(client):
    response = _search(client, "x" * 10_000, prefix="/en")
    assert response.status_code == 200
    assert response.context["query"].truncated is True


# --- Japanese text in the 2017 record (runs on SQLite and PostgreSQL) -----


def test_search_seed_setsumeikai_finds_the_briefings(client, seeded):
    response = _search(client, "説明会")
    hits = response.context["groups"][3].hits
    found = [(h.object.date.isoformat(), h.object.location_text, h.object.title) for h in hits]
    assert found == sorted(found, key=lambda row: row[0], reverse=True)  # newest first
    assert sorted(found) == [
        ("2017-01-24", "香川県", "地方自治体向け説明会"),
        ("2017-01-27", "奈良県", "地方自治体向け説明会"),
        ("2017-02-06", "広島県", "地方自治体向け説明会"),
        ("2017-02-07", "滋賀県", "地方自治体向け説明会"),
        ("2017-02-14", "長崎県", "地方自治体向け説明会"),
        ("2017-02-16", "三重県", "地方自治体向け説明会"),
        ("2017-02-16", "佐賀県", "地方自治体向け説明会"),
        ("2017-02-17", "和歌山県", "地方自治体向け説明会"),
        ("2017-02-17", "富山県", "地方自治体向け説明会"),
        ("2017-03-06", "徳島県", "地方自治体向け説明会"),
        ("2017-03-08", "山形県", "地方自治体向け説明会"),
        ("2017-03-09", "福島県", "地方自治体向け説明会"),
        ("2017-03-15", "宮城県", "地方自治体向け説明会"),
        ("2017-03-15", "長野県", "信越地域ICT利活用セミナー・地方自治体向け説明会"),
        ("2017-03-16", "北海道", "北海道地域ICT利活用セミナー・地方自治体向け説明会"),
        ("2017-03-22", "福岡県", "地方自治体向け説明会"),
        ("2017-03-24", "熊本県", "地方自治体向け説明会"),
    ]
    assert _counts(response) == {
        "threads": 0,
        "status_updates": 0,
        "activities": 0,
        "briefings": 17,
        "organizations": 0,
    }


def test_search_seed_two_character_kyushu(client, seeded):
    response = _search(client, "九州")
    assert _found(response) == {
        "threads": [],
        "status_updates": [],
        "activities": [],
        "briefings": ["2017-02-15 九州地域ICT利活用セミナー"],
        "organizations": ["九州総合通信局"],
    }


def test_search_seed_l_alert_in_either_width(client, seeded):
    expected = {
        "threads": [],
        "status_updates": [
            "防災分野では、1/19にＬアラート運営諮問委員会作業部会、2/23に中国地域Ｌア"
        ],
        "activities": ["中国地域Ｌアラート連絡会", "Ｌアラート運営諮問委員会作業部会"],
        "briefings": [],
        "organizations": ["中国地域Ｌアラート連絡会", "Ｌアラート運営諮問委員会"],
    }
    assert _found(_search(client, "Lアラート")) == expected
    assert _found(_search(client, "Ｌアラート")) == expected


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram indexes are PostgreSQL-only")
@pytest.mark.parametrize(
    ("key", "indexes"),
    [
        ("briefings", ["briefings_briefing_title_trgm", "briefings_briefing_notes_trgm"]),
        ("activities", ["threads_activity_title_trgm", "threads_activity_description_trgm"]),
        ("status_updates", ["threads_statusupdate_text_trgm"]),
        ("organizations", ["networks_organization_name_trgm"]),
    ],
)
def test_search_query_can_use_the_trigram_indexes(key, indexes):
    """Every field ORed into a group's condition, in both widths, is indexed."""
    group = next(group for group in GROUPS if group.key == key)
    plan = trigram_plan(matching(group, ("Lアラート",)))
    assert "Seq Scan" not in plan
    for index in indexes:
        assert index in plan
