"""generate_demo_data's roadmap: the models and the municipalities' reports."""

import datetime
from pathlib import Path

import pytest

from networks.models import ImplementationReport, RoadmapModel
from portal.demo import places as demo_places
from portal.demo.generate import generate_demo_data
from portal.demo.volumes import Volumes

TODAY = datetime.date(2026, 11, 30)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def builtin_places(monkeypatch):
    """The built-in extract of the municipality list (26 rows)."""
    monkeypatch.setattr(demo_places, "DEFAULT_MUNICIPALITIES", Path("/nonexistent/list.csv"))


def test_demo_reports_are_municipalities_own_and_dated_up_to_today(db, builtin_places, media):
    made = generate_demo_data(volumes=Volumes.for_scale(0.01), today=TODAY)

    reports = ImplementationReport.objects.all()
    assert made["implementation reports"] == reports.count() == 250
    assert RoadmapModel.objects.count() == 18
    assert not reports.filter(municipality__isnull=True).exists()
    assert not reports.filter(municipality__kind="ward").exists()
    assert not reports.filter(as_of__gt=TODAY).exists()
    assert all(r.block_id == r.municipality.prefecture.block_id for r in reports)
    assert ImplementationReport.history.filter(history_type="+").count() == 250
    # Later reports replace earlier ones: the picture today is smaller than the history.
    assert 0 < reports.as_of(TODAY).count() < 250
