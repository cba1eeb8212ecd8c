"""Reads behind the prefecture, block and organization pages.

What the other apps record about a place or an organization is read through
reverse relations (`prefecture.briefings`, `block.activities`,
`organization.participations`), whose managers carry those apps' QuerySet
methods (`for_list()`, `held()` …).
"""

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from core.pagination import Capped, capped
from networks.models import Organization, Prefecture, RegionalBlock
from threads.models import Participation

# Place and organization pages show the newest rows of each list and link to
# the filtered list for the rest, so a page stays one size at national scale.
PAGE_SECTION_LIMIT = 50


def _capped(queryset: QuerySet) -> Capped:
    # PAGE_SECTION_LIMIT is read at call time, so a test can lower it.
    return capped(queryset, PAGE_SECTION_LIMIT)


def participations_with_thread() -> Prefetch:
    """An organization's participations with their thread, in one query, in the threads' order."""
    return Prefetch(
        "participations",
        queryset=Participation.objects.select_related("thread").order_by(
            "thread__order", "thread__slug"
        ),
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
    held: Capped
    planned: Capped


def place_briefings(place: Prefecture | RegionalBlock) -> PlaceBriefings:
    """Held sessions newest first and planned ones soonest first (four queries at most)."""
    briefings = place.briefings.for_list()
    return PlaceBriefings(
        held=_capped(briefings.held().order_by("-date", "pk")),
        planned=_capped(briefings.planned().order_by("date", "pk")),
    )


def prefecture_organizations(prefecture: Prefecture) -> Capped:
    return _capped(prefecture.organizations.order_by("kind", "name"))


def block_organizations(block: RegionalBlock) -> Capped:
    return _capped(Organization.objects.in_block(block).select_related("prefecture"))


def block_activities(block: RegionalBlock) -> Capped:
    """The block's activities (the diagonal thread's work there, and any other
    thread's event held in the block), newest first, with their thread."""
    return _capped(block.activities.select_related("thread", "field").order_by("-date", "pk"))


def organization_activities(organization: Organization) -> Capped:
    return _capped(
        organization.activities.select_related("thread", "field", "block").order_by("-date", "pk")
    )


def organization_briefings(organization: Organization) -> Capped:
    return _capped(organization.hosted_briefings.for_list().order_by("-date", "pk"))
