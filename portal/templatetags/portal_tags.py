"""Template helpers shared by every app's pages: dates, counts, badges and the language switch.

`dated`, `status_badge`, `provenance` and `organization_place` write the small fragments a table
repeats on every row. As `{% include %}`s they cost a template lookup, a
context push and a node walk each (about 50 µs): 100 of them on a thread
page's 50 activities. The include templates of the same names call these
tags, so the markup lives here only.
"""

import datetime

from django import template
from django.urls import translate_url
from django.utils import translation
from django.utils.formats import date_format
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from core.figures import Grouped
from core.provenance import Provenance

register = template.Library()

# (first day, era name in Japanese, era name in English)
_ERAS = (
    (datetime.date(2019, 5, 1), "令和", "Reiwa"),
    (datetime.date(1989, 1, 8), "平成", "Heisei"),
    (datetime.date(1926, 12, 25), "昭和", "Showa"),
)


@register.filter
def jdate(value: datetime.date | None) -> str:
    """2017年2月24日 in Japanese, 24 February 2017 in English."""
    if not value:
        return ""
    if translation.get_language() == "en":
        return date_format(value, "j F Y")
    return f"{value.year}年{value.month}月{value.day}日"


@register.filter
def grouped(value):
    """A count as a page writes it, with the thousands separator (28,562).

    It stays a number, so `{% blocktranslate count n=total|grouped %}` still
    picks the plural by it. Anything but an int is left as it is.
    """
    if isinstance(value, int) and not isinstance(value, bool):
        return Grouped(value)
    return value


@register.filter
def wareki(value: datetime.date | None) -> str:
    """The Japanese era year, e.g. 平成29年 (Heisei 29)."""
    if not value:
        return ""
    for start, name_ja, name_en in _ERAS:
        if value >= start:
            year = value.year - start.year + 1
            if translation.get_language() == "en":
                return f"{name_en} {year}"
            return f"{name_ja}{'元' if year == 1 else year}年"
    return ""


@register.simple_tag(takes_context=True)
def translated_url(context, language_code: str) -> str:
    """This page's address in another language (falls back to that language's home)."""
    request = context.get("request")
    path = request.get_full_path() if request else "/"
    return translate_url(path, language_code)


@register.simple_tag
def dated(obj) -> SafeString:
    """A date as far as the source states it (core.dateprecision), never a
    day nobody stated: `obj` has date_display and date_machine."""
    return format_html('<time datetime="{}">{}</time>', obj.date_machine, obj.date_display)


@register.simple_tag
def status_badge(value: str, label: str) -> SafeString:
    """A status as a badge: its stored value names the class, its label shows.

    It ends with the newline the include always wrote: the pages' spacing
    depends on it (a project's badge and its （…から） read as two words)."""
    return format_html('<span class="badge status-{}">{}</span>\n', value, label)


@register.simple_tag
def provenance(value: str, note: str = "") -> SafeString:
    """A 推定 badge and its reason when a fact was inferred (core.provenance);
    nothing for a stated one."""
    if value != Provenance.INFERRED:
        return SafeString("")
    badge = format_html(' <span class="badge inferred">{}</span>', gettext("推定"))
    if not note:
        return badge
    # As {% blocktranslate %} does: the note escaped, the translation as it is.
    reason = mark_safe(gettext("根拠：%(note)s") % {"note": conditional_escape(note)})
    return badge + format_html(' <span class="meta provenance-note">{}</span>', reason)


@register.simple_tag
def organization_place(organization) -> SafeString:
    """Where an organization is, as the directory and the member list show it:
    a link to its prefecture, else to its block, else 全国 (nationwide)."""
    place = organization.prefecture or organization.block
    if place is None:
        return conditional_escape(gettext("全国"))
    return format_html('<a href="{}">{}</a>', place.get_absolute_url(), place.display_name)
