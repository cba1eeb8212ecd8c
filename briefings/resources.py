"""Bulk import and export of briefings (説明会等) with Japanese column headers.

The columns, the block rule for bureau users and the error messages come
from core.spreadsheets.StaffResource, the places from
networks.resources.PlacedResource; this adds the briefing's columns and
the rules of a session (a cancelled one says why, a prefecture-scope one names
its prefecture, a held one is not in the future).
"""

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext
from import_export import widgets
from import_export.fields import Field

from core import dates
from core.provenance import Provenance
from core.spreadsheets import (
    ChoiceWidget,
    CountWidget,
    DateWidget,
    TextWidget,
    TimeWidget,
    URLWidget,
    normalize,
)
from networks.resources import BlockWidget, OrganizationWidget, PlacedResource, PrefectureWidget
from threads.models import Thread

from .models import Briefing
from .services import lifecycle


class ThreadWidget(widgets.Widget):
    """A thread (関連する推進体制) by its slug or its title; exported by title."""

    def clean(self, value, row=None, **kwargs):
        text = normalize(value)
        if not text:
            return None
        raw = str(value).strip()
        matches = list(Thread.objects.filter(Q(slug=text) | Q(title=raw))[:2])
        by_slug = [thread for thread in matches if thread.slug == text]
        if by_slug:
            return by_slug[0]
        if len(matches) == 1:
            return matches[0]
        if not matches:
            message = gettext("推進体制「%(value)s」が見つかりません（名称またはスラッグ）。")
        else:
            message = gettext("推進体制「%(value)s」は複数あります。スラッグで指定してください。")
        raise ValueError(message % {"value": raw})

    def render(self, value, obj=None, **kwargs):
        return value.title if value else ""


class BriefingResource(PlacedResource):
    # Finds the row (StaffResource.get_instance); never written onto it.
    id = Field(attribute="id", column_name="ID", widget=CountWidget(), readonly=True)
    date = Field(attribute="date", column_name="開催日", widget=DateWidget())
    status = Field(
        attribute="status",
        column_name="状況",
        widget=ChoiceWidget(Briefing.Status),
        # A blank cell keeps the status (a new row: 予定).
        saves_null_values=False,
    )
    scope = Field(
        attribute="scope",
        column_name="対象",
        widget=ChoiceWidget(Briefing.Scope),
        saves_null_values=False,
    )
    kind = Field(
        attribute="kind",
        column_name="種別",
        widget=ChoiceWidget(Briefing.Kind),
        saves_null_values=False,
    )
    also_scope = Field(
        attribute="also_scope",
        column_name="併せて対象",
        widget=ChoiceWidget(Briefing.Scope, empty=""),
    )
    also_kind = Field(
        attribute="also_kind",
        column_name="併せて種別",
        widget=ChoiceWidget(Briefing.Kind, empty=""),
    )
    title = Field(attribute="title", column_name="開催概要", widget=TextWidget())
    location_text = Field(attribute="location_text", column_name="開催箇所", widget=TextWidget())
    prefecture = Field(attribute="prefecture", column_name="都道府県", widget=PrefectureWidget())
    block = Field(attribute="block", column_name="地域ブロック", widget=BlockWidget())
    host = Field(attribute="host", column_name="主催", widget=OrganizationWidget())
    host_provenance = Field(
        attribute="host_provenance",
        column_name="主催の出典",
        widget=ChoiceWidget(Provenance),
        # A blank cell keeps it (a new row: 資料に記載).
        saves_null_values=False,
    )
    host_note = Field(attribute="host_note", column_name="主催の根拠", widget=TextWidget())
    thread = Field(attribute="thread", column_name="関連する推進体制", widget=ThreadWidget())
    audience_size = Field(attribute="audience_size", column_name="参加者数", widget=CountWidget())
    notes = Field(attribute="notes", column_name="備考", widget=TextWidget())
    materials_url = Field(attribute="materials_url", column_name="資料URL", widget=URLWidget())
    cancellation_reason = Field(
        attribute="cancellation_reason", column_name="中止の理由", widget=TextWidget()
    )
    # 参加案内 (what a participant needs), each optional.
    venue_name = Field(attribute="venue_name", column_name="会場名", widget=TextWidget())
    venue_address = Field(
        attribute="venue_address", column_name="会場の所在地", widget=TextWidget()
    )
    start_time = Field(attribute="start_time", column_name="開始時刻", widget=TimeWidget())
    end_time = Field(attribute="end_time", column_name="終了時刻", widget=TimeWidget())
    audience = Field(attribute="audience", column_name="対象者", widget=TextWidget())
    application_method = Field(
        attribute="application_method",
        column_name="申込方法",
        widget=ChoiceWidget(Briefing.ApplicationMethod, empty=""),
    )
    application_url = Field(attribute="application_url", column_name="申込URL", widget=URLWidget())
    application_deadline = Field(
        attribute="application_deadline", column_name="申込締切日", widget=DateWidget()
    )
    contact = Field(attribute="contact", column_name="問合せ先", widget=TextWidget())

    export_related = ("prefecture", "block", "host", "thread")

    class Meta(PlacedResource.Meta):
        model = Briefing
        name = "説明会等"
        fields = (
            "id",
            "date",
            "status",
            "scope",
            "kind",
            "title",
            "location_text",
            "prefecture",
            "block",
            "host",
            "thread",
            "audience_size",
            "notes",
            "materials_url",
            "cancellation_reason",
            "venue_name",
            "venue_address",
            "start_time",
            "end_time",
            "audience",
            "application_method",
            "application_url",
            "application_deadline",
            "contact",
            # A combined session's second scope and kind; where the host comes from.
            "also_scope",
            "also_kind",
            "host_provenance",
            "host_note",
        )

    def base_queryset(self):
        # The admin lists soft-deleted sessions too, so an export holds them.
        return Briefing.all_objects.all()

    @staticmethod
    def _becomes_held(instance: Briefing) -> bool:
        """A new row, or a stored session whose status this row changes to held."""
        if instance.pk is None:
            return True
        stored = Briefing.all_objects.filter(pk=instance.pk).values_list("status", flat=True)
        return stored.first() != Briefing.Status.HELD

    def check_instance(self, instance, *, failed):
        problems = []
        Status, Scope = Briefing.Status, Briefing.Scope
        if (
            "status" not in failed
            and instance.status == Status.CANCELLED
            and not instance.cancellation_reason
        ):
            problems.append(
                (
                    "cancellation_reason",
                    gettext("状況が「%(status)s」の行には中止の理由が必要です。")
                    % {"status": Status.CANCELLED.label},
                )
            )
        if (
            not failed & {"status", "date", "audience_size"}
            and instance.status == Status.HELD
            and instance.date is not None
            and self._becomes_held(instance)
        ):
            # The same rules as the admin's 開催済にする step (lifecycle);
            # rows already held (the 2017 record has no counts) stay editable.
            problems += [
                (error.field, str(error))
                for error in lifecycle.held_errors(
                    attendees=instance.audience_size,
                    date=instance.date,
                    today=dates.today(),
                )
            ]
        if not failed & {"scope", "prefecture"} and (
            instance.scope == Scope.PREFECTURE and instance.prefecture_id is None
        ):
            problems.append(
                (
                    "prefecture",
                    gettext("対象が「%(scope)s」の行には都道府県が必要です。")
                    % {"scope": Scope.PREFECTURE.label},
                )
            )
        if not failed & {"scope", "block"} and (
            instance.scope == Scope.BLOCK and instance.block_id is None
        ):
            problems.append(
                (
                    "block",
                    gettext("対象が「%(scope)s」の行には地域ブロックが必要です。")
                    % {"scope": Scope.BLOCK.label},
                )
            )
        # The model's own rules for a second scope and an inferred host, with
        # their own messages.
        for field_name, constraint in self._row_rules():
            if field_name in failed:
                continue
            try:
                constraint.validate(Briefing, instance)
            except ValidationError as error:
                problems += [(field_name, message) for message in error.messages]
        return problems

    _RULES = {
        "briefings_briefing_also_prefecture_has_prefecture": "also_scope",
        "briefings_briefing_also_block_has_block": "also_scope",
        "briefings_briefing_also_scope_differs": "also_scope",
        "briefings_briefing_host_inferred_has_reason": "host_note",
    }

    @classmethod
    def _row_rules(cls):
        return [(cls._RULES[c.name], c) for c in Briefing._meta.constraints if c.name in cls._RULES]
