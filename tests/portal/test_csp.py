"""The Content-Security-Policy header (django-csp, portal/settings.py) on every
kind of response, and the templates that keep it satisfiable.

Chromium checks the rendered pages in tests/browser/test_csp.py; these tests
need no browser.
"""

import re
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.conf import settings as django_settings
from django.core.files.base import ContentFile
from django.http import HttpResponse
from django.template import engines
from django.urls import path, reverse

from briefings.models import BriefingMaterial
from tests.factories import BriefingFactory

pytestmark = pytest.mark.django_db

POLICY = {
    "default-src": {"'self'"},
    "script-src": {"'self'"},
    "style-src": {"'self'"},
    "object-src": {"'none'"},
    "base-uri": {"'self'"},
    "form-action": {"'self'"},
    "frame-ancestors": {"'none'"},
}
LANGUAGES = [pytest.param("ja", "", id="ja"), pytest.param("en", "/en", id="en")]


def directives(response) -> dict[str, set[str]]:
    """The enforced policy of a response, directive → its sources."""
    header = response["Content-Security-Policy"]
    parsed = {}
    for directive in header.split(";"):
        name, *sources = directive.split()
        assert name not in parsed, f"{name} twice in {header!r}"
        parsed[name] = set(sources)
    return parsed


@pytest.fixture
def handout(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    material = BriefingMaterial(briefing=BriefingFactory(), order=1, title="説明資料")
    material.file.save("setsumei.pdf", ContentFile(b"%PDF-1.4 handout"), save=True)
    return material


@pytest.mark.parametrize(("language", "prefix"), LANGUAGES)
def test_csp_public_page(client, language, prefix):
    response = client.get(f"{prefix}/")

    assert (response.status_code, response["Content-Language"]) == (200, language)
    assert directives(response) == POLICY


@pytest.mark.parametrize(("language", "prefix"), LANGUAGES)
def test_csp_not_found_page(client, language, prefix):
    response = client.get(f"{prefix}/no-such-page/")

    assert (response.status_code, response["Content-Language"]) == (404, language)
    assert directives(response) == POLICY


@pytest.mark.parametrize(("language", "prefix"), LANGUAGES)
def test_csp_append_slash_redirect(client, language, prefix):
    response = client.get(f"{prefix}/threads")

    assert (response.status_code, response["Location"]) == (301, f"{prefix}/threads/")
    assert directives(response) == POLICY


@pytest.mark.parametrize(("language", "prefix"), LANGUAGES)
def test_csp_file_download(client, handout, language, prefix):
    response = client.get(f"{prefix}{handout.href}")

    # The download's own policy, stricter than the pages': nothing loads, and
    # a rendered file runs sandboxed in an opaque origin (core.uploads).
    assert (response.status_code, response["Content-Type"]) == (200, "application/pdf")
    assert directives(response) == {
        "sandbox": set(),
        "default-src": {"'none'"},
        "object-src": {"'none'"},
        "base-uri": {"'none'"},
        "form-action": {"'none'"},
        "frame-ancestors": {"'none'"},
    }


# The admin has one language: outside i18n_patterns, LocaleMiddleware keeps
# LANGUAGE_CODE for every unprefixed address.
def test_csp_admin_page(admin_client):
    response = admin_client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="en")

    assert (response.status_code, response["Content-Language"]) == (200, "ja")
    assert directives(response) == POLICY


def test_csp_admin_login_redirect(client):
    response = client.get(reverse("admin:index"))

    assert (response.status_code, response["Location"]) == (302, "/admin/login/?next=/admin/")
    assert directives(response) == POLICY


def test_csp_https_redirect(client, settings):
    """Answered by SecurityMiddleware before any view: CSPMiddleware sits outside it."""
    settings.SECURE_SSL_REDIRECT = True

    response = client.get("/")

    assert (response.status_code, response["Location"]) == (301, "https://testserver/")
    assert directives(response) == POLICY


def test_csp_lockout_page(client):
    """Answered by django-axes' middleware, the last one."""
    AccessAttempt.objects.create(
        username="locked", ip_address="127.0.0.1", user_agent="", failures_since_start=5
    )

    response = client.post(
        reverse("admin:login"), {"username": "locked", "password": "x"}, REMOTE_ADDR="127.0.0.1"
    )

    assert response.status_code == 429
    assert directives(response) == POLICY


def test_csp_frame_options_kept_beside_frame_ancestors(client):
    response = client.get("/")

    assert response["X-Frame-Options"] == "DENY"


# --- a script with the nonce ----------------------------------------------------


def nonce_page(request):
    """The way a template adds an inline script, should one ever be needed."""
    template = engines["django"].from_string('<script nonce="{{ CSP_NONCE }}">let a = 1;</script>')
    return HttpResponse(template.render({}, request))


urlpatterns = [path("nonce/", nonce_page)]


@pytest.mark.urls(__name__)
def test_csp_nonce_of_a_script_tag_is_allowed_in_its_response_only(client):
    first = client.get("/nonce/")
    second = client.get("/nonce/")

    nonces = [
        re.fullmatch(r'<script nonce="([^"]+)">.*', r.content.decode())[1] for r in (first, second)
    ]
    assert nonces[0] != nonces[1]
    assert directives(first) == {**POLICY, "script-src": {"'self'", f"'nonce-{nonces[0]}'"}}
    assert directives(second) == {**POLICY, "script-src": {"'self'", f"'nonce-{nonces[1]}'"}}


# --- templates ------------------------------------------------------------------

# What the policy refuses: inline styles, inline scripts, event handler
# attributes and javascript: addresses.
INLINE = re.compile(
    r"""\sstyle\s*=|<style\b|<script\b(?![^>]*\bsrc=)|\son[a-z]+\s*=|javascript:""",
    re.IGNORECASE,
)


def test_templates_have_no_inline_styles_or_scripts():
    templates = Path(django_settings.BASE_DIR, "templates").rglob("*.html")
    found = [
        f"{template.relative_to(django_settings.BASE_DIR)}:{number}: {line.strip()}"
        for template in sorted(templates)
        for number, line in enumerate(template.read_text().splitlines(), start=1)
        if INLINE.search(line)
    ]
    assert found == []


@pytest.mark.parametrize(
    "line",
    [
        '<p style="color: red">',
        "<style>p {}</style>",
        "<script>alert(1)</script>",
        '<script type="module">',
        '<button onclick="go()">',
        '<a href="javascript:go()">',
    ],
)
def test_templates_inline_pattern_finds(line):
    assert INLINE.search(line)


@pytest.mark.parametrize(
    "line",
    ['<script src="/static/a.js"></script>', '<p class="styled">', "<section>", '<a href="/">'],
)
def test_templates_inline_pattern_passes(line):
    assert not INLINE.search(line)
