"""One convention for translation functions across the code.

`_` is always `gettext_lazy` (module level, class attributes, model and form
labels: translated when shown, in the language of the request). A string
translated on the spot (in a view, a service, a management command) calls
`gettext`, `ngettext` or `pgettext` by their own names: `_` never means the
eager `gettext`, and there are no other aliases (`_g`).
"""

import ast
from pathlib import Path

import pytest
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
SKIPPED_DIRS = {".venv", "venv", "node_modules", "staticfiles", "docs"}


def aliases(source: str) -> list[str]:
    """`name as alias` of every aliased import from django.utils.translation but `gettext_lazy as _`."""
    return [
        f"{name.name} as {name.asname}"
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.ImportFrom) and node.module == "django.utils.translation"
        for name in node.names
        if name.asname and (name.name, name.asname) != ("gettext_lazy", "_")
    ]


def python_sources() -> list[Path]:
    return sorted(
        path
        for path in BASE_DIR.rglob("*.py")
        if not SKIPPED_DIRS.intersection(path.relative_to(BASE_DIR).parts)
        and not any(part.startswith(".") for part in path.relative_to(BASE_DIR).parts)
    )


def test_gettext_aliases_follow_the_convention():
    found = [
        f"{path.relative_to(BASE_DIR)}: {alias}"
        for path in python_sources()
        for alias in aliases(path.read_text())
    ]

    assert found == []


def test_gettext_aliases_scan_sees_the_apps():
    scanned = {str(path.relative_to(BASE_DIR)) for path in python_sources()}

    assert {"core/admin/history.py", "briefings/admin.py", "portal/settings.py"} <= scanned


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from django.utils.translation import gettext as _", ["gettext as _"]),
        ("from django.utils.translation import gettext as _g", ["gettext as _g"]),
        ("from django.utils.translation import pgettext_lazy as p_", ["pgettext_lazy as p_"]),
        ("from django.utils.translation import gettext_lazy as _", []),
        ("from django.utils.translation import gettext, pgettext", []),
        ("from somewhere import gettext as _", []),
    ],
)
def test_gettext_aliases_detector(source, expected):
    assert aliases(source) == expected
