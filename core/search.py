"""Search: one reading of what was typed, one normalisation, one lookup.

Every public list's `q` (core.filters.PortalFilterSet), the site search
(portal.search) and the admin's search boxes go through this module.

What was typed: control characters become spaces, words are separated by
half- or full-width spaces, at most `MAX_QUERY_LENGTH` characters and
`MAX_TERMS` distinct words count (`parse_query`).

How text is compared: folded, i.e. NFKC-normalised (full-width Latin letters,
digits and spaces become half-width, half-width katakana full-width) and then
upper-cased, so `ICT`, `ict`, `ＩＣＴ` and `ｉｃｔ` find the same rows whether
a row stores `ＩＣＴ` or `ICT`. A word matches when its folded form occurs in
the folded column (`field__folded_contains=word`).

Why fold the column in the database rather than try variants of the word:
SQLite's LIKE folds ASCII case only, so a row storing mixed-case full-width
`ＩｏＴ` would need every case combination of every width of the word. The
database folds both sides with one expression instead (`Folded`):

- PostgreSQL: `UPPER(normalize(col::text, NFKC))`. Both functions are
  IMMUTABLE, so the trigram indexes (core.trigram) are built on exactly this
  expression and serve words of three or more characters.
- SQLite: `search_fold(col)`, the Python function `fold` below, registered
  on every new connection (core.apps), so SQLite folds exactly as Python does.

`fold` upper-cases one character to one character, as PostgreSQL's UPPER
does, so both databases find the same rows (Python alone would turn `ß` into
`SS`).
"""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import models
from django.db.models import Func, Lookup, Q, Value

MAX_QUERY_LENGTH = 100
MAX_TERMS = 5

# The name of the SQLite function that folds a column (registered by core.apps).
SQLITE_FUNCTION = "search_fold"
# PostgreSQL's fold; core.trigram builds the indexes on this same expression.
POSTGRESQL_TEMPLATE = "UPPER(normalize((%(expressions)s)::text, NFKC))"

# Control characters (NUL above all: PostgreSQL refuses it in a string).
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def fold(text: str | None) -> str | None:
    """`text` as search compares it: NFKC, then upper case, one character to one."""
    if text is None:
        return None
    text = unicodedata.normalize("NFKC", text)
    upper = text.upper()
    if len(upper) == len(text):  # upper case never shortens: every character mapped to one
        return upper
    return "".join(u if len(u := c.upper()) == 1 else c for c in text)


def register_sqlite_fold(sender, connection, **kwargs) -> None:
    """`connection_created` receiver: gives each SQLite connection `search_fold`."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(SQLITE_FUNCTION, 1, fold, deterministic=True)


class Folded(Func):
    """An expression's text as search compares it (see the module docstring)."""

    arity = 1
    function = "UPPER"  # a database without NFKC at hand still folds case
    output_field = models.TextField()

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template=POSTGRESQL_TEMPLATE, **extra)

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, function=SQLITE_FUNCTION, **extra)


@models.CharField.register_lookup
@models.TextField.register_lookup
class FoldedContains(Lookup):
    """`field__folded_contains=word`: the folded word occurs in the folded field."""

    lookup_name = "folded_contains"
    prepare_rhs = False

    def get_prep_lookup(self):
        # NFKC before the LIKE escaping, so that a full-width ％ or ＿ is
        # looked for literally instead of becoming a wildcard.
        return unicodedata.normalize("NFKC", str(self.rhs))

    def as_sql(self, compiler, connection):
        lhs_sql, lhs_params = compiler.compile(Folded(self.lhs))
        pattern = f"%{connection.ops.prep_for_like_query(self.rhs)}%"
        rhs_sql, rhs_params = compiler.compile(Folded(Value(pattern)))
        # The backend's own LIKE, with the ESCAPE clause where the database needs one.
        operator = connection.operators["contains"] % rhs_sql
        return f"{lhs_sql} {operator}", (*lhs_params, *rhs_params)


# --- what was typed ---------------------------------------------------------


@dataclass(frozen=True)
class SearchQuery:
    """What the user asked for, cleaned: the text searched and its terms."""

    text: str = ""
    terms: tuple[str, ...] = ()
    truncated: bool = False
    dropped_terms: int = 0


def parse_query(
    raw: str, *, max_length: int = MAX_QUERY_LENGTH, max_terms: int = MAX_TERMS
) -> SearchQuery:
    """Clean a raw `q`: control characters become spaces, the first
    `max_length` characters and the first `max_terms` distinct words
    (separated by half- or full-width spaces) count; says what was cut.
    Words that fold alike (`ICT`, `ｉｃｔ`) count once."""
    text = " ".join(_CONTROL.sub(" ", raw).split())
    truncated = len(text) > max_length
    if truncated:
        text = text[:max_length].rstrip()
    terms = terms_of(text)
    return SearchQuery(
        text=text,
        terms=terms[:max_terms],
        truncated=truncated,
        dropped_terms=max(0, len(terms) - max_terms),
    )


def terms_of(text: str) -> tuple[str, ...]:
    """The distinct words of `text`, as typed, in order: control characters
    and half- or full-width spaces separate them; words that fold alike
    (`ICT`, `ｉｃｔ`) count once."""
    distinct: dict[str, str] = {}
    for term in _CONTROL.sub(" ", text).split():
        distinct.setdefault(fold(term), term)
    return tuple(distinct.values())


def folded(*fields: str) -> tuple[str, ...]:
    """An admin's `search_fields` that compare as every other search does:
    `search_fields = folded("title", "notes")`."""
    return tuple(f"{name}__folded_contains" for name in fields)


def matches(fields: Iterable[str], terms: Iterable[str]) -> Q:
    """Rows in which every term occurs, folded, in at least one of `fields`."""
    fields = tuple(fields)
    condition = Q()
    for term in terms:
        condition &= Q.create(
            [(f"{name}__folded_contains", term) for name in fields], connector=Q.OR
        )
    return condition


def locate(text: str, terms: Iterable[str]) -> tuple[int, int] | None:
    """Where in `text` the earliest of `terms` occurs as search compares them:
    (start, end) of the characters of `text`, for an excerpt's highlight."""
    # Fold character by character, remembering where each folded character
    # came from. NFKD rather than NFKC, so that a character and its combining
    # mark folded apart (ﾊﾞ) line up with the word folded whole (バ).
    folded: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        for piece in _fold_apart(char):
            folded.append(piece)
            origin.append(index)
    haystack = "".join(folded)
    best = None
    for term in terms:
        needle = "".join(_fold_apart(term))
        position = haystack.find(needle) if needle else -1
        if position >= 0 and (best is None or position < best[0]):
            best = (position, position + len(needle))
    if best is None:
        return None
    return origin[best[0]], origin[best[1] - 1] + 1


def _fold_apart(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(u if len(u := c.upper()) == 1 else c for c in decomposed)
