"""factory-boy factories. Reference rows (blocks, prefectures, fields) come
from the data migration, so factories look them up rather than invent them."""

import datetime

import factory

from briefings.models import Briefing, ProgressReport
from networks.models import (
    Field,
    Member,
    Municipality,
    NetworkApplication,
    NetworkMembership,
    Organization,
    Prefecture,
    RegionalBlock,
)
from threads.models import Activity, Participation, Progress, StatusUpdate, Thread, WorkItem


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


class ProgressReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressReport

    as_of = datetime.date(2017, 2, 24)
    title = factory.Sequence(lambda n: f"説明会の開催状況{n}")
    quoted_figure = "合計２０回（平成２９年２月２４日現在）"


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
