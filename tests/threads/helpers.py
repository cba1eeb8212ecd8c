"""Addresses of the thread pages, and dates counted back from the day the
tests stand on (the `today` fixture), for the thread tests."""

import datetime

from django.urls import reverse
from django.utils import translation

from tests.factories import TODAY
from threads.models import Thread


def detail_url(thread: Thread, language: str = "ja") -> str:
    with translation.override(language):
        return reverse("threads:thread_detail", args=[thread.slug])


def list_url(language: str = "ja") -> str:
    with translation.override(language):
        return reverse("threads:thread_list")


def days_ago(days: int) -> datetime.date:
    return TODAY - datetime.timedelta(days=days)
