"""How many rows a piece of code read from the database, and in how many queries.

`connection.execute_wrapper` sees statements but not what they return, and a
page that runs 4 queries may still read 20,000 rows. `count_rows()` wraps
every cursor the connection makes while it is active and counts the rows
handed back by `fetchone`, `fetchmany`, `fetchall` and iteration: what the
ORM (and any raw SQL) actually pulled over the wire, on any backend.

    with count_rows() as counted:
        client.get("/threads/")
    counted.rows, counted.queries

Used by the scale guard (tests/portal/test_scale_guard.py) and `make bench`
(bench/queries.py). A diagnostic: nothing in a request uses it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import DEFAULT_DB_ALIAS, connections


@dataclass
class Counted:
    rows: int = 0
    queries: int = 0


class _CountingCursor:
    """A Django cursor wrapper that counts statements and the rows they return."""

    def __init__(self, inner, counted: Counted):
        self._inner = inner
        self._counted = counted

    def __getattr__(self, name):
        return getattr(self._inner, name)

    def __enter__(self):
        self._inner.__enter__()
        return self

    def __exit__(self, *exc):
        return self._inner.__exit__(*exc)

    def __iter__(self):
        for row in self._inner:
            self._counted.rows += 1
            yield row

    def execute(self, *args, **kwargs):
        self._counted.queries += 1
        return self._inner.execute(*args, **kwargs)

    def executemany(self, *args, **kwargs):
        self._counted.queries += 1
        return self._inner.executemany(*args, **kwargs)

    def fetchone(self):
        row = self._inner.fetchone()
        if row is not None:
            self._counted.rows += 1
        return row

    def fetchmany(self, *args, **kwargs):
        rows = self._inner.fetchmany(*args, **kwargs)
        self._counted.rows += len(rows)
        return rows

    def fetchall(self):
        rows = self._inner.fetchall()
        self._counted.rows += len(rows)
        return rows


@contextmanager
def count_rows(using: str = DEFAULT_DB_ALIAS) -> Iterator[Counted]:
    """Count the rows and statements of every cursor `using` opens inside the block."""
    connection = connections[using]
    counted = Counted()
    names = ("make_cursor", "make_debug_cursor")
    originals = {name: getattr(connection, name) for name in names}
    own = {name: connection.__dict__[name] for name in names if name in connection.__dict__}

    def wrapping(make):
        return lambda cursor: _CountingCursor(make(cursor), counted)

    for name, make in originals.items():
        setattr(connection, name, wrapping(make))
    try:
        yield counted
    finally:
        for name in names:
            if name in own:  # an outer count_rows()
                setattr(connection, name, own[name])
            else:
                delattr(connection, name)  # back to the class's method
