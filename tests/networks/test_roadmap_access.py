"""The local-government role: each government reaches only its own reports."""

import datetime
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from core.access import LOCAL, PREFECTURE, user_scope
from networks.models import ImplementationReport, LocalGovernmentMembership
from tests import factories
from tests.admin_urls import row_versions

pytestmark = pytest.mark.django_db


def local_user(username="local", **place):
    return factories.staff_user(LOCAL, username=username, **place)


def report(municipality=None, prefecture=None):
    return factories.ImplementationReportFactory(
        municipality=municipality, prefecture=prefecture, as_of=datetime.date(2019, 4, 1)
    )


def test_local_staff_of_a_city_cannot_touch_a_neighbours_report(client):
    kumamoto = factories.MunicipalityFactory()
    neighbour = report(municipality=factories.municipality("432024", "人吉市"))
    client.force_login(local_user(municipality=kumamoto))
    url = reverse("admin:networks_implementationreport_change", args=[neighbour.pk])
    before = list(ImplementationReport.objects.values())

    assert client.get(url).status_code == 404
    assert client.post(url, {"note": "書き換え"}).status_code == 404
    assert list(ImplementationReport.objects.values()) == before


def test_local_staff_correction_is_kept_in_the_history(client):
    kumamoto = factories.MunicipalityFactory()
    own = report(municipality=kumamoto)
    client.force_login(local_user(municipality=kumamoto))
    url = reverse("admin:networks_implementationreport_change", args=[own.pk])
    page = client.get(url)
    form = page.context["adminform"].form

    response = client.post(
        url,
        {
            "municipality": kumamoto.pk,
            "model": own.model_id,
            "stage": "implemented",
            "as_of": "2019-04-01",
            "note": "訂正",
            **row_versions(page),
        },
    )

    assert response.status_code == 302, form.errors
    own.refresh_from_db()
    assert own.note == "訂正"
    assert own.history.count() == 2


def test_local_staff_of_a_prefecture_reach_only_the_prefectures_own_reports(client):
    kumamoto_pref = factories.prefecture("43")
    own = report(prefecture=kumamoto_pref)
    city = report(municipality=factories.MunicipalityFactory())
    user = local_user(prefecture=kumamoto_pref)
    client.force_login(user)

    listed = client.get(reverse("admin:networks_implementationreport_changelist"))

    assert user_scope(user).level == PREFECTURE
    assert [r.pk for r in listed.context["cl"].result_list] == [own.pk]
    assert city.pk not in {r.pk for r in listed.context["cl"].result_list}


def test_local_staff_add_form_offers_only_their_own_government(client):
    kumamoto = factories.MunicipalityFactory()
    factories.municipality("432024", "人吉市")
    client.force_login(local_user(municipality=kumamoto))

    form = client.get(reverse("admin:networks_implementationreport_add")).context["adminform"].form

    assert list(form.fields["municipality"].queryset) == [kumamoto]
    assert list(form.fields["prefecture"].queryset) == []


def test_create_staff_local_by_municipality_code():
    factories.municipality("131016", "千代田区", pref="13")
    out = StringIO()

    call_command(
        "create_staff", "chiyoda01", "--role", "local", "--municipality", "131016", stdout=out
    )

    membership = LocalGovernmentMembership.objects.get()
    assert (membership.user.username, membership.municipality.code) == ("chiyoda01", "131016")
    assert "役割: 地方公共団体（地方公共団体: 千代田区）" in out.getvalue()


def test_create_staff_local_needs_exactly_one_government():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="市区町村か都道府県のどちらか一方"):
        call_command("create_staff", "nobody", "--role", "local", stdout=StringIO())
    assert not get_user_model().objects.filter(username="nobody").exists()
