import datetime

import pytest
from django.db import IntegrityError, transaction
from django.urls import NoReverseMatch, clear_script_prefix, reverse, set_script_prefix
from django.utils import translation

from briefings.models import Briefing
from tests.factories import BriefingFactory, ProgressReportFactory, block, prefecture

pytestmark = pytest.mark.django_db


def test_briefing_prefecture_scope_needs_prefecture_constraint():
    with pytest.raises(IntegrityError), transaction.atomic():
        BriefingFactory(scope=Briefing.Scope.PREFECTURE, prefecture=None)


def test_briefing_block_scope_needs_block_constraint():
    with pytest.raises(IntegrityError), transaction.atomic():
        BriefingFactory(scope=Briefing.Scope.BLOCK, prefecture=None, block=None)


def test_briefing_national_scope_needs_no_place():
    briefing = BriefingFactory(scope=Briefing.Scope.NATIONAL, prefecture=None)

    assert briefing.block is None


def test_briefing_same_title_same_day_in_two_prefectures_is_allowed():
    # The 2017 record holds two 地方自治体向け説明会 on 2/16 (三重県, 佐賀県).
    BriefingFactory(date=datetime.date(2017, 2, 16), title="地方自治体向け説明会")
    BriefingFactory(
        date=datetime.date(2017, 2, 16), title="地方自治体向け説明会", prefecture=prefecture("41")
    )

    assert Briefing.objects.filter(title="地方自治体向け説明会").count() == 2


def test_briefing_save_derives_block_from_prefecture():
    briefing = BriefingFactory(prefecture=prefecture("24"))

    briefing.refresh_from_db()
    assert briefing.block == block("tokai")


def test_briefing_save_keeps_explicit_block():
    # A block meeting held in a prefecture of a neighbouring block.
    briefing = BriefingFactory(
        scope=Briefing.Scope.BLOCK, prefecture=prefecture("40"), block=block("okinawa")
    )

    briefing.refresh_from_db()
    assert briefing.block == block("okinawa")


def test_briefing_block_scope_with_block_only():
    briefing = BriefingFactory(scope=Briefing.Scope.BLOCK, prefecture=None, block=block("tohoku"))

    briefing.refresh_from_db()
    assert briefing.block == block("tohoku")


def test_briefing_held():
    held = BriefingFactory(status=Briefing.Status.HELD)
    BriefingFactory(status=Briefing.Status.PLANNED)
    BriefingFactory(status=Briefing.Status.CANCELLED)

    assert list(Briefing.objects.held()) == [held]


def test_briefing_planned():
    BriefingFactory(status=Briefing.Status.HELD)
    planned = BriefingFactory(status=Briefing.Status.PLANNED)
    BriefingFactory(status=Briefing.Status.POSTPONED)

    assert list(Briefing.objects.planned()) == [planned]


def test_briefing_in_block():
    kumamoto = BriefingFactory(prefecture=prefecture("43"))
    kyushu = BriefingFactory(scope=Briefing.Scope.BLOCK, prefecture=None, block=block("kyushu"))
    BriefingFactory(prefecture=prefecture("13"))
    BriefingFactory(scope=Briefing.Scope.NATIONAL, prefecture=None)

    assert set(Briefing.objects.in_block(block("kyushu"))) == {kumamoto, kyushu}


def test_briefing_held_in_block_chains():
    held = BriefingFactory(prefecture=prefecture("43"), status=Briefing.Status.HELD)
    BriefingFactory(prefecture=prefecture("43"), status=Briefing.Status.PLANNED)
    BriefingFactory(prefecture=prefecture("13"), status=Briefing.Status.HELD)

    assert list(Briefing.objects.held().in_block(block("kyushu"))) == [held]


def test_briefing_str():
    briefing = BriefingFactory(date=datetime.date(2017, 2, 15), title="熊本県説明会")

    assert str(briefing) == "2017-02-15 熊本県説明会"


def test_progress_report_unique_as_of_title_constraint():
    ProgressReportFactory(as_of=datetime.date(2017, 2, 24), title="説明会の開催状況")

    with pytest.raises(IntegrityError), transaction.atomic():
        ProgressReportFactory(as_of=datetime.date(2017, 2, 24), title="説明会の開催状況")


def test_progress_report_str():
    report = ProgressReportFactory(as_of=datetime.date(2017, 2, 24), title="説明会の開催状況")

    assert str(report) == "説明会の開催状況（2017-02-24）"


@pytest.mark.parametrize("language", ["ja", "en"])
@pytest.mark.parametrize("script_prefix", ["/", "/portal0/"])
def test_absolute_url_is_what_reverse_gives_in_each_language_and_script_prefix(
    language, script_prefix
):
    """The address is reversed once and each pk put in place: the same as reverse()."""
    briefings = [BriefingFactory(), BriefingFactory()]
    set_script_prefix(script_prefix)
    try:
        with translation.override(language):
            for briefing in briefings:
                expected = reverse("briefings:briefing_detail", args=[briefing.pk])
                assert briefing.get_absolute_url() == expected
    finally:
        clear_script_prefix()


def test_absolute_url_of_an_unsaved_session_is_refused():
    with pytest.raises(NoReverseMatch):
        Briefing().get_absolute_url()
