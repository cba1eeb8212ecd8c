"""No write bypasses the audit trail: a static guard over the project's source.

django-simple-history records `save()` and `delete()` of a row only;
`QuerySet.update()`, `bulk_create()` and `bulk_update()` write without
history, and `QuerySet.delete()` would remove soft-deletable rows for good.
So the project's Python source (not .venv, migrations or tests) must not
call them on tracked models; writes go row by row through services.

How it looks: each file is parsed (`ast`) and every call `<receiver>.update(…)`,
`.delete()`, `.bulk_create(…)` or `.bulk_update(…)` is judged by its receiver:

- a chain from a manager (`Model.objects…`, `Model.all_objects…`,
  `Model._default_manager…`, `_base_manager`) is flagged when `Model` is a
  tracked model (or cannot be resolved, e.g. `self.model.objects`);
  `ProjectStatusChange.objects.bulk_create(...)` would pass: it is not tracked;
- a call of a queryset method (`….filter(…).update()`, `….all().delete()`)
  or a name that reads as a queryset (`qs`, `queryset`, `*_qs`,
  `*_queryset`) is flagged, whatever the model;
- `bulk_create`/`bulk_update` are flagged on any other receiver too.

So `context.update(…)`, `kwargs.update(…)`, `row.delete()` (one row: recorded)
pass. Limits: a queryset kept in a variable with another name
(`rows.update(…)`), a related manager (`thread.status_updates.update(…)`) or
`getattr(…)` tricks are not seen; raw SQL is not looked at. Keep those out in
review. A deliberate exception goes into ALLOWED with its reason.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
SKIPPED_DIRS = {".venv", "venv", "migrations", "tests", "node_modules", "staticfiles", "docs"}
WRITES = {"update", "delete", "bulk_create", "bulk_update"}
MANAGERS = {"objects", "all_objects", "_default_manager", "_base_manager"}
QUERYSET_METHODS = {
    "all",
    "filter",
    "exclude",
    "select_related",
    "prefetch_related",
    "order_by",
    "annotate",
    "alias",
    "distinct",
    "only",
    "defer",
    "using",
    "select_for_update",
    "none",
    "live",
    "deleted",
    "in_block",
    "held",
    "planned",
    "overdue",
    "done",
}
QUERYSET_NAME = re.compile(r"^(qs|queryset|\w+_qs|\w+_queryset)$")

# "path:line-text" of deliberate exceptions -> why they are safe.
ALLOWED: dict[str, str] = {
    "core/audit.py:historical._default_manager.bulk_create(records, batch_size=500)": (
        "writes the audit trail itself: the first history record of rows that"
        " existed before their model was tracked (a migration operation)"
    ),
}


def tracked_model_names() -> set[str]:
    return {
        model.__name__
        for model in apps.get_models()
        if hasattr(model._meta, "simple_history_manager_attribute")
    }


def _root_model(node: ast.AST) -> str | None:
    """The class name a manager chain starts from (`Briefing` in
    `Briefing.objects.filter(...)`), or "?" when it is not a plain name."""
    while True:
        if isinstance(node, ast.Call):
            node = node.func
        elif isinstance(node, ast.Attribute):
            if node.attr in MANAGERS:
                owner = node.value
                return owner.id if isinstance(owner, ast.Name) else "?"
            node = node.value
        else:
            return None


def _is_queryset_call(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in QUERYSET_METHODS
    )


def bulk_writes(source: str, tracked: set[str]) -> list[tuple[int, str]]:
    """(line, call) of every suspicious write in `source`."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in WRITES
        ):
            continue
        method, receiver = node.func.attr, node.func.value
        root = _root_model(receiver)
        if root is not None:
            suspicious = root == "?" or root in tracked
        else:
            suspicious = (
                _is_queryset_call(receiver)
                or (isinstance(receiver, ast.Name) and bool(QUERYSET_NAME.match(receiver.id)))
                or method in {"bulk_create", "bulk_update"}
            )
        if suspicious:
            found.append((node.lineno, f"{ast.unparse(receiver)}.{method}(…)"))
    return found


def project_sources() -> list[Path]:
    return sorted(
        path
        for path in BASE_DIR.rglob("*.py")
        if not SKIPPED_DIRS.intersection(path.relative_to(BASE_DIR).parts[:-1])
        and not any(part.startswith(".") for part in path.relative_to(BASE_DIR).parts)
    )


def test_no_bulk_writes_on_tracked_models():
    tracked = tracked_model_names()
    problems = []
    for path in project_sources():
        relative = path.relative_to(BASE_DIR)
        lines = path.read_text(encoding="utf-8").splitlines()
        for line, call in bulk_writes(path.read_text(encoding="utf-8"), tracked):
            key = f"{relative}:{lines[line - 1].strip()}"
            if key not in ALLOWED:
                problems.append(f"{relative}:{line}: {call}")
    assert not problems, (
        "writes that bypass the audit trail (django-simple-history records save() and "
        "delete() only): save or delete row by row in a service instead, or add a "
        "reasoned entry to ALLOWED in tests/test_no_bulk_writes.py\n" + "\n".join(problems)
    )


def test_no_bulk_writes_scans_the_project_and_knows_the_tracked_models():
    scanned = {str(p.relative_to(BASE_DIR)) for p in project_sources()}
    assert {"networks/services/municipalities.py", "briefings/models.py"} <= scanned
    assert not any(s.startswith(("tests/", ".venv/")) or "/migrations/" in s for s in scanned)
    assert {
        "Briefing",
        "BriefingMaterial",
        "Thread",
        "WorkItem",
        "Participation",
        "Activity",
        "StatusUpdate",
        "Organization",
        "Member",
        "BureauMembership",
    } <= tracked_model_names()
    assert "Municipality" in tracked_model_names()  # its import writes history in bulk
    assert "ProjectStatusChange" not in tracked_model_names()  # itself a dated history


def test_no_bulk_writes_allowlist_has_no_stale_entries():
    present = set()
    for path in project_sources():
        relative = path.relative_to(BASE_DIR)
        present |= {f"{relative}:{line.strip()}" for line in path.read_text().splitlines()}
    assert set(ALLOWED) <= present


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Briefing.objects.filter(pk=1).update(title='x')", ["Briefing.objects.filter(pk=1)"]),
        ("Briefing.objects.update(title='x')", ["Briefing.objects"]),
        ("StatusUpdate.all_objects.all().delete()", ["StatusUpdate.all_objects.all()"]),
        ("Organization.objects.bulk_create(rows)", ["Organization.objects"]),
        ("Member.objects.bulk_update(rows, ['name'])", ["Member.objects"]),
        ("self.model.objects.filter(a=1).update(b=2)", ["self.model.objects.filter(a=1)"]),
        (
            "thread.status_updates.filter(\n    as_of__lt=day,\n).update(status='done')",
            ["thread.status_updates.filter(as_of__lt=day)"],
        ),
        ("queryset.update(status='held')", ["queryset"]),
        ("briefing_qs.delete()", ["briefing_qs"]),
        ("something.bulk_create(rows)", ["something"]),
        # Not flagged:
        ("context.update(extra)", []),
        ("kwargs.update(a=1)", []),
        ("membership.delete()", []),
        ("Municipality.objects.bulk_create(rows)", []),
        ("Municipality.objects.filter(code='1').update(name='x')", []),
        ("kinds.update((r.code, r.kind) for r in rows)", []),
    ],
)
def test_no_bulk_writes_detector(source, expected):
    tracked = {"Briefing", "StatusUpdate", "Organization", "Member"}

    found = bulk_writes(source, tracked)

    assert [call.rsplit(".", 1)[0] for _line, call in found] == expected
