"""bench/split.py: an uncached request's wall time split into SQL, templates and the rest."""

import importlib.util
import sys
from pathlib import Path

import pytest
from django.conf import settings

from tests.factories import BriefingFactory

pytestmark = pytest.mark.django_db

BENCH = Path(settings.BASE_DIR) / "bench"


@pytest.fixture
def split():
    sys.path.insert(0, str(BENCH))  # split.py imports its sibling common.py
    try:
        spec = importlib.util.spec_from_file_location("bench_split", BENCH / "split.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.path.remove(str(BENCH))


def test_split_parts_are_disjoint_and_within_the_request(split, settings):
    """The SQL a template runs (a lazy queryset) counts as SQL, not twice."""
    settings.PAGE_CACHE = False
    BriefingFactory.create_batch(3)

    total, sql, templates = split.measure("/briefings/", 2)

    assert sql > 0 and templates > 0
    assert sql + templates < total


def test_split_leaves_the_template_engine_as_it_found_it(split):
    from django.template import base

    render = base.Template._render
    split.measure("/about/", 1)
    assert base.Template._render is render
