"""Filters of the network's lists: field and block (and status, stage) by their codes."""

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from core.filters import ALL, DisplayNameChoiceFilter, FilterForm, PortalFilterSet
from networks.filters import block_filter
from networks.models import Case, Field, Need, Offer, Project, RegionalBlock


def field_filter(**kwargs) -> DisplayNameChoiceFilter:
    """A roadmap field chosen by its slug (`?field=education`)."""
    return DisplayNameChoiceFilter(
        queryset=Field.objects.all(),
        to_field_name="slug",
        label=_("分野"),
        empty_label=ALL,
        error_messages={
            "invalid_choice": _("分野「%(value)s」はありません。一覧から選んでください。")
        },
        **kwargs,
    )


def choice_filter(choices, label, invalid) -> django_filters.ChoiceFilter:
    return django_filters.ChoiceFilter(
        choices=choices,
        label=label,
        empty_label=ALL,
        error_messages={"invalid_choice": invalid},
    )


class NeedFilterSet(PortalFilterSet):
    search_fields = ("title", "description", "organization__name")
    field = field_filter()
    block = block_filter(field_name="prefecture__block")

    class Meta:
        model = Need
        fields: list[str] = []
        form = FilterForm


class OfferFilterSet(PortalFilterSet):
    search_fields = ("title", "description", "organization__name")
    field = field_filter(method="in_field")
    block = block_filter(method="serving_block")

    class Meta:
        model = Offer
        fields: list[str] = []
        form = FilterForm

    def in_field(self, queryset: QuerySet, name: str, value: Field) -> QuerySet:
        return queryset.in_field(value)

    def serving_block(self, queryset: QuerySet, name: str, value: RegionalBlock) -> QuerySet:
        return queryset.serving_block(value)


class ProjectFilterSet(PortalFilterSet):
    search_fields = ("title", "summary", "lead__name")
    field = field_filter()
    block = block_filter(field_name="lead__block")
    status = choice_filter(
        Project.Status.choices,
        _("状況"),
        _("状況「%(value)s」はありません。一覧から選んでください。"),
    )

    class Meta:
        model = Project
        fields: list[str] = []
        form = FilterForm


class CaseFilterSet(PortalFilterSet):
    search_fields = ("title", "summary", "organization__name")
    field = field_filter()
    block = block_filter(field_name="council")
    stage = choice_filter(
        Case.Stage.choices,
        _("段階"),
        _("段階「%(value)s」はありません。一覧から選んでください。"),
    )

    class Meta:
        model = Case
        fields: list[str] = []
        form = FilterForm
