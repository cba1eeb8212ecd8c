"""Reads behind the place and organization pages.

`networks` is the bottom layer and imports neither `threads` nor `briefings`.
What those apps record about a place or an organization is read through
reverse relations (`prefecture.briefings`, `block.activities`,
`organization.participations`), whose managers carry the other app's
QuerySet methods (`for_list()`, `held()` …).
"""

from dataclasses import dataclass
from typing import Any

from django.db import models
from django.db.models import Prefetch, QuerySet

from .models import Organization, Prefecture, RegionalBlock

# Place and organization pages show the newest rows of each list and link to
# the filtered list for the rest, so a page stays one size at national scale.
PAGE_SECTION_LIMIT = 50


@dataclass(frozen=True)
class Capped:
    """The first `limit` rows of a list, and whether there were more."""

    items: list[Any]
    has_more: bool
    limit: int

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __bool__(self) -> bool:
        return bool(self.items)


def capped(queryset: QuerySet, limit: int | None = None) -> Capped:
    """Evaluate at most `limit` + 1 rows: one query, and the extra row tells if there are more."""
    if limit is None:
        limit = PAGE_SECTION_LIMIT
    rows = list(queryset[: limit + 1])
    return Capped(items=rows[:limit], has_more=len(rows) > limit, limit=limit)


def participation_model() -> type[models.Model]:
    """threads.Participation, reached through `Organization.participations`."""
    return Organization._meta.get_field("participations").related_model


def thread_model() -> type[models.Model]:
    """threads.Thread, reached through `Participation.thread`."""
    return participation_model()._meta.get_field("thread").related_model


def participations_with_thread() -> Prefetch:
    """An organization's participations with their thread, in one query, in the threads' order."""
    return Prefetch(
        "participations",
        queryset=participation_model()
        .objects.select_related("thread")
        .order_by("thread__order", "thread__slug"),
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
        held=capped(briefings.held().order_by("-date", "pk")),
        planned=capped(briefings.planned().order_by("date", "pk")),
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
    return capped(organization.hosted_briefings.for_list().order_by("-date", "pk"))
