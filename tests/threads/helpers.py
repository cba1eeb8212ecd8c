"""Addresses of the thread pages, and dates counted back from today, for the
thread tests."""

import datetime

from django.urls import reverse
from django.utils import timezone, translation

from threads.models import Thread


def detail_url(thread: Thread, language: str = "ja") -> str:
    with translation.override(language):
        return reverse("threads:thread_detail", args=[thread.slug])


def list_url(language: str = "ja") -> str:
    with translation.override(language):
        return reverse("threads:thread_list")


def days_ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)
