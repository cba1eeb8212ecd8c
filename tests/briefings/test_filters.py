"""BriefingFilterSet: one test per filter, plus the values it must refuse."""

import datetime

import pytest

from briefings.filters import BriefingDateRangeFilterSet, BriefingFilterSet
from briefings.models import Briefing
from core.filters import MAX_QUERY_LENGTH
from tests.factories import BriefingFactory, MemberFactory, OrganizationFactory, prefecture

pytestmark = pytest.mark.django_db


def _titles(data: dict, *, today: datetime.date | None = None) -> list[str]:
    filterset = BriefingFilterSet(
        data, queryset=Briefing.objects.order_by("date", "title"), today=today
    )
    assert filterset.is_valid(), filterset.errors
    return [b.title for b in filterset.qs]


def _errors(data: dict) -> dict:
    filterset = BriefingFilterSet(data, queryset=Briefing.objects.all())
    assert not filterset.is_valid()
    return filterset.errors


def test_filter_date_after_keeps_that_day_and_later():
    BriefingFactory(title="前日", date=datetime.date(2017, 2, 14))
    BriefingFactory(title="当日", date=datetime.date(2017, 2, 15))
    BriefingFactory(title="翌日", date=datetime.date(2017, 2, 16))
    assert _titles({"date_after": "2017-02-15"}) == ["当日", "翌日"]


def test_filter_date_before_keeps_that_day_and_earlier():
    BriefingFactory(title="前日", date=datetime.date(2017, 2, 14))
    BriefingFactory(title="当日", date=datetime.date(2017, 2, 15))
    BriefingFactory(title="翌日", date=datetime.date(2017, 2, 16))
    assert _titles({"date_before": "2017-02-15"}) == ["前日", "当日"]


def test_filter_date_range_is_inclusive_at_both_ends():
    for day in (1, 2, 3, 4):
        BriefingFactory(title=f"2月{day}日", date=datetime.date(2017, 2, day))
    assert _titles({"date_after": "2017-02-02", "date_before": "2017-02-03"}) == [
        "2月2日",
        "2月3日",
    ]


@pytest.mark.parametrize("value", ["abc", "2017-02-30", "2017-13-01", "99999-01-01", "\x00"])
def test_filter_date_after_invalid_is_a_form_error(value):
    errors = _errors({"date_after": value})
    assert errors["date_after"] == ["日付を正しく入力してください。"]


def test_filter_date_range_reversed_is_a_form_error():
    errors = _errors({"date_after": "2017-03-01", "date_before": "2017-02-01"})
    assert errors["__all__"] == ["期間の開始日が終了日より後になっています。"]


def test_date_range_filterset_validates_like_the_schedule():
    filterset = BriefingDateRangeFilterSet({"date_after": "abc"}, queryset=Briefing.objects.none())
    assert not filterset.is_valid()
    assert list(filterset.form.fields) == ["date_after", "date_before"]


def _statuses() -> None:
    """Around 2017-03-06: held, planned for the day before, that day and after, cancelled."""
    BriefingFactory(title="済", status=Briefing.Status.HELD, date=datetime.date(2017, 2, 15))
    BriefingFactory(title="予3/5", status="planned", date=datetime.date(2017, 3, 5))
    BriefingFactory(title="予3/6", status="planned", date=datetime.date(2017, 3, 6))
    BriefingFactory(title="予3/8", status="planned", date=datetime.date(2017, 3, 8))
    BriefingFactory(title="中止", status="cancelled", date=datetime.date(2017, 3, 8))


@pytest.mark.parametrize(
    ("status", "titles"),
    [
        # 予定 is what is still to come, from today on: not 3/5 any more.
        ("planned", ["予3/6", "予3/8"]),
        # Planned, date passed, outcome not recorded.
        ("unrecorded", ["予3/5"]),
        ("held", ["済"]),
        ("cancelled", ["中止"]),
        ("postponed", []),
    ],
)
def test_filter_status_reads_the_status_as_shown_on_today(status, titles):
    _statuses()
    assert _titles({"status": status}, today=datetime.date(2017, 3, 6)) == titles


def test_filter_status_today_defaults_to_today_in_japan(stand_on):
    _statuses()
    stand_on(datetime.date(2017, 3, 7))
    assert _titles({"status": "planned"}) == ["予3/8"]
    assert _titles({"status": "unrecorded"}) == ["予3/5", "予3/6"]


def test_filter_application_open():
    today = datetime.date(2017, 3, 6)
    BriefingFactory(
        title="締切前",
        status="planned",
        date=datetime.date(2017, 3, 8),
        application_deadline=today,
    )
    BriefingFactory(
        title="締切後",
        status="planned",
        date=datetime.date(2017, 3, 8),
        application_deadline=datetime.date(2017, 3, 5),
    )
    BriefingFactory(
        title="締切なし・URLあり",
        status="planned",
        date=datetime.date(2017, 3, 9),
        application_url="https://example.jp/apply",
    )
    BriefingFactory(title="案内なし", status="planned", date=datetime.date(2017, 3, 9))
    BriefingFactory(
        title="申込不要",
        status="planned",
        date=datetime.date(2017, 3, 9),
        application_method=Briefing.ApplicationMethod.NOT_REQUIRED,
    )
    BriefingFactory(
        title="開催日経過",
        status="planned",
        date=datetime.date(2017, 3, 5),
        application_method=Briefing.ApplicationMethod.WEB,
    )
    assert _titles({"application": "open"}, today=today) == ["締切前", "締切なし・URLあり"]


def test_filter_application_unknown_is_a_form_error():
    assert list(_errors({"application": "closed"})) == ["application"]


def test_filter_block_null_is_the_sessions_without_a_block():
    BriefingFactory(title="県", prefecture=prefecture("43"))
    BriefingFactory(title="全国", scope=Briefing.Scope.NATIONAL, prefecture=None)
    assert _titles({"block": "null"}) == ["全国"]


def test_filter_status_unknown_is_a_form_error():
    assert list(_errors({"status": "done"})) == ["status"]


def test_filter_scope():
    BriefingFactory(title="県", scope=Briefing.Scope.PREFECTURE)
    BriefingFactory(title="全国", scope=Briefing.Scope.NATIONAL, prefecture=None)
    assert _titles({"scope": "national"}) == ["全国"]


def test_filter_kind():
    BriefingFactory(title="説明会", kind=Briefing.Kind.LOCAL_GOVERNMENT)
    BriefingFactory(title="セミナー", kind=Briefing.Kind.SEMINAR)
    assert _titles({"kind": "seminar"}) == ["セミナー"]


def test_filter_block_by_code():
    BriefingFactory(title="熊本", prefecture=prefecture("43"))  # kyushu
    BriefingFactory(title="香川", prefecture=prefecture("37"))  # shikoku
    assert _titles({"block": "shikoku"}) == ["香川"]


def test_filter_block_unknown_is_a_form_error():
    errors = _errors({"block": "atlantis"})
    assert errors["block"] == ["地域ブロック「atlantis」はありません。一覧から選んでください。"]


def test_filter_prefecture_by_two_digit_code():
    BriefingFactory(title="熊本", prefecture=prefecture("43"))
    BriefingFactory(title="香川", prefecture=prefecture("37"))
    assert _titles({"prefecture": "37"}) == ["香川"]


@pytest.mark.parametrize("value", ["99", "00", "7", "abc", "x" * 10_000])
def test_filter_prefecture_unknown_code_is_a_clear_form_error(value):
    errors = _errors({"prefecture": value})
    assert errors["prefecture"][0].startswith("都道府県コード「")
    assert errors["prefecture"][0].endswith(
        "」はありません。01（北海道）から47（沖縄県）までの2桁で指定するか、一覧から選んでください。"
    )


def test_filter_member():
    sudo = MemberFactory(name="須藤", role="chair")
    other = MemberFactory()
    BriefingFactory(title="座長参加").members.add(sudo)
    BriefingFactory(title="他の構成員").members.add(other)
    BriefingFactory(title="参加なし")
    assert _titles({"member": str(sudo.pk)}) == ["座長参加"]


@pytest.mark.parametrize("value", ["abc", "0", "99999999999999999999999"])
def test_filter_member_unknown_is_a_form_error(value):
    BriefingFactory().members.add(MemberFactory())
    errors = _errors({"member": value})
    assert errors["member"] == ["指定された構成員等は見つかりません。一覧から選んでください。"]


@pytest.mark.parametrize("name", ["block", "prefecture", "member"])
def test_filter_choice_with_a_nul_character_is_a_form_error(name):
    """Refused by the form, so it never reaches PostgreSQL (which rejects NUL)."""
    assert list(_errors({name: "1\x00"})) == [name]


def test_filter_member_choices_are_only_people_who_attended():
    attended = MemberFactory(name="参加者")
    MemberFactory(name="不参加")
    BriefingFactory().members.add(attended)
    BriefingFactory().members.add(attended)
    field = BriefingFilterSet({}, queryset=Briefing.objects.all()).form.fields["member"]
    assert [label for _value, label in field.choices] == ["すべて", "参加者構成員"]


def test_filter_member_choices_leave_out_people_who_attended_only_deleted_sessions():
    live = MemberFactory(name="参加者")
    gone = MemberFactory(name="削除分のみ")
    BriefingFactory().members.add(live)
    deleted = BriefingFactory()
    deleted.members.add(gone, live)
    deleted.soft_delete()
    field = BriefingFilterSet({}, queryset=Briefing.objects.all()).form.fields["member"]
    assert [label for _value, label in field.choices] == ["すべて", "参加者構成員"]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", "九州地域ICT利活用セミナー"),
        ("location_text", "全国市長会"),
        ("notes", "※米田構成員参加"),
    ],
)
def test_filter_q_matches_text_fields(field, value):
    BriefingFactory(**{"title": "一致", field: value})
    BriefingFactory(title="不一致")
    assert _titles({"q": value[1:4]}) == [value if field == "title" else "一致"]


def test_filter_q_matches_prefecture_name_in_both_languages():
    BriefingFactory(title="A", prefecture=prefecture("37"))  # 香川県 / Kagawa
    BriefingFactory(title="B", prefecture=prefecture("43"))
    assert _titles({"q": "香川"}) == ["A"]
    assert _titles({"q": "kagawa"}) == ["A"]


def test_filter_q_matches_host_name():
    host = OrganizationFactory(name="オープンガバメント・コンソーシアム", name_en="Open Gov")
    BriefingFactory(title="A", host=host)
    BriefingFactory(title="B")
    assert _titles({"q": "ガバメント"}) == ["A"]
    assert _titles({"q": "open gov"}) == ["A"]


def test_filter_q_needs_every_word_full_width_space_included():
    BriefingFactory(title="九州地域ICT利活用セミナー", date=datetime.date(2017, 2, 1))
    BriefingFactory(title="四国地域ICT利活用セミナー", date=datetime.date(2017, 2, 2))
    assert _titles({"q": "セミナー　九州"}) == ["九州地域ICT利活用セミナー"]
    assert _titles({"q": "セミナー"}) == ["九州地域ICT利活用セミナー", "四国地域ICT利活用セミナー"]


def test_filter_q_blank_filters_nothing():
    BriefingFactory(title="A")
    assert _titles({"q": "  　 "}) == ["A"]


def test_filter_q_at_the_cap_is_accepted():
    BriefingFactory(title="A")
    assert _titles({"q": "あ" * MAX_QUERY_LENGTH}) == []


def test_filter_q_over_the_cap_is_a_form_error():
    errors = _errors({"q": "あ" * 10_000})
    assert errors["q"] == [
        "キーワードは100文字以内で入力してください（10000文字入力されています）。"
    ]


def test_filter_q_with_a_nul_character_is_a_form_error():
    assert list(_errors({"q": "説明\x00会"})) == ["q"]
