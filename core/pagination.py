"""Capped sections: the first rows of a list, and whether there were more.

Pages that show a few lists (a prefecture's briefings, an organization's
activities) show the newest rows of each and link to the filtered list for
the rest, so a page stays one size at national scale.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

# How many rows a section of a summary page (a place, an organization, a
# field, a municipality) shows before it links to the filtered list: enough
# to see what is going on there, few enough that the page stays small.
SECTION_LIMIT = 20


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


def capped(queryset: QuerySet | Sequence, limit: int | None = None) -> Capped:
    """Evaluate at most `limit` (default SECTION_LIMIT) + 1 rows: one query, and
    the extra row tells if there are more."""
    # SECTION_LIMIT is read at call time, so a test can lower it.
    limit = limit or SECTION_LIMIT
    rows = list(queryset[: limit + 1])
    return Capped(items=rows[:limit], has_more=len(rows) > limit, limit=limit)
