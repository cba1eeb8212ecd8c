"""Capped sections: the first rows of a list, and whether there were more.

Pages that show a few lists (a prefecture's briefings, an organization's
activities) show the newest rows of each and link to the filtered list for
the rest, so a page stays one size at national scale.
"""

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet


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


def capped(queryset: QuerySet, limit: int) -> Capped:
    """Evaluate at most `limit` + 1 rows: one query, and the extra row tells if there are more."""
    rows = list(queryset[: limit + 1])
    return Capped(items=rows[:limit], has_more=len(rows) > limit, limit=limit)
