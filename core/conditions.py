"""A rule about a row stated once, answered in SQL and on a loaded instance.

`Condition(status="planned", date__lt=today)` gives `.q()` for querysets
(filters, annotations, aggregate filters) and answers `condition(obj)` for an
instance already in memory, so "which rows are overdue" and "is this row
overdue" cannot drift apart. Only the row's own fields and the plain lookups
below are allowed: a rule that needs a join belongs in a QuerySet method.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any

from django.db.models import Q


def _isnull(value: Any, wanted: bool) -> bool:
    return (value is None) is bool(wanted)


# lookup → (python test, whether it is false for NULL as in SQL)
_LOOKUPS: dict[str, tuple[Callable[[Any, Any], bool], bool]] = {
    "exact": (operator.eq, True),
    "lt": (operator.lt, True),
    "lte": (operator.le, True),
    "gt": (operator.gt, True),
    "gte": (operator.ge, True),
    "in": (lambda value, choices: value in choices, True),
    "isnull": (_isnull, False),
}


class Condition:
    """A conjunction of `field__lookup=value` terms over one model's own fields."""

    def __init__(self, **terms: Any):
        self.terms = terms
        self._tests = []
        for key, wanted in terms.items():
            field, _sep, lookup = key.partition("__")
            lookup = lookup or "exact"
            if lookup == "exact" and wanted is None:  # as Django reads field=None
                lookup, wanted = "isnull", True
            if lookup not in _LOOKUPS:
                raise ValueError(f"Condition supports {sorted(_LOOKUPS)}, not {key!r}")
            self._tests.append((field, wanted, *_LOOKUPS[lookup]))

    def q(self, prefix: str = "") -> Q:
        """The rule for a queryset; `prefix` ("briefings__") reads it through a relation."""
        return Q(**{f"{prefix}{key}": value for key, value in self.terms.items()})

    def __call__(self, obj: Any) -> bool:
        """Whether `obj` (an instance, read as stored) meets the rule."""
        for field, wanted, test, null_is_false in self._tests:
            value = getattr(obj, field)
            if value is None and null_is_false:
                return False  # SQL: NULL < x is not true
            if not test(value, wanted):
                return False
        return True

    def __repr__(self) -> str:
        return f"Condition({', '.join(f'{k}={v!r}' for k, v in self.terms.items())})"
