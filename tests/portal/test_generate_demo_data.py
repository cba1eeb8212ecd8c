"""`manage.py generate_demo_data` (portal.demo): volumes, lifecycle, history, refusal."""

import datetime
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db.models import F
from django.utils import timezone

from briefings.models import Briefing, BriefingMaterial
from core.uploads import UploadValidator
from networks.models import Member, Municipality, Organization, RegionalBlock
from portal.demo import DemoDataRefused, Volumes, generate_demo_data, reset_database
from portal.demo import places as demo_places
from portal.demo.bulk import DEMO_REASON
from threads.models import Activity, Participation, StatusUpdate

TODAY = datetime.date(2026, 11, 30)
SMALL = Volumes.for_scale(0.01)


@pytest.fixture
def builtin_places(monkeypatch):
    """No municipality file beside the project: the built-in extract (26 rows)."""
    monkeypatch.setattr(demo_places, "DEFAULT_MUNICIPALITIES", Path("/nonexistent/list.csv"))


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def _fingerprint():
    """The data by content, not ids: sequences differ between runs."""
    return [
        list(
            Briefing.all_objects.order_by("pk").values_list("date", "status", "title", "host__name")
        ),
        list(Activity.objects.order_by("pk").values_list("date", "title", "block__code")),
        list(Organization.objects.order_by("pk").values_list("name", "kind")),
        sorted(
            Briefing.members.through.objects.values_list(
                "briefing__date", "briefing__title", "member__name", "member__role"
            )
        ),
    ]


def test_generate_demo_data_makes_the_scaled_volumes(db, builtin_places, media):
    made = generate_demo_data(volumes=SMALL, today=TODAY)

    assert Municipality.objects.count() == 26
    assert made["briefings"] == 200
    assert Briefing.all_objects.count() == 200 + 32  # and the seed's 32
    assert Activity.objects.count() == 300 + 7
    assert made["status updates"] == 200
    assert Organization.objects.count() == 100
    assert Organization.objects.filter(kind=Organization.Kind.COMPANY).count() >= 5
    assert Organization.objects.filter(kind=Organization.Kind.LOCAL_GOVERNMENT).count() == 47
    assert made["members"] == 10
    assert made["handout files"] == 1
    assert {b.code for b in RegionalBlock.objects.filter(briefings__isnull=False)} == {
        b.code for b in RegionalBlock.objects.all()
    }


def test_generate_demo_data_statuses_follow_the_lifecycle(db, builtin_places, media):
    generate_demo_data(volumes=Volumes.for_scale(0.05), today=TODAY)
    made = Briefing.all_objects.filter(pk__in=_demo_ids(Briefing))

    held = made.filter(status=Briefing.Status.HELD)
    assert held.exists()
    assert not held.filter(date__gt=TODAY).exists()
    assert not held.filter(audience_size__isnull=True).exists()
    assert not held.filter(audience_size=0).exists()
    assert not made.filter(status=Briefing.Status.CANCELLED, cancellation_reason="").exists()
    planned = made.filter(status=Briefing.Status.PLANNED)
    overdue = planned.filter(date__lt=TODAY).count()
    assert 0 < overdue < planned.filter(date__gte=TODAY).count()
    assert made.filter(status=Briefing.Status.POSTPONED).exclude(notes="").exists()
    assert made.dates("date", "year").count() >= 10
    assert not made.filter(scope=Briefing.Scope.PREFECTURE, prefecture__isnull=True).exists()
    assert not made.exclude(prefecture=None).exclude(block=F("prefecture__block")).exists()


def _demo_ids(model):
    return model.history.filter(history_change_reason=DEMO_REASON).values("id")


def test_generate_demo_data_writes_one_creation_history_row_per_record(db, builtin_places, media):
    generate_demo_data(volumes=SMALL, today=TODAY)

    for model, manager in (
        (Briefing, Briefing.all_objects),
        (BriefingMaterial, BriefingMaterial.objects),
        (Activity, Activity.objects),
        (StatusUpdate, StatusUpdate.all_objects),
        (Organization, Organization.objects),
        (Member, Member.objects),
        (Participation, Participation.objects),
    ):
        demo_history = model.history.filter(history_change_reason=DEMO_REASON)
        assert demo_history.filter(history_type="+").count() == demo_history.count()
        ids = set(demo_history.values_list("id", flat=True))
        assert len(ids) == demo_history.count(), model
        assert ids <= set(manager.values_list("pk", flat=True)), model
        assert demo_history.exists(), model
        # Every row of the model has a history: the seed's by save(), the demo's here.
        assert set(manager.values_list("pk", flat=True)) == set(
            model.history.values_list("id", flat=True)
        ), model


def test_generate_demo_data_history_snapshot_holds_the_links(db, builtin_places, media):
    generate_demo_data(volumes=SMALL, today=TODAY)
    briefing = (
        Briefing.objects.filter(status=Briefing.Status.HELD, pk__in=_demo_ids(Briefing))
        .exclude(members=None)
        .exclude(attending_organizations=None)
        .first()
    )
    activity = Activity.objects.exclude(organizations=None).order_by("-pk").first()

    record = briefing.history.get()
    assert {m.member_id for m in record.members.all()} == set(
        briefing.members.values_list("pk", flat=True)
    )
    assert {o.organization_id for o in record.attending_organizations.all()} == set(
        briefing.attending_organizations.values_list("pk", flat=True)
    )
    assert {o.organization_id for o in activity.history.get().organizations.all()} == set(
        activity.organizations.values_list("pk", flat=True)
    )
    assert record.history_user is None
    assert record.history_date <= timezone.make_aware(datetime.datetime(2026, 11, 30, 18))


def test_generate_demo_data_names_repeated_municipalities_with_their_prefecture(
    db, builtin_places, media
):
    volumes = Volumes(
        scale=0.01,
        briefings=5,
        activities=5,
        status_updates=5,
        members=10,
        handout_files=1,
        other_organizations=5,
        municipality_share=1.0,
        organizations=150,
    )

    generate_demo_data(volumes=volumes, today=TODAY)

    governments = Organization.objects.filter(kind=Organization.Kind.LOCAL_GOVERNMENT)
    names = set(governments.values_list("name", flat=True))
    assert {"伊達市（北海道）", "伊達市（福島県）", "府中市（東京都）", "府中市（広島県）"} <= names
    assert "伊達市" not in names
    assert {"札幌市", "千代田区", "与那国町", "北海道", "東京都"} <= names
    assert not governments.filter(municipality__kind=Municipality.Kind.WARD).exists()
    date_city = governments.get(name="伊達市（福島県）")
    assert (date_city.municipality.code, date_city.prefecture.code) == ("072133", "07")
    assert date_city.block.code == "tohoku"


def test_generate_demo_data_is_deterministic_by_seed(db, builtin_places, media):
    generate_demo_data(volumes=SMALL, seed=7, today=TODAY)
    first = _fingerprint()
    reset_database()
    generate_demo_data(volumes=SMALL, seed=7, today=TODAY)
    again = _fingerprint()
    reset_database()
    generate_demo_data(volumes=SMALL, seed=8, today=TODAY)

    assert again == first
    assert _fingerprint()[0] != first[0]


def test_generate_demo_data_refuses_a_database_with_content(db, builtin_places, media):
    generate_demo_data(volumes=SMALL, today=TODAY)
    before = Briefing.all_objects.count()

    with pytest.raises(DemoDataRefused) as refused:
        generate_demo_data(volumes=SMALL, today=TODAY)

    assert refused.value.args[0]["briefings"] == before
    assert Briefing.all_objects.count() == before


def test_generate_demo_data_handout_files_pass_the_upload_rules(db, builtin_places, client, media):
    generate_demo_data(volumes=SMALL, today=TODAY)
    material = BriefingMaterial.objects.exclude(file="").get()

    UploadValidator(max_bytes_setting="MATERIAL_MAX_UPLOAD_BYTES")(material.file)
    response = client.get(material.href)

    assert (media / material.file.name).is_file()
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert BriefingMaterial.objects.filter(file="").exclude(url="").count() > 100


def test_generate_demo_data_command_reports_and_refuses_twice(db, builtin_places, media):
    out = StringIO()
    call_command("generate_demo_data", "--scale", "0.01", "--today", "2026-11-30", stdout=out)

    assert "briefings: 200" in out.getvalue()
    assert "デモデータを生成しました（規模 0.01" in out.getvalue()
    with pytest.raises(CommandError, match="既にシードを超えるデータがあります（briefings 232"):
        call_command("generate_demo_data", "--scale", "0.01", stdout=StringIO())


def test_generate_demo_data_command_reset_starts_over(db, builtin_places, media):
    call_command(
        "generate_demo_data", "--scale", "0.01", "--today", "2026-11-30", stdout=StringIO()
    )
    call_command(
        "generate_demo_data",
        "--scale",
        "0.01",
        "--reset",
        "--noinput",
        "--seed",
        "3",
        "--today",
        "2026-11-30",
        stdout=StringIO(),
    )

    assert Briefing.all_objects.count() == 232
    assert RegionalBlock.objects.count() == 11


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--scale", "0"], "--scale は 0 より大きく 10 以下で指定してください。"),
        (["--scale", "11"], "--scale は 0 より大きく 10 以下で指定してください。"),
        (["--today", "30/11/2026"], "--today は YYYY-MM-DD の形式で指定してください"),
        (
            ["--municipalities", "/nonexistent.csv"],
            "ファイル「/nonexistent.csv」が見つかりません。",
        ),
    ],
)
def test_generate_demo_data_command_bad_arguments_change_nothing(db, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("generate_demo_data", *args, stdout=StringIO())

    assert Briefing.all_objects.count() == 0
    assert Municipality.objects.count() == 0
