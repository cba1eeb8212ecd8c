"""Load what every worker would otherwise load on its first requests, once,
in gunicorn's master before it forks (gunicorn.conf.py's `when_ready`).

A worker is restarted every few thousand requests (max_requests). Without
this, its first request compiled the templates, read the translation
catalogues and built the URL resolvers again: 100–250 ms, which showed as
the p99 of pages otherwise served in 12 ms (docs/benchmarks.md). The forked
workers share what is loaded here. Nothing here opens a database connection:
a connection made before the fork would be shared by every worker.
"""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path

import django.forms
from django.conf import settings
from django.forms.renderers import get_default_renderer
from django.template import TemplateDoesNotExist, TemplateSyntaxError, engines
from django.template.utils import get_app_template_dirs
from django.urls import NoReverseMatch, URLResolver, get_resolver, reverse
from django.utils import translation


def _template_names() -> list[str]:
    """Every template of the project and of the apps, by the name it is loaded by."""
    dirs = [Path(d) for engine in settings.TEMPLATES for d in engine.get("DIRS", ())]
    dirs += [Path(d) for d in get_app_template_dirs("templates")]
    return sorted({str(path.relative_to(base)) for base in dirs for path in base.rglob("*.html")})


def _build(resolver: URLResolver, prefix: str = "") -> None:
    """Reverse one name of every namespace: Django builds each namespace's
    lookup (per language) on the first reverse() into it."""
    for namespace, (_pattern, sub) in resolver.namespace_dict.items():
        name = next((key for key in sub.reverse_dict if isinstance(key, str)), None)
        if name is not None:
            # A name that needs arguments fails, the lookup is built all the same.
            with suppress(NoReverseMatch):
                reverse(f"{prefix}{namespace}:{name}")
        _build(sub, f"{prefix}{namespace}:")


def warm() -> int:
    """Compile every template, read both catalogues, build the resolvers;
    returns how many templates were compiled."""
    compiled = 0
    for engine in engines.all():
        for name in _template_names():
            try:
                engine.get_template(name)
            except (TemplateDoesNotExist, TemplateSyntaxError):
                # An app's template for a library the portal does not install.
                continue
            compiled += 1
    # The form renderer has an engine of its own, over Django's form templates.
    renderer = get_default_renderer()
    forms_dir = Path(django.forms.__file__).parent / "templates"
    for path in forms_dir.rglob("*.html"):
        renderer.get_template(str(path.relative_to(forms_dir)))
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            translation.gettext("ホーム")
            _build(get_resolver())
    return compiled
