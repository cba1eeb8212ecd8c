import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_admin_index_site_header_japanese(admin_client):
    response = admin_client.get(reverse("admin:index"))

    assert response.status_code == 200
    assert response.context["site_header"] == "地域IoT実装推進ポータル 管理"
    assert response.context["site_title"] == "地域IoT実装推進ポータル"
    assert response.context["title"] == "サイト管理"


def test_admin_index_lists_every_app(admin_client):
    response = admin_client.get(reverse("admin:index"))

    # The index sorts models by their Japanese verbose names; compare by class name.
    apps = {
        app["app_label"]: sorted(m["object_name"] for m in app["models"])
        for app in response.context["app_list"]
    }
    assert {label: apps[label] for label in ["networks", "threads", "briefings"]} == {
        "networks": [
            "BureauMembership",
            "Case",
            "Dispatch",
            "Field",
            "ImplementationReport",
            "LocalGovernmentMembership",
            "Match",
            "Member",
            "Municipality",
            "NationalTarget",
            "Need",
            "NetworkApplication",
            "NetworkMembership",
            "Offer",
            "Organization",
            "Prefecture",
            "Project",
            "RegionalBlock",
            "RoadmapModel",
        ],
        "threads": ["Activity", "Participation", "StatusUpdate", "Thread", "WorkItem"],
        "briefings": ["Briefing", "ProgressReport"],
    }
