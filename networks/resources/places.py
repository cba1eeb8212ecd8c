"""`PlacedResource`: a staff import of rows placed by municipality, prefecture and block."""

from __future__ import annotations

from django.utils.translation import gettext

from core.spreadsheets import StaffResource


class PlacedResource(StaffResource):
    """Rows with a `block` and, below it, a `prefecture` and maybe a `municipality`."""

    def place(self, instance, *, failed: set[str]) -> list[tuple[str, str]]:
        """Fill in the prefecture and block a row implies, and keep a bureau in its block.

        A municipality fixes the prefecture and a prefecture fixes the block,
        as the models' save() would; a contradiction is an error, as is a
        place outside a confined user's own (StaffResource.place). A bureau's
        row without a block gets the bureau's.
        """
        if failed & {"municipality", "prefecture", "block"}:
            return []
        municipality = getattr(instance, "municipality", None)
        if municipality is not None:
            if instance.prefecture_id is None:
                instance.prefecture = municipality.prefecture
            elif instance.prefecture_id != municipality.prefecture_id:
                return [
                    (
                        "municipality",
                        gettext("市区町村「%(municipality)s」は%(prefecture)sにありません。")
                        % {
                            "municipality": municipality.name,
                            "prefecture": instance.prefecture.name,
                        },
                    )
                ]
        if instance.prefecture_id is not None:
            prefecture = instance.prefecture
            if instance.block_id is None:
                instance.block = prefecture.block
            elif instance.block_id != prefecture.block_id:
                return [
                    (
                        "block",
                        gettext("%(prefecture)sは地域ブロック「%(block)s」に属していません。")
                        % {"prefecture": prefecture.name, "block": instance.block.name},
                    )
                ]
        return super().place(instance, failed=failed)

    def place_outside_block(self, instance) -> tuple[str, str]:
        field_name, place = super().place_outside_block(instance)
        if field_name == "block" and instance.prefecture_id is not None:
            # The prefecture is what the row's author wrote; the block followed from it.
            return "prefecture", instance.prefecture.name
        return field_name, place
