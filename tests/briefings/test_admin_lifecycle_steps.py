"""The lifecycle buttons on a briefing's change page in the admin, and the
中止・延期・複製 pages they open."""

import datetime
import re

import pytest

from briefings.models import Briefing
from tests.briefings.admin_helpers import change_url, post_step, state, step_url, texts
from tests.briefings.lifecycle_helpers import planned
from tests.factories import BriefingFactory, MemberFactory, block

pytestmark = pytest.mark.django_db

D = datetime.date
UTC = datetime.UTC


# --- the buttons on the change page -----------------------------------------------------


def lifecycle_links(response) -> list[tuple[str, str]]:
    return re.findall(
        r'<a href="([^"]+)" class="lifecycle-link">([^<]+)</a>', response.content.decode()
    )


def test_change_page_of_a_planned_briefing_offers_every_step(client, kyushu_bureau):
    briefing = planned()
    client.force_login(kyushu_bureau)

    response = client.get(change_url(briefing))

    assert lifecycle_links(response) == [
        (step_url(briefing, "held"), "開催済にする"),
        (step_url(briefing, "cancel"), "中止にする"),
        (step_url(briefing, "postpone"), "延期にする"),
        (step_url(briefing, "duplicate"), "複製する"),
    ]


def test_change_page_of_a_held_briefing_offers_duplicate_only(client, editor):
    briefing = BriefingFactory(status=Briefing.Status.HELD)
    client.force_login(editor)

    response = client.get(change_url(briefing))

    assert lifecycle_links(response) == [(step_url(briefing, "duplicate"), "複製する")]


def test_change_page_for_a_viewer_offers_no_step(client, viewer):
    briefing = planned()
    client.force_login(viewer)

    response = client.get(change_url(briefing))

    assert response.status_code == 200
    assert lifecycle_links(response) == []


# --- 中止・延期・複製 on the change page ---------------------------------------------------


def test_cancel_view_records_the_reason(client, kyushu_bureau):
    briefing = planned()
    client.force_login(kyushu_bureau)

    response = post_step(client, briefing, "cancel", {"step-reason": "台風の接近により中止"})

    assert response.status_code == 302
    briefing = Briefing.objects.get(pk=briefing.pk)
    assert (briefing.status, briefing.cancellation_reason) == ("cancelled", "台風の接近により中止")
    assert briefing.history.first().history_user == kyushu_bureau


def test_cancel_view_without_reason_changes_nothing(client, kyushu_bureau):
    briefing = planned()
    client.force_login(kyushu_bureau)
    before = state(briefing)

    response = post_step(client, briefing, "cancel", {"step-reason": "  "})

    assert response.status_code == 200
    assert response.context["form"].errors == {"reason": ["このフィールドは必須です。"]}
    assert state(briefing) == before


def test_postpone_view_with_new_date_moves_the_session(client, editor):
    briefing = planned()
    client.force_login(editor)

    response = post_step(
        client, briefing, "postpone", {"step-new_date": "2017-03-10", "step-note": "講師の都合"}
    )

    assert response.status_code == 302
    briefing = Briefing.objects.get(pk=briefing.pk)
    assert (briefing.status, briefing.date) == ("planned", D(2017, 3, 10))
    assert briefing.notes.endswith("延期（当初の開催日：2017年2月15日）：講師の都合")
    assert briefing.history.first().history_user == editor


def test_duplicate_view_opens_the_copy(client, kyushu_bureau):
    source = planned(title="地域ICT利活用セミナー", status=Briefing.Status.HELD, audience_size=30)
    source.members.set([MemberFactory()])
    client.force_login(kyushu_bureau)

    response = post_step(client, source, "duplicate", {"step-date": "2017-04-20"})

    copy = Briefing.objects.exclude(pk=source.pk).get()
    assert response.status_code == 302
    assert response.url == change_url(copy)
    assert (copy.title, copy.date, copy.status, copy.audience_size) == (
        "地域ICT利活用セミナー",
        D(2017, 4, 20),
        "planned",
        None,
    )
    assert copy.block == block("kyushu")
    assert list(copy.members.all()) == list(source.members.all())
    assert copy.history.first().history_user == kyushu_bureau
    assert texts(response) == [
        "複製しました：「地域ICT利活用セミナー」（2017年4月20日）。開催日などを確認してください。"
    ]
