"""How each model's rows belong to a block (and to a municipality): declared once.

Each app declares its models in its permissions.py:

    register_scope(BriefingMaterial, block="briefing__block")
    register_scope(Activity, block="block", where={"thread__kind": "diagonal"})
    register_scope(Organization, block="block", others_visible=True)
    register_place(Municipality, block="prefecture__block", municipality="pk")

A path per level (core.access.roles: BLOCK, PREFECTURE, MUNICIPALITY) leads from a row to
its place; `where` limits which rows belong to a place at all (the others
are the ministry's); `others_visible` lets a confined user read (and pick)
the rows outside their place. Everything else derives from that one
`Scoped` declaration and the user's `UserScope`:

- `filter(queryset, scope)`: the rows a user reaches; the admin's list, the
  import's rows and the export;
- `contains(obj, scope)`: the object check behind the object permissions
  (core.access.rule) and the import's check of each row;
- `assign`/`fill`: a confined user's new row lands in their place;
- the choices a confined user may pick in a form: a foreign key to a
  declared model offers only its rows in the user's place (core.admin.scoped).

`register_scope` also registers the object permissions of the model's rows;
`register_place` declares a place (block, prefecture, municipality) that
forms narrow, with no object permissions of its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ImproperlyConfigured

from .roles import LEVEL_LABELS, UserScope


@dataclass(frozen=True)
class Scoped:
    """How the rows of one model belong to a place, per level (see the module docstring)."""

    block: str | None = None
    prefecture: str | None = None
    municipality: str | None = None
    where: tuple[tuple[str, Any], ...] = ()
    others_visible: bool = False

    def path(self, level: str | None) -> str | None:
        """The lookup from a row to its place at `level`; None: no row is at that level."""
        return getattr(self, level) if level in LEVEL_LABELS else None

    # --- rows of a queryset ---------------------------------------------
    def filter(self, queryset, scope: UserScope):
        """The rows `scope` reaches: every row for editors and viewers, a
        confined user's own place's rows, none for anyone else."""
        if scope.reads_all:
            return queryset
        path = self.path(scope.level)
        if path is None or scope.place is None:
            return queryset.none()
        return queryset.filter(**{path: scope.place.pk}, **dict(self.where))

    def visible(self, queryset, scope: UserScope):
        """The rows `scope` may see: with `others_visible`, a placed user sees all."""
        if self.others_visible and scope.placed:
            return queryset
        return self.filter(queryset, scope)

    # --- one row ---------------------------------------------------------
    def belongs(self, obj) -> bool:
        """Whether `obj` belongs to a place at all (`where`)."""
        return all(value_at(obj, lookup) == value for lookup, value in self.where)

    def place_id(self, obj, level: str) -> Any | None:
        """The key of the place `obj` belongs to at `level`; None for none."""
        path = self.path(level)
        if path is None or not self.belongs(obj):
            return None
        return value_at(obj, path)

    def contains(self, obj, scope: UserScope) -> bool:
        """Whether `obj` lies in the confined user's own place."""
        if not scope.placed:
            return False
        place_id = self.place_id(obj, scope.level)
        return place_id is not None and place_id == scope.place.pk

    def direct_field(self, level: str | None) -> str | None:
        """The row's own field that holds its place at `level`, if the path is one step."""
        path = self.path(level)
        return path if path and path != "pk" and "__" not in path else None

    def assign(self, obj, scope: UserScope) -> None:
        """Put a confined user's row in their place, whatever it said (the admin's save)."""
        name = self.direct_field(scope.level)
        if scope.placed and name:
            setattr(obj, name, scope.place)

    def fill(self, obj, scope: UserScope) -> None:
        """Give a confined user's row without a place theirs (an imported row)."""
        name = self.direct_field(scope.level)
        if scope.placed and name and value_at(obj, name) is None:
            setattr(obj, name, scope.place)

    # --- form choices ------------------------------------------------------
    def narrowing(self, field_name: str) -> dict[str, Any]:
        """What `where` asks of the row a form field points at, e.g. the thread's kind."""
        prefix = f"{field_name}__"
        return {
            lookup.removeprefix(prefix): value
            for lookup, value in self.where
            if lookup.startswith(prefix)
        }


def value_at(obj, path: str) -> Any | None:
    """The value at the end of a lookup path on an object, without loading
    the last hop (`briefing__block` is `obj.briefing.block_id`)."""
    *hops, last = path.split("__")
    for hop in hops:
        # A missing related row raises RelatedObjectDoesNotExist, an AttributeError.
        obj = getattr(obj, hop, None)
        if obj is None:
            return None
    if last == "pk":
        return obj.pk
    return getattr(obj, obj._meta.get_field(last).attname)


# --- the registry ----------------------------------------------------------

_SCOPES: dict[type, Scoped] = {}


def _declare(model, *, block, prefecture=None, municipality, where, others_visible) -> Scoped:
    declared = Scoped(
        block=block,
        prefecture=prefecture,
        municipality=municipality,
        where=tuple((where or {}).items()),
        others_visible=others_visible,
    )
    _SCOPES[model._meta.concrete_model] = declared
    return declared


def register_scope(
    model,
    *,
    block: str | None,
    prefecture: str | None = None,
    municipality: str | None = None,
    where: Mapping[str, Any] | None = None,
    others_visible: bool = False,
) -> Scoped:
    """Declare how `model`'s rows belong to a place, and register their object
    permissions (view, change, delete) by that declaration (core.access.rule)."""
    from .rule import register_object_rules

    declared = _declare(
        model,
        block=block,
        prefecture=prefecture,
        municipality=municipality,
        where=where,
        others_visible=others_visible,
    )
    register_object_rules(model, declared)
    return declared


def register_place(
    model,
    *,
    block: str | None,
    prefecture: str | None = None,
    municipality: str | None = None,
) -> Scoped:
    """Declare how a place model (a block, a prefecture …) lies in a block:
    forms offer a confined user only the places in their own."""
    return _declare(
        model,
        block=block,
        prefecture=prefecture,
        municipality=municipality,
        where=None,
        others_visible=False,
    )


def scope_of(model) -> Scoped | None:
    """The declaration of `model` (or of the model it proxies); None if it has none."""
    return _SCOPES.get(model._meta.concrete_model)


def declared_scope(model) -> Scoped:
    """The declaration of `model`, which must have one."""
    declared = scope_of(model)
    if declared is None:
        raise ImproperlyConfigured(
            f"{model._meta.label} has no scope: declare it with core.access.register_scope "
            "in its app's permissions.py"
        )
    return declared


def place_id_of(obj, level: str) -> Any | None:
    """The key of the place `obj` belongs to at `level`, by its model's declaration."""
    declared = scope_of(type(obj))
    return declared.place_id(obj, level) if declared is not None else None
