"""generate_demo_data's national network (portal.demo.network)."""

import datetime
from pathlib import Path

import pytest

from networks.models import NetworkApplication, NetworkMembership
from portal.demo import Volumes, generate_demo_data
from portal.demo import places as demo_places
from portal.demo.bulk import DEMO_REASON

TODAY = datetime.date(2026, 11, 30)
Status = NetworkApplication.Status


@pytest.fixture
def demo(db, monkeypatch, settings, tmp_path):
    """A small demo on the built-in 26 municipalities."""
    monkeypatch.setattr(demo_places, "DEFAULT_MUNICIPALITIES", Path("/nonexistent/list.csv"))
    settings.MEDIA_ROOT = tmp_path
    return generate_demo_data(volumes=Volumes.for_scale(0.05), today=TODAY)


def test_members_and_their_applications(demo):
    members = NetworkMembership.objects.all()
    assert demo["network members"] == members.count() >= 10
    assert members.filter(organization__municipality__isnull=False).exists()
    assert members.filter(organization__municipality__isnull=True).exists()
    # Every member came in through an approved application of its organization.
    approved = NetworkApplication.objects.filter(status=Status.APPROVED)
    assert set(approved.values_list("organization", flat=True)) == set(
        members.values_list("organization", flat=True)
    )
    assert NetworkApplication.objects.filter(status=Status.PENDING, reviewed_at=None).exists()
    assert (
        NetworkApplication.objects.filter(status=Status.REJECTED).exclude(review_note="").exists()
    )
    assert demo["network applications"] == NetworkApplication.objects.count()
    # Dated within the network's life, some members left, none before joining.
    assert not members.filter(joined_on__gt=TODAY).exists()
    for membership in members.exclude(left_on=None):
        assert membership.joined_on <= membership.left_on <= TODAY


def test_each_row_has_its_creation_history_with_its_fields(demo):
    membership = NetworkMembership.objects.order_by("pk").first()
    record = membership.history.get()
    assert record.history_type == "+"
    assert record.history_change_reason == DEMO_REASON
    assert (
        {f.field_id for f in record.fields.all()}
        == {f.pk for f in membership.fields.all()}
        != set()
    )


def test_the_directory_answers_on_the_demo(demo, client):
    response = client.get("/network/members/?kind=local_government")
    assert response.status_code == 200
    assert response.context["counts"]["total"] == NetworkMembership.objects.current().count()


def test_a_municipality_with_two_organizations_gets_one_pending_application(
    db, monkeypatch, settings, tmp_path
):
    """At scale 1 two organizations of one municipality were both picked for a
    pending application, which the one-pending constraint refused."""
    from django.db.models import Count

    from portal.demo import network

    monkeypatch.setattr(demo_places, "DEFAULT_MUNICIPALITIES", Path("/nonexistent/list.csv"))
    monkeypatch.setattr(network, "PENDING_APPLICATIONS", 100_000)  # every outsider applies
    settings.MEDIA_ROOT = tmp_path

    generate_demo_data(volumes=Volumes.for_scale(0.05), today=TODAY)

    pending = NetworkApplication.objects.filter(status=Status.PENDING)
    per_place = pending.exclude(municipality=None).values("municipality").annotate(n=Count("pk"))
    assert pending.exclude(municipality=None).exists()
    assert max(row["n"] for row in per_place) == 1
