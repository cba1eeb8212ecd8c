"""Sessions for the lifecycle tests (services and admin): a planned one, everything a step
could change (read back from the database), a handout."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile

from briefings.models import Briefing, BriefingMaterial
from tests.factories import BriefingFactory, prefecture

SESSION_DAY = datetime.date(2017, 2, 15)


def planned(code: str = "43", **kwargs) -> Briefing:
    """A planned session in prefecture `code` (43 熊本: Kyushu; 13 東京: Kanto)."""
    kwargs.setdefault("date", SESSION_DAY)
    kwargs.setdefault("status", Briefing.Status.PLANNED)
    return BriefingFactory(prefecture=prefecture(code), **kwargs)


def state(briefing: Briefing) -> dict:
    """Everything a step could change, read back from the database."""
    return {
        "row": Briefing.all_objects.filter(pk=briefing.pk).values().get(),
        "organizations": sorted(
            briefing.attending_organizations.through.objects.filter(
                briefing_id=briefing.pk
            ).values_list("organization_id", flat=True)
        ),
        "members": sorted(briefing.members.values_list("pk", flat=True)),
        "materials": list(
            BriefingMaterial.objects.filter(briefing_id=briefing.pk).values_list(
                "order", "title", "file", "url"
            )
        ),
        "history": briefing.history.count(),
        "briefings": Briefing.all_objects.count(),
    }


def pdf(name: str = "shiryo.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.4\n", content_type="application/pdf")
