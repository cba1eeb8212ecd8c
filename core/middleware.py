"""One gate for control characters in what a request says.

PostgreSQL refuses NUL in any string (`/prefectures/%00/` was a 500 there,
and so was the admin autocomplete's `term`); other C0 control characters
have no business in an address, a form field or a cookie and end up in
exports and logs. Rather than every view, filter and admin page cleaning its
own input, this middleware answers 400 for any request that carries one:

- in the path (decoded: Django turns `%00` into NUL): any C0 character
  (U+0000–U+001F) or DEL (U+007F);
- in the name or value of a GET or POST parameter, a cookie or a header:
  the same, except tab, line feed and carriage return, which text areas
  (and text pasted from a spreadsheet) send. Uploaded files are left to
  their validators (Django already drops control characters from their
  names); a cookie matters because the session store sends its value to
  the database.

The 400 page is a fixed snippet in the language of the address: no template
and no database, so it works whatever state the rest of the site is in.
It sits right after SecurityMiddleware (its answer gets the security headers)
and before anything that reads the request. It reads POST data, as
CsrfViewMiddleware would a little later: a view can no longer change its
upload handlers (none here does).
"""

import re

from django.conf import settings
from django.http import HttpRequest, HttpResponseBadRequest
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext

from .security_log import log_refused_request

PATH_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
TEXT_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _has_control(pairs) -> bool:
    return any(TEXT_CONTROL.search(name) or TEXT_CONTROL.search(value) for name, value in pairs)


def _parameters(querydict):
    for name, values in querydict.lists():
        for value in values:
            yield name, value


def control_character_location(request: HttpRequest) -> str | None:
    """Where the request carries a refused control character (`path`, `GET` …), or None."""
    if PATH_CONTROL.search(request.path_info):
        return "path"
    if _has_control(_parameters(request.GET)):
        return "GET"
    if request.method == "POST" and _has_control(_parameters(request.POST)):
        return "POST"
    if _has_control(request.COOKIES.items()):
        return "cookie"
    headers = ((key, value) for key, value in request.META.items() if key.startswith("HTTP_"))
    if _has_control(headers):
        return "header"
    return None


def bad_request_page(request: HttpRequest) -> HttpResponseBadRequest:
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        body = format_html(
            '<!doctype html><html lang="{}"><head><meta charset="utf-8">'
            "<title>{}</title></head><body><h1>{}</h1><p>{}</p></body></html>",
            language,
            gettext("不正なリクエスト"),
            gettext("不正なリクエスト"),
            gettext(
                "アドレスまたは送信された内容に制御文字（NUL など）が含まれているため、"
                "処理できません。入力した内容を確かめてください。"
            ),
        )
    return HttpResponseBadRequest(body, content_type="text/html; charset=utf-8")


class RefuseControlCharactersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        location = control_character_location(request)
        if location is not None:
            log_refused_request(request, location=location)
            return bad_request_page(request)
        return self.get_response(request)
