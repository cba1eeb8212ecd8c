"""The layers, bottom to top: core ← networks ← threads ← briefings ← portal.

No module reaches a layer above its own (README, Layout). A static guard over
the source of the two bottom layers, parsed with `ast`:

- `core` imports none of the apps; `networks` imports neither `threads`,
  `briefings` nor `portal` (an import of any module of theirs, also inside a
  function, also through `importlib.import_module`);
- neither names a model of a higher layer as a string (`"threads.Thread"` in
  a lazy foreign key, `apps.get_model("threads", "Thread")`), nor one of
  their URL names (`reverse("portal:home")`);
- neither finds another model through `_meta` by a field's name
  (`_meta.get_field("participations").related_model`);
- `networks` reads no reverse relation a higher layer adds to its models
  (`prefecture.briefings`, `"participations__thread"`) and calls nothing
  only a higher layer's models define (`thread.display_title`,
  `briefings.held()`), which would make it depend on that layer without an
  import.

Docstrings are prose and are not read. Templates of `networks` (none today:
its pages live in portal) may not include, extend or link another app's.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
# Calls whose strings or keywords are lookups (paths of field names joined by __).
LOOKUP_CALLS = {
    "Prefetch",
    "annotate",
    "exclude",
    "filter",
    "get",
    "only",
    "order_by",
    "prefetch_related",
    "select_related",
    "values",
    "values_list",
}
APP_LAYERS = ("core", "networks", "threads", "briefings", "portal")


def above(package: str) -> set[str]:
    """The apps a module of `package` may not reach."""
    return set(APP_LAYERS[APP_LAYERS.index(package) + 1 :])


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def upward_reaches(
    source: str,
    forbidden: set[str],
    relations: frozenset[str] = frozenset(),
    members: frozenset[str] = frozenset(),
) -> list[tuple[int, str]]:
    """(line, what) for each reach from `source` into the packages in `forbidden`.

    `relations` are the reverse relations the forbidden apps add to this
    package's models; `members` the methods, properties and choices only
    their models and QuerySets define.
    """
    tree = ast.parse(source)
    prose = _docstrings(tree)
    names = "|".join(sorted(forbidden))
    model_ref = re.compile(rf"^({names})\.[A-Za-z_]\w*$")
    url_name = re.compile(rf"^({names}):")
    found = []
    # Constants already reported as part of their call.
    seen: set[int] = set()

    def top(module: str | None) -> str:
        return (module or "").split(".")[0]

    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [
                (node.lineno, f"import {a.name}") for a in node.names if top(a.name) in forbidden
            ]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and top(node.module) in forbidden:
            found.append((node.lineno, f"from {node.module} import …"))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute | ast.Name):
            func = node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id
            constants = [a for a in node.args if isinstance(a, ast.Constant)]
            first = str(constants[0].value) if constants else None
            paths: list[str] = []
            if func in {"get_model", "import_module", "__import__"} and top(first) in forbidden:
                found.append((node.lineno, f"{func}({first!r})"))
                seen.update(id(a) for a in constants)
            elif func in LOOKUP_CALLS:
                # Lookups through a relation: "participations__thread", briefings__date=…
                paths = [str(a.value) for a in constants] + [k.arg for k in node.keywords if k.arg]
            else:
                # A filter's field (django-filter's field_name="participations__thread").
                paths = [
                    str(k.value.value)
                    for k in node.keywords
                    if k.arg == "field_name" and isinstance(k.value, ast.Constant)
                ]
            found += [
                (node.lineno, f"{func}({path!r})")
                for path in paths
                if relations.intersection(path.split("__"))
            ]
        if (
            isinstance(node, ast.Attribute)
            and node.attr == "related_model"
            and isinstance(node.value, ast.Call)
            and isinstance(node.value.func, ast.Attribute)
            and node.value.func.attr == "get_field"
            and any(isinstance(a, ast.Constant) for a in node.value.args)
        ):
            found.append((node.lineno, ast.unparse(node)))
            seen.update(id(a) for a in node.value.args)
        if isinstance(node, ast.Attribute) and node.attr in relations | members:
            found.append((node.lineno, f".{node.attr}"))
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in prose | seen
            and (model_ref.match(node.value) or url_name.match(node.value))
        ):
            found.append((node.lineno, repr(node.value)))
    return found


def sources(package: str) -> list[Path]:
    return sorted((BASE_DIR / package).rglob("*.py"))


# Classes whose names say nothing about a higher layer.
NEUTRAL_MODULES = ("django.", "core.", "simple_history.", "builtins")


def _defined(cls: type) -> set[str]:
    """Methods and properties a class and its project bases define (not
    Django's or core's, and not the descriptors Django adds for fields)."""
    return {
        name
        for klass in cls.__mro__
        if not (klass.__module__ or "").startswith(NEUTRAL_MODULES)
        for name, value in vars(klass).items()
        if not name.startswith("_") and not type(value).__module__.startswith("django.")
    }


def higher_layer_names(package: str) -> tuple[frozenset[str], frozenset[str]]:
    """(relations, members) the layers above `package` give or define that
    `package`'s own models do not: the reverse relations they hang on its
    models (`briefings`, `participations` …) and the methods, properties,
    QuerySet methods and choices of their own models (`display_title`,
    `held` …)."""
    higher = above(package)
    higher_models = {m for m in apps.get_models() if m._meta.app_label in higher}
    relations, members, own = set(), set(), set()
    for model in apps.get_models():
        label = model._meta.app_label
        if label not in higher | {package}:
            continue
        names = _defined(model)
        for manager in model._meta.managers:
            names |= _defined(type(manager)) | _defined(manager._queryset_class)
        fields = {f.name for f in model._meta.get_fields()}
        if label == package:
            own |= names | {
                f.name for f in model._meta.get_fields() if f.related_model not in higher_models
            }
            continue
        members |= names - fields
        for field in model._meta.get_fields():
            if (
                field.is_relation
                and field.concrete
                and field.related_model is not None
                and field.related_model._meta.app_label == package
                and not field.remote_field.hidden
            ):
                relations |= {field.remote_field.get_accessor_name(), field.related_query_name()}
    return frozenset(relations - own), frozenset(members - own)


@pytest.mark.parametrize("package", ["core", "networks"])
def test_layers_no_module_reaches_a_higher_layer(package):
    # core has no models of its own: what it reads of a row is a documented
    # contract (`block_id`, `deleted_at`, a user's `bureau_membership`).
    relations, members = higher_layer_names(package) if package != "core" else ((), ())
    found = [
        f"{path.relative_to(BASE_DIR)}:{line}: {what}"
        for path in sources(package)
        for line, what in upward_reaches(
            path.read_text(), above(package), frozenset(relations), frozenset(members)
        )
    ]

    assert found == []


def test_layers_scan_finds_the_modules_and_what_higher_layers_define():
    relations, members = higher_layer_names("networks")

    assert BASE_DIR / "core/access/roles.py" in sources("core")
    assert BASE_DIR / "networks/models/organizations.py" in sources("networks")
    # What threads and briefings hang on networks' models, and define on theirs.
    assert {"briefings", "activities", "participations", "hosted_briefings"} <= relations
    assert {"display_title", "for_list", "held", "planned"} <= members
    # networks' own relations and methods are not in the sets.
    assert "organizations" not in relations
    assert not {"display_name", "in_block", "get_absolute_url"} & members


def test_layers_networks_templates_stay_in_networks():
    folder = BASE_DIR / "templates" / "networks"
    reaches = re.compile(
        r"""{%\s*(?:include|extends)\s+["'](?!networks/|includes/|base\.html)[^"']+["']"""
        r"""|{%\s*url\s+["'](?!networks:)[^"']+["']"""
        r"""|{%\s*static\s+["']css/(?!networks\.css|portal\.css)[^"']+["']"""
    )
    found = [
        f"{path.relative_to(BASE_DIR)}: {match.group(0)}"
        for path in sorted(folder.rglob("*.html"))
        for match in reaches.finditer(path.read_text())
    ]

    assert found == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from threads.models import Thread", ["from threads.models import …"]),
        ("import briefings.models", ["import briefings.models"]),
        ("def f():\n    from portal import seed", ["from portal import …"]),
        ("import_module('threads.selectors')", ["import_module('threads.selectors')"]),
        ("apps.get_model('threads', 'Thread')", ["get_model('threads')"]),
        ("apps.get_model('briefings.Briefing')", ["get_model('briefings.Briefing')"]),
        ("models.ForeignKey('threads.Thread', on_delete=CASCADE)", ["'threads.Thread'"]),
        ("reverse('portal:home')", ["'portal:home'"]),
        (
            "Organization._meta.get_field('participations').related_model",
            ["Organization._meta.get_field('participations').related_model"],
        ),
        ("place.briefings.all()", [".briefings"]),
        ("label = obj.display_title", [".display_title"]),
        ("queryset.held().order_by('-date')", [".held"]),
        ("Prefetch('participations__thread')", ["Prefetch('participations__thread')"]),
        ("Organization.objects.filter(briefings__date=day)", ["filter('briefings__date')"]),
        (
            "DisplayNameChoiceFilter(field_name='participations__thread')",
            ["DisplayNameChoiceFilter('participations__thread')"],
        ),
        # Not flagged:
        ("from networks.models import Prefecture", []),
        ("from core.access import bureau_block", []),
        ("from .models import Organization", []),
        ("apps.get_model('auth', 'Group')", []),
        ("reverse('networks:prefecture_detail', args=[code])", []),
        ("field.related_model", []),
        ('"""Reads what threads.Thread records (see briefings.models)."""', []),
        ("prefecture.organizations.all()", []),
        ("context['briefings'] = capped(rows)", []),
    ],
)
def test_layers_detector(source, expected):
    relations = frozenset({"briefings", "participations"})
    members = frozenset({"display_title", "held"})

    found = upward_reaches(source, {"threads", "briefings", "portal"}, relations, members)

    assert [what for _line, what in found] == expected
