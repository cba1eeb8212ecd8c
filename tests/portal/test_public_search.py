"""One `q` everywhere: every public list, the site search and the admin read and
compare words alike (core.search, core.filters.PortalFilterSet)."""

from dataclasses import dataclass

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.http import QueryDict

from briefings.filters import BriefingDateRangeFilterSet, BriefingFilterSet
from briefings.models import Briefing
from core.filters import PortalFilterSet
from core.search import MAX_QUERY_LENGTH, MAX_TERMS
from networks.models import Organization
from portal.cooperation.filters import (
    CaseFilterSet,
    NeedFilterSet,
    OfferFilterSet,
    ProjectFilterSet,
)
from portal.directory.filters import OrganizationFilterSet
from portal.membership.filters import MemberFilterSet
from tests.admin_urls import admin_url
from tests.factories import (
    ActivityFactory,
    BriefingFactory,
    CaseFactory,
    NeedFactory,
    NetworkMembershipFactory,
    OfferFactory,
    OrganizationFactory,
    ProjectFactory,
    StatusUpdateFactory,
    ThreadFactory,
)
from threads.filters import ActivityFilterSet
from threads.models import Activity

pytestmark = pytest.mark.django_db

User = get_user_model()

# How the seed and staff store the words: both widths, any case.
ICT_ROWS = ("地域ＩＣＴ利活用セミナー", "地域ICT利活用セミナー", "地域ict研究会")
IOT_ROWS = ("地域ＩｏＴ実装推進", "熊本県IoT推進ラボ")
OTHER_ROW = "全国市長会"
ICT_TYPED = ("ICT", "ict", "ＩＣＴ", "ｉｃｔ")
IOT_TYPED = ("IoT", "iot", "ＩｏＴ", "ＩＯＴ", "ｉｏｔ")


@dataclass(frozen=True)
class PublicList:
    filterset: type[PortalFilterSet]
    make: object  # a factory taking the searched text
    label: str
    max_length: int
    url: str | None = None  # the page that shows the list, if any
    rows_in_context: str = ""


LISTS = {
    "schedule": PublicList(
        BriefingFilterSet,
        lambda text: BriefingFactory(title=text),
        "キーワード",
        MAX_QUERY_LENGTH,
        "/briefings/",
        "briefings",
    ),
    "organizations": PublicList(
        OrganizationFilterSet,
        lambda text: OrganizationFactory(name=text),
        "名称",
        MAX_QUERY_LENGTH,
        "/organizations/",
        "organizations",
    ),
    "network members": PublicList(
        MemberFilterSet,
        lambda text: NetworkMembershipFactory(organization=OrganizationFactory(name=text)),
        "名称",
        MAX_QUERY_LENGTH,
        "/network/members/",
        "memberships",
    ),
    "activities": PublicList(
        ActivityFilterSet,
        lambda text: ActivityFactory(title=text),
        "キーワード",
        MAX_QUERY_LENGTH,
    ),
    **{
        name: PublicList(filterset, make, "キーワード", MAX_QUERY_LENGTH, f"/network/{name}/", name)
        for name, filterset, make in [
            ("needs", NeedFilterSet, lambda text: NeedFactory(title=text)),
            ("offers", OfferFilterSet, lambda text: OfferFactory(title=text)),
            ("projects", ProjectFilterSet, lambda text: ProjectFactory(title=text)),
            ("cases", CaseFilterSet, lambda text: CaseFactory(title=text)),
        ]
    },
}

# The site search's groups and a record of each holding the text.
SEARCH_GROUPS = {
    "threads": lambda text: ThreadFactory(title=text),
    "status_updates": lambda text: StatusUpdateFactory(text=text),
    "activities": lambda text: ActivityFactory(title=text),
    "briefings": lambda text: BriefingFactory(title=text),
    "organizations": lambda text: OrganizationFactory(name=text),
}


def _every_portal_filterset() -> set[type]:
    found, todo = set(), [PortalFilterSet]
    while todo:
        for subclass in todo.pop().__subclasses__():
            found.add(subclass)
            todo.append(subclass)
    return found


def test_every_public_filterset_with_q_is_in_the_table():
    with_q = {cls for cls in _every_portal_filterset() if "q" in cls.base_filters}
    assert with_q == {public.filterset for public in LISTS.values()}


# --- the same rows whatever the width and case -------------------------------


@pytest.mark.parametrize("name", LISTS)
@pytest.mark.parametrize(("stored", "typed"), [(ICT_ROWS, ICT_TYPED), (IOT_ROWS, IOT_TYPED)])
def test_list_q_finds_every_width_and_case(name, stored, typed):
    public = LISTS[name]
    expected = {public.make(text).pk for text in stored}
    public.make(OTHER_ROW)
    for word in typed:
        filterset = public.filterset(QueryDict(f"q={word}"))
        assert filterset.is_valid(), filterset.errors
        assert {row.pk for row in filterset.qs} == expected, word


@pytest.mark.parametrize("name", [name for name, public in LISTS.items() if public.url])
def test_list_page_q_finds_every_width_and_case(client, name):
    public = LISTS[name]
    expected = sorted(public.make(text).pk for text in ICT_ROWS)
    public.make(OTHER_ROW)
    for word in ICT_TYPED:
        response = client.get(public.url, {"q": word})
        assert response.status_code == 200
        assert sorted(row.pk for row in response.context[public.rows_in_context]) == expected


@pytest.mark.parametrize("group", SEARCH_GROUPS)
@pytest.mark.parametrize(("stored", "typed"), [(ICT_ROWS, ICT_TYPED), (IOT_ROWS, IOT_TYPED)])
def test_site_search_finds_every_width_and_case(client, group, stored, typed):
    expected = sorted(str(SEARCH_GROUPS[group](text)) for text in stored)
    SEARCH_GROUPS[group](OTHER_ROW)
    for word in typed:
        response = client.get("/search/", {"q": word})
        result = next(r for r in response.context["groups"] if r.group.key == group)
        assert sorted(str(hit.object) for hit in result.hits) == expected, word


def test_site_search_highlights_the_word_in_the_other_width(client):
    StatusUpdateFactory(text="関係省庁、ＩＣＴ関連推進団体との連携")
    html = client.get("/search/", {"q": "ict"}).content.decode()
    assert '<p lang="ja">関係省庁、<mark>ＩＣＴ</mark>関連推進団体との連携</p>' in html


def test_site_search_seed_ict_in_every_width_finds_the_same_records(client, seeded):
    def found(word):
        groups = client.get("/search/", {"q": word}).context["groups"]
        return {r.group.key: sorted(str(hit.object) for hit in r.hits) for r in groups}

    results = [found(word) for word in ICT_TYPED]
    assert results == [results[0]] * len(ICT_TYPED)
    # The seed writes ＩＣＴ in full width in the threads and ICT in half
    # width in the briefings: both are found.
    assert len(results[0]["threads"]) == 1
    assert "2017-02-15 九州地域ICT利活用セミナー" in results[0]["briefings"]


# --- works with data alone (as an API would use it) ---------------------------


@pytest.mark.parametrize(
    "filterset_class", sorted(_every_portal_filterset(), key=lambda cls: cls.__name__)
)
def test_every_public_filterset_works_with_data_alone(filterset_class):
    model = filterset_class._meta.model
    filterset = filterset_class(QueryDict(""))
    assert filterset.is_valid()
    assert filterset.qs.model is model
    assert list(filterset.qs) == list(model._default_manager.all())


def test_filterset_with_data_alone_leaves_deleted_briefings_out():
    live = BriefingFactory()
    BriefingFactory().soft_delete()
    assert list(BriefingFilterSet(QueryDict("")).qs) == [live]


# --- bad values: refused with a message, no rows --------------------------------


@pytest.mark.parametrize(
    ("filterset_class", "data"),
    [
        (BriefingFilterSet, "status=nope"),
        (BriefingDateRangeFilterSet, "date_after=abc"),
        (OrganizationFilterSet, "kind=nope"),
        (ActivityFilterSet, "field=nope"),
        (ActivityFilterSet, "block=nowhere"),
    ],
)
def test_bad_value_gives_no_rows(filterset_class, data):
    BriefingFactory()
    OrganizationFactory()
    ActivityFactory()
    filterset = filterset_class(QueryDict(data))
    assert not filterset.is_valid()
    assert list(filterset.qs) == []


@pytest.mark.parametrize("name", LISTS)
def test_list_q_over_its_length_is_refused_with_one_message(name):
    public = LISTS[name]
    public.make("あ")
    filterset = public.filterset(QueryDict(f"q={'あ' * (public.max_length + 1)}"))
    assert filterset.errors["q"] == [
        f"{public.label}は{public.max_length}文字以内で入力してください"
        f"（{public.max_length + 1}文字入力されています）。"
    ]
    assert list(filterset.qs) == []


@pytest.mark.parametrize("name", LISTS)
def test_list_q_at_its_length_is_accepted(name):
    public = LISTS[name]
    assert public.filterset(QueryDict(f"q={'あ' * public.max_length}")).is_valid()


@pytest.mark.parametrize("name", LISTS)
def test_list_q_with_too_many_words_is_refused_with_one_message(name):
    public = LISTS[name]
    words = " ".join("一二三四五六七"[: MAX_TERMS + 1])
    filterset = public.filterset(QueryDict(f"q={words}"))
    assert filterset.errors["q"] == [
        f"{public.label}は{MAX_TERMS}語以内で入力してください（{MAX_TERMS + 1}語入力されています）。"
    ]


@pytest.mark.parametrize("name", LISTS)
def test_list_q_words_that_fold_alike_count_once(name):
    public = LISTS[name]
    public.make("地域ICT利活用セミナー")
    filterset = public.filterset({"q": "ICT ict ＩＣＴ ｉｃｔ Ｉｃｔ ICT セミナー"})
    assert filterset.is_valid(), filterset.errors
    assert filterset.qs.count() == 1


@pytest.mark.parametrize("name", LISTS)
def test_list_q_with_a_nul_character_is_refused(name):
    public = LISTS[name]
    public.make("説明会")
    filterset = public.filterset({"q": "説明\x00会"})
    assert filterset.errors["q"] == ["制御文字（NUL）は使えません。取り除いてください。"]
    assert list(filterset.qs) == []


@pytest.mark.parametrize("name", LISTS)
@pytest.mark.parametrize("control", ["\x01", "\x1f", "\x7f", "\t", "\n"])
def test_list_q_control_characters_separate_words(name, control):
    public = LISTS[name]
    wanted = public.make("九州地域の説明会")
    public.make("四国地域の説明会")
    filterset = public.filterset({"q": f"九州{control}説明会"})
    assert filterset.is_valid(), filterset.errors
    assert list(filterset.qs) == [wanted]


@pytest.mark.parametrize("url", ["/briefings/", "/organizations/", "/search/"])
def test_page_with_odd_q_answers_normally(client, url):
    BriefingFactory(title="説明会")
    assert client.get(url, {"q": "％＿\\"}).status_code == 200


@pytest.mark.parametrize("url", ["/briefings/", "/organizations/", "/search/"])
@pytest.mark.parametrize("q", ["説明\x00会", "説明\x01会", "\x7f"])
def test_page_with_control_characters_in_q_is_refused(client, url, q):
    """One rule for every parameter (core.middleware): a control character is a 400."""
    BriefingFactory(title="説明会")
    assert client.get(url, {"q": q}).status_code == 400


# --- the admin's search boxes -----------------------------------------------------


def test_every_admin_search_compares_folded():
    """The portal's own admins and its staff user admin (Django's group admin
    and axes' log admins are left as their libraries wrote them)."""
    plain = {
        f"{model.__name__}.{name}"
        for model, model_admin in admin.site._registry.items()
        if model._meta.app_label in {"networks", "threads", "briefings"} or model is User
        for name in model_admin.search_fields
        if not name.endswith("__folded_contains")
    }
    assert plain == set()


@pytest.mark.parametrize(
    ("model", "make"),
    [
        (Briefing, lambda text: BriefingFactory(title=text)),
        (Organization, lambda text: OrganizationFactory(name=text)),
        (Activity, lambda text: ActivityFactory(title=text)),
    ],
)
def test_admin_search_finds_every_width_and_case(admin_client, model, make):
    expected = sorted(make(text).pk for text in ICT_ROWS)
    make(OTHER_ROW)
    for word in ICT_TYPED:
        response = admin_client.get(admin_url(model, "changelist"), {"q": word})
        assert sorted(row.pk for row in response.context["cl"].result_list) == expected, word


def test_list_q_over_its_length_is_refused_in_english_too(client):
    response = client.get("/en/organizations/", {"q": "x" * 101})
    assert response.status_code == 200
    assert "Name can be at most 100 characters long (it has 101)." in response.content.decode()
    assert list(response.context["organizations"]) == []
