import datetime

import pytest

from tests import factories
from tests.admin_urls import admin_url, row_versions
from threads.models import Activity, Progress, Thread

pytestmark = pytest.mark.django_db

INLINE_PREFIXES = ["work_items", "participations", "activities", "status_updates"]


def management_form(prefix: str, *, total: int = 0, initial: int = 0) -> dict[str, str]:
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def test_thread_change_form_has_four_inlines(admin_client):
    thread = factories.ThreadFactory()

    response = admin_client.get(admin_url(Thread, "change", thread.pk))

    html = response.content.decode()
    prefixes = [inline.formset.prefix for inline in response.context["inline_admin_formsets"]]
    assert prefixes == INLINE_PREFIXES
    for prefix in INLINE_PREFIXES:
        assert f'name="{prefix}-TOTAL_FORMS"' in html


def test_thread_change_form_inlines_show_record_fields(admin_client):
    thread = factories.ThreadFactory()
    factories.WorkItemFactory(thread=thread)
    factories.ParticipationFactory(thread=thread)
    factories.ActivityFactory(thread=thread)
    factories.StatusUpdateFactory(thread=thread)

    response = admin_client.get(admin_url(Thread, "change", thread.pk))

    fields = {
        inline.formset.prefix: [f.name for f in inline.formset.forms[0].visible_fields()]
        for inline in response.context["inline_admin_formsets"]
    }
    assert fields == {
        "work_items": ["section", "heading", "text", "order", "DELETE"],
        "participations": [
            "organization",
            "role",
            "provenance",
            "provenance_note",
            "joined_on",
            "left_on",
            "DELETE",
        ],
        "activities": [
            "date",
            "date_precision",
            "date_text",
            "title",
            "field",
            "block",
            "status",
            "DELETE",
        ],
        "status_updates": [
            "as_of",
            "date_precision",
            "date_text",
            "status",
            "text",
            "block",
            "order",
            "DELETE",
        ],
    }


def test_thread_change_post_new_status_update_creates_it(admin_client):
    thread = factories.ThreadFactory(slug="vertical", title="縦の糸", order=1)
    data = {
        "title": "縦の糸",
        "title_en": "",
        "slug": "vertical",
        "kind": Thread.Kind.VERTICAL,
        "order": "1",
        "tagline": "",
        "summary": "",
        "purpose": "",
        "method": "",
        "expected_participants": "",
        **management_form("work_items"),
        **management_form("participations"),
        **management_form("activities"),
        **management_form("status_updates", total=1),
        "status_updates-0-as_of": "2017-03-31",
        "status_updates-0-date_text": "3月末",
        "status_updates-0-status": Progress.DONE,
        "status_updates-0-text": "分野別の推進体制を確立。",
        "status_updates-0-order": "0",
    }
    data.update(row_versions(admin_client.get(admin_url(Thread, "change", thread.pk))))

    response = admin_client.post(admin_url(Thread, "change", thread.pk), data)

    assert response.status_code == 302
    assert response.url == admin_url(Thread, "changelist")
    assert list(
        thread.status_updates.values_list("as_of", "date_text", "status", "text", "order")
    ) == [(datetime.date(2017, 3, 31), "3月末", "done", "分野別の推進体制を確立。", 0)]


def test_thread_change_post_participation_same_organization_twice_rejected(admin_client):
    thread = factories.ThreadFactory(slug="vertical", title="縦の糸", order=1)
    lab = factories.OrganizationFactory(name="熊本県IoT推進ラボ")
    data = {
        "title": "縦の糸",
        "slug": "vertical",
        "kind": Thread.Kind.VERTICAL,
        "order": "1",
        **management_form("work_items"),
        **management_form("participations", total=2),
        **management_form("activities"),
        **management_form("status_updates"),
        "participations-0-organization": str(lab.pk),
        "participations-1-organization": str(lab.pk),
    }
    data.update(row_versions(admin_client.get(admin_url(Thread, "change", thread.pk))))

    response = admin_client.post(admin_url(Thread, "change", thread.pk), data)

    assert response.status_code == 200
    participations = response.context["inline_admin_formsets"][1].formset
    assert participations.non_form_errors() == ["organization の重複したデータを修正してください。"]
    assert thread.participations.count() == 0


def test_activity_changelist_search_japanese(admin_client):
    alert = factories.ActivityFactory(title="Lアラート運営諮問委員会作業部会")
    factories.ActivityFactory(title="地域ICT利活用セミナー")

    response = admin_client.get(admin_url(Activity, "changelist"), {"q": "諮問委員会"})

    assert list(response.context["cl"].result_list) == [alert]
