"""core.filters.active_filters: a list's filters in words, for a folded form's summary."""

import pytest
from django.utils import translation

from briefings.filters import BriefingFilterSet
from briefings.models import Briefing
from core.filters import active_filters

pytestmark = pytest.mark.django_db


def _active(data):
    return active_filters(BriefingFilterSet(data, queryset=Briefing.objects.all()))


def test_active_filters_name_each_given_filter_with_its_shown_value():
    assert _active(
        {"status": "unrecorded", "prefecture": "41", "date_before": "2017-03-31", "q": "九州"}
    ) == [
        ("開催日（まで）", "2017年3月31日"),
        ("状況", "開催日経過・結果未登録"),
        ("都道府県", "佐賀県"),
        ("キーワード", "九州"),
    ]


def test_active_filters_leave_out_empty_values():
    assert _active({"status": "", "block": "", "page": "2"}) == []


def test_active_filters_are_none_when_a_value_is_bad():
    assert _active({"status": "held", "block": "atlantis"}) == []


def test_active_filters_of_an_unbound_filterset_are_none():
    assert active_filters(BriefingFilterSet(queryset=Briefing.objects.all())) == []


def test_active_filters_in_english():
    with translation.override("en"):
        assert _active({"block": "kyushu", "application": "open"}) == [
            ("Regional block", "Kyushu"),
            ("Application", "Open for applications"),
        ]
