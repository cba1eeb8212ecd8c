"""Where the demo's places come from: the municipality code list, imported by
the import service (networks.services.import_municipalities) from a file, or a
small built-in extract when no file is at hand."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

from networks.services import import_municipalities

# The file `make bench` and CI use (shared/data beside the project).
DEFAULT_MUNICIPALITIES = Path(settings.BASE_DIR).parent / "shared" / "data" / "municipalities.csv"

# 26 rows of that file (community layout): every kind, a designated city with
# one ward, and names that repeat across prefectures (伊達市, 府中市), which the
# organizations built from them must tell apart.
BUILTIN_MUNICIPALITIES = """code,pref_code,name,kana,pref_name,type,parent_code
011002,01,札幌市,さっぽろし,北海道,政令指定都市,
011011,01,札幌市中央区,さっぽろしちゅうおうく,北海道,行政区,011002
012025,01,函館市,はこだてし,北海道,市,
012335,01,伊達市,だてし,北海道,市,
013030,01,当別町,とうべつちょう,北海道,町,
013048,01,新篠津村,しんしのつむら,北海道,村,
022012,02,青森市,あおもりし,青森県,市,
032018,03,盛岡市,もりおかし,岩手県,市,
041009,04,仙台市,せんだいし,宮城県,政令指定都市,
072044,07,いわき市,いわきし,福島県,市,
072133,07,伊達市,だてし,福島県,市,
131016,13,千代田区,ちよだく,東京都,特別区,
132063,13,府中市,ふちゅうし,東京都,市,
141003,14,横浜市,よこはまし,神奈川県,政令指定都市,
202011,20,長野市,ながのし,長野県,市,
213811,21,神戸町,ごうどちょう,岐阜県,町,
231002,23,名古屋市,なごやし,愛知県,政令指定都市,
261009,26,京都市,きょうとし,京都府,政令指定都市,
271004,27,大阪市,おおさかし,大阪府,政令指定都市,
342084,34,府中市,ふちゅうし,広島県,市,
372013,37,高松市,たかまつし,香川県,市,
383562,38,上島町,かみじまちょう,愛媛県,町,
401005,40,北九州市,きたきゅうしゅうし,福岡県,政令指定都市,
431001,43,熊本市,くまもとし,熊本県,政令指定都市,
472018,47,那覇市,なはし,沖縄県,市,
473821,47,与那国町,よなぐにちょう,沖縄県,町,
"""


def import_places(path: Path | None) -> tuple[str, int]:
    """Import the municipality list from `path`, else from DEFAULT_MUNICIPALITIES
    when present, else the built-in extract. Returns (source, rows in it).

    Side effects: creates or updates Municipality rows (import_municipalities,
    one transaction; rows already up to date are left alone).
    """
    if path is None and DEFAULT_MUNICIPALITIES.is_file():
        path = DEFAULT_MUNICIPALITIES
    if path is None:
        result = import_municipalities(BUILTIN_MUNICIPALITIES.encode())
        return "built-in", result.total
    result = import_municipalities(Path(path))
    return str(path), result.total
