"""`load_seed` as a command and as a re-run: idempotent, restores edited
values, keeps rows added by staff, writes nothing on a bad row."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command

from briefings.models import Briefing, ProgressReport
from networks.models import Member, Organization
from portal import seed
from portal.seed_loader import load_seed
from threads.models import Activity, Participation, StatusUpdate, Thread, WorkItem

# Every row the document yields: 28 organizations, 5 members, 4 threads,
# 20 work items, 13 status updates, 20 participations, 7 activities,
# 32 briefings and 1 progress report.
TOTAL_ROWS = 130

SEEDED_MODELS = [
    Organization,
    Member,
    Thread,
    WorkItem,
    StatusUpdate,
    Participation,
    Activity,
    Activity.organizations.through,
    Briefing,
    Briefing.members.through,
    ProgressReport,
]


def _snapshot() -> dict[str, list[tuple]]:
    """Every seeded value; many-to-many links by their ends, not their own ids."""
    snapshot = {}
    for model in SEEDED_MODELS:
        if model._meta.auto_created:
            ends = [field.name for field in model._meta.fields if field.is_relation]
            snapshot[model._meta.label] = sorted(model.objects.values_list(*ends))
        else:
            snapshot[model._meta.label] = list(model.objects.order_by("pk").values_list())
    return snapshot


# --- Idempotency and re-runs -------------------------------------------------------------------


@pytest.mark.django_db
def test_load_seed_first_run_creates_every_row():
    assert load_seed() == {"created": TOTAL_ROWS, "updated": 0, "unchanged": 0}


def test_load_seed_second_run_changes_nothing(seeded):
    before = _snapshot()
    assert load_seed() == {"created": 0, "updated": 0, "unchanged": TOTAL_ROWS}
    assert _snapshot() == before


def test_load_seed_rerun_restores_edited_values(seeded):
    """The seed is the document: a re-run sets an editor's change back."""
    before = _snapshot()
    thread = Thread.objects.get(slug="vertical")
    thread.title = "編集後の名称"
    thread.save()
    briefing = Briefing.objects.get(date=datetime.date(2017, 2, 15))
    briefing.notes = ""
    briefing.save()
    briefing.members.clear()
    activity = Activity.objects.get(title="未来の学びコンソーシアム")
    activity.organizations.remove(Organization.objects.get(name="総務省"))

    assert load_seed() == {"created": 0, "updated": 3, "unchanged": TOTAL_ROWS - 3}

    assert Thread.objects.get(slug="vertical").title == "縦の糸"
    briefing.refresh_from_db()
    assert briefing.notes == "※米田構成員参加"
    assert list(briefing.members.values_list("name", flat=True)) == ["米田"]
    assert activity.organizations.count() == 3
    assert _snapshot() == before


def test_load_seed_rerun_keeps_rows_not_in_document(seeded):
    Briefing.objects.create(
        date=datetime.date(2017, 4, 10),
        status="planned",
        scope="national",
        kind="other",
        title="編集者が追加した説明会",
    )
    load_seed()
    assert Briefing.objects.count() == 33
    assert Briefing.objects.filter(title="編集者が追加した説明会").exists()


@pytest.mark.django_db
def test_load_seed_unknown_venue_writes_nothing(monkeypatch):
    monkeypatch.setattr(
        seed, "PLANNED_BRIEFINGS", [seed.BriefingRow("3月1日", "どこか", "地方自治体向け説明会")]
    )
    with pytest.raises(ValueError, match="is not a prefecture"):
        load_seed()
    assert Thread.objects.count() == 0
    assert Organization.objects.count() == 0


# --- The command -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_load_seed_command_prints_summary_in_japanese():
    out = StringIO()
    call_command("load_seed", stdout=out)
    assert out.getvalue() == (
        f"資料を読み込みました（新規 {TOTAL_ROWS}件、更新 0件、変更なし 0件）。\n"
    )


@pytest.mark.django_db
def test_load_seed_command_silent_at_verbosity_zero():
    out = StringIO()
    call_command("load_seed", verbosity=0, stdout=out)
    assert out.getvalue() == ""
    assert Briefing.objects.count() == 32
