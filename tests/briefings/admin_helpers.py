"""The briefing admin's lifecycle pages for tests: their addresses, what a
step could change (read back from the database), posting a step's form as
the page opened it, the messages shown, a 開催済にする form's data."""

from django.contrib.messages import get_messages
from django.urls import reverse

from briefings.models import Briefing, BriefingMaterial

CHANGELIST = reverse("admin:briefings_briefing_changelist")


def step_url(briefing: Briefing, step: str) -> str:
    return reverse(f"admin:briefings_briefing_{step}", args=[briefing.pk])


def change_url(briefing: Briefing) -> str:
    return reverse("admin:briefings_briefing_change", args=[briefing.pk])


def state(briefing: Briefing) -> dict:
    """Everything a step could change, read back from the database."""
    return {
        "row": Briefing.all_objects.filter(pk=briefing.pk).values().get(),
        "organizations": sorted(
            Briefing.attending_organizations.through.objects.filter(
                briefing_id=briefing.pk
            ).values_list("organization_id", flat=True)
        ),
        "materials": list(
            BriefingMaterial.objects.filter(briefing_id=briefing.pk).values_list("order", "title")
        ),
        "history": briefing.history.count(),
        "briefings": Briefing.all_objects.count(),
    }


def post_step(client, briefing: Briefing, step: str, data: dict):
    """Post a step's form as the page opened it: with the row's version
    (core.admin.locking), which a form without it is refused for."""
    page = client.get(step_url(briefing, step))
    assert page.status_code == 200
    return client.post(
        step_url(briefing, step),
        {"step-versions": page.context["form"]["versions"].value(), **data},
    )


def texts(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def held_data(**overrides) -> dict:
    data = {
        "step-attendees": "42",
        "step-minutes": "地域IoT実装計画を説明した。",
        "materials-TOTAL_FORMS": "3",
        "materials-INITIAL_FORMS": "0",
        "materials-MIN_NUM_FORMS": "0",
        "materials-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data
