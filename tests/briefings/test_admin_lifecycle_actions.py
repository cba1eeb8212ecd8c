"""The lifecycle actions on the admin's briefing list: cancel, mark held,
postpone, duplicate, for an editor, a bureau and a viewer."""

import datetime

import pytest

from briefings.models import Briefing
from tests.briefings.admin_helpers import CHANGELIST, state, step_url, texts
from tests.briefings.lifecycle_helpers import SESSION_DAY, planned
from tests.factories import BriefingFactory

pytestmark = pytest.mark.django_db

D = datetime.date
UTC = datetime.UTC


# --- actions on the list ----------------------------------------------------------------


def action(client, name: str, briefings, **data):
    """Post an action on the list; with `apply`, as its form was opened in
    the round before, with the rows' versions (core.admin.locking)."""
    selected = {"action": name, "_selected_action": [b.pk for b in briefings]}
    if "apply" in data:
        shown = client.post(CHANGELIST, selected)
        if shown.context is not None and "step" in shown.context:  # the step's form
            data = {"step-versions": shown.context["form"]["versions"].value(), **data}
    return client.post(CHANGELIST, {**selected, **data})


def test_cancel_action_asks_for_the_reason_first(client, editor):
    first, second = planned(), planned("13")
    client.force_login(editor)
    before = [state(first), state(second)]

    response = action(client, "mark_cancelled", [first, second])

    html = response.content.decode()
    assert response.status_code == 200
    assert response.templates[0].name == "admin/briefings/briefing/lifecycle_step.html"
    assert f'<input type="hidden" name="_selected_action" value="{first.pk}">' in html
    assert '<input type="hidden" name="action" value="mark_cancelled">' in html
    assert 'name="step-reason"' in html
    assert [state(first), state(second)] == before


@pytest.mark.parametrize("user_fixture", ["editor", "kyushu_bureau"])
def test_cancel_action_cancels_every_selected_row(client, request, user_fixture):
    user = request.getfixturevalue(user_fixture)
    first, second = planned("43"), planned("40", status=Briefing.Status.POSTPONED)
    client.force_login(user)

    response = action(
        client, "mark_cancelled", [first, second], apply="1", **{"step-reason": "台風の接近"}
    )

    assert response.status_code == 302
    for briefing in (first, second):
        briefing = Briefing.objects.get(pk=briefing.pk)
        assert (briefing.status, briefing.cancellation_reason) == ("cancelled", "台風の接近")
        assert briefing.history.first().history_user == user


def test_cancel_action_with_one_held_row_changes_no_row(client, editor):
    ok = planned(title="予定の説明会")
    held = BriefingFactory(title="開催済の説明会", status=Briefing.Status.HELD, date=SESSION_DAY)
    client.force_login(editor)
    before = [state(ok), state(held)]

    response = action(client, "mark_cancelled", [ok, held], apply="1", **{"step-reason": "台風"})

    assert response.status_code == 302
    assert [state(ok), state(held)] == before
    assert texts(response) == [
        "「開催済の説明会」（2017年2月15日）：開催済のため、中止にすることはできません。",
        "どの説明会等も変更していません。",
    ]


def test_cancel_action_by_bureau_on_another_blocks_row_changes_nothing(client, kyushu_bureau):
    tokyo = planned("13")
    client.force_login(kyushu_bureau)
    before = state(tokyo)

    response = action(client, "mark_cancelled", [tokyo], apply="1", **{"step-reason": "台風"})

    assert response.status_code == 302
    assert state(tokyo) == before


def test_held_action_on_one_row_opens_its_form(client, kyushu_bureau):
    briefing = planned()
    client.force_login(kyushu_bureau)

    response = action(client, "mark_held", [briefing])

    assert response.status_code == 302
    assert response.url == step_url(briefing, "held")


def test_held_action_on_two_rows_refused(client, editor):
    first, second = planned(), planned()
    client.force_login(editor)
    before = [state(first), state(second)]

    response = action(client, "mark_held", [first, second])

    assert response.status_code == 302
    assert texts(response) == [
        "「開催済にする」は1件ずつ行います。説明会等を1件だけ選んでください。"
    ]
    assert [state(first), state(second)] == before


def test_postpone_action_without_date_postpones_every_row(client, editor):
    first, second = planned(), planned("13")
    client.force_login(editor)

    response = action(client, "mark_postponed", [first, second], apply="1")

    assert response.status_code == 302
    assert list(
        Briefing.objects.filter(pk__in=[first.pk, second.pk]).values_list("status", "date")
    ) == [("postponed", SESSION_DAY), ("postponed", SESSION_DAY)]


def test_duplicate_action_copies_every_row(client, editor):
    first, second = planned(title="第1回"), planned("13", title="第2回")
    client.force_login(editor)

    response = action(
        client, "duplicate", [first, second], apply="1", **{"step-date": "2017-06-01"}
    )

    assert response.status_code == 302
    copies = Briefing.objects.filter(date=D(2017, 6, 1)).order_by("title")
    assert [(c.title, c.status) for c in copies] == [("第1回", "planned"), ("第2回", "planned")]


def test_actions_hidden_from_a_viewer(client, viewer):
    briefing = planned()
    client.force_login(viewer)
    before = state(briefing)

    response = client.get(CHANGELIST)
    posted = action(client, "mark_cancelled", [briefing], apply="1", **{"step-reason": "台風"})

    assert "mark_cancelled" not in response.content.decode()
    assert [t for t in texts(posted) if "中止にしました" in t] == []
    assert state(briefing) == before
