"""The one meaning of "as of D" (D現在), as QuerySet building blocks.

"As of D" is the record as a report written on D saw it, the way the 2017
document counts "合計２０回の説明会を開催済（平成２９年２月２４日現在）":

- **Events** (briefing sessions, activities: things that take place on their
  date) have happened as of D only if dated *before* D. An event dated D or
  later counts as planned as of D, whatever its status today (held,
  cancelled, postponed): the document of 2017-02-24 counts 20 sessions from
  1/24, i.e. those of 1/24 … 2/23, not yet the seminar held on 2/24 itself.
  Later events still exist as of D, as planned (the same document lists the
  sessions and the consortium planned for March).
- **Statements** (status updates, dated by their 時点; participations, by
  their joining date) are part of the record from their date on: one dated D
  exists as of D (the document's own 取組状況 are dated 2/24), one dated after
  D does not exist yet. A participation with no joining date counts from the
  start.
- Events dated before D and statements dated up to D read as recorded today:
  the record keeps no history of statuses for figures.
- As of None: the record as it stands now.
- **Successive statements** (a local government's implementation stage of a
  roadmap model) replace one another: of the statements about the same
  thing (`latest_per`: the fields naming it; an empty field is a value
  like any other), the one that holds as of D is the latest dated up to D
  (on one date, the one entered last); earlier ones are kept, and later
  ones do not exist yet. Computed in SQL (a row number over each thing's
  statements up to D), so a page never loads a history to find its latest
  row.

A `Period` adds the range of the rows' own dates, both ends inclusive; a
range "from A through B" read once B is over is `Period.through(A, B)`, i.e.
as of the day after B. So the document's figure is
`Period(date_from=2017-01-24, as_of=2017-02-24)`, and
`Period.through(2017-01-24, 2017-02-23)` counts the same sessions.

A model takes the rule by giving its QuerySet `AsOfQuerySet` and an
`as_of_rule`; `as_of(D)` and `in_period(period)` then filter it and annotate each
row's status as of D as `status_as_of` (figures aggregate over it). Through a
relation (an annotation over `briefings__…`), use the rule's Q objects with a
prefix: `status_is()`, `exists()`, `in_range()`.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from django.db import connections, models, router
from django.db.models import Case, F, Q, Value, When, Window
from django.db.models.functions import Lead, RowNumber

# The annotation `as_of()` gives each row: its status as of the date.
STATUS_AS_OF = "status_as_of"
# The annotation `with_successor()` gives each successive statement.
SUCCEEDED_ON = "succeeded_on"


@dataclass(frozen=True)
class Period:
    """The rows dated date_from … date_to (inclusive; None: open), read as of `as_of`."""

    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    as_of: datetime.date | None = None

    def __post_init__(self):
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError(f"Period runs backwards: {self.date_from} > {self.date_to}")

    @classmethod
    def through(cls, date_from: datetime.date | None, date_to: datetime.date | None) -> Period:
        """From `date_from` through `date_to` (AからBまで), read once `date_to` is over."""
        as_of = None
        if date_to is not None and date_to < datetime.date.max:
            as_of = date_to + datetime.timedelta(days=1)
        return cls(date_from=date_from, date_to=date_to, as_of=as_of)


@dataclass(frozen=True)
class AsOfRule:
    """How one model's rows read as of a date: as events or as statements."""

    date_field: str
    # Events: their status, and the value they hold until their date has passed.
    status_field: str | None = None
    planned: str | None = None
    # Statements: whether a row without a date has always been there.
    undated_exists: bool = False
    # Successive statements: the fields naming what a statement is about.
    latest_per: tuple[str, ...] = ()

    @classmethod
    def event(cls, *, date_field: str = "date", status_field: str = "status", planned: str):
        return cls(date_field=date_field, status_field=status_field, planned=planned)

    @classmethod
    def statement(
        cls,
        *,
        date_field: str,
        status_field: str | None = None,
        undated_exists: bool = False,
        latest_per: tuple[str, ...] = (),
    ):
        return cls(
            date_field=date_field,
            status_field=status_field,
            undated_exists=undated_exists,
            latest_per=latest_per,
        )

    @property
    def is_event(self) -> bool:
        return self.planned is not None

    # --- the rule itself ------------------------------------------------------
    def happened_terms(self, as_of: datetime.date) -> dict[str, Any]:
        """Lookups of an event that has taken place as of `as_of` (dated before it)."""
        return {f"{self.date_field}__lt": as_of}

    def pending_terms(self, as_of: datetime.date) -> dict[str, Any]:
        """Lookups of an event still to come as of `as_of` (dated on it or later)."""
        return {f"{self.date_field}__gte": as_of}

    def exists(self, as_of: datetime.date | None, prefix: str = "") -> Q:
        """The rows there are as of `as_of`: every event; statements dated up to it."""
        if as_of is None or self.is_event:
            return Q()
        known = Q(**{f"{prefix}{self.date_field}__lte": as_of})
        if self.undated_exists:
            known |= Q(**{f"{prefix}{self.date_field}__isnull": True})
        return known

    def status_is(self, value: str, as_of: datetime.date | None, prefix: str = "") -> Q:
        """Rows whose status as of `as_of` is `value` (use with `exists`)."""
        recorded = Q(**{f"{prefix}{self.status_field}": value})
        if as_of is None or not self.is_event:
            return recorded
        happened = Q(**{prefix + k: v for k, v in self.happened_terms(as_of).items()})
        if value == self.planned:
            pending = Q(**{prefix + k: v for k, v in self.pending_terms(as_of).items()})
            return recorded | pending
        return recorded & happened

    def over_stored_fields(self, condition: Q, as_of: datetime.date | None) -> Q:
        """`condition` with each test of the annotation STATUS_AS_OF (`=`,
        `__in`) written as `status_is` over the stored fields, e.g. for an
        aggregate's filter: the database compares the status and the date
        as they are stored, and Django need not rewrite the annotation into
        each aggregate (which costs more than running the query)."""
        if not self.status_field:
            return condition
        children = []
        for child in condition.children:
            if isinstance(child, Q):
                children.append(self.over_stored_fields(child, as_of))
                continue
            lookup, value = child
            if lookup in (STATUS_AS_OF, f"{STATUS_AS_OF}__exact"):
                children.append(self.status_is(value, as_of))
            elif lookup == f"{STATUS_AS_OF}__in":
                either = Q(pk__in=[])
                for one in value:
                    either |= self.status_is(one, as_of)
                children.append(either)
            else:
                children.append(child)
        return Q(*children, _connector=condition.connector, _negated=condition.negated)

    def status(self, as_of: datetime.date | None, prefix: str = "") -> models.Expression:
        """Each row's status as of `as_of`, as an expression (the same rule as status_is)."""
        recorded = F(f"{prefix}{self.status_field}")
        if as_of is None or not self.is_event:
            return recorded
        pending = Q(**{prefix + k: v for k, v in self.pending_terms(as_of).items()})
        return Case(
            When(pending, then=Value(self.planned)),
            default=recorded,
            output_field=models.CharField(),
        )

    def latest(
        self, model: type[models.Model], as_of: datetime.date | None, /, **about: Any
    ) -> models.QuerySet:
        """The keys of the successive statements that hold as of `as_of`: per
        thing, the latest dated up to it (on one date, the one entered last).

        `about` narrows the things compared (lookups that follow from the
        `latest_per` fields only, e.g. one model, one prefecture's
        municipalities), so the database ranks only those statements.
        """
        date = self.date_field
        statements = model._default_manager.filter(self.exists(as_of), **about)
        database = connections[router.db_for_read(model)]
        if database.features.can_distinct_on_fields:
            # PostgreSQL: the first row of each thing in the index
            # `latest_index` orders by, read without a sort (a row number
            # over every statement sorts them all first).
            per = [model._meta.get_field(name).attname for name in self.latest_per]
            return (
                statements.order_by(*per, F(date).desc(), F("pk").desc())
                .distinct(*per)
                .values("pk")
            )
        return (
            statements.annotate(
                _latest=Window(
                    RowNumber(),
                    partition_by=[F(name) for name in self.latest_per],
                    order_by=[F(date).desc(), F("pk").desc()],
                )
            )
            .filter(_latest=1)
            .values("pk")
        )

    def latest_index(self, name: str) -> models.Index:
        """The index `latest` reads on PostgreSQL: each thing's statements,
        newest first (a model lists it in its Meta.indexes)."""
        return models.Index(fields=[*self.latest_per, f"-{self.date_field}", "-id"], name=name)

    def successor(self) -> Window:
        """Each statement's successor's date: the date of the next statement
        about the same thing (on one date, the one entered after it), or None.

        A statement holds on D if it exists on D and its successor does not
        (AsOfQuerySet.counts_on): one pass over the statements, whatever the
        number of dates asked, where `latest` ranks them once per date.
        """
        return Window(
            Lead(self.date_field),
            partition_by=[F(name) for name in self.latest_per],
            order_by=[F(self.date_field).asc(), F("pk").asc()],
        )

    def holds(self, model: type[models.Model], as_of: datetime.date | None, /, **about: Any) -> Q:
        """The successive statements that hold as of `as_of` (also for an
        aggregate's `filter`, e.g. a count per quarter in one query)."""
        return self.exists(as_of) & Q(pk__in=self.latest(model, as_of, **about))

    def in_range(
        self, date_from: datetime.date | None, date_to: datetime.date | None, prefix: str = ""
    ) -> Q:
        """Rows dated date_from … date_to, both inclusive (an undated row is in no range)."""
        condition = Q()
        if date_from:
            condition &= Q(**{f"{prefix}{self.date_field}__gte": date_from})
        if date_to:
            condition &= Q(**{f"{prefix}{self.date_field}__lte": date_to})
        return condition

    def in_period(self, period: Period, prefix: str = "") -> Q:
        """Rows dated in the period that exist as of its date."""
        return self.in_range(period.date_from, period.date_to, prefix) & self.exists(
            period.as_of, prefix
        )


class AsOfQuerySet(models.QuerySet):
    """A QuerySet whose rows can be read as of a date; subclasses set `as_of_rule`."""

    as_of_rule: ClassVar[AsOfRule]

    def as_of(self, date: datetime.date | None, /, **about: Any) -> AsOfQuerySet:
        """The rows there are as of `date` (None: now), each with its `status_as_of`.

        Successive statements: the ones that hold, of the things `about`
        names (AsOfRule.latest; also a filter on the rows).
        """
        rule = self.as_of_rule
        queryset = self.filter(rule.exists(date), **about)
        if rule.latest_per:
            queryset = queryset.filter(rule.holds(self.model, date, **about))
        if rule.status_field:
            queryset = queryset.annotate(**{STATUS_AS_OF: rule.status(date)})
        return queryset

    def with_successor(self) -> AsOfQuerySet:
        """Successive statements, each with its successor's date (AsOfRule.successor).

        Narrow the rows first only by what names the thing (the `latest_per`
        fields and what follows from them) or by an upper bound on the date:
        a statement left out would not replace its predecessor.
        """
        return self.annotate(**{SUCCEEDED_ON: self.as_of_rule.successor()})

    def counts_on(self, dates: Sequence[datetime.date], by: str) -> list[dict[Any, int]]:
        """Of successive statements: for each date, how many hold on it, by the
        value of the field `by` (values with no statement left out), in one
        query over the statements and their successors' dates.

        Narrow the rows first as for `with_successor`. The count is written
        in SQL around the ORM's query: Django would count over a window by
        wrapping the query once per count, which costs more to build than
        to run.
        """
        rule = self.as_of_rule
        database = connections[self.db]
        quote = database.ops.quote_name
        inner, params = (
            self.with_successor()
            .order_by()
            .values(by, rule.date_field, SUCCEEDED_ON)
            .query.sql_with_params()
        )
        date, successor = quote(rule.date_field), quote(SUCCEEDED_ON)
        # Holds on D: exists on D (AsOfRule.exists) and not yet replaced.
        holds = f"r.{date} <= %s AND (r.{successor} IS NULL OR r.{successor} > %s)"
        if rule.undated_exists:
            holds = f"(r.{date} IS NULL OR {holds})"
        counts = ", ".join(f"SUM(CASE WHEN {holds} THEN 1 ELSE 0 END)" for _date in dates)
        adapted = [database.ops.adapt_datefield_value(d) for d in dates for _twice in (0, 1)]
        with database.cursor() as cursor:
            cursor.execute(
                f"SELECT r.{quote(by)}, {counts} FROM ({inner}) r GROUP BY r.{quote(by)}",
                [*adapted, *params],
            )
            rows = cursor.fetchall()
        return [{row[0]: row[i + 1] for row in rows if row[i + 1]} for i in range(len(dates))]

    def in_period(self, period: Period) -> AsOfQuerySet:
        """The rows dated in `period`, as of its date."""
        rule = self.as_of_rule
        return self.filter(rule.in_range(period.date_from, period.date_to)).as_of(period.as_of)
