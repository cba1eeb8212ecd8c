"""State rules of matches, projects and dispatches (networks.services.cooperation)."""

import datetime

import pytest

from networks.models import Dispatch, Match, Project, ProjectStatusChange
from networks.services import cooperation
from networks.services.cooperation import TransitionError
from tests.factories import (
    DispatchFactory,
    MatchFactory,
    NeedFactory,
    OfferFactory,
    OrganizationFactory,
    ProjectFactory,
    field,
    municipality_organization,
)

pytestmark = pytest.mark.django_db

JUNE_20 = datetime.date(2017, 6, 20)


def test_match_moves_to_talks_then_agreed_with_its_decided_date():
    match = MatchFactory()

    cooperation.move_match(match, to=Match.Status.IN_TALKS, on=JUNE_20)
    cooperation.move_match(match, to=Match.Status.AGREED, on=JUNE_20)

    match.refresh_from_db()
    assert (match.status, match.decided_on) == (Match.Status.AGREED, JUNE_20)
    assert [r.history_change_reason for r in match.history.order_by("history_id")] == [
        None,
        "状況の変更：提案 → 協議中",
        "状況の変更：協議中 → 合意",
    ]


@pytest.mark.parametrize(
    ("start", "to", "message"),
    [
        (
            Match.Status.AGREED,
            Match.Status.IN_TALKS,
            "「合意」は最終の状況のため、変更できません。",
        ),
        (
            Match.Status.DECLINED,
            Match.Status.AGREED,
            "「不成立」は最終の状況のため、変更できません。",
        ),
        (
            Match.Status.IN_TALKS,
            Match.Status.PROPOSED,
            "「協議中」から「提案」には変更できません。変更できるのは「合意」、「不成立」です。",
        ),
        (Match.Status.PROPOSED, Match.Status.PROPOSED, "すでに「提案」です。"),
        (Match.Status.PROPOSED, "won", "状況「won」はありません。"),
    ],
)
def test_match_invalid_transition_is_refused_and_nothing_changes(start, to, message):
    decided = JUNE_20 if start in (Match.Status.AGREED, Match.Status.DECLINED) else None
    match = MatchFactory(status=start, decided_on=decided)
    records = match.history.count()

    with pytest.raises(TransitionError) as error:
        cooperation.move_match(match, to=to, on=JUNE_20)

    assert str(error.value) == message
    match.refresh_from_db()
    assert (match.status, match.decided_on, match.history.count()) == (start, decided, records)


def test_match_decided_before_it_was_proposed_is_refused():
    match = MatchFactory(proposed_on=JUNE_20)

    with pytest.raises(TransitionError) as error:
        cooperation.move_match(match, to=Match.Status.AGREED, on=datetime.date(2017, 6, 1))

    assert str(error.value) == "日付は提案日（2017年6月20日）以降にしてください。"
    match.refresh_from_db()
    assert match.status == Match.Status.PROPOSED


def test_record_match_refuses_a_pair_already_matched():
    match = MatchFactory()

    with pytest.raises(TransitionError) as error:
        cooperation.record_match(match.need, match.offer, on=JUNE_20)

    assert str(error.value) == "この地域課題とソリューション提案は、すでにマッチングされています。"
    assert Match.objects.count() == 1


def test_record_match_refuses_a_closed_need():
    need = NeedFactory(status="closed", title="閉じた課題")

    with pytest.raises(TransitionError) as error:
        cooperation.record_match(need, OfferFactory(), on=JUNE_20)

    assert str(error.value) == "地域課題「閉じた課題」は募集を終了しています。"
    assert Match.objects.count() == 0


def test_project_steps_write_a_dated_history():
    project = cooperation.propose_project(
        title="見守りIoT",
        lead=municipality_organization(),
        field=field(),
        on=datetime.date(2017, 7, 1),
    )

    cooperation.move_project(project, to=Project.Status.SELECTED, on=datetime.date(2017, 8, 1))
    cooperation.move_project(
        project, to=Project.Status.UNDER_WAY, on=datetime.date(2017, 9, 1), note="実証開始"
    )

    project.refresh_from_db()
    assert (project.status, project.status_since) == (
        Project.Status.UNDER_WAY,
        datetime.date(2017, 9, 1),
    )
    assert [(c.date, c.from_status, c.to_status, c.note) for c in project.status_changes.all()] == [
        (datetime.date(2017, 7, 1), "", "proposed", ""),
        (datetime.date(2017, 8, 1), "proposed", "selected", ""),
        (datetime.date(2017, 9, 1), "selected", "under_way", "実証開始"),
    ]


def test_project_cannot_skip_selection_and_nothing_changes():
    project = ProjectFactory()

    with pytest.raises(TransitionError) as error:
        cooperation.move_project(
            project, to=Project.Status.IMPLEMENTED, on=datetime.date(2017, 8, 1)
        )

    assert str(error.value) == (
        "「提案」から「実装済」には変更できません。変更できるのは「採択」、「取下げ」です。"
    )
    project.refresh_from_db()
    assert project.status == Project.Status.PROPOSED
    assert ProjectStatusChange.objects.count() == 0


def test_withdrawn_project_is_final():
    project = ProjectFactory(status=Project.Status.WITHDRAWN)

    with pytest.raises(TransitionError):
        cooperation.move_project(project, to=Project.Status.SELECTED, on=datetime.date(2017, 8, 1))

    assert ProjectStatusChange.objects.count() == 0


def test_project_step_dated_before_the_current_status_is_refused():
    project = ProjectFactory(status_since=datetime.date(2017, 7, 1))

    with pytest.raises(TransitionError) as error:
        cooperation.move_project(project, to=Project.Status.SELECTED, on=datetime.date(2017, 6, 1))

    assert str(error.value) == "日付は現在の状況になった日（2017年7月1日）以降にしてください。"
    assert ProjectStatusChange.objects.count() == 0


def test_project_proposed_by_a_company_is_refused():
    with pytest.raises(TransitionError) as error:
        cooperation.propose_project(
            title="x", lead=OrganizationFactory(name="企業B"), field=field()
        )

    assert str(error.value) == "「企業B」は全国ネットワークに参加している市区町村ではありません。"
    assert Project.objects.count() == 0


def test_dispatch_moves_requested_arranged_done(stand_on):
    stand_on(datetime.date(2017, 8, 2))
    dispatch = DispatchFactory()

    cooperation.move_dispatch(dispatch, to=Dispatch.Status.ARRANGED)
    cooperation.move_dispatch(dispatch, to=Dispatch.Status.DONE)

    dispatch.refresh_from_db()
    assert dispatch.status == Dispatch.Status.DONE


def test_dispatch_cannot_be_done_before_it_starts_or_skip_arranging(stand_on):
    stand_on(datetime.date(2017, 7, 1))
    dispatch = DispatchFactory(start_on=datetime.date(2017, 8, 1))

    with pytest.raises(TransitionError) as skipped:
        cooperation.move_dispatch(dispatch, to=Dispatch.Status.DONE)
    cooperation.move_dispatch(dispatch, to=Dispatch.Status.ARRANGED)
    with pytest.raises(TransitionError) as early:
        cooperation.move_dispatch(dispatch, to=Dispatch.Status.DONE)

    assert (
        str(skipped.value)
        == "「依頼」から「派遣済」には変更できません。変更できるのは「調整済」です。"
    )
    assert str(early.value) == "開始日（2017年8月1日）が今日より後のため、派遣済にできません。"
    dispatch.refresh_from_db()
    assert dispatch.status == Dispatch.Status.ARRANGED


def test_transitions_are_data_covering_every_status():
    for model, transitions in cooperation.TRANSITIONS.items():
        assert set(transitions) == set(model.Status.values)
        for targets in transitions.values():
            assert set(targets) <= set(model.Status.values)
