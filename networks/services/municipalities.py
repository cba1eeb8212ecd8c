"""Writes to the networks app: importing the 市区町村 code list."""

from __future__ import annotations

import csv
import io
import os
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from core.cache import data_changed
from core.spreadsheets import UnreadableFile, decode_spreadsheet_text

from ..models import Municipality, Prefecture
from ..validators import validate_lg_code

# The community layout (e.g. shared/data/municipalities.csv).
COMMUNITY_COLUMNS = ("code", "pref_code", "name", "kana", "pref_name", "type", "parent_code")
COMMUNITY_REQUIRED = frozenset({"code", "pref_code", "name", "type"})
COMMUNITY_KINDS = {
    "市": Municipality.Kind.CITY,
    "政令指定都市": Municipality.Kind.DESIGNATED_CITY,
    "町": Municipality.Kind.TOWN,
    "村": Municipality.Kind.VILLAGE,
    "特別区": Municipality.Kind.SPECIAL_WARD,
    "行政区": Municipality.Kind.WARD,
}

# The official 総務省 全国地方公共団体コード list, saved from Excel as CSV.
MIC_CODE = "団体コード"
MIC_PREF_NAME = "都道府県名（漢字）"
MIC_NAME = "市区町村名（漢字）"
MIC_PREF_KANA = "都道府県名（カナ）"
MIC_KANA = "市区町村名（カナ）"
MIC_REQUIRED = frozenset({MIC_CODE, MIC_PREF_NAME, MIC_NAME})

# The 23 special wards of Tokyo: 千代田区 (131016) to 江戸川区 (131237).
SPECIAL_WARD_CODES = range(131016, 131237 + 1)

Source = str | os.PathLike[str] | bytes | BinaryIO


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


@dataclass(frozen=True)
class RowError:
    """One problem found in the file; `row` counts as a spreadsheet does (header = 1)."""

    row: int | None
    message: str

    def __str__(self) -> str:
        if self.row is None:
            return self.message
        return gettext("%(row)d行目: %(message)s") % {"row": self.row, "message": self.message}


class MunicipalityImportError(Exception):
    """The file was rejected; nothing was written. `errors` lists every problem found."""

    def __init__(self, errors: Iterable[RowError]):
        self.errors = list(errors)
        super().__init__("\n".join(self.messages))

    @property
    def messages(self) -> list[str]:
        return [str(e) for e in self.errors]


@dataclass
class _Row:
    """A data row after parsing, before its parent is resolved."""

    line: int
    code: str
    prefecture: Prefecture | None
    name: str
    kana: str
    kind: str | None
    parent_code: str


@transaction.atomic
def import_municipalities(source: Source) -> ImportResult:
    """Create or update `Municipality` rows from a CSV file, matched by 団体コード.

    `source` is a path, the file's bytes, or a binary file object. Both the
    community layout (code, pref_code, name, kana, pref_name, type,
    parent_code) and the official MIC layout (団体コード, 都道府県名（漢字）,
    市区町村名（漢字）, …) are read, in UTF-8 (with or without BOM) or CP932.

    Every row is validated before anything is written. If any row is bad,
    `MunicipalityImportError` is raised listing every problem, and the
    database is left untouched.

    Side effects: inserts new municipalities and updates changed ones
    (prefecture, name, kana, kind, parent) in bulk; rows that are already
    up to date are not saved. Existing municipalities missing from the file
    are left as they are. Runs in one transaction.
    """
    text = _decode(_read_bytes(source))
    prefectures = {p.code: p for p in Prefecture.objects.all()}
    existing = {m.code: m for m in Municipality.objects.all()}

    records = list(csv.reader(io.StringIO(text, newline="")))
    if not records:
        raise MunicipalityImportError([RowError(None, gettext("ファイルが空です。"))])
    header = [_header_key(h) for h in records[0]]
    if set(header) >= COMMUNITY_REQUIRED:
        parse = _parse_community_row
    elif set(header) >= {_header_key(h) for h in MIC_REQUIRED}:
        parse = _parse_mic_row
    else:
        raise MunicipalityImportError(
            [
                RowError(
                    1,
                    gettext(
                        "見出し行を認識できません。"
                        "「%(community)s」または総務省の団体コード一覧の見出し"
                        "（%(mic)s）が必要です。"
                    )
                    % {
                        "community": ",".join(COMMUNITY_COLUMNS),
                        "mic": "、".join((MIC_CODE, MIC_PREF_NAME, MIC_NAME)),
                    },
                )
            ]
        )

    errors: list[RowError] = []
    rows: list[_Row] = []
    for line, record in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in record):
            continue
        values = dict(zip(header, record, strict=False))
        row = parse(line, values, prefectures, errors)
        if row is not None:
            rows.append(row)

    if parse is _parse_mic_row:
        _infer_mic_hierarchy(rows, existing, errors)

    first_seen: dict[str, int] = {}
    for row in rows:
        if row.code in first_seen:
            errors.append(
                RowError(
                    row.line,
                    gettext("団体コード %(code)s は%(first)d行目と重複しています。")
                    % {"code": row.code, "first": first_seen[row.code]},
                )
            )
        else:
            first_seen[row.code] = row.line

    _check_parents(rows, existing, errors)

    if errors:
        raise MunicipalityImportError(sorted(errors, key=lambda e: e.row or 0))
    return _write(rows, existing)


# Reading ---------------------------------------------------------------------


def _read_bytes(source: Source) -> bytes:
    if isinstance(source, bytes):
        return source
    if hasattr(source, "read"):
        return source.read()
    return Path(source).read_bytes()


def _decode(data: bytes) -> str:
    try:
        return decode_spreadsheet_text(data)
    except UnreadableFile:
        raise MunicipalityImportError(
            [
                RowError(
                    None,
                    gettext(
                        "文字コードを判別できません。UTF-8 または Shift_JIS で保存してください。"
                    ),
                )
            ]
        ) from None


def _header_key(value: str) -> str:
    # The MIC sheet breaks its headings over two lines and mixes full- and
    # half-width brackets; compare headings without either difference.
    return "".join(unicodedata.normalize("NFKC", value).split())


def _normalise_code(value: str, width: int) -> str:
    """Restore the leading zero Excel drops from numeric codes ("11002" → "011002")."""
    value = unicodedata.normalize("NFKC", value).strip()
    if value.isascii() and value.isdigit() and len(value) == width - 1:
        return "0" + value
    return value


def _katakana_to_hiragana(value: str) -> str:
    # Stored kana is hiragana, as in the community file and Prefecture.kana.
    return "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in value)


def _check_code(line: int, code: str, errors: list[RowError]) -> bool:
    try:
        validate_lg_code(code)
    except ValidationError as exc:
        errors.extend(RowError(line, message) for message in exc.messages)
        return False
    return True


def _check_prefecture(
    line: int,
    pref_code: str,
    pref_name: str,
    prefectures: dict[str, Prefecture],
    errors: list[RowError],
) -> Prefecture | None:
    """The prefecture of `pref_code`, if it exists and `pref_name` (when given) matches."""
    prefecture = prefectures.get(pref_code)
    if prefecture is None:
        errors.append(
            RowError(
                line, gettext("都道府県コード「%(code)s」は存在しません。") % {"code": pref_code}
            )
        )
    elif pref_name and pref_name != prefecture.name:
        errors.append(
            RowError(
                line,
                gettext(
                    "都道府県名「%(name)s」は都道府県コード %(pref)s（%(expected)s）と一致しません。"
                )
                % {"name": pref_name, "pref": pref_code, "expected": prefecture.name},
            )
        )
    return prefecture


def _parse_community_row(
    line: int,
    values: dict[str, str],
    prefectures: dict[str, Prefecture],
    errors: list[RowError],
) -> _Row | None:
    def get(key: str) -> str:
        return (values.get(key) or "").strip()

    code = _normalise_code(get("code"), 6)
    code_ok = _check_code(line, code, errors)

    pref_code = _normalise_code(get("pref_code"), 2)
    prefecture = _check_prefecture(line, pref_code, get("pref_name"), prefectures, errors)
    if prefecture is not None and code_ok and code[:2] != pref_code:
        errors.append(
            RowError(
                line,
                gettext("団体コード %(code)s の先頭2桁が都道府県コード %(pref)s と一致しません。")
                % {"code": code, "pref": pref_code},
            )
        )

    name = get("name")
    if not name:
        errors.append(RowError(line, gettext("名称が空です。")))

    type_ = get("type")
    kind = COMMUNITY_KINDS.get(type_)
    if not type_:
        errors.append(RowError(line, gettext("種別が空です。")))
    elif kind is None:
        errors.append(
            RowError(
                line,
                gettext("種別「%(type)s」は不明です（%(choices)sのいずれか）。")
                % {"type": type_, "choices": "・".join(COMMUNITY_KINDS)},
            )
        )

    parent_code = _normalise_code(get("parent_code"), 6)
    if kind == Municipality.Kind.WARD and not parent_code:
        errors.append(
            RowError(line, gettext("行政区には所属する市のコード（parent_code）が必要です。"))
        )
    elif kind is not None and kind != Municipality.Kind.WARD and parent_code:
        errors.append(
            RowError(
                line, gettext("所属する市のコード（parent_code）を指定できるのは行政区だけです。")
            )
        )

    if not code_ok:
        return None
    return _Row(line, code, prefecture, name, get("kana"), kind, parent_code)


def _parse_mic_row(
    line: int,
    values: dict[str, str],
    prefectures: dict[str, Prefecture],
    errors: list[RowError],
) -> _Row | None:
    def get(key: str) -> str:
        return unicodedata.normalize("NFKC", values.get(_header_key(key)) or "").strip()

    name = get(MIC_NAME)
    if not name:
        return None  # a prefecture's own row (e.g. 010006 北海道)

    code = _normalise_code(get(MIC_CODE), 6)
    code_ok = _check_code(line, code, errors)

    if not code_ok:
        return None
    prefecture = _check_prefecture(line, code[:2], get(MIC_PREF_NAME), prefectures, errors)
    kana = _katakana_to_hiragana(get(MIC_KANA))
    return _Row(line, code, prefecture, name, kana, kind=None, parent_code="")


def _infer_mic_hierarchy(
    rows: list[_Row], existing: dict[str, Municipality], errors: list[RowError]
) -> None:
    """Set kind and parent for MIC rows, which carry neither, from codes and names."""
    cities: dict[tuple[str, str], str] = {}
    for m in existing.values():
        if m.kind in (Municipality.Kind.CITY, Municipality.Kind.DESIGNATED_CITY):
            cities[(m.code[:2], m.name)] = m.code
    for row in rows:
        if row.name.endswith("市"):
            cities[(row.code[:2], row.name)] = row.code

    for row in rows:
        if row.name.endswith("区"):
            if int(row.code) in SPECIAL_WARD_CODES:
                row.kind = Municipality.Kind.SPECIAL_WARD
                continue
            # "札幌市中央区" → "札幌市"; try every 市, since city names may contain one.
            for i, char in enumerate(row.name[:-1]):
                if char == "市" and (row.code[:2], row.name[: i + 1]) in cities:
                    row.kind = Municipality.Kind.WARD
                    row.parent_code = cities[(row.code[:2], row.name[: i + 1])]
                    break
            else:
                errors.append(
                    RowError(
                        row.line,
                        gettext("「%(name)s」の所属する市が見つかりません。") % {"name": row.name},
                    )
                )
        elif row.name.endswith("町"):
            row.kind = Municipality.Kind.TOWN
        elif row.name.endswith("村"):
            row.kind = Municipality.Kind.VILLAGE
        elif not row.name.endswith("市"):
            errors.append(
                RowError(
                    row.line,
                    gettext(
                        "「%(name)s」の種別を判定できません（市・区・町・村で終わる名称が必要です）。"
                    )
                    % {"name": row.name},
                )
            )

    existing_by_pk = {m.pk: m for m in existing.values()}
    parents = {row.parent_code for row in rows if row.parent_code}
    parents |= {existing_by_pk[m.parent_id].code for m in existing.values() if m.parent_id}
    for row in rows:
        if row.name.endswith("市"):
            row.kind = (
                Municipality.Kind.DESIGNATED_CITY if row.code in parents else Municipality.Kind.CITY
            )


def _check_parents(
    rows: list[_Row], existing: dict[str, Municipality], errors: list[RowError]
) -> None:
    kinds = {code: m.kind for code, m in existing.items()}
    kinds.update((row.code, row.kind) for row in rows)
    for row in rows:
        if not row.parent_code or row.kind != Municipality.Kind.WARD:
            continue  # a parent on anything else is reported while parsing
        if row.parent_code not in kinds:
            errors.append(
                RowError(
                    row.line,
                    gettext("所属する市 %(code)s がファイルにもデータベースにもありません。")
                    % {"code": row.parent_code},
                )
            )
        elif kinds[row.parent_code] not in (Municipality.Kind.DESIGNATED_CITY, None):
            errors.append(
                RowError(
                    row.line,
                    gettext("所属する市 %(code)s は政令指定都市ではありません。")
                    % {"code": row.parent_code},
                )
            )


# Writing ---------------------------------------------------------------------

_FIELDS = ("prefecture", "name", "kana", "kind", "parent")
# The history's change reason for rows the import wrote (no user: a command).
IMPORT_REASON = "import_municipalities"


def _write(rows: list[_Row], existing: dict[str, Municipality]) -> ImportResult:
    # Municipality has no save() logic, so bulk writes lose nothing; its
    # history is written in bulk beside them (simple_history's helpers), with
    # the import as the reason. New rows are inserted without a parent first,
    # so a ward may come before its city in the file.
    new = [
        Municipality(
            code=row.code,
            prefecture=row.prefecture,
            name=row.name,
            kana=row.kana,
            kind=row.kind,
        )
        for row in rows
        if row.code not in existing
    ]
    bulk_create_with_history(new, Municipality, batch_size=500, default_change_reason=IMPORT_REASON)
    # Not every backend returns primary keys from a bulk insert.
    pks = {code: m.pk for code, m in existing.items()}
    if new:
        pks = dict(Municipality.objects.values_list("code", "pk"))

    changed: list[Municipality] = []
    updated = 0
    for row in rows:
        values = {
            "prefecture_id": row.prefecture.pk,
            "name": row.name,
            "kana": row.kana,
            "kind": row.kind,
            "parent_id": pks[row.parent_code] if row.parent_code else None,
        }
        current = existing.get(row.code)
        if current is None:
            if values["parent_id"] is None:
                continue  # inserted complete above
            current = Municipality(pk=pks[row.code], code=row.code)
        elif all(getattr(current, attr) == value for attr, value in values.items()):
            continue
        else:
            updated += 1
        for attr, value in values.items():
            setattr(current, attr, value)
        changed.append(current)
    bulk_update_with_history(
        changed, Municipality, _FIELDS, batch_size=500, default_change_reason=IMPORT_REASON
    )
    if new or changed:
        data_changed()  # bulk writes send no model signal (core/cache.py)

    return ImportResult(created=len(new), updated=updated, unchanged=len(rows) - len(new) - updated)
