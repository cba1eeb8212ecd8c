"""core.search: the one reading of `q`, the one fold and the `folded_contains` lookup."""

import pytest
from django.db import connection
from django.db.models import Q

from core.search import MAX_TERMS, fold, locate, matches, parse_query, terms_of
from networks.models import Organization
from tests.factories import OrganizationFactory

# --- fold -----------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["ICT", "ict", "Ict", "ＩＣＴ", "ｉｃｔ", "Ｉｃｔ"])
def test_fold_makes_every_width_and_case_of_ict_alike(typed):
    assert fold(typed) == "ICT"


def test_fold_makes_half_width_katakana_and_compatibility_characters_alike():
    assert fold("ｾﾐﾅｰ") == "セミナー"
    assert fold("ﾊﾞｽ") == "バス"
    assert fold("㈱") == "(株)"
    assert fold("Ｌアラート") == fold("Lアラート") == fold("ｌアラート") == "Lアラート"


def test_fold_maps_one_character_to_one_as_postgresql_does():
    assert fold("Straße") == "STRAßE"


def test_fold_keeps_japanese_and_none():
    assert fold("九州") == "九州"
    assert fold(None) is None


# --- what was typed ------------------------------------------------------------


def test_terms_of_counts_words_that_fold_alike_once():
    assert terms_of("ICT ｉｃｔ　ＩＣＴ 九州 ict") == ("ICT", "九州")


def test_terms_of_separates_words_at_control_characters():
    assert terms_of("説明\x01会\x7f九州") == ("説明", "会", "九州")


def test_parse_query_counts_words_that_fold_alike_once_against_the_limit():
    query = parse_query("ICT ict ＩＣＴ ｉｃｔ 一 二 三 四")
    assert query.terms == ("ICT", "一", "二", "三", "四")
    assert query.dropped_terms == 0
    assert len(query.terms) == MAX_TERMS


# --- the lookup ----------------------------------------------------------------


@pytest.mark.django_db
def test_folded_contains_finds_every_width_and_case():
    full = OrganizationFactory(name="全国ＩＣＴ教育首長協議会")
    half = OrganizationFactory(name="ICT推進団体")
    lower = OrganizationFactory(name="ict研究会")
    OrganizationFactory(name="全国市長会")
    for typed in ("ICT", "ict", "ＩＣＴ", "ｉｃｔ"):
        found = Organization.objects.filter(name__folded_contains=typed).order_by("pk")
        assert list(found) == [full, half, lower], typed


@pytest.mark.django_db
def test_folded_contains_finds_mixed_case_full_width_iot():
    full = OrganizationFactory(name="地域ＩｏＴ実装推進")
    half = OrganizationFactory(name="熊本県IoT推進ラボ")
    OrganizationFactory(name="全国市長会")
    for typed in ("IoT", "iot", "IOT", "ＩｏＴ", "ｉｏｔ", "ＩＯＴ"):
        found = Organization.objects.filter(name__folded_contains=typed).order_by("pk")
        assert list(found) == [full, half], typed


@pytest.mark.django_db
def test_folded_contains_finds_half_width_katakana_from_full_width():
    seminar = OrganizationFactory(name="ｾﾐﾅｰ事務局")
    OrganizationFactory(name="説明会事務局")
    assert list(Organization.objects.filter(name__folded_contains="セミナー")) == [seminar]


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["%", "％"])
def test_folded_contains_treats_percent_in_either_width_literally(typed):
    full = OrganizationFactory(name="参加率100％の会")
    half = OrganizationFactory(name="参加率100%の会")
    OrganizationFactory(name="参加率の会")
    found = Organization.objects.filter(name__folded_contains=typed).order_by("pk")
    assert list(found) == [full, half]


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["_", "＿", "\\"])
def test_folded_contains_treats_underscore_and_backslash_literally(typed):
    OrganizationFactory(name="ab")
    literal = OrganizationFactory(name="a_b\\c" if typed != "\\" else "a\\b")
    assert list(Organization.objects.filter(name__folded_contains=typed)) == [literal]


def test_folded_contains_sql_folds_both_sides_in_the_database():
    sql = str(Organization.objects.filter(name__folded_contains="ict").query)
    if connection.vendor == "postgresql":
        column = 'UPPER(normalize(("networks_organization"."name")::text, NFKC))'
        assert f"WHERE {column} LIKE UPPER(normalize((%ict%)::text, NFKC))" in sql
    else:
        assert 'WHERE search_fold("networks_organization"."name") LIKE search_fold(%ict%)' in sql


def test_matches_needs_every_term_in_one_of_the_fields():
    condition = matches(("name", "name_en"), ("一", "二"))
    assert condition == (
        (Q(name__folded_contains="一") | Q(name_en__folded_contains="一"))
        & (Q(name__folded_contains="二") | Q(name_en__folded_contains="二"))
    )


# --- excerpts ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "terms", "span"),
    [
        ("全国ＩＣＴ教育首長協議会", ("ict",), (2, 5)),
        ("全国ICT教育", ("ＩＣＴ",), (2, 5)),
        ("ﾊﾞｽ停の会", ("バス",), (0, 3)),
        ("バス停の会", ("ﾊﾞｽ",), (0, 2)),
        ("九州と四国", ("四国", "九州"), (0, 2)),  # the earliest of the terms
        ("九州", ("四国",), None),
    ],
)
def test_locate_finds_the_term_as_search_compares_it(text, terms, span):
    assert locate(text, terms) == span
