"""A rule about a row stated once, answered in SQL and on a loaded instance.

`Condition(status="planned", date__lt=today)` gives `.q()` for querysets
(filters, annotations, aggregate filters) and answers `condition(obj)` for an
instance already in memory, so "which rows are overdue" and "is this row
overdue" cannot drift apart. Only the row's own fields and the plain lookups
below are allowed: a rule that needs a join belongs in a QuerySet method.

Conditions combine with `&` and `|` (a rule with an "or" in it, such as "open
for application": a deadline not yet passed, or no deadline but a way to
apply), and the combination answers both ways too.
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


class _Combinable:
    def __and__(self, other: _Combinable) -> Combined:
        return Combined(all, (self, other))

    def __or__(self, other: _Combinable) -> Combined:
        return Combined(any, (self, other))


class Condition(_Combinable):
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


class Combined(_Combinable):
    """Conditions joined by `&` (`how` is `all`) or `|` (`any`)."""

    def __init__(self, how: Callable, parts: tuple[_Combinable, ...]):
        self.how = how
        self.parts = parts

    def q(self, prefix: str = "") -> Q:
        qs = [part.q(prefix) for part in self.parts]
        joined = qs[0]
        for q in qs[1:]:
            joined = (joined & q) if self.how is all else (joined | q)
        return joined

    def __call__(self, obj: Any) -> bool:
        return self.how(part(obj) for part in self.parts)

    def __repr__(self) -> str:
        joiner = " & " if self.how is all else " | "
        return f"({joiner.join(repr(part) for part in self.parts)})"
