"""The staff roles as data, and each user's scope: `ROLES` and `user_scope(user)`.

A role is a Django group (its model permissions come from the project's
policy, portal/roles.py, synced by core.access.groups) and an entry in
`ROLES` saying how far the role reaches:

- everywhere, changing (editor, 総務省) or reading only (viewer, 監査);
- or confined to one place of a `level`: a bureau (総合通信局) to the block
  of its bureau membership, a local government's staff (地方公共団体) to
  the municipality of its membership or, failing that, its prefecture
  (`alternatives`). The place is read from the user along `place`, a
  lookup path (`bureau_membership__block`), so core imports no app.

`user_scope(user)` turns a user's groups into one `UserScope`, computed once
per user object; the access rule (core.access.scope, core.access.rule), the
admin and the imports all start from it. Adding a role is one entry here, one in the policy, and the model
its place is read from.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import rules
from django.utils.translation import pgettext_lazy

EDITOR = "editor"
BUREAU = "bureau"
LOCAL = "local"
VIEWER = "viewer"

# The levels a confined role's place can be at; a model says how its rows
# reach each one (core.access.scope.Scoped has a path per level).
BLOCK = "block"
PREFECTURE = "prefecture"
MUNICIPALITY = "municipality"
# A level as a sentence names it: 「担当の地域ブロック」, "your regional block".
LEVEL_LABELS = {
    BLOCK: pgettext_lazy("担当の範囲", "地域ブロック"),
    PREFECTURE: pgettext_lazy("担当の範囲", "都道府県"),
    MUNICIPALITY: pgettext_lazy("担当の範囲", "市区町村"),
}


@dataclass(frozen=True)
class Role:
    """One staff role: its group and how far it reaches.

    `edits_all` and `reads_all` reach every row; a role with a `level` reaches
    the rows of one place, read from the user along `place` (a user whose
    place is missing reaches nothing: fail closed). What a role may do to the
    rows it reaches is its group's model permissions (the policy).
    """

    key: str
    # The group's name as staff see it in the admin. Group names are stored
    # data that existing databases already hold, so they stay untranslated.
    group: str
    edits_all: bool = False
    reads_all: bool = False
    level: str | None = None
    place: str = ""
    # Further (level, place) pairs, tried in order when `place` gives none.
    alternatives: tuple[tuple[str, str], ...] = ()

    def __post_init__(self):
        if self.level is not None and (self.level not in LEVEL_LABELS or not self.place):
            raise ValueError(f"role {self.key!r}: a confined role needs a known level and a place")
        if any(level not in LEVEL_LABELS or not path for level, path in self.alternatives):
            raise ValueError(f"role {self.key!r}: an alternative needs a known level and a place")

    def place_of(self, user) -> Any | None:
        """The place `user` is confined to, read along `place`; None when missing."""
        return _read(user, self.place)

    def locate(self, user) -> tuple[str | None, Any | None]:
        """The level and place `user` is confined to: the first of `place` and
        `alternatives` that gives one; (level, None) when none does."""
        for level, path in ((self.level, self.place), *self.alternatives):
            place = _read(user, path)
            if place is not None:
                return level, place
        return self.level, None


def _read(user, path: str) -> Any | None:
    node = user
    for hop in path.split("__"):
        # A missing one-to-one row raises RelatedObjectDoesNotExist, an AttributeError.
        node = getattr(node, hop, None)
        if node is None:
            return None
    return node


# Every role, in order of precedence: a user holding several role groups gets
# the first. Confined roles come before read-only ones, so that a stray extra
# group never widens a confined user's reach.
ROLES: dict[str, Role] = {
    role.key: role
    for role in (
        Role(EDITOR, "編集者（総務省）", edits_all=True, reads_all=True),
        Role(BUREAU, "総合通信局", level=BLOCK, place="bureau_membership__block"),
        Role(
            LOCAL,
            "地方公共団体",
            level=MUNICIPALITY,
            place="local_government_membership__municipality",
            alternatives=((PREFECTURE, "local_government_membership__prefecture"),),
        ),
        Role(VIEWER, "閲覧者（監査）", reads_all=True),
    )
}


class _GroupNames(Mapping):
    """Role key → group name, read from `ROLES` whenever asked."""

    def __getitem__(self, key: str) -> str:
        return ROLES[key].group

    def __iter__(self) -> Iterator[str]:
        return iter(ROLES)

    def __len__(self) -> int:
        return len(ROLES)


# Group names as staff see them in the admin; the keys are what code uses.
GROUP_NAMES: Mapping[str, str] = _GroupNames()


@dataclass(frozen=True)
class UserScope:
    """How far one user reaches.

    `edits_all`/`reads_all`: every row; otherwise, for a confined role,
    `level` and `place` (None: the place is missing, the user reaches
    nothing); a user with no role reaches nothing.
    """

    role: Role | None = None
    edits_all: bool = False
    reads_all: bool = False
    level: str | None = None
    place: Any | None = None

    @property
    def confined(self) -> bool:
        """A confined role's user, with or without a place."""
        return self.level is not None

    @property
    def placed(self) -> bool:
        """A confined user who has a place (and so reaches its rows)."""
        return self.level is not None and self.place is not None

    @property
    def level_label(self) -> str:
        return LEVEL_LABELS[self.level] if self.level else ""


# Superusers, and code acting for no user (a shell, a management command).
EVERYTHING = UserScope(edits_all=True, reads_all=True)
NOTHING = UserScope()


def _role_groups(user) -> set[str]:
    cache = getattr(user, "_role_groups", None)
    if cache is None:
        cache = user._role_groups = set(user.groups.values_list("name", flat=True))
    return cache


def _scope_of(user) -> UserScope:
    if not user.is_authenticated:
        return NOTHING
    if user.is_superuser:
        return EVERYTHING
    groups = _role_groups(user)
    role = next((role for role in ROLES.values() if role.group in groups), None)
    if role is None:
        return NOTHING
    level, place = role.locate(user) if role.level else (None, None)
    return UserScope(
        role=role,
        edits_all=role.edits_all,
        reads_all=role.reads_all,
        level=level,
        place=place,
    )


def user_scope(user) -> UserScope:
    """How far `user` reaches, computed once per user object (one query for
    the groups, one for a confined user's place)."""
    scope = getattr(user, "_access_scope", None)
    if scope is None:
        scope = user._access_scope = _scope_of(user)
    return scope


def forget_roles(user) -> None:
    """Drop the role groups and scope cached on `user`, so the next check reads them anew."""
    user.__dict__.pop("_role_groups", None)
    user.__dict__.pop("_access_scope", None)


# --- the names the staff pages and older code use --------------------------


def bureau_block(user) -> Any | None:
    """The block a block-confined user (a bureau) reaches; None for everyone else.

    Superusers and editors are never confined, even if they also hold a
    membership row.
    """
    scope = user_scope(user)
    return scope.place if scope.level == BLOCK else None


def is_bureau_without_block(user) -> bool:
    """A block-confined user with no block assigned: sees nothing (fail closed)."""
    scope = user_scope(user)
    return scope.level == BLOCK and scope.place is None


@rules.predicate
def is_editor(user) -> bool:
    """Changes every row (editors and superusers)."""
    return user_scope(user).edits_all


@rules.predicate
def is_viewer(user) -> bool:
    """Reads every row and changes none."""
    scope = user_scope(user)
    return scope.reads_all and not scope.edits_all


@rules.predicate
def is_bureau(user) -> bool:
    """Confined to a block it has."""
    return bureau_block(user) is not None
