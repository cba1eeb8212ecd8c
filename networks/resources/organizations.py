"""Bulk import and export of organizations."""

from __future__ import annotations

from import_export.fields import Field

from core.spreadsheets import ChoiceWidget, CountWidget, TextWidget, URLWidget

from ..models import Organization
from .cells import BlockWidget, MunicipalityWidget, PrefectureWidget
from .places import PlacedResource


class OrganizationResource(PlacedResource):
    """団体: 名称 is unique, so a row without an ID updates the organization of that name."""

    # Finds the row (StaffResource.get_instance); never written onto it.
    id = Field(attribute="id", column_name="ID", widget=CountWidget(), readonly=True)
    name = Field(attribute="name", column_name="名称", widget=TextWidget())
    name_en = Field(attribute="name_en", column_name="英語名称", widget=TextWidget())
    kind = Field(
        attribute="kind",
        column_name="種別",
        widget=ChoiceWidget(Organization.Kind),
        saves_null_values=False,
    )
    prefecture = Field(attribute="prefecture", column_name="都道府県", widget=PrefectureWidget())
    municipality = Field(
        attribute="municipality", column_name="市区町村", widget=MunicipalityWidget()
    )
    block = Field(attribute="block", column_name="地域ブロック", widget=BlockWidget())
    url = Field(attribute="url", column_name="ウェブサイト", widget=URLWidget())
    description = Field(attribute="description", column_name="説明", widget=TextWidget())

    export_related = ("prefecture", "municipality", "block")

    class Meta(PlacedResource.Meta):
        model = Organization
        name = "団体"
        fields = (
            "id",
            "name",
            "name_en",
            "kind",
            "prefecture",
            "municipality",
            "block",
            "url",
            "description",
        )

    def match_without_id(self, row):
        column = self.fields["name"].column_name
        name = "" if row.get(column) is None else str(row[column]).strip()
        if not name:
            return None
        return self.get_queryset().filter(name=name).first()
