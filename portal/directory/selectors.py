"""Reads behind the prefecture, block and organization pages.

What the other apps record about a place or an organization is read through
reverse relations (`prefecture.briefings`, `block.activities`,
`organization.participations`), whose managers carry those apps' QuerySet
methods (`for_list()`, `held()` …).
"""

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from briefings.models import Briefing
from briefings.services import Schedule
from core import dates
from core.pagination import Capped, capped
from networks.models import Organization, Prefecture, RegionalBlock
from threads.models import Participation


def participations_with_thread() -> Prefetch:
    """An organization's participations with their thread, in one query, in
    the threads' order, as the list `participation_list`.

    A list, not `organization.participations.all()`: Django gives each
    prefetched row a related manager and a queryset holding its part, which
    cost more than the query itself (50 organizations: 8 -> 5 ms)."""
    return Prefetch(
        "participations",
        queryset=Participation.objects.select_related("thread").order_by(
            "thread__order", "thread__slug"
        ),
        to_attr="participation_list",
    )


def organizations_for_directory() -> QuerySet:
    """The directory rows: place names and the threads each takes part in, in two queries."""
    return Organization.objects.select_related("prefecture", "block").prefetch_related(
        participations_with_thread()
    )


def organization_for_detail() -> QuerySet:
    return Organization.objects.select_related(
        "prefecture__block", "block", "municipality"
    ).prefetch_related(participations_with_thread())


@dataclass(frozen=True)
class PlaceBriefings:
    upcoming: Capped  # still to come (Briefing.upcoming_condition), soonest first
    past: Capped  # every other session (held, cancelled, date passed …), newest first


def place_briefings(
    place: Prefecture | RegionalBlock, *, today: datetime.date | None = None
) -> PlaceBriefings:
    """A place's upcoming sessions soonest first and the others newest first
    (four queries at most)."""
    today = today or dates.today()
    briefings = place.briefings.for_list()
    upcoming = Briefing.upcoming_condition(today).q()
    return PlaceBriefings(
        upcoming=capped(briefings.filter(upcoming).order_by("date", "pk")),
        past=capped(briefings.exclude(upcoming).order_by("-date", "pk")),
    )


def region_briefings(prefecture: Prefecture, *, today: datetime.date | None = None) -> Capped:
    """The rest of the prefecture's block: the block's own sessions (seminars,
    councils) and those in its other prefectures, upcoming first (soonest on
    top), then the others newest first, as the schedule orders them (two
    queries at most: briefings.services.Schedule reads each half by its index)."""
    return capped(
        Schedule(
            Briefing.objects.for_list()
            .filter(block_id=prefecture.block_id)
            .exclude(prefecture=prefecture),
            today=today,
        )
    )


def prefecture_organizations(prefecture: Prefecture) -> Capped:
    return capped(prefecture.organizations.order_by("kind", "name"))


def block_organizations(block: RegionalBlock) -> Capped:
    return capped(Organization.objects.in_block(block).select_related("prefecture"))


def block_activities(block: RegionalBlock) -> Capped:
    """The block's activities (the diagonal thread's work there, and any other
    thread's event held in the block), newest first, with their thread."""
    return capped(block.activities.select_related("thread", "field").order_by("-date", "pk"))


def organization_activities(organization: Organization) -> Capped:
    return capped(
        organization.activities.select_related("thread", "field", "block").order_by("-date", "pk")
    )


def organization_briefings(organization: Organization) -> Capped:
    """Sessions it hosted, upcoming first, then the others newest first."""
    return capped(Schedule(organization.hosted_briefings.for_list()))


def municipality_organizations(municipality) -> Capped:
    """Organizations linked to the municipality by its key (never by name: names repeat)."""
    return capped(municipality.organizations.order_by("kind", "name"))


def municipality_participations(municipality) -> Capped:
    """What the municipality's organizations do in the threads."""
    return capped(
        Participation.objects.filter(organization__municipality=municipality)
        .select_related("thread", "organization")
        .order_by("thread__order", "organization__name", "pk")
    )
