"""The network's admin: the 状況を変更する form, the forms' messages and the block rule."""

import datetime

import pytest

from core.access import BUREAU, EDITOR, VIEWER
from networks.models import Dispatch, Match, Need, Project, ProjectStatusChange
from tests.admin_urls import admin_url
from tests.factories import (
    DispatchFactory,
    MatchFactory,
    NeedFactory,
    ProjectFactory,
    field,
    municipality_organization,
    staff_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def login(client):
    def log_in(role: str):
        client.force_login(staff_user(role, "kyushu" if role == BUREAU else None, username=role))
        return client

    return log_in


def opened(client, url: str) -> dict:
    """What the 状況を変更する form carries when it is opened."""
    response = client.get(url)
    assert response.status_code == 200
    return {"versions": response.context["form"]["versions"].value()}


def test_editor_moves_a_project_and_its_history_gets_a_dated_row(login):
    client = login(EDITOR)
    project = ProjectFactory(status_since=datetime.date(2017, 7, 1))
    url = admin_url(Project, "transition", project.pk)

    response = client.post(
        url, {**opened(client, url), "to": "selected", "on": "2017-08-01", "note": "採択通知"}
    )

    assert response.status_code == 302
    assert response["Location"] == admin_url(Project, "change", project.pk)
    project.refresh_from_db()
    assert (project.status, project.status_since) == ("selected", datetime.date(2017, 8, 1))
    change = ProjectStatusChange.objects.get()
    assert (change.date, change.from_status, change.to_status, change.note) == (
        datetime.date(2017, 8, 1),
        "proposed",
        "selected",
        "採択通知",
    )
    assert project.history.latest().history_user.username == EDITOR


def test_change_page_links_to_the_status_form_while_the_status_may_move(login):
    client = login(EDITOR)
    project = ProjectFactory()
    done = ProjectFactory(status=Project.Status.IMPLEMENTED)

    page = client.get(admin_url(Project, "change", project.pk)).content.decode()
    final = client.get(admin_url(Project, "change", done.pk)).content.decode()

    assert f'href="{admin_url(Project, "transition", project.pk)}"' in page
    assert "状況を変更する" not in final


def test_status_form_offers_only_the_allowed_states(login):
    client = login(EDITOR)
    match = MatchFactory(status=Match.Status.IN_TALKS)

    response = client.get(admin_url(Match, "transition", match.pk))

    assert [value for value, _label in response.context["form"].fields["to"].choices] == [
        "agreed",
        "declined",
    ]


def test_a_state_not_allowed_is_refused_and_nothing_changes(login):
    client = login(EDITOR)
    project = ProjectFactory()
    url = admin_url(Project, "transition", project.pk)

    response = client.post(url, {**opened(client, url), "to": "implemented", "on": "2017-08-01"})

    assert response.status_code == 200
    assert response.context["form"].errors["to"] == [
        "正しく選択してください。 implemented は候補にありません。"
    ]
    project.refresh_from_db()
    assert project.status == "proposed"
    assert ProjectStatusChange.objects.count() == 0


def test_a_date_before_the_current_status_is_refused_with_the_services_message(login):
    client = login(EDITOR)
    match = MatchFactory(proposed_on=datetime.date(2017, 6, 10))
    url = admin_url(Match, "transition", match.pk)

    response = client.post(url, {**opened(client, url), "to": "agreed", "on": "2017-06-01"})

    assert response.context["form"].errors["on"] == [
        "日付は提案日（2017年6月10日）以降にしてください。"
    ]
    match.refresh_from_db()
    assert (match.status, match.decided_on) == ("proposed", None)


def test_a_stale_status_form_is_refused(login):
    client = login(EDITOR)
    dispatch = DispatchFactory()
    url = admin_url(Dispatch, "transition", dispatch.pk)
    carried = opened(client, url)
    dispatch.topic = "他の人が変更"
    dispatch.save()

    response = client.post(url, {**carried, "to": "arranged"})

    assert response.status_code == 200
    assert response.context["edit_conflicts"]
    dispatch.refresh_from_db()
    assert dispatch.status == "requested"


def test_final_state_page_redirects_with_a_message(login):
    client = login(EDITOR)
    dispatch = DispatchFactory(status=Dispatch.Status.DONE)

    response = client.get(admin_url(Dispatch, "transition", dispatch.pk), follow=True)

    assert [str(m) for m in response.context["messages"]] == [
        "「派遣済」は最終の状況のため、変更できません。"
    ]


def test_viewer_may_not_change_a_status(login):
    client = login(VIEWER)
    project = ProjectFactory()

    assert client.get(admin_url(Project, "transition", project.pk)).status_code == 403


def test_bureau_reaches_only_its_blocks_status_forms(login):
    client = login(BUREAU)
    own = ProjectFactory(lead=municipality_organization())
    other = ProjectFactory(lead=municipality_organization("131016", "千代田区"))

    assert client.get(admin_url(Project, "transition", own.pk)).status_code == 200
    assert client.get(admin_url(Project, "transition", other.pk)).status_code == 404


def test_adding_a_project_starts_its_status_history(login):
    client = login(EDITOR)

    response = client.post(
        admin_url(Project, "add"),
        {
            "title": "見守りIoT",
            "lead": municipality_organization().pk,
            "field": field().pk,
            "status_since": "2017-07-01",
        },
    )

    assert response.status_code == 302
    project = Project.objects.get()
    assert project.status == "proposed"
    assert [(c.date, c.to_status) for c in project.status_changes.all()] == [
        (datetime.date(2017, 7, 1), "proposed")
    ]


def test_dispatch_form_says_the_end_must_not_precede_the_start(login):
    client = login(EDITOR)

    response = client.post(
        admin_url(Dispatch, "add"),
        {
            "topic": "派遣",
            "field": field().pk,
            "from_organization": municipality_organization().pk,
            "to_organization": municipality_organization("432024", "八代市").pk,
            "start_on": "2017-08-10",
            "end_on": "2017-08-01",
        },
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["end_on"] == [
        "終了日は開始日（2017-08-10）以降の日付にしてください。"
    ]
    assert Dispatch.objects.count() == 0


def test_bureau_adds_a_need_of_its_block_and_not_of_another(login):
    client = login(BUREAU)
    values = {"title": "課題", "field": field().pk, "status": "open", "posted_on": "2017-06-01"}

    own = client.post(
        admin_url(Need, "add"), {**values, "organization": municipality_organization().pk}
    )
    other = client.post(
        admin_url(Need, "add"),
        {**values, "organization": municipality_organization("131016", "千代田区").pk},
    )

    assert own.status_code == 302
    assert other.status_code == 403
    assert list(Need.objects.values_list("prefecture__code", flat=True)) == ["43"]


def test_need_of_a_company_is_refused_in_the_form(login):
    client = login(EDITOR)
    company = NeedFactory().organization.__class__.objects.create(name="企業C", kind="company")

    response = client.post(
        admin_url(Need, "add"),
        {
            "title": "課題",
            "organization": company.pk,
            "field": field().pk,
            "status": "open",
            "posted_on": "2017-06-01",
        },
    )

    assert response.context["adminform"].form.errors["organization"] == [
        "市区町村には、市区町村（団体コードのある地方自治体）を選んでください。"
        "「企業C」は市区町村ではありません。"
    ]


def test_a_match_with_a_closed_need_is_refused_in_the_form(login):
    client = login(EDITOR)
    need = NeedFactory(status="closed", title="終了した課題")
    offer = MatchFactory().offer

    response = client.post(
        admin_url(Match, "add"),
        {"need": need.pk, "offer": offer.pk, "proposed_on": "2017-06-10"},
    )

    assert response.context["adminform"].form.errors["need"] == [
        "地域課題「終了した課題」は募集を終了しています。"
    ]
    assert Match.objects.count() == 1
