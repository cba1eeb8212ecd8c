"""Rules the test suite keeps, so that it stays fast and each module stands alone.

- No module imports a test module (`test_*.py`) or a conftest: what tests
  share lives in tests/factories.py, tests/admin_urls.py, a fixture in a
  conftest, or a helper module named for what it holds (tests/*/helpers.py …).
- Staff users are made by one factory, `tests.factories.staff_user` (and the
  fixtures `editor`, `viewer`, `kyushu_bureau` built on it); only the tests of
  the role service itself call it directly.
- One fast password hasher for the whole suite (tests/conftest.py).
- No test reads today's date from the wall clock: a test whose rows are
  dated from today stands on a fixed day (`today`, `stand_on`, time-machine),
  so a run that crosses midnight in Japan passes.
"""

import ast
import functools
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent


def python_files() -> list[Path]:
    return sorted(TESTS.rglob("*.py"))


@functools.cache
def parsed(source: str) -> ast.Module:
    return ast.parse(source)


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


def imported_modules(source: str, module: str) -> list[str]:
    """Every module `source` (the module named `module`) imports, dotted;
    `from package import name` counts `package.name` too (name may be a module)."""
    package = module.rsplit(".", 1)[0]
    names = []
    for node in ast.walk(parsed(source)):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}" if base else parent
            names.append(base)
            names += [f"{base}.{alias.name}" for alias in node.names]
    return names


def is_test_module(name: str) -> bool:
    last = name.rsplit(".", 1)[-1]
    return last.startswith("test_") or last == "conftest"


def test_no_module_imports_a_test_module_or_a_conftest():
    offenders = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in python_files()
        for name in imported_modules(path.read_text(encoding="utf-8"), module_name(path))
        if is_test_module(name)
    ]

    assert offenders == []


@pytest.mark.parametrize(
    ("source", "found"),
    [
        ("from tests.core.test_audit_trail import make_staff", True),
        ("import tests.browser.conftest", True),
        ("from tests.core import test_audit_trail", True),
        ("from .test_views import detail_url", True),
        ("from . import conftest", True),
        ("from ..briefings.test_import_export import staff", True),
        ("def f():\n    from tests.browser.conftest import ensure_reference_data", True),
        ("from tests.factories import staff_user", False),
        ("from tests.admin_urls import change_form_data", False),
        ("from .render_pages import render", False),
        ("from tests.browser.helpers import Visitor", False),
    ],
)
def test_the_import_rule_sees_every_way_of_importing(source, found):
    names = imported_modules(source, "tests.portal.test_example")

    assert any(is_test_module(name) for name in names) is found


def test_staff_users_come_from_the_one_factory():
    allowed = {
        TESTS / "factories.py",
        TESTS / "portal" / "test_create_staff.py",
        Path(__file__).resolve(),
    }
    offenders = [
        str(path.relative_to(ROOT))
        for path in python_files()
        if path not in allowed and "assign_staff_role(" in path.read_text(encoding="utf-8")
    ]

    assert offenders == []


def test_only_the_conftest_sets_the_password_hasher():
    offenders = [
        str(path.relative_to(ROOT))
        for path in python_files()
        if path not in {TESTS / "conftest.py", Path(__file__).resolve()}
        and "PASSWORD_HASHERS" in path.read_text(encoding="utf-8")
    ]

    assert offenders == []


# Reads of today's date from the clock: date.today(), datetime.now(),
# timezone.localdate() / localtime() without a value, dates.today().
FROZEN_BY = {"time_machine", "stand_on", "today"}


def _reads_the_date(call: ast.Call) -> bool:
    func = call.func
    if not isinstance(func, ast.Attribute):
        return False
    owner = (
        func.value.attr if isinstance(func.value, ast.Attribute) else getattr(func.value, "id", "")
    )
    if func.attr in {"localdate", "localtime"}:
        return not call.args
    return (func.attr, owner) in {("today", "date"), ("today", "dates"), ("now", "datetime")}


def _freezes(function: ast.FunctionDef) -> bool:
    """The function stands on a chosen instant: it takes a fixture that
    freezes the clock, or travels with time-machine itself."""
    params = {arg.arg for arg in function.args.args}
    travels = any(
        isinstance(node, ast.Attribute) and node.attr in {"travel", "move_to"}
        for node in ast.walk(function)
    )
    return bool(params & FROZEN_BY) or travels


def wall_clock_reads(source: str) -> list[int]:
    """Lines where `source` reads today's date outside a frozen clock (a
    module marked `usefixtures("today")` stands on a fixed day throughout)."""
    tree = parsed(source)
    if 'usefixtures("today")' in source:
        return []
    frozen = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and _freezes(node):
            frozen |= {id(inner) for inner in ast.walk(node)}
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and _reads_the_date(node) and id(node) not in frozen
    ]


def test_no_test_reads_todays_date_from_the_wall_clock():
    offenders = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in python_files()
        for line in wall_clock_reads(path.read_text(encoding="utf-8"))
    ]

    assert offenders == []


@pytest.mark.parametrize(
    ("source", "lines"),
    [
        ("def test_a():\n    x = timezone.localdate()", [2]),
        ("def test_a():\n    x = datetime.date.today()", [2]),
        ("def test_a():\n    x = datetime.datetime.now()", [2]),
        ("def test_a():\n    x = dates.today()", [2]),
        ("def days(n):\n    return timezone.localdate() + n", [2]),
        ("def test_a(stand_on):\n    x = dates.today()", []),
        ("def test_a(today):\n    x = timezone.localdate()", []),
        ("def test_a():\n    with time_machine.travel(T):\n        x = dates.today()", []),
        ("def test_a():\n    x = timezone.localdate(instant)", []),
        ("def test_a():\n    x = timezone.now() - delta", []),
    ],
)
def test_the_clock_rule_sees_a_date_read_outside_a_frozen_clock(source, lines):
    assert wall_clock_reads(source) == lines
