"""Cells that name the domain's own rows: blocks, prefectures, municipalities, organizations."""

from __future__ import annotations

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from import_export import widgets

from core.spreadsheets import LookupWidget, normalize

from ..models import Municipality, Organization, Prefecture, RegionalBlock, RoadmapModel
from ..validators import check_digit


class PrefectureWidget(LookupWidget):
    """都道府県 by JIS code ("43", 43, "１") or name ("熊本県", "熊本", "Kumamoto")."""

    model = Prefecture
    not_found = _("都道府県「%(value)s」が見つかりません（例：43、熊本県）。")

    def keys(self, obj):
        short = obj.name[:-1] if obj.name[-1] in "都府県" else ""
        return [obj.code, obj.code.lstrip("0"), obj.name, short, obj.name_en]


class BlockWidget(LookupWidget):
    """地域ブロック by code ("kyushu") or name ("九州", "九州総合通信局")."""

    model = RegionalBlock
    not_found = _("地域ブロック「%(value)s」が見つかりません（例：kyushu、九州）。")

    def keys(self, obj):
        return [obj.code, obj.name, obj.name_en, obj.bureau_name]


class MunicipalityWidget(widgets.Widget):
    """市区町村 by its six-digit 団体コード; Excel's dropped leading zero is put back."""

    def clean(self, value, row=None, **kwargs):
        text = normalize(value)
        if not text:
            return None
        candidates = [text]
        if text.isdigit() and len(text) <= 6:
            candidates.append(text.zfill(6))
            if len(text) <= 5:
                # A five-digit code written without its check digit.
                five = text.zfill(5)
                candidates.append(f"{five}{check_digit(five)}")
        found = Municipality.objects.filter(code__in=candidates).select_related("prefecture")
        match = next((m for code in candidates for m in found if m.code == code), None)
        if match is None:
            raise ValueError(
                gettext(
                    "市区町村コード「%(value)s」が見つかりません（6桁の団体コード、例：431001）。"
                )
                % {"value": value}
            )
        return match

    def render(self, value, obj=None, **kwargs):
        return value.code if value else ""


class OrganizationWidget(widgets.Widget):
    """An organization by its registered name (主催)."""

    def clean(self, value, row=None, **kwargs):
        text = "" if value is None else str(value).strip()
        if not text:
            return None
        match = Organization.objects.filter(name=text).first()
        if match is None:
            raise ValueError(
                gettext("団体「%(value)s」は登録されていません。先に団体として登録してください。")
                % {"value": text}
            )
        return match

    def render(self, value, obj=None, **kwargs):
        return value.name if value else ""


class LocalGovernmentWidget(MunicipalityWidget):
    """A municipality by its 団体コード, or a prefecture by its own (東京都: 130001).

    Only codes: names repeat across Japan (伊達市 is in 北海道 and 福島県).
    """

    def clean(self, value, row=None, **kwargs):
        text = normalize(value)
        if text.isdigit() and len(text) in (5, 6) and text.zfill(6)[2:5] == "000":
            code = text.zfill(6)
            if len(text) == 6 and check_digit(code[:5]) != int(code[5]):
                code = ""
            found = Prefecture.objects.filter(code=code[:2]).first() if code else None
            if found is not None:
                return found
        return super().clean(value, row, **kwargs)

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return value.code if isinstance(value, Municipality) else value.lg_code


class RoadmapModelWidget(LookupWidget):
    """A roadmap model by its name (テレワーク), English name or slug (telework)."""

    model = RoadmapModel
    not_found = _("ロードマップのモデル「%(value)s」が見つかりません（例：テレワーク）。")

    def keys(self, obj):
        return [obj.slug, obj.name, obj.name_en]
