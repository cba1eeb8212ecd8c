"""The scale guard (issue 10): no public page grows with the data.

Every public page type is rendered on demo data of two sizes
(`generate_demo_data`, SMALL and LARGE: five times the records). The larger
data must not make any page run more queries, read more than 1.5 times the
rows (core.rowcount counts what the cursors hand back) or answer with more
than 1.5 times the bytes. A page that lists "all" of something, prefetches a
whole timeline or counts in Python grows about five times here, long before
it is slow in production.

So that the small data already fills every list, the pages' caps and page
sizes are lowered to SECTION for the test (each is read at request time).
Rows and bytes are then nearly equal at both sizes, not exactly: the links
prefetched for the rows shown (a briefing's members, an activity's
organizations) and the names and numbers differ from row to row.
English pages read the same rows; `home (en)` stands for them.

The calendar is bounded by the month, not by a list: it shows at most
CALENDAR_DAY_LIMIT sessions a day, and the small data has sessions on only a
few days of it, so its rows are checked against that bound instead.
"""

import datetime

import pytest
from django.db.models import Count
from django.test import Client
from django.utils import translation

from briefings.models import Briefing
from core import pagination
from core.rowcount import count_rows
from networks.models import ImplementationReport, Organization, Project
from portal.demo import Volumes, generate_demo_data, reset_database

TODAY = datetime.date(2026, 11, 30)
SMALL, LARGE = 0.01, 0.05
MAX_RATIO = 1.5
SECTION = 2
# The links read for the SECTION rows a list shows (a session's members, an
# activity's organizations) differ from sample to sample: a few rows more at
# the larger size are that, not growth (an unbounded list grows fivefold).
ROW_SLACK = 8


def _briefing() -> str:
    return (
        Briefing.objects.filter(status=Briefing.Status.HELD)
        .order_by("-date", "pk")
        .first()
        .get_absolute_url()
    )


def _prefecture() -> str:
    """The prefecture with the most sessions to come: every list of its page has rows."""
    busiest = (
        Briefing.objects.upcoming()
        .exclude(prefecture=None)
        .values("prefecture__code")
        .annotate(n=Count("pk"))
        .order_by("-n", "prefecture__code")
        .first()
    )
    return f"/prefectures/{busiest['prefecture__code']}/"


def _organization() -> str:
    return Organization.objects.get(name="九州総合通信局").get_absolute_url()


def _municipality() -> str:
    """The municipality with the most reports: every section of its page has rows."""
    busiest = (
        ImplementationReport.objects.exclude(municipality=None)
        .values("municipality__code")
        .annotate(n=Count("pk"))
        .order_by("-n", "municipality__code")
        .first()
    )
    return f"/municipalities/{busiest['municipality__code']}/"


def _project() -> str:
    """The project copied most often (its spread is listed on its page)."""
    return (
        Project.objects.annotate(n=Count("spread_to"))
        .order_by("-n", "pk")
        .first()
        .get_absolute_url()
    )


# Every public page type (as tests/browser/pages.py lists them), by name.
PAGES = {
    "home": "/",
    "home (en)": "/en/",
    "threads": "/threads/",
    "thread": "/threads/diagonal/",
    "thread, last activities": "/threads/diagonal/?page=999999&status_page=999999",
    "briefings": "/briefings/",
    "briefings filtered": "/briefings/?status=held&block=kyushu&date_after=2020-01-01",
    "briefings, last page": "/briefings/?page=999999",
    "briefings, bad parameter": "/briefings/?date_after=abc",
    "briefing feed": "/briefings/feed.ics",
    "briefing feed, filtered": "/briefings/feed.ics?block=kanto",
    "briefing": _briefing,
    "calendar": f"/briefings/calendar/{TODAY.year}/{TODAY.month}/",
    "coverage": "/briefings/coverage/",
    "prefecture": _prefecture,
    "block": "/blocks/kanto/",
    "organizations": "/organizations/",
    "organization": _organization,
    "search": "/search/?q=説明会",
    "search, no query": "/search/",
    "about": "/about/",
    "roadmap": "/roadmap/",
    "roadmap model": "/roadmap/telework/",
    "roadmap model, past date": "/roadmap/telework/?as_of=2024-03-31",
    "municipality": _municipality,
    "network members": "/network/members/",
    "network apply": "/network/apply/",
    "needs": "/network/needs/",
    "offers": "/network/offers/",
    "projects": "/network/projects/",
    "project": _project,
    "cases": "/network/cases/",
    "field": "/fields/education/",
}


def measure(scale: float) -> dict[str, tuple[int, int, int]]:
    """{page: (rows, queries, bytes)} on freshly generated data of `scale`."""
    reset_database()
    generate_demo_data(volumes=Volumes.for_scale(scale), today=TODAY)
    client = Client()
    measured = {}
    for name, path in PAGES.items():
        with translation.override("ja"):  # a request to /en/ leaves English active
            address = path() if callable(path) else path
        client.get(address)  # per-process caches (content types …) warm
        with count_rows() as counted:
            response = client.get(address)
        assert response.status_code == 200, (name, response.status_code)
        measured[name] = (counted.rows, counted.queries, len(response.content))
    return measured


@pytest.fixture
def small_sections(monkeypatch):
    """Every cap and page size of the public pages lowered to SECTION."""
    from briefings.services import feed
    from briefings.views import BriefingListView
    from portal.cooperation.views import NetworkListView
    from portal.directory.views import OrganizationListView
    from portal.membership.views import MemberListView
    from portal.roadmap import views as roadmap_views
    from threads import selectors as threads
    from threads.views import ThreadDetailView

    monkeypatch.setattr(pagination, "SECTION_LIMIT", SECTION)
    monkeypatch.setattr(threads, "THREAD_PARTICIPANTS_LIMIT", SECTION)
    monkeypatch.setattr(threads, "THREAD_BRIEFINGS_LIMIT", SECTION)
    monkeypatch.setattr(ThreadDetailView, "activities_per_page", SECTION)
    monkeypatch.setattr(ThreadDetailView, "updates_per_page", SECTION)
    monkeypatch.setattr(BriefingListView, "paginate_by", SECTION)
    monkeypatch.setattr(feed, "FEED_LIMIT", SECTION)
    monkeypatch.setattr(OrganizationListView, "paginate_by", SECTION)
    monkeypatch.setattr(roadmap_views, "IMPLEMENTING_PER_PAGE", SECTION)
    monkeypatch.setattr(MemberListView, "paginate_by", SECTION)
    monkeypatch.setattr(NetworkListView, "paginate_by", SECTION)


@pytest.mark.django_db
def test_no_public_page_grows_with_the_data(settings, tmp_path, stand_on, small_sections):
    settings.MEDIA_ROOT = tmp_path
    settings.PAGE_CACHE = False  # the pages themselves, not the cache
    stand_on(TODAY)

    small = measure(SMALL)
    large = measure(LARGE)

    from briefings.services.schedule import CALENDAR_DAY_LIMIT

    # Per day: the sessions shown; plus the nearest months with sessions.
    assert large["calendar"][0] <= 31 * CALENDAR_DAY_LIMIT + 2
    small["calendar"] = (large["calendar"][0], *small["calendar"][1:])
    grown = [
        f"{page}: rows {small[page][0]} → {large[page][0]}, "
        f"queries {small[page][1]} → {large[page][1]}, "
        f"bytes {small[page][2]:,} → {large[page][2]:,}"
        for page in small
        if large[page][0] > max(MAX_RATIO * small[page][0], small[page][0] + ROW_SLACK)
        or large[page][1] > small[page][1]
        or large[page][2] > MAX_RATIO * small[page][2]
    ]
    assert not grown, "pages that grow with the data:\n" + "\n".join(grown)
