"""generate_demo_data's national network rows (portal.demo.cooperation): volumes and rules."""

import dataclasses
import datetime
import itertools
from pathlib import Path

import pytest
from django.db.models import F

from networks.models import Case, Dispatch, Match, Need, Offer, Project, ProjectStatusChange
from networks.services.cooperation import PROJECT_TRANSITIONS
from portal.demo import Volumes, generate_demo_data
from portal.demo import places as demo_places
from portal.demo.bulk import DEMO_REASON

TODAY = datetime.date(2026, 11, 30)


@pytest.fixture
def made(db, monkeypatch, settings, tmp_path):
    """A scale-0.01 run on the built-in municipality extract (26 rows), half of
    whose municipalities are organizations (at scale 0.01 of the full list, 17)."""
    monkeypatch.setattr(demo_places, "DEFAULT_MUNICIPALITIES", Path("/nonexistent/list.csv"))
    settings.MEDIA_ROOT = tmp_path
    volumes = dataclasses.replace(Volumes.for_scale(0.01), municipality_share=0.5)
    return generate_demo_data(volumes=volumes, today=TODAY)


def test_demo_makes_the_networks_scaled_volumes(made):
    assert (made["needs"], made["offers"], made["projects"], made["cases"]) == (30, 15, 10, 8)
    assert Need.objects.count() == 30
    assert Offer.objects.count() == 15
    assert 0 < Match.objects.count() <= 20
    assert Project.objects.count() == 10
    assert Project.objects.filter(spread_from__isnull=False).count() == 3
    assert 0 < Dispatch.objects.count() <= 3
    assert Case.objects.count() == 8
    assert Need.history.filter(history_change_reason=DEMO_REASON).count() == 30


def test_demo_network_rows_keep_the_models_rules(made):
    assert not Need.objects.exclude(prefecture=F("organization__prefecture")).exists()
    assert not Case.objects.exclude(council=F("organization__block")).exists()
    assert not Offer.objects.filter(fields__isnull=True).exists()
    for project in Project.objects.prefetch_related("status_changes"):
        steps = list(project.status_changes.all())
        assert steps[0].from_status == ""
        assert steps[-1].to_status == project.status
        assert steps[-1].date == project.status_since
        for before, after in itertools.pairwise(steps):
            assert after.to_status in PROJECT_TRANSITIONS[before.to_status]
            assert after.date >= before.date
        if project.spread_from_id:
            assert project.field_id == project.spread_from.field_id
    assert ProjectStatusChange.objects.count() >= 10
    for dispatch in Dispatch.objects.all():
        assert dispatch.status != "done" or dispatch.start_on <= TODAY
