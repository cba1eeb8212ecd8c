"""What the property-based tests send: every URL pattern of the resolver and
generated text that has broken pages before (NUL, huge numbers, percent
signs, slashes, full-width digits, impossible dates …)."""

import re
import string
from urllib.parse import quote

import django_filters
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.converters import get_converters
from django.urls.resolvers import LocalePrefixPattern
from hypothesis import strategies as st

PROJECT_APPS = ("core", "networks", "threads", "briefings", "portal")
LANGUAGE_PREFIXES = ("", "en/")
_PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")

NASTY = (
    "",
    " ",
    "\x00",
    "\x1f",
    "\x7f",
    "\t",
    "\r\n",
    "%00",
    "%",
    "%%",
    "%FF",
    "%C0%AF",
    "/",
    "../",
    "..%2F",
    "0",
    "-1",
    "00",
    "1e999",
    "NaN",
    "inf",
    "0x10",
    "9" * 19,
    "9" * 20,
    str(2**63),
    str(-(2**63) - 1),
    "１２",
    "٣",
    "𠮷野家",
    "\u3000",
    "\u200b",
    "\ufeff",
    "\x85",
    "2017-02-30",
    "2017-13-01",
    "0000-01-01",
    "9999-12-31",
    "99999-01-01",
    "-2017-01-01",
    "2017-02-24T25:00",
    "' OR 1=1 --",
    '"><script>alert(1)</script>',
    "a" * 1000,
    "説" * 300,
)

# Generated text: any Unicode character that can be sent (no lone surrogates).
TEXT = st.one_of(
    st.sampled_from(NASTY),
    st.text(st.characters(codec="utf-8"), max_size=40),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.dates().map(str),
)


def route_templates() -> list[str]:
    """Every public URL pattern as `/prefix/<converter:name>/`, once per language;
    the admin (tested on its own) and the language switch view left out."""
    found: list[str] = []

    def walk(patterns, prefixes: tuple[str, ...]) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.namespace == "admin":
                    continue
                if isinstance(pattern.pattern, LocalePrefixPattern):
                    inner = tuple(p + lang for p in prefixes for lang in LANGUAGE_PREFIXES)
                else:
                    inner = tuple(p + str(pattern.pattern) for p in prefixes)
                walk(pattern.url_patterns, inner)
            elif isinstance(pattern, URLPattern):
                found.extend("/" + prefix + str(pattern.pattern) for prefix in prefixes)

    walk(get_resolver().url_patterns, ("",))
    return sorted(set(found))


def route_parameters(template: str) -> list[tuple[str, str]]:
    """(converter, name) of each `<…>` in a route template."""
    return [(m["converter"] or "str", m["name"]) for m in _PARAMETER.finditer(template)]


def fill(template: str, values: dict[str, str]) -> str:
    return _PARAMETER.sub(lambda m: values[m["name"]], template)


# A path segment: generated text percent-encoded (so the view sees exactly it,
# slashes and NUL included), or raw bytes that are not valid UTF-8.
SEGMENT = st.one_of(
    TEXT.map(lambda value: quote(value, safe="")),
    st.sampled_from(["%FF", "%C0%AF", "%E3%81", "%", "%zz", "%2e%2e", "..", "."]),
)


# Numbers at the edges of the integer types a database or `datetime` uses.
BOUNDARY_NUMBERS = st.sampled_from(
    ["0", "00", "10000", str(2**31), str(2**63 - 1), str(2**63), "9" * 19, "9" * 20, "9" * 40]
)


def segment_for(converter: str) -> st.SearchStrategy[str]:
    """Often a value the converter accepts (it reaches the view: the
    interesting case), with numbers at the edges for a converter of digits;
    else any segment."""
    regex = get_converters()[converter].regex
    accepted = [st.from_regex(f"\\A(?:{regex})\\Z").map(lambda value: quote(value, safe=""))]
    if re.fullmatch(regex, "0"):
        accepted += [
            BOUNDARY_NUMBERS,
            st.integers(min_value=0, max_value=10**30).map(str),
        ]
    return st.one_of(*accepted, SEGMENT)


def project_filtersets() -> list[type[django_filters.FilterSet]]:
    """Every FilterSet the project defines (imported through the URLconf's views)."""
    get_resolver().url_patterns  # noqa: B018  (imports every view, and so every FilterSet)
    found, todo = [], list(django_filters.FilterSet.__subclasses__())
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if cls.__module__.split(".")[0] in PROJECT_APPS:
            found.append(cls)
    return found


def filter_parameter_names() -> list[str]:
    """The query parameters of every public filter (range widgets add suffixes)."""
    names = {"page", "q"}
    for filterset in project_filtersets():
        for name, filter_ in filterset.base_filters.items():
            suffixes = getattr(filter_.field_class.widget, "suffixes", None)
            if suffixes:
                names.update(f"{name}_{suffix}" for suffix in suffixes)
            else:
                names.add(name)
    return sorted(names)


PARAMETER_NAME_EXTRA = st.one_of(
    st.sampled_from(["", "page", "q", "o", "format", "_", "q[]", "\x00", "%00"]),
    st.text(st.characters(codec="utf-8"), min_size=1, max_size=10),
)

# A raw query string, percent signs and separators included, sent as is.
RAW_QUERY = st.text(alphabet=string.ascii_letters + string.digits + "%&=+;#?/._-[]", max_size=40)
