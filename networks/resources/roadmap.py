"""Bulk import and export of implementation reports (a survey's results).

Columns: 団体コード (a municipality's, or a prefecture's own), モデル, 段階,
時点, 備考 (and ID, 関連URL). A row names its local government by code only,
never by name. A row without an ID that names a government, model and date
already reported corrects that report; any other row is a new report, so a
survey file imported twice changes nothing.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from import_export.fields import Field

from core.spreadsheets import (
    ChoiceWidget,
    CountWidget,
    DateWidget,
    StaffResource,
    TextWidget,
    URLWidget,
)

from ..models import ImplementationReport, Municipality
from .cells import LocalGovernmentWidget, RoadmapModelWidget


class ImplementationReportResource(StaffResource):
    id = Field(attribute="id", column_name="ID", widget=CountWidget(), readonly=True)
    local_government = Field(
        attribute="local_government", column_name="団体コード", widget=LocalGovernmentWidget()
    )
    model = Field(attribute="model", column_name="モデル", widget=RoadmapModelWidget())
    stage = Field(
        attribute="stage",
        column_name="段階",
        widget=ChoiceWidget(ImplementationReport.Stage),
        saves_null_values=False,
    )
    as_of = Field(attribute="as_of", column_name="時点", widget=DateWidget())
    note = Field(attribute="note", column_name="備考", widget=TextWidget())
    url = Field(attribute="url", column_name="関連URL", widget=URLWidget())

    export_related = ("municipality", "prefecture", "model")

    class Meta(StaffResource.Meta):
        model = ImplementationReport
        name = "実装状況"
        fields = ("id", "local_government", "model", "stage", "as_of", "note", "url")

    def match_without_id(self, row):
        """The report of the same government, model and date, if any (a correction)."""
        try:
            place = self._clean(row, "local_government")
            model = self._clean(row, "model")
            as_of = self._clean(row, "as_of")
        except (ValueError, ValidationError):
            return None  # the row's own import says what is wrong
        if place is None or model is None or as_of is None:
            return None
        lookup = "municipality" if isinstance(place, Municipality) else "prefecture"
        return (
            self.get_queryset()
            .filter(**{lookup: place}, model=model, as_of=as_of)
            .order_by("-pk")
            .first()
        )

    def _clean(self, row, name: str):
        field = self.fields[name]
        return field.clean(row) if field.column_name in row else None

    def place(self, instance, *, failed: set[str]) -> list[tuple[str, str]]:
        # The block follows from the government before the scope is checked
        # (a bureau's row is in its block only if its government is).
        place = instance.local_government
        if place is not None:
            block_of = place.prefecture if isinstance(place, Municipality) else place
            instance.block_id = block_of.block_id
        return super().place(instance, failed=failed)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        if "local_government" in errors:
            # A code not found already says what is wrong: not also "name one".
            errors.setdefault("municipality", [])
            errors.setdefault("prefecture", [])
        try:
            super().validate_instance(instance, errors, validate_unique)
        except ValidationError as error:
            raise ValidationError(
                {key: texts for key, texts in error.message_dict.items() if texts}
            ) from None

    def after_init_instance(self, instance, new, row, **kwargs):
        super().after_init_instance(instance, new, row, **kwargs)
        if new and self.user is not None:
            instance.reported_by = self.user
