"""Site search: threads, status updates, activities, briefings and organizations.

PostgreSQL full-text search does not split Japanese into words (a whole
sentence becomes one lexeme, so `説明会` would match nothing): matching is by
substring, which behaves the same on SQLite and PostgreSQL and finds
two-character words such as `九州`. What was typed is read, and text is
compared, exactly as every public list's `q` does (core.search): folded, so
`Lアラート`, `ｌアラート` and `Ｌアラート` find the same records. Unlike a
list, which refuses a value over its limits, the search page searches with
the first `MAX_QUERY_LENGTH` characters and `MAX_TERMS` words and says so.

Each record type is one query that returns the first `GROUP_LIMIT` matches
together with the total (a window count), so a search costs one query per
group whatever the number of matches.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import models
from django.db.models import Count, Subquery, Value
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from briefings.models import Briefing
from core.search import MAX_QUERY_LENGTH, MAX_TERMS, SearchQuery, locate, matches, parse_query
from networks.models import Organization
from threads.models import Activity, StatusUpdate, Thread

__all__ = ["MAX_QUERY_LENGTH", "MAX_TERMS", "SearchQuery", "parse_query", "search"]

GROUP_LIMIT = 20
EXCERPT_BEFORE = 30
EXCERPT_AFTER = 60


@dataclass(frozen=True)
class SearchGroup:
    key: str
    label: Promise
    queryset: Callable[[], models.QuerySet]
    fields: tuple[str, ...]
    # Where the excerpt shown under a result's title comes from.
    excerpt_fields: tuple[str, ...]


GROUPS: tuple[SearchGroup, ...] = (
    SearchGroup(
        key="threads",
        label=_("推進体制"),
        queryset=lambda: Thread.objects.order_by("order", "slug"),
        fields=("title", "title_en", "tagline", "summary", "purpose", "method"),
        excerpt_fields=("summary", "purpose", "method"),
    ),
    SearchGroup(
        key="status_updates",
        label=_("取組状況"),
        queryset=lambda: StatusUpdate.objects.select_related("thread").order_by(
            "-as_of", "-order", "-pk"
        ),
        fields=("text",),
        excerpt_fields=("text",),
    ),
    SearchGroup(
        key="activities",
        label=_("活動"),
        queryset=lambda: Activity.objects.select_related("thread").order_by("-date", "-pk"),
        fields=("title", "description"),
        excerpt_fields=("description",),
    ),
    SearchGroup(
        key="briefings",
        label=_("説明会等"),
        queryset=lambda: Briefing.objects.select_related("prefecture").order_by("-date", "-pk"),
        fields=("title", "location_text", "notes"),
        excerpt_fields=("notes",),
    ),
    SearchGroup(
        key="organizations",
        label=_("団体"),
        queryset=lambda: Organization.objects.order_by("name", "pk"),
        fields=("name", "name_en"),
        excerpt_fields=(),
    ),
)


@dataclass(frozen=True)
class Excerpt:
    before: str
    match: str
    after: str


@dataclass
class Hit:
    object: models.Model
    excerpt: Excerpt | None = None


@dataclass
class GroupResult:
    group: SearchGroup
    hits: list[Hit] = field(default_factory=list)
    count: int = 0

    @property
    def more(self) -> int:
        return self.count - len(self.hits)


def matching(group: SearchGroup, terms: tuple[str, ...]) -> models.QuerySet:
    """The group's records in which every term occurs in at least one field."""
    return group.queryset().filter(matches(group.fields, terms))


def _excerpt(obj: models.Model, fields: tuple[str, ...], terms: tuple[str, ...]) -> Excerpt | None:
    for name in fields:
        text = getattr(obj, name) or ""
        found = locate(text, terms)
        if found:
            start, end = found
            before = text[max(0, start - EXCERPT_BEFORE) : start]
            after = text[end : end + EXCERPT_AFTER]
            return Excerpt(
                before=("…" if start > EXCERPT_BEFORE else "") + before,
                match=text[start:end],
                after=after + ("…" if end + EXCERPT_AFTER < len(text) else ""),
            )
    return None


def _total(found: models.QuerySet) -> Subquery:
    """How many rows `found` has, as a column of its first rows.

    A subquery that PostgreSQL runs once (an InitPlan) and that reads no
    more than it matches, so the first rows are still read in the order of
    an index and the scan stops at `limit`; a window count would fetch,
    join and sort every match first (the search for 説明会 matches a third
    of 20,000 briefings).
    """
    return Subquery(
        found.order_by().values(_all=Value(1)).annotate(n=Count("pk")).values("n"),
        output_field=models.IntegerField(),
    )


def search(query: SearchQuery, *, limit: int = GROUP_LIMIT) -> list[GroupResult]:
    """Every group's first `limit` matches and total: one query per group.
    No terms, no queries."""
    if not query.terms:
        return []
    results = []
    for group in GROUPS:
        found = matching(group, query.terms)
        rows = list(found.annotate(search_total=_total(found))[:limit])
        results.append(
            GroupResult(
                group=group,
                hits=[Hit(row, _excerpt(row, group.excerpt_fields, query.terms)) for row in rows],
                count=rows[0].search_total if rows else 0,
            )
        )
    return results
