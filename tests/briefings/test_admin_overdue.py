"""The overdue flag (要更新) on the admin's briefing list around midnight in
Japan: the filter, the column, the count atop the list."""

import datetime

import pytest

from briefings.models import Briefing
from tests.briefings.admin_helpers import CHANGELIST, held_data, post_step, texts
from tests.briefings.lifecycle_helpers import SESSION_DAY, planned
from tests.factories import BriefingFactory

pytestmark = pytest.mark.django_db

D = datetime.date
UTC = datetime.UTC


# --- overdue (要更新) in the list --------------------------------------------------------


def stand_at(time_machine, instant: datetime.datetime) -> None:
    time_machine.move_to(instant, tick=False)


JUST_BEFORE_MIDNIGHT = datetime.datetime(2017, 2, 15, 14, 59, 59, tzinfo=UTC)  # 23:59:59 JST
MIDNIGHT = datetime.datetime(2017, 2, 15, 15, 0, 0, tzinfo=UTC)  # 2/16 00:00:00 JST


def overdue_choice(response) -> str:
    spec = next(s for s in response.context["cl"].filter_specs if s.parameter_name == "overdue")
    return [c["display"] for c in spec.choices(response.context["cl"])][1]


@pytest.mark.parametrize(
    ("instant", "count"),
    [pytest.param(JUST_BEFORE_MIDNIGHT, 0, id="D_23:59:59"), pytest.param(MIDNIGHT, 1, id="D+1")],
)
def test_overdue_filter_around_midnight_in_japan(client, editor, time_machine, instant, count):
    stand_at(time_machine, instant)
    briefing = planned(date=SESSION_DAY)
    client.force_login(editor)

    response = client.get(CHANGELIST, {"overdue": "yes"})

    assert list(response.context["cl"].result_list) == ([briefing] if count else [])
    assert overdue_choice(response) == f"要更新（{count}件）"


def test_overdue_flag_column_marks_overdue_rows_only(client, editor, time_machine):
    stand_at(time_machine, MIDNIGHT)
    overdue = planned(title="予定のまま過ぎた説明会", date=SESSION_DAY)
    planned(title="明日の説明会", date=D(2017, 2, 16))
    BriefingFactory(title="開催済の説明会", status=Briefing.Status.HELD, date=D(2017, 2, 1))
    client.force_login(editor)

    response = client.get(CHANGELIST)

    rows = {b.title: b.is_overdue for b in response.context["cl"].result_list}
    assert rows == {
        "予定のまま過ぎた説明会": True,
        "明日の説明会": False,
        "開催済の説明会": False,
    }
    html = response.content.decode()
    assert '<th scope="col" class="sortable column-overdue_flag">' in html
    assert html.count('<td class="field-overdue_flag">要更新</td>') == 1
    assert overdue.title in html


def test_overdue_count_shown_atop_the_list(client, editor, time_machine):
    stand_at(time_machine, MIDNIGHT)
    planned(date=SESSION_DAY)
    planned("13", date=D(2017, 2, 1))
    client.force_login(editor)

    response = client.get(CHANGELIST)

    assert texts(response) == [
        "予定のまま開催日を過ぎた説明会等（要更新）が2件あります。"
        "開催済・中止・延期のいずれかに更新してください。"
        f' <a href="{CHANGELIST}?overdue=yes">要更新の説明会等を表示</a>'
    ]
    assert overdue_choice(response) == "要更新（2件）"


def test_overdue_count_of_a_bureau_is_its_blocks(client, kyushu_bureau, time_machine):
    stand_at(time_machine, MIDNIGHT)
    kumamoto = planned("43", date=SESSION_DAY)
    planned("13", date=SESSION_DAY)
    client.force_login(kyushu_bureau)

    response = client.get(CHANGELIST, {"overdue": "yes"})

    assert list(response.context["cl"].result_list) == [kumamoto]
    assert overdue_choice(response) == "要更新（1件）"


def test_overdue_message_absent_when_nothing_is_overdue(client, editor, time_machine):
    stand_at(time_machine, JUST_BEFORE_MIDNIGHT)
    planned(date=SESSION_DAY)
    client.force_login(editor)

    response = client.get(CHANGELIST)

    assert texts(response) == []


def test_overdue_leaves_the_list_once_marked_held(client, editor, time_machine):
    stand_at(time_machine, MIDNIGHT)
    briefing = planned(date=SESSION_DAY)
    client.force_login(editor)

    post_step(client, briefing, "held", held_data())
    response = client.get(CHANGELIST, {"overdue": "yes"})

    assert list(response.context["cl"].result_list) == []
    assert overdue_choice(response) == "要更新（0件）"
