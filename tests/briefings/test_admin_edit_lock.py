"""A lifecycle step taken on a stale form is refused (core.admin.locking,
briefings.admin_actions): the form carries the versions of its rows; if one
changed after it was opened, no row changes and the form comes back with
what changed, ready to be sent again."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.utils import timezone
from django.utils.formats import date_format

from briefings.models import Briefing
from core.access import EDITOR
from tests.admin_urls import change_form_data
from tests.briefings.admin_helpers import CHANGELIST, change_url, held_data, state, step_url
from tests.briefings.lifecycle_helpers import planned
from tests.factories import staff_user

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def tanaka(db):
    user = staff_user(EDITOR, last_name="田中")
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def sato(db):
    user = staff_user(EDITOR, username="sato")
    client = Client()
    client.force_login(user)
    return client


def retitle(client, briefing: Briefing, title: str) -> None:
    """Someone saves the change form meanwhile."""
    data = change_form_data(client.get(change_url(briefing)))
    assert client.post(change_url(briefing), {**data, "title": title}).status_code == 302


def refused(briefing: Briefing) -> str:
    latest = briefing.history.order_by("-history_id").first()
    when = date_format(timezone.localtime(latest.history_date), "DATETIME_FORMAT")
    return (
        f"「{briefing.title}」（2017年2月15日）は、あなたがフォームを開いた後に田中さんが"
        f"変更しました（{when}）。下の変更内容を確認し、もう一度入力してください。"
    )


def texts(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def shown_versions(response) -> str:
    return response.context["form"]["versions"].value()


def test_stale_cancel_form_refused_then_sent_again(tanaka, sato):
    briefing = planned(title="元の開催概要")
    opened = sato.get(step_url(briefing, "cancel"))
    retitle(tanaka, briefing, "田中の開催概要")
    before = state(briefing)
    data = {"step-versions": shown_versions(opened), "step-reason": "台風の接近"}

    response = sato.post(step_url(briefing, "cancel"), data)

    assert response.status_code == 200
    now = Briefing.objects.get(pk=briefing.pk)
    assert texts(response) == [refused(now), "どの説明会等も変更していません。"]
    changes = [
        [(c["field"], str(c["old"]), str(c["new"])) for c in r.history_delta_changes]
        for conflict in response.context["edit_conflicts"]
        for r in conflict.records
    ]
    assert changes == [[("開催概要", "元の開催概要", "田中の開催概要")]]
    assert response.context["form"]["reason"].value() == "台風の接近"
    assert state(briefing) == before

    again = sato.post(
        step_url(briefing, "cancel"), {**data, "step-versions": shown_versions(response)}
    )

    assert again.status_code == 302
    briefing = Briefing.objects.get(pk=briefing.pk)
    assert (briefing.status, briefing.title) == ("cancelled", "田中の開催概要")


def test_stale_postpone_does_not_overwrite_another_postponement(tanaka, sato):
    briefing = planned()
    opened = sato.get(step_url(briefing, "postpone"))
    moved = tanaka.get(step_url(briefing, "postpone"))
    tanaka.post(
        step_url(briefing, "postpone"),
        {"step-versions": shown_versions(moved), "step-new_date": "2017-03-10"},
    )

    response = sato.post(
        step_url(briefing, "postpone"),
        {"step-versions": shown_versions(opened), "step-new_date": "2017-03-20"},
    )

    assert response.status_code == 200
    assert Briefing.objects.get(pk=briefing.pk).date == D(2017, 3, 10)


def test_stale_held_form_refused_and_writes_no_handout(tanaka, sato):
    briefing = planned(title="元の開催概要")
    opened = sato.get(step_url(briefing, "held"))
    retitle(tanaka, briefing, "田中の開催概要")
    before = state(briefing)

    response = sato.post(
        step_url(briefing, "held"),
        held_data(
            **{
                "step-versions": shown_versions(opened),
                "materials-0-title": "説明資料",
                "materials-0-url": "https://www.soumu.go.jp/a.pdf",
            }
        ),
    )

    assert response.status_code == 200
    assert state(briefing) == before


def test_stale_action_on_two_rows_changes_neither_then_sent_again(tanaka, sato):
    first, second = planned(title="第1回"), planned("13", title="第2回")
    selected = {"action": "mark_cancelled", "_selected_action": [first.pk, second.pk]}
    opened = sato.post(CHANGELIST, selected)
    retitle(tanaka, second, "田中の第2回")
    before = [state(first), state(second)]
    data = {
        **selected,
        "apply": "1",
        "step-versions": shown_versions(opened),
        "step-reason": "台風",
    }

    response = sato.post(CHANGELIST, data)

    assert response.status_code == 200
    assert response.templates[0].name == "admin/briefings/briefing/lifecycle_step.html"
    assert [c.title for c in response.context["edit_conflicts"]] == [
        "「田中の第2回」（2017年2月15日）"
    ]
    assert [state(first), state(second)] == before

    again = sato.post(CHANGELIST, {**data, "step-versions": shown_versions(response)})

    assert again.status_code == 302
    assert list(
        Briefing.objects.filter(pk__in=[first.pk, second.pk]).values_list("status", flat=True)
    ) == ["cancelled", "cancelled"]
