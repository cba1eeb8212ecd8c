"""Addresses of the directory pages (prefecture, block, organizations) and a
block's seminar, for the portal's page tests."""

from django.urls import reverse
from django.utils import translation

from briefings.models import Briefing
from tests.factories import BriefingFactory, block


def url(name: str, *args, language: str = "ja") -> str:
    with translation.override(language):
        return reverse(f"networks:{name}", args=args)


def block_briefing(code: str = "kyushu", **kwargs) -> Briefing:
    kwargs.setdefault("scope", Briefing.Scope.BLOCK)
    kwargs.setdefault("kind", Briefing.Kind.SEMINAR)
    return BriefingFactory(prefecture=None, block=block(code), **kwargs)
