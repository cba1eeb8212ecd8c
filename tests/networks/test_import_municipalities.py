from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from networks.models import Municipality
from networks.services import ImportResult, MunicipalityImportError, import_municipalities
from tests.factories import MunicipalityFactory, prefecture

pytestmark = pytest.mark.django_db

SHARED_CSV = Path(settings.BASE_DIR).parent / "shared/data/municipalities.csv"

HEADER = "code,pref_code,name,kana,pref_name,type,parent_code"
SAPPORO = [
    "011002,01,札幌市,さっぽろし,北海道,政令指定都市,",
    "011011,01,札幌市中央区,さっぽろしちゅうおうく,北海道,行政区,011002",
    "011029,01,札幌市北区,さっぽろしきたく,北海道,行政区,011002",
]
SMALL = [
    *SAPPORO,
    "012025,01,函館市,はこだてし,北海道,市,",
    "013030,01,当別町,とうべつちょう,北海道,町,",
    "013048,01,新篠津村,しんしのつむら,北海道,村,",
    "131016,13,千代田区,ちよだく,東京都,特別区,",
]

MIC_HEADER = (
    "団体コード,都道府県名（漢字）,市区町村名（漢字）,都道府県名（カナ）,市区町村名（カナ）"
)


def write_csv(
    tmp_path: Path, rows: list[str], *, header: str = HEADER, encoding: str = "utf-8"
) -> Path:
    path = tmp_path / "municipalities.csv"
    path.write_bytes("\r\n".join([header, *rows, ""]).encode(encoding))
    return path


def municipalities() -> list[tuple[str, str, str, str, str | None]]:
    return list(
        Municipality.objects.order_by("code").values_list(
            "code", "name", "kana", "kind", "parent__code"
        )
    )


def import_errors(path: Path) -> list[str]:
    with pytest.raises(MunicipalityImportError) as exc:
        import_municipalities(path)
    return exc.value.messages


def test_import_municipalities_creates_every_kind(tmp_path):
    result = import_municipalities(write_csv(tmp_path, SMALL))

    assert result == ImportResult(created=7, updated=0, unchanged=0)
    assert municipalities() == [
        ("011002", "札幌市", "さっぽろし", "designated_city", None),
        ("011011", "札幌市中央区", "さっぽろしちゅうおうく", "ward", "011002"),
        ("011029", "札幌市北区", "さっぽろしきたく", "ward", "011002"),
        ("012025", "函館市", "はこだてし", "city", None),
        ("013030", "当別町", "とうべつちょう", "town", None),
        ("013048", "新篠津村", "しんしのつむら", "village", None),
        ("131016", "千代田区", "ちよだく", "special_ward", None),
    ]
    assert Municipality.objects.get(code="131016").prefecture == prefecture("13")


def test_import_municipalities_keeps_a_history_of_what_it_wrote(tmp_path):
    """Every row the import inserts or changes has its history record, the
    import as the reason; a row it leaves as it is gets none."""
    import_municipalities(write_csv(tmp_path, SMALL))
    history = Municipality.history.model.objects
    assert set(history.values_list("history_change_reason", flat=True)) == {"import_municipalities"}
    assert sorted(history.filter(history_type="+").values_list("code", flat=True)) == sorted(
        row.split(",")[0] for row in SMALL
    )
    before = history.count()

    renamed = [row.replace("函館市,はこだてし", "函館市,はこだでし") for row in SMALL]
    import_municipalities(write_csv(tmp_path, renamed))

    changed = history.order_by("-history_id").first()
    assert history.count() == before + 1
    assert (changed.code, changed.kana, changed.history_type) == ("012025", "はこだでし", "~")


def test_import_municipalities_second_run_changes_nothing(tmp_path):
    path = write_csv(tmp_path, SMALL)
    import_municipalities(path)

    with CaptureQueriesContext(connection) as queries:
        result = import_municipalities(path)

    assert result == ImportResult(created=0, updated=0, unchanged=7)
    writes = [q["sql"] for q in queries if q["sql"].split()[0] in ("INSERT", "UPDATE", "DELETE")]
    assert writes == []


def test_import_municipalities_query_count_does_not_grow_with_rows(tmp_path):
    """Existing rows are read once into a dict and written in bulk, not one query per row."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    few = write_csv(tmp_path / "a", SAPPORO)
    many = write_csv(tmp_path / "b", SMALL)

    with CaptureQueriesContext(connection) as few_queries:
        import_municipalities(few)
    Municipality.objects.filter(kind=Municipality.Kind.WARD).delete()
    Municipality.objects.all().delete()
    with CaptureQueriesContext(connection) as many_queries:
        import_municipalities(many)

    assert len(many_queries) == len(few_queries)


def test_import_municipalities_updates_changed_name(tmp_path):
    import_municipalities(write_csv(tmp_path, SMALL))
    changed = [row.replace("函館市,はこだてし", "新函館市,しんはこだてし") for row in SMALL]

    result = import_municipalities(write_csv(tmp_path, changed))

    assert result == ImportResult(created=0, updated=1, unchanged=6)
    assert Municipality.objects.get(code="012025").name == "新函館市"
    assert Municipality.objects.get(code="012025").kana == "しんはこだてし"


def test_import_municipalities_keeps_rows_missing_from_file(tmp_path):
    import_municipalities(write_csv(tmp_path, SMALL))

    result = import_municipalities(write_csv(tmp_path, SAPPORO))

    assert result == ImportResult(created=0, updated=0, unchanged=3)
    assert Municipality.objects.count() == 7


def test_import_municipalities_ward_before_its_city(tmp_path):
    rows = [SAPPORO[1], SAPPORO[2], "012025,01,函館市,はこだてし,北海道,市,", SAPPORO[0]]

    result = import_municipalities(write_csv(tmp_path, rows))

    assert result == ImportResult(created=4, updated=0, unchanged=0)
    assert Municipality.objects.get(code="011011").parent.code == "011002"
    assert Municipality.objects.get(code="011029").parent.code == "011002"


def test_import_municipalities_ward_of_city_already_in_database(tmp_path):
    MunicipalityFactory(
        code="011002",
        prefecture=prefecture("01"),
        name="札幌市",
        kana="さっぽろし",
        kind=Municipality.Kind.DESIGNATED_CITY,
    )

    result = import_municipalities(write_csv(tmp_path, SAPPORO[1:]))

    assert result == ImportResult(created=2, updated=0, unchanged=0)
    assert Municipality.objects.get(code="011011").parent.code == "011002"


def test_import_municipalities_restores_leading_zero_lost_in_excel(tmp_path):
    rows = [
        "11002,1,札幌市,さっぽろし,北海道,政令指定都市,",
        "11011,1,札幌市中央区,さっぽろしちゅうおうく,北海道,行政区,11002",
    ]

    import_municipalities(write_csv(tmp_path, rows))

    assert municipalities() == [
        ("011002", "札幌市", "さっぽろし", "designated_city", None),
        ("011011", "札幌市中央区", "さっぽろしちゅうおうく", "ward", "011002"),
    ]


def test_import_municipalities_cp932_file(tmp_path):
    path = write_csv(tmp_path, SMALL, encoding="cp932")

    result = import_municipalities(path)

    assert result == ImportResult(created=7, updated=0, unchanged=0)
    assert Municipality.objects.get(code="013030").name == "当別町"


def test_import_municipalities_utf8_bom_file(tmp_path):
    path = write_csv(tmp_path, SMALL, encoding="utf-8-sig")
    assert path.read_bytes()[:3] == b"\xef\xbb\xbf"

    result = import_municipalities(path)

    assert result == ImportResult(created=7, updated=0, unchanged=0)
    assert Municipality.objects.get(code="011002").name == "札幌市"


def test_import_municipalities_accepts_bytes(tmp_path):
    data = write_csv(tmp_path, SMALL).read_bytes()

    assert import_municipalities(data) == ImportResult(created=7, updated=0, unchanged=0)


def test_import_municipalities_mic_layout(tmp_path):
    rows = [
        "010006,北海道,,ﾎｯｶｲﾄﾞｳ,",
        "011011,北海道,札幌市中央区,ﾎｯｶｲﾄﾞｳ,ｻｯﾎﾟﾛｼﾁｭｳｵｳｸ",
        "011002,北海道,札幌市,ﾎｯｶｲﾄﾞｳ,ｻｯﾎﾟﾛｼ",
        "012025,北海道,函館市,ﾎｯｶｲﾄﾞｳ,ﾊｺﾀﾞﾃｼ",
        "013030,北海道,当別町,ﾎｯｶｲﾄﾞｳ,ﾄｳﾍﾞﾂﾁｮｳ",
        "013048,北海道,新篠津村,ﾎｯｶｲﾄﾞｳ,ｼﾝｼﾉﾂﾑﾗ",
        "130001,東京都,,ﾄｳｷｮｳﾄ,",
        "131016,東京都,千代田区,ﾄｳｷｮｳﾄ,ﾁﾖﾀﾞｸ",
        "242021,三重県,四日市市,ﾐｴｹﾝ,ﾖｯｶｲﾁｼ",
    ]

    result = import_municipalities(write_csv(tmp_path, rows, header=MIC_HEADER, encoding="cp932"))

    assert result == ImportResult(created=7, updated=0, unchanged=0)
    assert municipalities() == [
        ("011002", "札幌市", "さっぽろし", "designated_city", None),
        ("011011", "札幌市中央区", "さっぽろしちゅうおうく", "ward", "011002"),
        ("012025", "函館市", "はこだてし", "city", None),
        ("013030", "当別町", "とうべつちょう", "town", None),
        ("013048", "新篠津村", "しんしのつむら", "village", None),
        ("131016", "千代田区", "ちよだく", "special_ward", None),
        ("242021", "四日市市", "よっかいちし", "city", None),
    ]


def test_import_municipalities_mic_layout_then_community_layout_is_unchanged(tmp_path):
    mic = [
        "011002,北海道,札幌市,ﾎｯｶｲﾄﾞｳ,ｻｯﾎﾟﾛｼ",
        "011011,北海道,札幌市中央区,ﾎｯｶｲﾄﾞｳ,ｻｯﾎﾟﾛｼﾁｭｳｵｳｸ",
    ]
    (tmp_path / "mic").mkdir()
    import_municipalities(write_csv(tmp_path / "mic", mic, header=MIC_HEADER))

    result = import_municipalities(write_csv(tmp_path, SAPPORO[:2]))

    assert result == ImportResult(created=0, updated=0, unchanged=2)


def test_import_municipalities_mic_headings_broken_over_lines(tmp_path):
    # As saved from the MIC workbook: headings on two lines, brackets of either width.
    header = (
        '団体コード,"都道府県名\n（漢字）","市区町村名\n(漢字)",'
        '"都道府県名\n（カナ）","市区町村名\n（カナ）"'
    )
    rows = ["012025,北海道,函館市,ﾎｯｶｲﾄﾞｳ,ﾊｺﾀﾞﾃｼ", "010006,北海道,,ﾎｯｶｲﾄﾞｳ,"]

    result = import_municipalities(write_csv(tmp_path, rows, header=header))

    assert result == ImportResult(created=1, updated=0, unchanged=0)
    assert municipalities() == [("012025", "函館市", "はこだてし", "city", None)]


def test_import_municipalities_mic_layout_prefecture_name_mismatch(tmp_path):
    rows = ["012025,青森県,函館市,ｱｵﾓﾘｹﾝ,ﾊｺﾀﾞﾃｼ"]

    errors = import_errors(write_csv(tmp_path, rows, header=MIC_HEADER))

    assert errors == ["2行目: 都道府県名「青森県」は都道府県コード 01（北海道）と一致しません。"]
    assert Municipality.objects.count() == 0


def test_import_municipalities_mic_layout_ward_without_city(tmp_path):
    rows = ["011011,北海道,札幌市中央区,ﾎｯｶｲﾄﾞｳ,ｻｯﾎﾟﾛｼﾁｭｳｵｳｸ"]

    errors = import_errors(write_csv(tmp_path, rows, header=MIC_HEADER))

    assert errors == ["2行目: 「札幌市中央区」の所属する市が見つかりません。"]


def test_import_municipalities_wrong_check_digit_writes_nothing(tmp_path):
    rows = [*SMALL, "012033,01,小樽市,おたるし,北海道,市,", "012034,01,偽市,にせし,北海道,市,"]

    errors = import_errors(write_csv(tmp_path, rows))

    assert errors == ["10行目: 団体コード 012034 の検査数字が正しくありません。"]
    assert Municipality.objects.count() == 0


def test_import_municipalities_six_digit_code_is_not_repaired(tmp_path):
    rows = ["110020,01,札幌市,さっぽろし,北海道,政令指定都市,"]

    errors = import_errors(write_csv(tmp_path, rows))

    assert errors == [
        "2行目: 団体コード 110020 の検査数字が正しくありません。",
    ]


def test_import_municipalities_unknown_prefecture(tmp_path):
    rows = ["481009,48,架空市,かくうし,架空県,市,"]

    errors = import_errors(write_csv(tmp_path, rows))

    assert errors == ["2行目: 都道府県コード「48」は存在しません。"]


def test_import_municipalities_code_outside_its_prefecture(tmp_path):
    rows = ["012025,02,函館市,はこだてし,青森県,市,"]

    errors = import_errors(write_csv(tmp_path, rows))

    assert errors == ["2行目: 団体コード 012025 の先頭2桁が都道府県コード 02 と一致しません。"]


def test_import_municipalities_prefecture_name_mismatch(tmp_path):
    rows = ["012025,01,函館市,はこだてし,青森県,市,"]

    errors = import_errors(write_csv(tmp_path, rows))

    assert errors == ["2行目: 都道府県名「青森県」は都道府県コード 01（北海道）と一致しません。"]


def test_import_municipalities_missing_name(tmp_path):
    rows = ["012025,01,,はこだてし,北海道,市,"]

    errors = import_errors(write_csv(tmp_path, rows))

    assert errors == ["2行目: 名称が空です。"]


def test_import_municipalities_unknown_type(tmp_path):
    rows = ["012025,01,函館市,はこだてし,北海道,都市,", "012033,01,小樽市,おたるし,北海道,,"]

    errors = import_errors(write_csv(tmp_path, rows))

    assert errors == [
        "2行目: 種別「都市」は不明です（市・政令指定都市・町・村・特別区・行政区のいずれか）。",
        "3行目: 種別が空です。",
    ]


def test_import_municipalities_duplicate_code(tmp_path):
    rows = ["012025,01,函館市,はこだてし,北海道,市,", "012025,01,函館市,はこだてし,北海道,市,"]

    errors = import_errors(write_csv(tmp_path, rows))

    assert errors == ["3行目: 団体コード 012025 は2行目と重複しています。"]


def test_import_municipalities_parent_not_found(tmp_path):
    errors = import_errors(write_csv(tmp_path, SAPPORO[1:2]))

    assert errors == ["2行目: 所属する市 011002 がファイルにもデータベースにもありません。"]


def test_import_municipalities_parent_rules(tmp_path):
    rows = [
        "012025,01,函館市,はこだてし,北海道,市,",
        "011002,01,札幌市,さっぽろし,北海道,政令指定都市,012025",
        "011011,01,札幌市中央区,さっぽろしちゅうおうく,北海道,行政区,",
        "011029,01,札幌市北区,さっぽろしきたく,北海道,行政区,012025",
    ]

    errors = import_errors(write_csv(tmp_path, rows))

    assert errors == [
        "3行目: 所属する市のコード（parent_code）を指定できるのは行政区だけです。",
        "4行目: 行政区には所属する市のコード（parent_code）が必要です。",
        "5行目: 所属する市 012025 は政令指定都市ではありません。",
    ]


def test_import_municipalities_unrecognised_header(tmp_path):
    errors = import_errors(write_csv(tmp_path, SMALL, header="コード,名前"))

    assert errors == [
        "1行目: 見出し行を認識できません。「code,pref_code,name,kana,pref_name,type,parent_code」"
        "または総務省の団体コード一覧の見出し（団体コード、都道府県名（漢字）、市区町村名（漢字））"
        "が必要です。"
    ]


def test_import_municipalities_command_prints_summary(tmp_path):
    path = write_csv(tmp_path, SMALL)
    out = StringIO()

    call_command("import_municipalities", str(path), stdout=out)

    assert out.getvalue() == "市区町村 7件（新規 7、更新 0、変更なし 0）\n"


def test_import_municipalities_command_lists_every_error(tmp_path, capsys):
    rows = [
        "011003,01,札幌市,さっぽろし,北海道,政令指定都市,",
        "012025,01,,はこだてし,北海道,市,",
        "012033,01,小樽市,おたるし,北海道,市,",
        "481009,48,架空市,かくうし,架空県,市,",
        "012041,01,旭川市,あさひかわし,北海道,都市,",
    ]

    with pytest.raises(CommandError) as exc:
        call_command("import_municipalities", str(write_csv(tmp_path, rows)))

    assert str(exc.value) == (
        "取り込みを中止しました（エラー 4件）。何も書き込んでいません。\n"
        "2行目: 団体コード 011003 の検査数字が正しくありません。\n"
        "3行目: 名称が空です。\n"
        "5行目: 都道府県コード「48」は存在しません。\n"
        "6行目: 種別「都市」は不明です（市・政令指定都市・町・村・特別区・行政区のいずれか）。"
    )
    assert Municipality.objects.count() == 0
    # The refusal is also one line in the log (core/security_log.py).
    [line] = capsys.readouterr().err.splitlines()
    assert line.split(" ", 1)[1] == (
        "WARNING security path=- user=- "
        "refused import of networks.Municipality: 4 errors in municipalities.csv"
    )


def test_import_municipalities_command_missing_file(tmp_path):
    with pytest.raises(CommandError) as exc:
        call_command("import_municipalities", str(tmp_path / "missing.csv"))

    assert str(exc.value) == f"ファイル {tmp_path / 'missing.csv'} が見つかりません。"


@pytest.mark.skipif(
    not SHARED_CSV.exists(),
    reason=f"the shared municipality list is not checked out at {SHARED_CSV}",
)
def test_import_municipalities_shared_file_twice():
    first = import_municipalities(SHARED_CSV)
    second = import_municipalities(SHARED_CSV)

    wards = Municipality.objects.filter(kind=Municipality.Kind.WARD)
    assert first == ImportResult(created=1916, updated=0, unchanged=0)
    assert Municipality.objects.count() == 1916
    assert wards.count() == 175
    assert wards.filter(parent__kind=Municipality.Kind.DESIGNATED_CITY).count() == 175
    assert Municipality.objects.filter(kind=Municipality.Kind.SPECIAL_WARD).count() == 23
    assert second == ImportResult(created=0, updated=0, unchanged=1916)
