"""factory-boy factories. Reference rows (blocks, prefectures, fields) come
from the data migration, so factories look them up rather than invent them."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from briefings.models import Briefing, ProgressReport
from core.access import BUREAU, GROUP_NAMES
from networks.models import (
    Case,
    Dispatch,
    Field,
    ImplementationReport,
    Match,
    Member,
    Municipality,
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
from networks.services import assign_staff_role
from threads.models import Activity, Participation, Progress, StatusUpdate, Thread, WorkItem

# The date a test stands on (the `today` fixture) when its rows are dated
# from today: fixed, so that no test reads the wall clock.
TODAY = datetime.date(2026, 11, 30)


def block(code: str = "kyushu") -> RegionalBlock:
    return RegionalBlock.objects.get(code=code)


def prefecture(code: str = "43") -> Prefecture:
    return Prefecture.objects.get(code=code)


def field(slug: str = "education") -> Field:
    return Field.objects.get(slug=slug)


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ("code",)

    code = "431001"  # 熊本市
    prefecture = factory.LazyFunction(prefecture)
    name = "熊本市"
    kana = "くまもとし"
    kind = Municipality.Kind.DESIGNATED_CITY


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"テスト団体{n}")
    name_en = factory.Sequence(lambda n: f"Test organization {n}")
    kind = Organization.Kind.COMPANY


class MemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Member

    name = factory.Sequence(lambda n: f"構成員{n}")
    role = Member.Role.MEMBER


class ThreadFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Thread

    slug = factory.Sequence(lambda n: f"thread-{n}")
    kind = Thread.Kind.VERTICAL
    title = factory.Sequence(lambda n: f"テストの糸{n}")
    title_en = factory.Sequence(lambda n: f"Test thread {n}")
    purpose = "推進体制を確立する。"
    order = factory.Sequence(int)


class WorkItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkItem

    thread = factory.SubFactory(ThreadFactory)
    text = "関係府省との連携を強化。"
    order = factory.Sequence(int)


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participation

    thread = factory.SubFactory(ThreadFactory)
    organization = factory.SubFactory(OrganizationFactory)
    role = "参加"


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    thread = factory.SubFactory(ThreadFactory)
    date = datetime.date(2017, 2, 4)
    title = factory.Sequence(lambda n: f"テスト活動{n}")
    status = Progress.DONE


class StatusUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StatusUpdate

    thread = factory.SubFactory(ThreadFactory)
    as_of = datetime.date(2017, 2, 24)
    status = Progress.IN_PROGRESS
    text = factory.Sequence(lambda n: f"取組状況{n}")


class BriefingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Briefing

    date = datetime.date(2017, 2, 15)
    status = Briefing.Status.HELD
    scope = Briefing.Scope.PREFECTURE
    kind = Briefing.Kind.LOCAL_GOVERNMENT
    title = factory.Sequence(lambda n: f"地方自治体向け説明会{n}")
    prefecture = factory.LazyFunction(prefecture)
    # A cancelled session must say why (a database constraint).
    cancellation_reason = factory.LazyAttribute(
        lambda o: "会場の都合により中止" if o.status == Briefing.Status.CANCELLED else ""
    )


class FieldFactory(factory.django.DjangoModelFactory):
    """A field beyond the roadmap's ten; use `field()` for those."""

    class Meta:
        model = Field

    slug = factory.Sequence(lambda n: f"field-{n}")
    name = factory.Sequence(lambda n: f"テスト分野{n}")
    order = factory.Sequence(lambda n: 100 + n)


class RegionalBlockFactory(factory.django.DjangoModelFactory):
    """A block beyond the 11; use `block()` for those."""

    class Meta:
        model = RegionalBlock

    code = factory.Sequence(lambda n: f"block-{n}")
    name = factory.Sequence(lambda n: f"テストブロック{n}")
    bureau_name = factory.Sequence(lambda n: f"テスト総合通信局{n}")
    order = factory.Sequence(lambda n: 100 + n)


class PrefectureFactory(factory.django.DjangoModelFactory):
    """A prefecture beyond the 47 (codes 50-99); use `prefecture()` for those."""

    class Meta:
        model = Prefecture

    code = factory.Sequence(lambda n: f"{50 + n % 50:02d}")
    name = factory.Sequence(lambda n: f"テスト県{n}")
    kana = factory.Sequence(lambda n: f"てすとけん{n}")
    block = factory.SubFactory(RegionalBlockFactory)


class ProgressReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressReport

    as_of = datetime.date(2017, 2, 24)
    title = factory.Sequence(lambda n: f"説明会の開催状況{n}")
    quoted_figure = "合計２０回（平成２９年２月２４日現在）"
    reported_sessions = 20


def staff_user(
    role: str,
    block_code: str | None = None,
    *,
    municipality: Municipality | None = None,
    prefecture: Prefecture | None = None,
    username: str = "",
    **fields,
):
    """A member of staff in one role (core.access.roles: EDITOR, BUREAU,
    LOCAL, VIEWER), made as `manage.py create_staff` makes one: in the role's
    group (synced by `migrate`), a bureau with its membership of block
    `block_code`, a local government's staff with its `municipality` or
    `prefecture`.
    No password unless given (force_login needs none). Read back from the
    database, so no role is cached on it."""
    users = get_user_model().objects
    user = users.create_user(username or "-".join(filter(None, [role, block_code])), **fields)
    assign_staff_role(
        user,
        role=role,
        block=block(block_code) if block_code else None,
        municipality=municipality,
        prefecture=prefecture,
    )
    return users.get(pk=user.pk)


def bureau_without_block(username: str = "lost"):
    """A member of staff put in the bureau group by hand, with no bureau
    membership: a bureau whose block is missing, who reaches nothing."""
    user = get_user_model().objects.create_user(username, is_staff=True)
    user.groups.add(Group.objects.get(name=GROUP_NAMES[BUREAU]))
    return user


def ensure_reference_data() -> None:
    """Reload the blocks, prefectures and fields if a flush removed them.

    `serialized_rollback` should restore them after every transactional
    test, but pytest-django does not always apply it once ordinary tests have
    run first (pytest-dev/pytest-django#1117): the data migration's own loader
    is idempotent, so run it again.
    """
    import importlib

    from django.apps import apps

    if not RegionalBlock.objects.exists():
        importlib.import_module("networks.migrations.0002_reference_data").load(apps, None)
    ensure_role_groups()


def ensure_role_groups() -> None:
    """The staff role groups, as after `migrate` (a flush's post_migrate
    recreates them too; this makes the order of fixtures irrelevant)."""
    from core.access import sync_role_groups
    from portal.roles import POLICY

    sync_role_groups(POLICY)


class RoadmapModelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoadmapModel

    field = factory.LazyFunction(field)
    slug = factory.Sequence(lambda n: f"model-{n}")
    name = factory.Sequence(lambda n: f"テストモデル{n}")
    name_en = factory.Sequence(lambda n: f"Test model {n}")
    order = factory.Sequence(int)


class ImplementationReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ImplementationReport

    municipality = factory.SubFactory(MunicipalityFactory)
    model = factory.SubFactory(RoadmapModelFactory)
    stage = ImplementationReport.Stage.IMPLEMENTED
    as_of = datetime.date(2019, 3, 31)


def municipality(code: str, name: str, pref: str = "43", kind=Municipality.Kind.CITY):
    """A municipality of `pref` (get or create by 団体コード)."""
    return MunicipalityFactory(
        code=code, name=name, kana="", prefecture=prefecture(pref), kind=kind
    )


class NetworkMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NetworkMembership

    organization = factory.SubFactory(OrganizationFactory)
    joined_on = datetime.date(2017, 4, 1)


class NetworkApplicationFactory(factory.django.DjangoModelFactory):
    """A pending application of a company; pass `municipality=` (and
    applicant_kind, organization_name="") for a municipality's."""

    class Meta:
        model = NetworkApplication

    applicant_kind = NetworkApplication.ApplicantKind.ORGANIZATION
    organization_name = factory.Sequence(lambda n: f"申込企業{n}")
    organization_kind = Organization.Kind.COMPANY
    prefecture = factory.LazyFunction(prefecture)
    contact_name = "山田太郎"
    email = factory.Sequence(lambda n: f"applicant{n}@example.jp")


# --- the national network's work (networks.models.cooperation) ---------------------------


def municipality_organization(code: str = "431001", name: str = "熊本市") -> Organization:
    """A municipality as an organization: 地方自治体 linked to its 団体コード
    (the same row each time for one code), a member of the national network."""
    municipality = MunicipalityFactory(code=code, name=name, prefecture=prefecture(code[:2]))
    existing = Organization.objects.filter(municipality=municipality).first()
    return network_member(
        existing
        or OrganizationFactory(
            name=name, kind=Organization.Kind.LOCAL_GOVERNMENT, municipality=municipality
        )
    )


def network_member(organization: Organization) -> Organization:
    """`organization`, made a current member of the national network (once):
    only members post needs, offers and projects."""
    if not organization.network_memberships.filter(left_on__isnull=True).exists():
        NetworkMembership.objects.create(
            organization=organization, joined_on=datetime.date(2017, 4, 1)
        )
    return organization


class NeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Need

    organization = factory.LazyFunction(municipality_organization)
    field = factory.LazyFunction(field)
    title = factory.Sequence(lambda n: f"地域課題{n}")
    posted_on = datetime.date(2017, 6, 1)


class OfferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Offer
        skip_postgeneration_save = True

    organization = factory.LazyFunction(lambda: network_member(OrganizationFactory()))
    title = factory.Sequence(lambda n: f"ソリューション提案{n}")
    nationwide = True
    posted_on = datetime.date(2017, 6, 1)

    @factory.post_generation
    def fields(self, create, extracted, **kwargs):
        if create:
            self.fields.set(extracted if extracted is not None else [field()])


class MatchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Match

    need = factory.SubFactory(NeedFactory)
    offer = factory.SubFactory(OfferFactory)
    proposed_on = datetime.date(2017, 6, 10)


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

    title = factory.Sequence(lambda n: f"プロジェクト{n}")
    lead = factory.LazyFunction(municipality_organization)
    field = factory.LazyFunction(field)
    status_since = datetime.date(2017, 7, 1)


class DispatchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Dispatch

    from_organization = factory.LazyFunction(municipality_organization)
    to_organization = factory.LazyFunction(lambda: municipality_organization("432024", "八代市"))
    topic = factory.Sequence(lambda n: f"派遣テーマ{n}")
    field = factory.LazyFunction(field)
    start_on = datetime.date(2017, 8, 1)


class CaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Case

    title = factory.Sequence(lambda n: f"優良事例{n}")
    organization = factory.LazyFunction(municipality_organization)
    field = factory.LazyFunction(field)
    stage = Case.Stage.IMPLEMENTED
    council = factory.LazyFunction(block)
    reported_on = datetime.date(2017, 9, 1)
