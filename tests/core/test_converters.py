"""Bounded path converters (core/converters.py): no public URL takes an unbounded value."""

import pytest
from django.urls import reverse
from django.urls.converters import IntConverter, PathConverter, StringConverter

from tests.core.fuzz import route_templates
from tests.factories import BriefingFactory

pytestmark = pytest.mark.django_db


def public_converters():
    from django.urls import URLPattern, URLResolver, get_resolver

    found = []

    def walk(patterns, prefix):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.namespace != "admin":
                    walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                for name, converter in pattern.pattern.converters.items():
                    found.append((prefix + str(pattern.pattern), name, type(converter)))

    walk(get_resolver().url_patterns, "/")
    return found


def test_public_urls_use_no_unbounded_converter():
    """`int` overflows (20 digits), `str` and `path` let any character through."""
    unbounded = [
        (route, name)
        for route, name, converter in public_converters()
        if converter in (IntConverter, StringConverter, PathConverter)
    ]
    assert unbounded == []
    assert len(public_converters()) == 12


def test_route_templates_list_every_public_pattern_in_both_languages():
    templates = route_templates()
    assert "/briefings/calendar/<year:year>/<month:month>/" in templates
    assert "/en/briefings/calendar/<year:year>/<month:month>/" in templates
    assert not any(t.startswith("/admin/") for t in templates)


@pytest.mark.parametrize(
    "url",
    [
        "/briefings/calendar/99999999999999999999/1/",
        "/briefings/calendar/2017/99999999999999999999/",
        "/briefings/calendar/10000/1/",
        "/briefings/99999999999999999999/",
        "/briefings/1234567890123456789/",
        "/briefings/materials/99999999999999999999/",
        "/organizations/99999999999999999999/",
        "/en/organizations/99999999999999999999/",
        "/prefectures/1/",
        "/prefectures/001/",
        "/prefectures/%EF%BC%94%EF%BC%93/",  # ４３ in full width
    ],
)
def test_out_of_range_path_values_are_404(client, url):
    assert client.get(url).status_code == 404


def test_eighteen_digit_id_reaches_the_view_and_is_404(client):
    assert client.get("/briefings/999999999999999999/").status_code == 404


def test_bounded_converters_still_reverse_and_resolve(client):
    briefing = BriefingFactory()
    assert reverse("briefings:calendar", args=[2017, 2]) == "/briefings/calendar/2017/2/"
    assert reverse("networks:prefecture_detail", args=["43"]) == "/prefectures/43/"
    assert client.get(briefing.get_absolute_url()).status_code == 200
    assert client.get("/prefectures/43/").status_code == 200
    assert client.get("/briefings/calendar/1/1/").status_code == 200
