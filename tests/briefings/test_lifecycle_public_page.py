"""What the public page shows of a held, cancelled or planned session."""

import datetime

import pytest

from briefings.services import mark_briefing_cancelled, mark_briefing_held
from tests.briefings.lifecycle_helpers import SESSION_DAY, pdf, planned
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


# --- the public page of a held or cancelled session -----------------------------------


def test_detail_shows_the_record_of_a_held_session(client):
    briefing = planned(title="九州地域ICT利活用セミナー")
    city = OrganizationFactory(name="熊本市", name_en="Kumamoto City")
    mark_briefing_held(
        briefing,
        attendees=42,
        organizations=[city],
        minutes="ロードマップを説明した。\n\n質疑応答を行った。",
        materials=[("ロードマップ", "https://www.soumu.go.jp/roadmap.pdf"), ("説明資料", pdf())],
        today=SESSION_DAY,
    )
    second = briefing.materials.get(order=2)

    html = client.get(briefing.get_absolute_url()).content.decode()

    assert "<dt>参加者数</dt><dd>42</dd>" in html
    assert f'<dt>参加団体</dt><dd><a href="/organizations/{city.pk}/">熊本市</a></dd>' in html
    assert '<h2 id="minutes-heading">議事概要</h2>' in html
    assert "<p>ロードマップを説明した。</p>\n\n<p>質疑応答を行った。</p>" in html
    assert (
        '<li><a href="https://www.soumu.go.jp/roadmap.pdf">資料1 ロードマップ</a></li>\n'
        f'  <li><a href="/briefings/materials/{second.pk}/">資料2 説明資料</a></li>'
    ) in html
    assert "中止の理由" not in html


def test_detail_shows_why_a_session_was_cancelled(client):
    briefing = planned()
    mark_briefing_cancelled(briefing, reason="台風の接近により中止")

    html = client.get(briefing.get_absolute_url()).content.decode()

    assert "<dt>中止の理由</dt><dd>台風の接近により中止</dd>" in html
    assert "議事概要" not in html
    assert "配布資料" not in html


def test_detail_of_a_planned_session_has_no_record(client):
    briefing = planned()

    html = client.get(briefing.get_absolute_url()).content.decode()

    assert "<dt>参加団体</dt>" not in html
    assert "議事概要" not in html
    assert "配布資料" not in html
    assert "中止の理由" not in html
