"""Template helpers shared by every app's pages: dates and the language switch."""

import datetime

from django import template
from django.urls import translate_url
from django.utils import translation
from django.utils.formats import date_format

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
