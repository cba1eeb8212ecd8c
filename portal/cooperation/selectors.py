"""Reads behind the network's pages, the field page and a block's council section.

Each busy page has one function here that does its joins and prefetches, so
its number of queries is fixed whatever the data size; every section is
capped (core.pagination) or paginated by its view.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import (
    Count,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from briefings.models import Briefing
from briefings.services.coverage import (
    TILE_GRID,
    TILE_PITCH,
    TILE_SIZE,
    TILE_STROKE,
    ColourClass,
    PrefectureCoverage,
    colour_scale,
)
from core.pagination import Capped, capped
from networks.models import (
    Case,
    Dispatch,
    Field,
    Match,
    Need,
    NetworkMembership,
    Offer,
    Organization,
    Prefecture,
    Project,
    RegionalBlock,
)
from threads.models import Activity, Participation, Thread

# How far up a project's 横展開 chain its page reads (one query, joined).
SPREAD_CHAIN_DEPTH = 5


# --- lists -------------------------------------------------------------------------------


# The lists' prefetches land in plain lists (Prefetch to_attr, `…_list`): a
# prefetch read through `row.relation.all()` gives each row a related manager
# and a queryset holding its part, which costs more than the query.


def needs_for_list() -> QuerySet:
    """Open needs with their place and field, and the offers matched to each
    as `match_list` (three queries)."""
    return (
        Need.objects.open()
        .select_related("organization", "prefecture", "field")
        .prefetch_related(
            Prefetch(
                "matches",
                queryset=Match.objects.select_related("offer__organization").order_by(
                    "-proposed_on", "pk"
                ),
                to_attr="match_list",
            )
        )
    )


def offers_for_list() -> QuerySet:
    """Open offers with their company, and the fields and area served as
    `field_list`, `block_list` and `prefecture_list` (five queries)."""
    return (
        Offer.objects.open()
        .select_related("organization")
        .prefetch_related(
            Prefetch("fields", to_attr="field_list"),
            Prefetch("blocks", to_attr="block_list"),
            Prefetch("prefectures", to_attr="prefecture_list"),
        )
    )


def projects_for_list() -> QuerySet:
    """Projects newest status first, with their lead, field, model and how often copied."""
    return (
        Project.objects.select_related("lead__prefecture", "field", "spread_from")
        .annotate(spread_count=_count_related(Project.objects.all(), "spread_from"))
        .order_by("-status_since", "pk")
    )


def cases_for_list() -> QuerySet:
    return Case.objects.select_related("organization__prefecture", "field", "model", "council")


# --- a project ---------------------------------------------------------------------------


def project_for_detail() -> QuerySet:
    """A project page's row: its chain of models up to SPREAD_CHAIN_DEPTH
    joined in, partners and status history prefetched (three queries)."""
    chain = ["spread_from" + "__spread_from" * depth for depth in range(SPREAD_CHAIN_DEPTH)]
    return Project.objects.select_related(
        "lead__prefecture",
        "field",
        *chain,
        *(f"{hop}__lead" for hop in chain),
    ).prefetch_related(
        Prefetch("partners", queryset=Organization.objects.order_by("name")),
        "status_changes",
    )


@dataclass(frozen=True)
class Spread:
    """Where a project's model came from, and where it went."""

    chain: list[Project]  # the project it copies, then the one that one copies … (oldest last)
    chain_has_more: bool  # the chain goes further up than the page reads
    copies: Capped  # the projects that copy this one


def project_spread(project: Project) -> Spread:
    """Reads the chain from the joined rows (no query) and the copies (one query)."""
    chain, current = [], project.spread_from
    seen = {project.pk}
    while current is not None and len(chain) < SPREAD_CHAIN_DEPTH and current.pk not in seen:
        chain.append(current)
        seen.add(current.pk)
        current = current.spread_from if _loaded(current, "spread_from") else None
    has_more = (
        bool(chain) and chain[-1].spread_from_id is not None and len(chain) >= SPREAD_CHAIN_DEPTH
    )
    copies = capped(
        project.spread_to.select_related("lead__prefecture").order_by("-status_since", "pk")
    )
    return Spread(chain=chain, chain_has_more=has_more, copies=copies)


def threads_of(rows) -> list[Thread]:
    """The threads of the rows shown (activities, participations), in order,
    each once: a capped section links to each one's full list."""
    found = {}
    for row in rows:
        found.setdefault(row.thread_id, row.thread)
    return list(found.values())


def _loaded(obj, name: str) -> bool:
    return obj._meta.get_field(name).is_cached(obj)


# --- the field page ----------------------------------------------------------------------


def _count_related(queryset: QuerySet, path: str) -> Subquery:
    """How many rows of `queryset` have the outer row at `path`, 0 for none:
    a correlated subquery, so only the rows a page reads are counted (a JOIN
    with GROUP BY counts every row before the LIMIT)."""
    counted = (
        queryset.filter(**{path: OuterRef("pk")})
        .order_by()
        .values(path)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


@dataclass(frozen=True)
class FieldWork:
    field: Field
    activities: Capped  # the vertical thread's activities in the field, newest first
    cases: Capped
    projects: Capped
    needs: Capped
    offers: Capped
    prefectures: list[Prefecture]  # those with anything, with n_cases, n_projects, n_needs

    @property
    def threads(self) -> list[Thread]:
        """The vertical threads working in this field (those of the activities shown)."""
        return threads_of(self.activities)


def field_work(field: Field) -> FieldWork:
    """Everything recorded in one field across Japan, in six queries."""
    cases = Case.objects.filter(field=field)
    projects = Project.objects.filter(field=field)
    needs = Need.objects.open().filter(field=field)
    prefectures = [
        p
        for p in Prefecture.objects.annotate(
            n_cases=_count_related(cases, "organization__prefecture"),
            n_projects=_count_related(projects, "lead__prefecture"),
            n_needs=_count_related(needs, "prefecture"),
        ).order_by("code")
        if p.n_cases or p.n_projects or p.n_needs
    ]
    return FieldWork(
        field=field,
        activities=capped(
            Activity.objects.filter(field=field, thread__kind=Thread.Kind.VERTICAL)
            .select_related("thread", "field", "block")
            .order_by("-date", "pk")
        ),
        cases=capped(cases_for_list().filter(field=field).order_by("-reported_on", "pk")),
        projects=capped(
            projects.select_related("lead__prefecture", "field").order_by("-status_since", "pk")
        ),
        needs=capped(
            needs.select_related("organization", "prefecture").order_by("-posted_on", "pk")
        ),
        offers=capped(
            Offer.objects.open()
            .in_field(field)
            .select_related("organization")
            .order_by("-posted_on", "pk")
        ),
        prefectures=prefectures,
    )


# --- the block's council ------------------------------------------------------------------


class CountClass(ColourClass):
    """The map's colour steps, counting cases and projects (件) instead of sessions."""

    @property
    def label(self) -> str:
        if self.maximum is None:
            return _("%(n)d件以上") % {"n": self.minimum}
        if self.minimum == self.maximum:
            return _("%(n)d件") % {"n": self.minimum}
        return _("%(low)d～%(high)d件") % {"low": self.minimum, "high": self.maximum}


@dataclass(frozen=True)
class PrefectureWork(PrefectureCoverage):
    """One tile of the council's map: the prefecture's cases and projects.

    `held` is the number printed on the tile (cases + projects), so the
    coverage map's include draws it; the tile is shifted by the block's
    corner so the map shows the block alone."""

    cases: int = 0
    projects: int = 0
    origin: tuple[int, int] = (0, 0)

    @property
    def label(self) -> str:
        return _("%(name)s：優良事例 %(cases)d件、プロジェクト %(projects)d件") % {
            "name": self.prefecture.display_name,
            "cases": self.cases,
            "projects": self.projects,
        }

    @property
    def x(self) -> int:
        return (TILE_GRID[self.prefecture.code][0] - self.origin[0]) * TILE_PITCH

    @property
    def y(self) -> int:
        return (TILE_GRID[self.prefecture.code][1] - self.origin[1]) * TILE_PITCH


@dataclass(frozen=True)
class WorkMap:
    """The block's tiles, with the attributes the coverage map's include reads."""

    prefectures: tuple[PrefectureWork, ...]
    columns: int
    rows: int
    colour_classes: tuple[CountClass, ...]  # the legend (colour_scale)

    tile_size = TILE_SIZE
    tile_stroke = TILE_STROKE

    @property
    def map_width(self) -> int:
        return self.columns * TILE_PITCH - (TILE_PITCH - TILE_SIZE)

    @property
    def map_height(self) -> int:
        return self.rows * TILE_PITCH - (TILE_PITCH - TILE_SIZE)

    @property
    def cases(self) -> int:
        return sum(p.cases for p in self.prefectures)

    @property
    def projects(self) -> int:
        return sum(p.projects for p in self.prefectures)


def block_work_map(block: RegionalBlock) -> WorkMap:
    """Cases and projects per prefecture of the block, counted in one query."""
    rows = list(
        block.prefectures.annotate(
            n_cases=_count_related(Case.objects.all(), "organization__prefecture"),
            n_projects=_count_related(Project.objects.all(), "lead__prefecture"),
        ).order_by("code")
    )
    cells = [TILE_GRID[p.code] for p in rows]
    left = min((c for c, _r in cells), default=0)
    top = min((r for _c, r in cells), default=0)
    columns = 1 + max((c for c, _r in cells), default=0) - left
    height = 1 + max((r for _c, r in cells), default=0) - top
    scale = colour_scale((p.n_cases + p.n_projects for p in rows), CountClass)
    return WorkMap(
        prefectures=tuple(
            PrefectureWork(
                prefecture=p,
                held=p.n_cases + p.n_projects,
                planned=0,
                scale=scale,
                cases=p.n_cases,
                projects=p.n_projects,
                origin=(left, top),
            )
            for p in rows
        ),
        columns=columns,
        rows=height,
        colour_classes=scale,
    )


@dataclass(frozen=True)
class Council:
    """A block's council (斜めの糸): its members, meetings, cases and their map."""

    block: RegionalBlock
    members: Capped  # the diagonal thread's participations of the block's organizations
    briefings: Capped  # block-scope sessions, newest first
    activities: Capped  # the diagonal thread's activities in the block, newest first
    cases: Capped  # the cases its council reported, newest first
    map: WorkMap

    @property
    def name(self) -> str:
        return self.block.council_name

    @property
    def member_threads(self) -> list[Thread]:
        return threads_of(self.members)

    @property
    def activity_threads(self) -> list[Thread]:
        return threads_of(self.activities)


def block_council(block: RegionalBlock) -> Council:
    """The council section of a block page, in seven queries."""
    members = Participation.objects.filter(
        thread__kind=Thread.Kind.DIAGONAL,
        organization__in=Organization.objects.in_block(block),
    ).select_related("organization", "thread")
    return Council(
        block=block,
        members=capped(members.order_by("organization__kind", "organization__name", "pk")),
        briefings=capped(
            Briefing.objects.for_list()
            .filter(block=block, scope=Briefing.Scope.BLOCK)
            .order_by("-date", "pk"),
            10,
        ),
        activities=capped(
            block.activities.filter(thread__kind=Thread.Kind.DIAGONAL)
            .select_related("thread", "field", "block")
            .order_by("-date", "pk"),
            10,
        ),
        cases=capped(cases_for_list().filter(council=block).order_by("-reported_on", "pk")),
        map=block_work_map(block),
    )


# --- a municipality's page (the roadmap's /municipalities/<code>/ includes it) ----------------


@dataclass(frozen=True)
class MunicipalityWork:
    """What the network records of one municipality (its organizations')."""

    membership: NetworkMembership | None  # its newest membership of the network, if any
    needs: Capped  # its needs, newest first, open and closed
    projects: Capped  # projects it leads or partners in, newest status first
    dispatches: Capped  # staff sent or received, newest first
    cases: Capped  # its good-practice cases, newest first

    def __bool__(self) -> bool:
        return bool(self.needs or self.projects or self.dispatches or self.cases)


def municipality_work(municipality) -> MunicipalityWork:
    """The municipality page's network sections, in five queries."""
    orgs = Organization.objects.filter(municipality=municipality).values("pk")
    return MunicipalityWork(
        membership=NetworkMembership.objects.filter(organization__in=orgs)
        .order_by("left_on", "-joined_on", "-pk")  # a current one (no left date) first
        .first(),
        needs=capped(
            Need.objects.filter(organization__in=orgs)
            .select_related("field")
            .order_by("-posted_on", "pk")
        ),
        projects=capped(
            Project.objects.filter(Q(lead__in=orgs) | Q(partners__in=orgs))
            .distinct()
            .select_related("lead", "field")
            .order_by("-status_since", "pk")
        ),
        dispatches=capped(
            Dispatch.objects.filter(Q(from_organization__in=orgs) | Q(to_organization__in=orgs))
            .select_related("from_organization", "to_organization", "field")
            .order_by("-start_on", "pk")
        ),
        cases=capped(
            Case.objects.filter(organization__in=orgs)
            .select_related("field", "model", "council")
            .order_by("-reported_on", "pk")
        ),
    )
