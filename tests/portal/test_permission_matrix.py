"""The permission matrix: roles × models × actions, through the real admin views.

Each case logs a real user of one role in (made with `assign_staff_role`),
sends the request a person would (GET a page, POST a form) and checks both
the answer and the database: what is allowed happened, and a refused
attempt changed nothing. The bureau user belongs to 九州 ("own" rows);
"other" rows belong to 関東. The local-government user serves 熊本市: its
implementation reports are "own", 千代田区's "other".
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.forms import MultiWidget
from django.urls import reverse

from briefings.models import Briefing, ProgressReport
from core.access import BUREAU, EDITOR, GROUP_NAMES, LOCAL, VIEWER
from networks.models import (
    BureauMembership,
    Case,
    Dispatch,
    Field,
    ImplementationReport,
    LocalGovernmentMembership,
    Match,
    Member,
    Municipality,
    NationalTarget,
    Need,
    NetworkApplication,
    NetworkMembership,
    Offer,
    Organization,
    Prefecture,
    Project,
    RegionalBlock,
    RoadmapModel,
)
from networks.validators import check_digit
from tests.factories import (
    ActivityFactory,
    BriefingFactory,
    CaseFactory,
    DispatchFactory,
    FieldFactory,
    MatchFactory,
    MemberFactory,
    MunicipalityFactory,
    NeedFactory,
    NetworkApplicationFactory,
    NetworkMembershipFactory,
    OfferFactory,
    OrganizationFactory,
    ParticipationFactory,
    ProgressReportFactory,
    ProjectFactory,
    RoadmapModelFactory,
    StatusUpdateFactory,
    ThreadFactory,
    WorkItemFactory,
    block,
    bureau_without_block,
    field,
    municipality,
    municipality_organization,
    network_member,
    prefecture,
    staff_user,
)
from threads.models import Activity, Participation, StatusUpdate, Thread, WorkItem

pytestmark = pytest.mark.django_db

OWN, OTHER = "kyushu", "kanto"
OWN_PREFECTURE, OTHER_PREFECTURE = "43", "13"  # 熊本県, 東京都

# Outcomes. A status code, or what the POST must have done to the database.
OK = 200  # the page answers
DENIED = 403  # refused, nothing written
MISSING = 404  # looks like a row that does not exist, nothing written
HIDDEN = "hidden"  # the list answers without the row
DONE = "done"  # the write happened (302 to the list)
IN_OWN_BLOCK = "in own block"  # written, and the row is in the bureau's block whatever was posted
REJECTED = "rejected"  # the form refuses the other block's choices (200), nothing written

ACTIONS = ("list", "view", "history", "add", "change", "move", "delete", "import")


# --- the models --------------------------------------------------------------


def diagonal_thread() -> Thread:
    return Thread.objects.filter(kind=Thread.Kind.DIAGONAL).first() or ThreadFactory(
        kind=Thread.Kind.DIAGONAL, slug="diagonal"
    )


def lg_code(first_five: str) -> str:
    return first_five + str(check_digit(first_five))


@dataclass(frozen=True)
class Model:
    """How to make a row of a model on one side, and what to post to add or change one.

    `values(side)` are the form fields posted to add a row of that side (or to
    move a row there); `change` is one field and its new value.
    """

    model: type
    make: Callable[[str], object]
    values: Callable[[str], dict]
    change: tuple[str, str]
    soft_delete: bool = False
    import_url: str = ""
    # Whether the admin form offers the block (the status update form does not).
    block_in_form: bool = False

    @property
    def label(self) -> str:
        return f"{self.model._meta.app_label}.{self.model._meta.model_name}"

    def url(self, action: str, obj=None) -> str:
        name = f"admin:{self.model._meta.app_label}_{self.model._meta.model_name}_{action}"
        return reverse(name, args=[obj.pk] if obj is not None else [])


def side_prefecture(side: str) -> str:
    return OWN_PREFECTURE if side == OWN else OTHER_PREFECTURE


def briefing_values(side: str) -> dict:
    pref = prefecture(OWN_PREFECTURE if side == OWN else OTHER_PREFECTURE)
    return {
        "title": f"{pref.name}の説明会",
        "status": Briefing.Status.PLANNED,
        "scope": Briefing.Scope.PREFECTURE,
        "kind": Briefing.Kind.SEMINAR,
        "date": "2030-01-10",
        "prefecture": pref.pk,
        "block": pref.block_id,
    }


def organization_values(side: str) -> dict:
    pref = prefecture(OWN_PREFECTURE if side == OWN else OTHER_PREFECTURE)
    return {
        "name": f"{pref.name}の新しい団体",
        "kind": Organization.Kind.COMPANY,
        "prefecture": pref.pk,
        "block": pref.block_id,
    }


def local_government(side: str) -> Municipality:
    if side == OWN:
        return MunicipalityFactory()  # 熊本市, the local user's own
    return municipality("131016", "千代田区", pref=OTHER_PREFECTURE)


def roadmap_model() -> RoadmapModel:
    return RoadmapModel.objects.filter(slug="telework").first() or RoadmapModelFactory(
        slug="telework", name="テレワーク"
    )


def report_values(side: str) -> dict:
    return {
        "municipality": local_government(side).pk,
        "model": roadmap_model().pk,
        "stage": ImplementationReport.Stage.PLANNED,
        "as_of": "2019-01-10",
    }


def thread_record_values(side: str) -> dict:
    return {"thread": diagonal_thread().pk, "block": block(side).pk, "date": "2030-01-10"}


MODELS = {
    m.label: m
    for m in [
        Model(
            Briefing,
            make=lambda side: BriefingFactory(
                prefecture=prefecture(OWN_PREFECTURE if side == OWN else OTHER_PREFECTURE)
            ),
            values=briefing_values,
            change=("title", "変更後の開催概要"),
            block_in_form=True,
            soft_delete=True,
            import_url="admin:briefings_briefing_import",
        ),
        Model(
            Organization,
            make=lambda side: OrganizationFactory(
                prefecture=prefecture(OWN_PREFECTURE if side == OWN else OTHER_PREFECTURE)
            ),
            values=organization_values,
            change=("name", "変更後の団体名"),
            block_in_form=True,
            import_url="admin:networks_organization_import",
        ),
        Model(
            Activity,
            make=lambda side: ActivityFactory(thread=diagonal_thread(), block=block(side)),
            values=lambda side: {
                **thread_record_values(side),
                "title": "新しい活動",
                "status": "done",
            },
            change=("title", "変更後の活動"),
            block_in_form=True,
        ),
        Model(
            StatusUpdate,
            make=lambda side: StatusUpdateFactory(thread=diagonal_thread(), block=block(side)),
            values=lambda side: {
                **thread_record_values(side),
                "as_of": "2030-01-10",
                "status": "in_progress",
                "text": "新しい取組状況",
                "order": 0,
            },
            change=("text", "変更後の取組状況"),
            block_in_form=True,
            soft_delete=True,
        ),
        Model(
            Thread,
            make=lambda side: ThreadFactory(),
            values=lambda side: {
                "slug": "new-thread",
                "kind": "vertical",
                "title": "新しい糸",
                "order": 9,
            },
            change=("title", "変更後の糸"),
        ),
        Model(
            WorkItem,
            make=lambda side: WorkItemFactory(),
            values=lambda side: {
                "thread": ThreadFactory().pk,
                "section": "work",
                "text": "新しい取組",
                "order": 0,
            },
            change=("text", "変更後の取組"),
        ),
        Model(
            Participation,
            make=lambda side: ParticipationFactory(),
            values=lambda side: {
                "thread": ThreadFactory().pk,
                "organization": OrganizationFactory().pk,
                "role": "参加",
            },
            change=("role", "事務局"),
        ),
        Model(
            Member,
            make=lambda side: MemberFactory(),
            values=lambda side: {"name": "新構成員", "role": "member"},
            change=("affiliation", "総務省"),
        ),
        Model(
            Municipality,
            make=lambda side: MunicipalityFactory(),
            values=lambda side: {
                "code": lg_code("43202"),
                "name": "八代市",
                "kind": "city",
                "prefecture": prefecture(OWN_PREFECTURE).pk,
            },
            change=("kana", "くまもとし（変更）"),
        ),
        Model(
            Field,
            make=lambda side: FieldFactory(),
            values=lambda side: {"slug": "new-field", "name": "新しい分野", "order": 50},
            change=("name_en", "Changed field"),
        ),
        Model(
            RegionalBlock,
            make=lambda side: block("okinawa"),
            values=lambda side: {"code": "new", "name": "新ブロック", "bureau_name": "新局"},
            change=("council_name", "沖縄情報通信懇談会"),
        ),
        Model(
            Prefecture,
            make=lambda side: prefecture("47"),
            values=lambda side: {"code": "48", "name": "新県", "kana": "しんけん"},
            change=("name_en", "Okinawa (changed)"),
        ),
        Model(
            ProgressReport,
            make=lambda side: ProgressReportFactory(),
            values=lambda side: {"as_of": "2030-01-01", "title": "新しい報告"},
            change=("summary", "変更後の概要"),
        ),
        Model(
            ImplementationReport,
            make=lambda side: ImplementationReport.objects.create(
                municipality=local_government(side),
                model=roadmap_model(),
                stage=ImplementationReport.Stage.CONSIDERING,
                as_of=datetime.date(2019, 4, 1),
            ),
            values=report_values,
            change=("note", "訂正しました"),
            import_url="admin:networks_implementationreport_import",
        ),
        Model(
            RoadmapModel,
            make=lambda side: RoadmapModelFactory(),
            values=lambda side: {
                "field": field().pk,
                "slug": "new-model",
                "name": "新しいモデル",
                "edition": "2016-12",
                "order": 5,
            },
            change=("kpi_unit", "校"),
        ),
        Model(
            NationalTarget,
            make=lambda side: NationalTarget.objects.create(
                slug="target", wording="目標", source="出典"
            ),
            values=lambda side: {"slug": "new-target", "wording": "新しい目標", "source": "出典"},
            change=("unit", "団体"),
        ),
        Model(
            LocalGovernmentMembership,
            make=lambda side: LocalGovernmentMembership.objects.create(
                user=assign_member("someone"), municipality=MunicipalityFactory()
            ),
            values=lambda side: {
                "user": assign_member("newcomer").pk,
                "municipality": MunicipalityFactory().pk,
            },
            change=("municipality", "131016"),
        ),
        Model(
            NetworkMembership,
            make=lambda side: NetworkMembershipFactory(
                organization=OrganizationFactory(prefecture=prefecture(side_prefecture(side)))
            ),
            values=lambda side: {
                "organization": OrganizationFactory(
                    prefecture=prefecture(side_prefecture(side))
                ).pk,
                "joined_on": "2030-01-10",
            },
            change=("note", "変更後の備考"),
        ),
        Model(
            NetworkApplication,
            make=lambda side: NetworkApplicationFactory(
                prefecture=prefecture(side_prefecture(side))
            ),
            values=lambda side: {},
            change=("review_note", "電話で確認中"),
        ),
        Model(
            BureauMembership,
            make=lambda side: BureauMembership.objects.create(
                user=assign_member("someone"), block=block(OWN)
            ),
            values=lambda side: {"user": assign_member("newcomer").pk, "block": block(OWN).pk},
            change=("block", "okinawa"),
        ),
    ]
}


# The national network's work: each row lies in the block of the municipality
# (or company) it is about; a case in its reporting council's block.


def side_municipality(side: str) -> Organization:
    if side == OWN:
        return municipality_organization("431001", "熊本市")
    return municipality_organization("131016", "千代田区")


def side_company(side: str) -> Organization:
    return network_member(
        OrganizationFactory(
            prefecture=prefecture(OWN_PREFECTURE if side == OWN else OTHER_PREFECTURE)
        )
    )


def dispatch_values(side: str) -> dict:
    return {
        "topic": "職員派遣",
        "field": field().pk,
        "start_on": "2030-01-10",
        "from_organization": municipality_organization("432024", "八代市").pk,
        "to_organization": side_municipality(side).pk,
    }


NETWORK_MODELS = [
    Model(
        Need,
        make=lambda side: NeedFactory(organization=side_municipality(side)),
        values=lambda side: {
            "title": "新しい地域課題",
            "organization": side_municipality(side).pk,
            "field": field().pk,
            "status": "open",
            "posted_on": "2030-01-10",
        },
        change=("title", "変更後の地域課題"),
    ),
    Model(
        Offer,
        make=lambda side: OfferFactory(organization=side_company(side)),
        values=lambda side: {
            "title": "新しい提案",
            "organization": side_company(side).pk,
            "fields": [field().pk],
            "nationwide": "on",
            "status": "open",
            "posted_on": "2030-01-10",
        },
        change=("title", "変更後の提案"),
    ),
    Model(
        Match,
        make=lambda side: MatchFactory(need=NeedFactory(organization=side_municipality(side))),
        values=lambda side: {
            "need": NeedFactory(organization=side_municipality(side)).pk,
            "offer": OfferFactory().pk,
            "proposed_on": "2030-01-10",
        },
        change=("note", "協議を始める"),
    ),
    Model(
        Project,
        make=lambda side: ProjectFactory(lead=side_municipality(side)),
        values=lambda side: {
            "title": "新しいプロジェクト",
            "lead": side_municipality(side).pk,
            "field": field().pk,
            "status_since": "2030-01-10",
        },
        change=("title", "変更後のプロジェクト"),
    ),
    Model(
        Dispatch,
        make=lambda side: DispatchFactory(
            from_organization=municipality_organization("432024", "八代市"),
            to_organization=side_municipality(side),
        ),
        values=dispatch_values,
        change=("topic", "変更後のテーマ"),
    ),
    Model(
        Case,
        make=lambda side: CaseFactory(organization=side_municipality(side), council=block(side)),
        values=lambda side: {
            "title": "新しい優良事例",
            "organization": side_municipality(side).pk,
            "field": field().pk,
            "stage": "trial",
            "council": block(side).pk,
            "reported_on": "2030-01-10",
        },
        change=("title", "変更後の優良事例"),
    ),
]
MODELS.update({m.label: m for m in NETWORK_MODELS})


def assign_member(username: str):
    return get_user_model().objects.create_user(username=username, is_staff=True)


# --- the matrix --------------------------------------------------------------
# One row per (model, side, role): the outcome of each action. "move" posts
# an own row's change with the other block's block/prefecture; "add" on the
# other side posts a new row of that block; "import" opens the import page
# (what an import may write is tested with the import itself).
# Editors do everything; viewers read everything and write nothing; a
# bureau reads everything but other blocks' scoped rows and the bureau
# memberships, writes only its own block's rows of the scoped models, and
# never gets a row into another block.

NETWORK_LABELS = [m.label for m in NETWORK_MODELS]
# Whose form offers a bureau only its own block's choices: a case's council, a match's need.
NARROWED_ON_ADD = ("networks.case", "networks.match")

# fmt: off
_ = None  # the action does not apply
#                                  list    view     history  add           change   move          delete   import
MATRIX = {
    ("briefings.briefing", OWN): {
        EDITOR:                   (OK,     OK,      OK,      DONE,         DONE,    DONE,         DONE,    OK),
        BUREAU:                   (OK,     OK,      OK,      IN_OWN_BLOCK, DONE,    REJECTED,     DONE,    OK),
        VIEWER:                   (OK,     OK,      OK,      DENIED,       DENIED,  DENIED,       DENIED,  DENIED),
    },
    ("briefings.briefing", OTHER): {
        EDITOR:                   (OK,     OK,      OK,      DONE,         DONE,    _,            DONE,    _),
        BUREAU:                   (HIDDEN, MISSING, MISSING, REJECTED,     MISSING, _,            MISSING, _),
        VIEWER:                   (OK,     OK,      OK,      DENIED,       DENIED,  _,            DENIED,  _),
    },
    ("networks.organization", OWN): {
        EDITOR:                   (OK,     OK,      OK,      DONE,         DONE,    DONE,         DONE,    OK),
        BUREAU:                   (OK,     OK,      OK,      IN_OWN_BLOCK, DONE,    REJECTED,     DONE,    OK),
        VIEWER:                   (OK,     OK,      OK,      DENIED,       DENIED,  DENIED,       DENIED,  DENIED),
    },
    # Other blocks' organizations stay visible to a bureau (a host may be anyone's), read-only.
    ("networks.organization", OTHER): {
        EDITOR:                   (OK,     OK,      OK,      DONE,         DONE,    _,            DONE,    _),
        BUREAU:                   (OK,     OK,      OK,      REJECTED,     DENIED,  _,            DENIED,  _),
        VIEWER:                   (OK,     OK,      OK,      DENIED,       DENIED,  _,            DENIED,  _),
    },
    ("threads.activity", OWN): {
        EDITOR:                   (OK,     OK,      OK,      DONE,         DONE,    DONE,         DONE,    _),
        BUREAU:                   (OK,     OK,      OK,      IN_OWN_BLOCK, DONE,    REJECTED,     DONE,    _),
        VIEWER:                   (OK,     OK,      OK,      DENIED,       DENIED,  DENIED,       DENIED,  _),
    },
    ("threads.activity", OTHER): {
        EDITOR:                   (OK,     OK,      OK,      DONE,         DONE,    _,            DONE,    _),
        BUREAU:                   (HIDDEN, MISSING, MISSING, REJECTED,     MISSING, _,            MISSING, _),
        VIEWER:                   (OK,     OK,      OK,      DENIED,       DENIED,  _,            DENIED,  _),
    },
    ("threads.statusupdate", OWN): {
        EDITOR:                   (OK,     OK,      OK,      DONE,         DONE,    DONE,         DONE,    _),
        BUREAU:                   (OK,     OK,      OK,      IN_OWN_BLOCK, DONE,    REJECTED,     DONE,    _),
        VIEWER:                   (OK,     OK,      OK,      DENIED,       DENIED,  DENIED,       DENIED,  _),
    },
    ("threads.statusupdate", OTHER): {
        EDITOR:                   (OK,     OK,      OK,      DONE,         DONE,    _,            DONE,    _),
        BUREAU:                   (HIDDEN, MISSING, MISSING, REJECTED,     MISSING, _,            MISSING, _),
        VIEWER:                   (OK,     OK,      OK,      DENIED,       DENIED,  _,            DENIED,  _),
    },
    **{
        (label, OWN): {
            EDITOR:               (OK,     OK,      OK,      DONE,         DONE,    _,            DONE,    _),
            BUREAU:               (OK,     OK,      OK,      DENIED,       DENIED,  _,            DENIED,  _),
            VIEWER:               (OK,     OK,      OK,      DENIED,       DENIED,  _,            DENIED,  _),
        }
        for label in [
            "threads.thread",
            "threads.workitem",
            "threads.participation",
            "networks.member",
            "networks.municipality",
            "networks.field",
            "networks.roadmapmodel",
            "networks.nationaltarget",
            "briefings.progressreport",
        ]
    },
    # A local government's staff report and correct their own stages (no
    # delete: a report is kept); another government's are out of reach.
    ("networks.implementationreport", OWN): {
        EDITOR:                   (OK,     OK,      OK,      DONE,         DONE,    DONE,         DONE,    OK),
        BUREAU:                   (OK,     OK,      OK,      IN_OWN_BLOCK, DONE,    REJECTED,     DONE,    OK),
        LOCAL:                    (OK,     OK,      OK,      IN_OWN_BLOCK, DONE,    REJECTED,     DENIED,  OK),
        VIEWER:                   (OK,     OK,      OK,      DENIED,       DENIED,  DENIED,       DENIED,  DENIED),
    },
    ("networks.implementationreport", OTHER): {
        EDITOR:                   (OK,     OK,      OK,      DONE,         DONE,    _,            DONE,    _),
        BUREAU:                   (HIDDEN, MISSING, MISSING, REJECTED,     MISSING, _,            MISSING, _),
        # No delete at all (403 whichever row: nothing to guess from it).
        LOCAL:                    (HIDDEN, MISSING, MISSING, REJECTED,     MISSING, _,            DENIED,  _),
        VIEWER:                   (OK,     OK,      OK,      DENIED,       DENIED,  _,            DENIED,  _),
    },
    # Reference facts: a name may be corrected, the set of rows is law.
    **{
        (label, OWN): {
            EDITOR:               (OK,     OK,      OK,      DENIED,       DONE,    _,            DENIED,  _),
            BUREAU:               (OK,     OK,      OK,      DENIED,       DENIED,  _,            DENIED,  _),
            VIEWER:               (OK,     OK,      OK,      DENIED,       DENIED,  _,            DENIED,  _),
        }
        for label in ["networks.regionalblock", "networks.prefecture"]
    },
    # The network's work: a bureau keeps its block's rows. Another block's
    # municipality is a choice it may see (organizations are public), so such
    # a save is refused (403) by the scope check; a case's council is a block
    # the form narrows (rejected), as is a match's need. Moving rows is tested in
    # tests/networks/test_cooperation_admin.py.
    **{
        (label, OWN): {
            EDITOR:               (OK,     OK,      OK,      DONE,         DONE,    _,            DONE,    _),
            BUREAU:               (OK,     OK,      OK,      DONE,         DONE,    _,            DONE,    _),
            VIEWER:               (OK,     OK,      OK,      DENIED,       DENIED,  _,            DENIED,  _),
        }
        for label in NETWORK_LABELS
    },
    **{
        (label, OTHER): {
            EDITOR:               (OK,     OK,      OK,      DONE,         DONE,    _,            DONE,    _),
            BUREAU:               (HIDDEN, MISSING, MISSING, REJECTED if label in NARROWED_ON_ADD else DENIED, MISSING, _, MISSING, _),
            VIEWER:               (OK,     OK,      OK,      DENIED,       DENIED,  _,            DENIED,  _),
        }
        for label in NETWORK_LABELS
        if label != "networks.offer"
    },
    # Offers stay visible to a bureau (a need in its block may match anyone's), read-only.
    ("networks.offer", OTHER): {
        EDITOR:                   (OK,     OK,      OK,      DONE,         DONE,    _,            DONE,    _),
        BUREAU:                   (OK,     OK,      OK,      DENIED,       DENIED,  _,            DENIED,  _),
        VIEWER:                   (OK,     OK,      OK,      DENIED,       DENIED,  _,            DENIED,  _),
    },
    # The network: editors review, bureaus read their block's, viewers read all.
    ("networks.networkmembership", OWN): {
        EDITOR:                   (OK,     OK,      OK,      DONE,         DONE,    _,            DONE,    _),
        BUREAU:                   (OK,     OK,      OK,      DENIED,       DENIED,  _,            DENIED,  _),
        VIEWER:                   (OK,     OK,      OK,      DENIED,       DENIED,  _,            DENIED,  _),
    },
    ("networks.networkmembership", OTHER): {
        EDITOR:                   (OK,     OK,      OK,      _,            DONE,    _,            DONE,    _),
        BUREAU:                   (HIDDEN, MISSING, MISSING, _,            DENIED,  _,            DENIED,  _),
        VIEWER:                   (OK,     OK,      OK,      _,            DENIED,  _,            DENIED,  _),
    },
    # Applications come from the public form: no one adds them in the admin.
    ("networks.networkapplication", OWN): {
        EDITOR:                   (OK,     OK,      OK,      DENIED,       DONE,    _,            DONE,    _),
        BUREAU:                   (OK,     OK,      OK,      DENIED,       DENIED,  _,            DENIED,  _),
        VIEWER:                   (OK,     OK,      OK,      DENIED,       DENIED,  _,            DENIED,  _),
    },
    ("networks.networkapplication", OTHER): {
        EDITOR:                   (OK,     OK,      OK,      _,            DONE,    _,            DONE,    _),
        BUREAU:                   (HIDDEN, MISSING, MISSING, _,            DENIED,  _,            DENIED,  _),
        VIEWER:                   (OK,     OK,      OK,      _,            DENIED,  _,            DENIED,  _),
    },
    # Who serves which bureau (or local government) is not the bureaus' business.
    **{
        (label, OWN): {
            EDITOR:               (OK,     OK,      OK,      DONE,         DONE,    _,            DONE,    _),
            BUREAU:               (DENIED, DENIED,  DENIED,  DENIED,       DENIED,  _,            DENIED,  _),
            VIEWER:               (OK,     OK,      OK,      DENIED,       DENIED,  _,            DENIED,  _),
        }
        for label in ["networks.bureaumembership", "networks.localgovernmentmembership"]
    },
}
# fmt: on

CASES = [
    pytest.param(label, side, role, action, outcome, id=f"{role}-{label}-{side}-{action}")
    for (label, side), roles in MATRIX.items()
    for role, outcomes in roles.items()
    for action, outcome in zip(ACTIONS, outcomes, strict=True)
    if outcome is not None
]


# --- helpers -----------------------------------------------------------------


def make_staff(django_user_model, role: str, username: str | None = None):
    return staff_user(
        role,
        OWN if role == BUREAU else None,
        municipality=local_government(OWN) if role == LOCAL else None,
        username=username or role,
    )


def table(model) -> tuple:
    """Every row of a model's table (deleted ones too) and its history: compare before/after."""
    rows = list(model._base_manager.order_by("pk").values())
    history = model.history.count() if hasattr(model, "history") else None
    return rows, history


def form_values(response) -> dict:
    """The values a person submitting the page unchanged would post, inlines included."""
    data = {}
    if response.status_code != 200 or "adminform" not in (response.context or {}):
        return data
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        forms += [inline.formset.management_form, *inline.formset.forms]
    for form in forms:
        for name, form_field in form.fields.items():
            value = form[name].value()
            key = form.add_prefix(name)
            if form_field.disabled or value is None or value is False:
                continue
            if isinstance(form_field.widget, MultiWidget):
                # e.g. a split date and time: name_0, name_1
                for i, part in enumerate(form_field.widget.decompress(value)):
                    data[f"{key}_{i}"] = "" if part is None else str(part)
                continue
            if value is True:
                data[key] = "on"
            elif isinstance(value, list | tuple):
                data[key] = [str(v) for v in value]
            elif isinstance(value, datetime.date):
                data[key] = value.isoformat()
            elif hasattr(value, "url"):  # a stored file: keep it by not posting it
                continue
            else:
                data[key] = str(value)
    return data


def post_form(client, url: str, values: dict, *, as_shown: bool = True):
    """Post `values` over what the page shows, as a person would.

    Without `as_shown` only `values` are posted: for a post that must be
    refused before its form is read, which saves rendering the page.
    """
    shown = form_values(client.get(url)) if as_shown else {}
    return client.post(url, {**shown, **values})


def errors(response) -> str:
    """The form's errors, to say why a post that should have saved did not."""
    context = response.context or {}
    return repr(list(context.get("errors") or [])) if "errors" in context else ""


# --- the test ----------------------------------------------------------------


@pytest.fixture
def login(client, django_user_model):
    def log_in(role: str):
        client.force_login(make_staff(django_user_model, role))
        return client

    return log_in


@pytest.mark.parametrize(("label", "side", "role", "action", "outcome"), CASES)
def test_permission_matrix(login, label, side, role, action, outcome):
    spec = MODELS[label]
    model = spec.model
    obj = spec.make(side)
    client = login(role)
    before = table(model)
    # Refusals come before the form is read (see post_form).
    as_shown = outcome in (DONE, IN_OWN_BLOCK, REJECTED)

    if action == "list":
        response = client.get(spec.url("changelist"))
        if outcome in (OK, HIDDEN):
            assert response.status_code == 200
            listed = obj.pk in {row.pk for row in response.context["cl"].result_list}
            assert listed is (outcome == OK)
        else:
            assert response.status_code == outcome

    elif action in ("view", "history"):
        response = client.get(spec.url("change" if action == "view" else "history", obj))
        assert response.status_code == outcome
        if outcome == OK:
            assert response.context["original" if action == "view" else "object"].pk == obj.pk

    elif action == "import":
        assert client.get(reverse(spec.import_url)).status_code == outcome

    elif action == "add":
        values = spec.values(side)
        response = post_form(client, spec.url("add"), values, as_shown=as_shown)
        if outcome in (DONE, IN_OWN_BLOCK):
            assert response.status_code == 302, errors(response)
            # Exactly one new row.
            new = model._base_manager.exclude(pk__in=[row["id"] for row in before[0]]).get()
            if outcome == IN_OWN_BLOCK:
                assert new.block == block(OWN)
            elif spec.block_in_form:
                assert new.block_id == values["block"]
        else:
            assert response.status_code == (200 if outcome == REJECTED else outcome), errors(
                response
            )
            if outcome == REJECTED:
                assert response.context["errors"]
            assert table(model) == before

    elif action == "change":
        name, value = spec.change
        if name == "block":
            value = block(value).pk
        elif name == "municipality":
            value = municipality(value, "千代田区", pref=OTHER_PREFECTURE).pk
        response = post_form(client, spec.url("change", obj), {name: value}, as_shown=as_shown)
        if outcome == DONE:
            assert response.status_code == 302, errors(response)
            obj.refresh_from_db()
            attname = f"{name}_id" if name in ("block", "municipality") else name
            assert getattr(obj, attname) == value
        else:
            assert response.status_code == outcome
            assert table(model) == before

    elif action == "move":
        response = post_form(client, spec.url("change", obj), spec.values(OTHER), as_shown=as_shown)
        obj.refresh_from_db()
        if outcome == DONE:
            assert response.status_code == 302, errors(response)
            assert obj.block == block(OTHER)
        elif outcome == IN_OWN_BLOCK:
            assert response.status_code == 302, errors(response)
            assert obj.block == block(OWN)
        else:
            assert response.status_code == (200 if outcome == REJECTED else outcome), errors(
                response
            )
            assert table(model) == before

    elif action == "delete":
        response = client.post(spec.url("delete", obj), {"post": "yes"})
        if outcome == DONE:
            assert response.status_code == 302
            if spec.soft_delete:
                obj.refresh_from_db()
                assert obj.deleted_at is not None
            else:
                assert model._base_manager.filter(pk=obj.pk).exists() is False
        else:
            assert response.status_code == outcome
            assert table(model) == before


def test_permission_matrix_covers_every_registered_portal_model():
    registered = {
        f"{m._meta.app_label}.{m._meta.model_name}"
        for m in admin.site._registry
        if m._meta.app_label in ("networks", "threads", "briefings")
    }

    assert registered == {label for label, _side in MATRIX}


# --- the block rule beyond the matrix ------------------------------------------


@pytest.fixture
def bureau_client(login):
    return login(BUREAU)


def test_bureau_briefing_without_block_gets_own_block(bureau_client):
    values = {
        **briefing_values(OWN),
        "scope": Briefing.Scope.NATIONAL,
        "prefecture": "",
        "block": "",
    }

    response = post_form(bureau_client, reverse("admin:briefings_briefing_add"), values)

    assert response.status_code == 302
    assert list(Briefing.all_objects.values_list("title", "block__code")) == [
        ("熊本県の説明会", OWN)
    ]


@pytest.mark.parametrize(
    "posted",
    [
        {"block": "other"},
        {"prefecture": "other"},
        {"block": "other", "prefecture": "other"},
    ],
    ids=["block", "prefecture", "both"],
)
def test_bureau_briefing_into_other_block_rejected(bureau_client, posted):
    values = briefing_values(OWN)
    if "block" in posted:
        values["block"] = block(OTHER).pk
    if "prefecture" in posted:
        values["prefecture"] = prefecture(OTHER_PREFECTURE).pk
    before = table(Briefing)

    response = post_form(bureau_client, reverse("admin:briefings_briefing_add"), values)

    assert response.status_code == 200
    assert set(response.context["adminform"].form.errors) == set(posted)
    assert table(Briefing) == before


def test_bureau_briefing_form_offers_own_block_only(bureau_client):
    form = bureau_client.get(reverse("admin:briefings_briefing_add")).context["adminform"].form

    assert list(form.fields["block"].queryset) == [block(OWN)]
    assert list(form.fields["prefecture"].queryset) == list(
        Prefecture.objects.filter(block__code=OWN)
    )
    assert form["block"].value() == block(OWN).pk


def test_bureau_organization_with_other_block_municipality_rejected(bureau_client):
    other_city = MunicipalityFactory(
        code=lg_code("13101"), name="千代田区", prefecture=prefecture(OTHER_PREFECTURE)
    )
    values = {**organization_values(OWN), "prefecture": "", "municipality": other_city.pk}
    before = table(Organization)

    response = post_form(bureau_client, reverse("admin:networks_organization_add"), values)

    assert response.status_code == 200
    assert list(response.context["adminform"].form.errors) == ["municipality"]
    assert table(Organization) == before


def test_bureau_activity_on_other_thread_rejected(bureau_client):
    vertical = ThreadFactory(kind=Thread.Kind.VERTICAL)
    values = {**MODELS["threads.activity"].values(OWN), "thread": vertical.pk}
    before = table(Activity)

    response = post_form(bureau_client, reverse("admin:threads_activity_add"), values)

    assert response.status_code == 200
    assert list(response.context["adminform"].form.errors) == ["thread"]
    assert table(Activity) == before


def test_bureau_cannot_see_vertical_thread_activity_of_own_block(bureau_client):
    activity = ActivityFactory(thread=ThreadFactory(kind=Thread.Kind.VERTICAL), block=block(OWN))

    response = bureau_client.get(reverse("admin:threads_activity_change", args=[activity.pk]))

    assert response.status_code == 404


def test_bureau_delete_selected_other_block_organization_refused(bureau_client):
    own, other = (
        OrganizationFactory(prefecture=prefecture(OWN_PREFECTURE)),
        OrganizationFactory(prefecture=prefecture(OTHER_PREFECTURE)),
    )
    before = table(Organization)

    response = bureau_client.post(
        reverse("admin:networks_organization_changelist"),
        {"action": "delete_selected", "_selected_action": [own.pk, other.pk], "post": "yes"},
    )

    assert response.status_code == 403
    assert table(Organization) == before


def test_bureau_delete_selected_other_block_briefing_selects_nothing(bureau_client):
    other = BriefingFactory(prefecture=prefecture(OTHER_PREFECTURE))
    before = table(Briefing)

    response = bureau_client.post(
        reverse("admin:briefings_briefing_changelist"),
        {"action": "delete_selected", "_selected_action": [other.pk], "post": "yes"},
    )

    assert response.status_code == 302
    assert table(Briefing) == before


# --- a bureau user whose block is missing ----------------------------------------


@pytest.fixture
def blockless_client(client, django_user_model):
    user = bureau_without_block()
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    "label",
    ["briefings.briefing", "networks.organization", "threads.activity", "threads.statusupdate"],
)
def test_bureau_without_block_sees_and_adds_nothing_scoped(blockless_client, label):
    spec = MODELS[label]
    own = spec.make(OWN)
    before = table(spec.model)

    listing = blockless_client.get(spec.url("changelist"))
    page = blockless_client.get(spec.url("change", own))
    added = blockless_client.post(spec.url("add"), spec.values(OWN))

    assert listing.status_code == 200
    assert list(listing.context["cl"].result_list) == []
    assert page.status_code == 404
    assert added.status_code == 403
    assert table(spec.model) == before


@pytest.mark.parametrize(
    "url", ["admin:briefings_briefing_import", "admin:networks_organization_import"]
)
def test_bureau_without_block_cannot_import(blockless_client, url):
    assert blockless_client.get(reverse(url)).status_code == 403


# --- autocomplete ------------------------------------------------------------------


def autocomplete(client, app_label, model_name, field_name, term=""):
    return client.get(
        reverse("admin:autocomplete"),
        {"app_label": app_label, "model_name": model_name, "field_name": field_name, "term": term},
    )


def test_autocomplete_prefectures_are_public_facts(bureau_client):
    response = autocomplete(bureau_client, "briefings", "briefing", "prefecture", term="東京")

    assert response.status_code == 200
    assert response.json()["results"] == [
        {"id": str(prefecture(OTHER_PREFECTURE).pk), "text": "東京都"}
    ]


def test_autocomplete_hosts_include_other_blocks_organizations(bureau_client):
    other = OrganizationFactory(prefecture=prefecture(OTHER_PREFECTURE))

    response = autocomplete(bureau_client, "briefings", "briefing", "host")

    assert [r["id"] for r in response.json()["results"]] == [str(other.pk)]


def test_autocomplete_users_refused_to_bureau(bureau_client):
    response = autocomplete(bureau_client, "networks", "bureaumembership", "user")

    assert response.status_code == 403


@pytest.fixture
def briefing_picker():
    """An admin whose form picks briefings by autocomplete, as a handouts admin would.

    No registered admin does today (handouts are edited inline), but the
    autocomplete view serves any registered model's relation: the briefings
    it offers must still be the bureau's own.
    """
    from briefings.models import BriefingMaterial

    admin.site.register(BriefingMaterial, autocomplete_fields=["briefing"])
    yield
    admin.site.unregister(BriefingMaterial)


def test_autocomplete_briefings_only_own_block(bureau_client, briefing_picker):
    own = BriefingFactory(prefecture=prefecture(OWN_PREFECTURE), title="熊本の説明会")
    BriefingFactory(prefecture=prefecture(OTHER_PREFECTURE), title="東京の説明会")

    response = autocomplete(bureau_client, "briefings", "briefingmaterial", "briefing", "説明会")

    assert response.status_code == 200
    assert [r["id"] for r in response.json()["results"]] == [str(own.pk)]


# --- staff accounts in the user admin ------------------------------------------------


@pytest.fixture
def editor_client(login):
    return login(EDITOR)


def test_editor_assigns_bureau_role_in_user_admin(editor_client, django_user_model):
    user = django_user_model.objects.create_user(username="newcomer")
    url = reverse("admin:auth_user_change", args=[user.pk])

    response = post_form(
        editor_client,
        url,
        {
            "is_staff": "on",
            "groups": [Group.objects.get(name=GROUP_NAMES[BUREAU]).pk],
            "bureau_membership-TOTAL_FORMS": "1",
            "bureau_membership-0-block": block(OWN).pk,
        },
    )

    assert response.status_code == 302, errors(response)
    user.refresh_from_db()
    assert (user.is_staff, list(user.groups.values_list("name", flat=True))) == (
        True,
        [GROUP_NAMES[BUREAU]],
    )
    assert user.bureau_membership.block == block(OWN)
    assert BureauMembership.history.get().history_user.username == EDITOR


def test_editor_cannot_make_a_superuser(editor_client, django_user_model):
    user = django_user_model.objects.create_user(username="newcomer")

    response = post_form(
        editor_client,
        reverse("admin:auth_user_change", args=[user.pk]),
        {"is_superuser": "on", "is_staff": "on"},
    )

    assert response.status_code == 302, errors(response)
    user.refresh_from_db()
    assert (user.is_staff, user.is_superuser) == (True, False)


def test_editor_cannot_change_a_superuser(editor_client, django_user_model):
    root = django_user_model.objects.create_superuser(username="root", password=None)
    before = list(django_user_model.objects.order_by("pk").values())

    page = editor_client.get(reverse("admin:auth_user_change", args=[root.pk]))
    password = editor_client.post(
        reverse("admin:auth_user_password_change", args=[root.pk]),
        {"password1": "a-new-long-password-1", "password2": "a-new-long-password-1"},
    )

    assert page.status_code == 200
    assert "adminform" in page.context
    assert page.context["has_change_permission"] is False
    assert password.status_code == 403
    assert list(django_user_model.objects.order_by("pk").values()) == before


@pytest.mark.parametrize(("role", "status"), [(BUREAU, 403), (VIEWER, 200)])
def test_user_admin_read_by_viewer_only(login, role, status):
    assert login(role).get(reverse("admin:auth_user_changelist")).status_code == status
