"""No generated input makes a public page answer 5xx (issue 7 §6).

Every URL pattern of the resolver (both languages) gets generated path
values, and every page gets generated values for every filter parameter of
every public FilterSet (taken from their `base_filters`), plus raw query
strings and stray parameter names. The client re-raises a view's exception,
so a failure shows its traceback and Hypothesis's smallest example.
`HYPOTHESIS_PROFILE=thorough` runs many more examples (tests/conftest.py).
"""

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from briefings.models import BriefingMaterial
from tests.core.fuzz import (
    LANGUAGE_PREFIXES,
    PARAMETER_NAME_EXTRA,
    RAW_QUERY,
    TEXT,
    fill,
    filter_parameter_names,
    route_parameters,
    route_templates,
    segment_for,
)
from tests.factories import (
    ActivityFactory,
    BriefingFactory,
    CaseFactory,
    ImplementationReportFactory,
    MatchFactory,
    MemberFactory,
    OrganizationFactory,
    ParticipationFactory,
    ProjectFactory,
    StatusUpdateFactory,
    ThreadFactory,
    block,
    field,
    prefecture,
)
from threads.models import Thread

pytestmark = pytest.mark.django_db

ROUTES = sorted({t.removeprefix("/en") for t in route_templates()})
ROUTES_WITH_PARAMETERS = [t for t in ROUTES if route_parameters(t)]
FILTER_NAMES = filter_parameter_names()
# The pages that read query parameters (their FilterSet, `q`, `page`); the
# others get the same parameters in the test over every route.
LIST_ROUTES = [
    "/briefings/",
    "/briefings/feed.ics",
    "/briefings/coverage/",
    "/organizations/",
    "/roadmap/",
    "/roadmap/<slug:slug>/",
    "/network/members/",
    "/search/",
    "/threads/<slug:slug>/",
    "/network/needs/",
    "/network/offers/",
    "/network/projects/",
    "/network/cases/",
]


@pytest.fixture
def valid_values(settings, tmp_path) -> dict[str, dict[str, str]]:
    """A small record set, and for each route the values of a page that exists."""
    settings.MEDIA_ROOT = tmp_path
    vertical = ThreadFactory(slug="vertical", kind=Thread.Kind.VERTICAL)
    diagonal = ThreadFactory(slug="diagonal", kind=Thread.Kind.DIAGONAL)
    ActivityFactory(thread=vertical, field=field())
    ActivityFactory(thread=diagonal, block=block("kyushu"))
    StatusUpdateFactory(thread=diagonal, block=block("kyushu"))
    organization = OrganizationFactory(prefecture=prefecture("43"), block=block("kyushu"))
    ParticipationFactory(thread=vertical, organization=organization)
    member = MemberFactory(organization=organization)
    briefing = BriefingFactory(host=organization)
    briefing.members.add(member)
    material = BriefingMaterial(briefing=briefing, order=1, title="説明資料")
    material.file.save("setsumei.pdf", ContentFile(b"%PDF-1.4"), save=True)
    report = ImplementationReportFactory()
    match = MatchFactory()
    project = ProjectFactory(spread_from=ProjectFactory())
    CaseFactory()
    return {
        "/": {},
        "/about/": {},
        "/search/": {},
        "/i18n/setlang/": {},
        "/threads/": {},
        "/threads/<slug:slug>/": {"slug": "diagonal"},
        "/briefings/": {},
        "/briefings/coverage/": {},
        "/briefings/feed.ics": {},
        "/briefings/<id:pk>/": {"pk": str(briefing.pk)},
        "/briefings/calendar/": {},
        "/briefings/calendar/<year:year>/<month:month>/": {"year": "2017", "month": "2"},
        "/briefings/materials/<id:pk>/": {"pk": str(material.pk)},
        "/organizations/": {},
        "/organizations/<id:pk>/": {"pk": str(organization.pk)},
        "/prefectures/<prefecture_code:code>/": {"code": "43"},
        "/blocks/<slug:code>/": {"code": "kyushu"},
        "/roadmap/": {},
        "/roadmap/<slug:slug>/": {"slug": report.model.slug},
        "/municipalities/<lg_code:code>/": {"code": report.municipality.code},
        "/network/apply/": {},
        "/network/apply/done/": {},
        "/network/members/": {},
        "/network/needs/": {},
        "/network/offers/": {},
        "/network/projects/": {},
        "/network/projects/<id:pk>/": {"pk": str(project.pk)},
        "/network/cases/": {},
        "/fields/<slug:slug>/": {"slug": match.need.field.slug},
    }


def get(url: str, data=None):
    response = Client().get(url, data)
    assert response.status_code < 500, url
    return response


def test_every_public_route_has_a_valid_page_here(valid_values):
    assert set(LIST_ROUTES) <= set(ROUTES)
    """A new URL pattern must be added to `valid_values`, so that the filter
    test below reaches it; each of these pages exists (200)."""
    assert sorted(valid_values) == ROUTES
    for template, values in valid_values.items():
        if template in ("/i18n/setlang/", "/briefings/calendar/"):
            continue  # redirects: a POST-only language switch, the month picker
        assert Client().get(fill(template, values)).status_code == 200, template


@pytest.mark.parametrize("template", ROUTES_WITH_PARAMETERS)
@given(data=st.data())
def test_public_route_with_generated_path_values_answers_below_500(template, data):
    language = data.draw(st.sampled_from(LANGUAGE_PREFIXES))
    values = {
        name: data.draw(segment_for(converter), label=name)
        for converter, name in route_parameters(template)
    }
    get("/" + language + fill(template, values).removeprefix("/"))


PARAMETERS = st.dictionaries(
    st.one_of(st.sampled_from(FILTER_NAMES), PARAMETER_NAME_EXTRA),
    st.one_of(TEXT, st.lists(TEXT, max_size=3)),
    max_size=4,
)


@pytest.mark.parametrize("template", LIST_ROUTES)
@given(language=st.sampled_from(LANGUAGE_PREFIXES), params=PARAMETERS)
def test_public_list_with_generated_filter_values_answers_below_500(
    valid_values, template, language, params
):
    get("/" + language + fill(template, valid_values[template]).removeprefix("/"), params)


@given(
    template=st.sampled_from(ROUTES),
    language=st.sampled_from(LANGUAGE_PREFIXES),
    params=PARAMETERS,
)
def test_any_public_page_with_generated_filter_values_answers_below_500(
    valid_values, template, language, params
):
    get("/" + language + fill(template, valid_values[template]).removeprefix("/"), params)


@given(template=st.sampled_from(ROUTES), query=RAW_QUERY)
def test_public_page_with_a_raw_query_string_answers_below_500(valid_values, template, query):
    get(f"{fill(template, valid_values[template])}?{query}")


@given(language=TEXT, next_url=TEXT)
def test_language_switch_with_generated_values_answers_below_500(language, next_url):
    response = Client().post("/i18n/setlang/", {"language": language, "next": next_url})
    assert response.status_code < 500


@given(username=TEXT, password=TEXT)
def test_login_with_generated_credentials_answers_below_500(username, password):
    response = Client().post("/admin/login/", {"username": username, "password": password})
    assert response.status_code < 500
