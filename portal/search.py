"""Site search: threads, status updates, activities, briefings and organizations.

PostgreSQL full-text search does not split Japanese into words (a whole
sentence becomes one lexeme, so `説明会` would match nothing): matching is by
substring with `icontains`, which behaves the same on SQLite and PostgreSQL
and finds two-character words such as `九州`. The source document mixes
full-width and half-width Latin letters (`Ｌアラート`, `Lアラート`), so each
term is also tried in the other width.

Each record type is one query that returns the first `GROUP_LIMIT` matches
together with the total (a window count), so a search costs one query per
group whatever the number of matches.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import models
from django.db.models import Count, Q, Window
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from briefings.models import Briefing
from networks.models import Organization
from threads.models import Activity, StatusUpdate, Thread

MAX_QUERY_LENGTH = 100
MAX_TERMS = 5
GROUP_LIMIT = 20
EXCERPT_BEFORE = 30
EXCERPT_AFTER = 60

# Control characters (NUL above all: PostgreSQL refuses it in a string).
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_TO_FULL_WIDTH = {code: code + 0xFEE0 for code in range(0x21, 0x7F)}
_TO_HALF_WIDTH = {code + 0xFEE0: code for code in range(0x21, 0x7F)}


@dataclass(frozen=True)
class SearchQuery:
    """What the user asked for, cleaned: the text searched and its terms."""

    text: str = ""
    terms: tuple[str, ...] = ()
    truncated: bool = False
    dropped_terms: int = 0


def parse_query(raw: str) -> SearchQuery:
    """Clean a raw `q`: drop control characters, keep the first
    `MAX_QUERY_LENGTH` characters and the first `MAX_TERMS` words
    (separated by half- or full-width spaces), saying what was cut."""
    text = " ".join(_CONTROL.sub(" ", raw).split())
    truncated = len(text) > MAX_QUERY_LENGTH
    if truncated:
        text = text[:MAX_QUERY_LENGTH].rstrip()
    terms = tuple(dict.fromkeys(text.split()))
    return SearchQuery(
        text=text,
        terms=terms[:MAX_TERMS],
        truncated=truncated,
        dropped_terms=max(0, len(terms) - MAX_TERMS),
    )


def term_variants(term: str) -> tuple[str, ...]:
    """The term as typed, with Latin letters, digits and symbols in half and full width."""
    return tuple(
        dict.fromkeys((term, term.translate(_TO_HALF_WIDTH), term.translate(_TO_FULL_WIDTH)))
    )


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


def _matches(fields: tuple[str, ...], term: str) -> Q:
    condition = Q()
    for variant in term_variants(term):
        for name in fields:
            condition |= Q(**{f"{name}__icontains": variant})
    return condition


def matching(group: SearchGroup, terms: tuple[str, ...]) -> models.QuerySet:
    """The group's records in which every term occurs in at least one field."""
    condition = Q()
    for term in terms:
        condition &= _matches(group.fields, term)
    return group.queryset().filter(condition)


def _excerpt(obj: models.Model, fields: tuple[str, ...], pattern: re.Pattern) -> Excerpt | None:
    for name in fields:
        text = getattr(obj, name) or ""
        found = pattern.search(text)
        if found:
            start, end = found.span()
            before = text[max(0, start - EXCERPT_BEFORE) : start]
            after = text[end : end + EXCERPT_AFTER]
            return Excerpt(
                before=("…" if start > EXCERPT_BEFORE else "") + before,
                match=found.group(),
                after=after + ("…" if end + EXCERPT_AFTER < len(text) else ""),
            )
    return None


def search(query: SearchQuery, *, limit: int = GROUP_LIMIT) -> list[GroupResult]:
    """Every group's first `limit` matches and total: one query per group.
    No terms, no queries."""
    if not query.terms:
        return []
    pattern = re.compile(
        "|".join(re.escape(v) for term in query.terms for v in term_variants(term)),
        re.IGNORECASE,
    )
    results = []
    for group in GROUPS:
        rows = list(
            matching(group, query.terms).annotate(search_total=Window(expression=Count("pk")))[
                :limit
            ]
        )
        results.append(
            GroupResult(
                group=group,
                hits=[Hit(row, _excerpt(row, group.excerpt_fields, pattern)) for row in rows],
                count=rows[0].search_total if rows else 0,
            )
        )
    return results
