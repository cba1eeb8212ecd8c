"""The English catalogue (locale/en/LC_MESSAGES/django.po and .mo) is complete,
current and compiled, and the /en/ pages read in English.

Refresh the catalogue with `make messages` (makemessages + compilemessages),
translate every new entry, and commit both django.po and django.mo.
"""

import ast
import gettext
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.utils import translation

BASE_DIR = Path(django_settings.BASE_DIR)
LOCALE_DIR = BASE_DIR / "locale"
PO_PATH = LOCALE_DIR / "en" / "LC_MESSAGES" / "django.po"
MO_PATH = LOCALE_DIR / "en" / "LC_MESSAGES" / "django.mo"
# The Makefile's `messages` target passes the same patterns.
IGNORE_PATTERNS = [".venv/*", "staticfiles/*", "docs/*"]
REFRESH = "make messages"
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]")


def _require(program: str) -> str:
    """The path of a GNU gettext tool; CI must have it, a laptop may skip."""
    path = shutil.which(program)
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{program} (GNU gettext) is missing on CI: install the gettext package.")
        pytest.skip(f"{program} (GNU gettext) is not installed")
    return path


# --- a tiny .po reader ------------------------------------------------------


class Entry:
    def __init__(self) -> None:
        self.flags: set[str] = set()
        self.msgctxt: str | None = None
        self.msgid = ""
        self.msgid_plural: str | None = None
        self.msgstr: dict[int, str] = {}
        self.line = 0

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.msgctxt, self.msgid)

    def __str__(self) -> str:
        ctx = f"[{self.msgctxt}] " if self.msgctxt is not None else ""
        return f"{ctx}{self.msgid!r}"


def read_po(path: Path) -> list[Entry]:
    """Entries of a .po file, without the header and obsolete (#~) entries."""
    entries: list[Entry] = []
    entry = Entry()
    field: tuple[str, int] = ("", 0)

    def flush() -> None:
        nonlocal entry
        if entry.msgid and entry.msgstr:
            entries.append(entry)
        entry = Entry()

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#~"):
            continue
        if line.startswith("#"):
            if entry.msgstr:
                flush()
            if line.startswith("#,"):
                entry.flags.update(flag.strip() for flag in line[2:].split(","))
            continue
        if line.startswith('"'):
            name, index = field
            if name == "msgstr":
                entry.msgstr[index] += ast.literal_eval(line)
            else:
                setattr(entry, name, getattr(entry, name) + ast.literal_eval(line))
            continue
        keyword, _, rest = line.partition(" ")
        if keyword in ("msgctxt", "msgid") and entry.msgstr:
            flush()
        text = ast.literal_eval(rest)
        if keyword.startswith("msgstr"):
            index = int(keyword[len("msgstr[") : -1]) if "[" in keyword else 0
            entry.msgstr[index] = text
            field = ("msgstr", index)
        else:
            entry.line = entry.line or number
            setattr(entry, keyword, text)
            field = (keyword, 0)
    flush()
    return entries


def _keys(entries: list[Entry]) -> set[tuple[str | None, str]]:
    return {e.key for e in entries}


def _describe(keys) -> str:
    return "\n".join(
        f"  {'[' + ctx + '] ' if ctx is not None else ''}{msgid!r}"
        for ctx, msgid in sorted(keys, key=lambda k: (k[1], k[0] or ""))
    )


# --- (a) complete -------------------------------------------------------------


def test_catalogue_header_is_english_with_two_plural_forms():
    header = PO_PATH.read_text(encoding="utf-8").split("\n\n", 1)[0]
    assert '"Language: en\\n"' in header
    assert '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"' in header
    assert '"Content-Type: text/plain; charset=UTF-8\\n"' in header


def test_every_entry_is_translated_and_none_is_fuzzy():
    entries = read_po(PO_PATH)
    assert len(entries) > 100, "the English catalogue is unexpectedly small"
    fuzzy = [e for e in entries if "fuzzy" in e.flags]
    untranslated = [
        e
        for e in entries
        if not e.msgstr
        or not all(e.msgstr.values())
        or (e.msgid_plural is not None and sorted(e.msgstr) != [0, 1])
    ]
    problems = []
    if fuzzy:
        problems.append("fuzzy (check and drop the flag):\n" + "\n".join(f"  {e}" for e in fuzzy))
    if untranslated:
        problems.append("untranslated:\n" + "\n".join(f"  {e}" for e in untranslated))
    assert not problems, f"{PO_PATH.relative_to(BASE_DIR)}: " + "\n".join(problems)


def test_translations_keep_their_placeholders():
    wrong = []
    for e in read_po(PO_PATH):
        expected = set(PLACEHOLDER.findall(e.msgid))
        for index, text in e.msgstr.items():
            if text and set(PLACEHOLDER.findall(text)) != expected:
                wrong.append(f"  {e} msgstr[{index}]={text!r}")
    assert not wrong, "placeholders differ from the msgid:\n" + "\n".join(wrong)


def test_msgfmt_finds_the_catalogue_valid_and_complete():
    msgfmt = _require("msgfmt")
    result = subprocess.run(
        [msgfmt, "--check", "--statistics", "-o", os.devnull, str(PO_PATH)],
        capture_output=True,
        text=True,
        env={**os.environ, "LC_ALL": "C"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "fuzzy" not in result.stderr and "untranslated" not in result.stderr, result.stderr
    assert re.search(r"^\d+ translated messages?\.$", result.stderr, re.MULTILINE), result.stderr


# --- (b) current ----------------------------------------------------------------


def _copy_project(target: Path) -> None:
    """The sources makemessages reads, without the repository's locale/.

    makemessages writes to the `locale` directory of the tree it walks, whatever
    LOCALE_PATHS says, so it runs on a copy: the repository's catalogue is
    never touched. Left out here is only what makemessages would skip anyway.
    """

    def ignore(directory: str, names: list[str]) -> set[str]:
        skipped = {
            n
            for n in names
            if n.startswith(".") or n in {"__pycache__", "staticfiles", "docs", "media"}
        }
        skipped |= {n for n in names if n.endswith((".sqlite3", ".egg-info", ".pyc"))}
        if Path(directory) == BASE_DIR:
            skipped.add("locale")
        return skipped

    shutil.copytree(BASE_DIR, target, ignore=ignore)
    shutil.copytree(LOCALE_DIR, target / "locale")


def test_catalogue_holds_exactly_the_strings_of_the_sources(tmp_path, settings, monkeypatch):
    _require("xgettext")
    _require("msgmerge")
    committed_po = PO_PATH.read_bytes()
    project = tmp_path / "project"
    _copy_project(project)
    settings.LOCALE_PATHS = [project / "locale"]
    monkeypatch.chdir(project)

    call_command(
        "makemessages",
        locale=["en"],
        no_obsolete=True,
        ignore_patterns=IGNORE_PATTERNS,
        verbosity=0,
    )

    assert PO_PATH.read_bytes() == committed_po, "makemessages touched the repository's catalogue"
    regenerated = _keys(read_po(project / "locale" / "en" / "LC_MESSAGES" / "django.po"))
    committed = _keys(read_po(PO_PATH))
    missing = regenerated - committed
    stale = committed - regenerated
    problems = []
    if missing:
        problems.append("strings in the sources but not in the catalogue:\n" + _describe(missing))
    if stale:
        problems.append("strings in the catalogue that no source uses:\n" + _describe(stale))
    assert not problems, (
        f"locale/en/LC_MESSAGES/django.po is out of date. Run `{REFRESH}`, translate the "
        "new entries (no fuzzy, no empty msgstr) and commit django.po and django.mo.\n"
        + "\n".join(problems)
    )


# --- (c) compiled -----------------------------------------------------------------


def _catalog(mo: Path) -> dict:
    with mo.open("rb") as fp:
        catalog = dict(gettext.GNUTranslations(fp)._catalog)
    catalog.pop("", None)  # the header
    return catalog


def test_mo_is_compiled_from_the_current_po(tmp_path):
    msgfmt = _require("msgfmt")
    assert MO_PATH.is_file(), f"{MO_PATH.relative_to(BASE_DIR)} is missing: run `{REFRESH}`"
    fresh = tmp_path / "django.mo"
    subprocess.run([msgfmt, "-o", str(fresh), str(PO_PATH)], check=True)
    committed, expected = _catalog(MO_PATH), _catalog(fresh)
    differing = sorted(
        str(k) for k in expected.keys() | committed.keys() if expected.get(k) != committed.get(k)
    )
    assert not differing, (
        f"django.mo does not match django.po: run `{REFRESH}` and commit django.mo.\n"
        + "\n".join(f"  {k}" for k in differing[:20])
    )


# --- (d) the English pages read in English ------------------------------------

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
NAV_ITEMS = ["推進体制", "説明会", "開催状況", "参加団体", "検索", "このポータルについて"]


def _english(msgid: str) -> str:
    with translation.override("en"):
        text = translation.gettext(msgid)
    assert text != msgid, f"{msgid!r} has no English translation"
    return text


def _between(html: str, start: str, end: str) -> str:
    _, found, tail = html.partition(start)
    assert found, f"{start!r} not in the page"
    return tail.partition(end)[0]


@pytest.mark.django_db
def test_home_in_english_has_english_chrome(client):
    html = client.get("/en/").content.decode()
    nav = _between(html, f'<nav aria-label="{_english("メインメニュー")}">', "</nav>")
    for item in NAV_ITEMS:
        assert f">{_english(item)}</a>" in nav
    assert not JAPANESE.search(nav), nav
    assert "Promotion framework" in nav and "Briefings" in nav
    assert f"<title>{_english('地域IoT実装推進ポータル')}</title>" in html
    footer = _between(html, '<footer class="site-footer">', "</footer>")
    assert "Ministry of Internal Affairs and Communications" in footer
    assert not JAPANESE.search(footer), footer
    assert _english("数字で見る推進状況") in html


@pytest.mark.django_db
def test_home_in_japanese_stays_japanese(client):
    html = client.get("/").content.decode()
    nav = _between(html, '<nav aria-label="メインメニュー">', "</nav>")
    for item in NAV_ITEMS:
        assert f">{item}</a>" in nav
    assert "Promotion framework" not in html


def test_briefings_in_english(client, seeded):
    html = client.get("/en/briefings/").content.decode()
    assert f"<h1>{_english('説明会等の開催状況')}</h1>" in html
    assert "Briefing" in html
    assert f">{_english('絞り込む')}</button>" in html
    # Column headings and the status badges come from the catalogue too.
    for heading in ["開催日", "開催箇所", "開催概要", "状況"]:
        assert f'<th scope="col">{_english(heading)}</th>' in html
    assert f">{_english('開催済')}</span>" in html
    assert "説明会等の開催状況" not in html
    assert "開催済</span>" not in html


def test_coverage_and_threads_in_english(client, seeded):
    html = client.get("/en/briefings/coverage/").content.decode()
    assert f"<h1>{_english('開催実績と地域の広がり')}</h1>" in html
    assert re.search(r"<dd>\d+ sessions<", html), "the held-sessions figure, in its plural form"
    html = client.get("/en/threads/").content.decode()
    assert f"<h1>{_english('推進体制（縦・横・斜めの糸）')}</h1>" in html
    assert "Vertical thread" in html


def test_pagination_reads_page_n_of_total(rf):
    from django.core.paginator import Paginator
    from django.template.loader import render_to_string

    page = Paginator(range(30), 10).page(2)
    with translation.override("en"):
        html = render_to_string(
            "includes/pagination.html", {"page_obj": page, "request": rf.get("/en/")}
        )
    assert "<li>Page 2 of 3</li>" in html
    assert ">Previous</a>" in html and ">Next</a>" in html
