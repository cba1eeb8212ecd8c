"""`manage.py load_roadmap`: the roadmap's models, the known KPIs and the national target."""

import datetime
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from networks.models import NationalTarget, RoadmapModel

pytestmark = pytest.mark.django_db


def load() -> str:
    out = StringIO()
    call_command("load_roadmap", stdout=out)
    return out.getvalue()


def test_load_roadmap_twice_changes_nothing_the_second_time():
    assert load() == "ロードマップを読み込みました（新規 19件、更新 0件、変更なし 0件）。\n"
    assert load() == "ロードマップを読み込みました（新規 0件、更新 0件、変更なし 19件）。\n"
    assert RoadmapModel.history.count() == 18


def test_load_roadmap_models_per_field():
    load()
    by_field = {}
    for model in RoadmapModel.objects.select_related("field"):
        by_field.setdefault(model.field.name, []).append(model.name)
    assert by_field == {
        "教育": ["教育クラウド・プラットフォーム", "プログラミング教育"],
        "医療・介護・健康": [
            "医療情報連携ネットワーク（EHR）",
            "医療・介護・健康データ利活用モデル（PHR）",
        ],
        "働き方": ["テレワーク"],
        "防災": ["G空間防災システム", "Lアラート"],
        "農林水産業": ["スマート農業・林業・漁業モデル"],
        "地域ビジネス": ["地域ビジネス活性化モデル", "マイキープラットフォーム"],
        "観光": ["観光クラウド", "おもてなしクラウド", "多言語音声翻訳"],
        "IoT基盤": ["利活用ルール", "セキュリティ", "テストベッド", "Wi-Fi", "5G"],
    }
    assert set(RoadmapModel.objects.values_list("edition", flat=True)) == {"2016-12"}


def test_load_roadmap_writes_only_the_known_kpis():
    load()
    with_kpi = RoadmapModel.objects.exclude(kpi_indicator="")
    assert [
        (m.slug, m.kpi_indicator, m.kpi_target_value, m.kpi_unit, m.kpi_target_fiscal_year)
        for m in with_kpi
    ] == [
        (
            "education-cloud",
            "クラウド上の教材等を利活用可能な学校",
            Decimal("100"),
            "%",
            2020,
        ),
        (
            "programming-education",
            "クラウド上の教材・地域人材等を活用したプログラミング教育を実施可能な学校",
            Decimal("100"),
            "%",
            2020,
        ),
    ]
    others = RoadmapModel.objects.filter(kpi_indicator="")
    assert others.count() == 16
    assert not others.filter(kpi_target_value__isnull=False).exists()


def test_load_roadmap_keeps_a_kpi_staff_entered():
    load()
    RoadmapModel.objects.filter(slug="telework").update(
        kpi_indicator="テレワーク導入企業", kpi_unit="%"
    )
    load()
    assert RoadmapModel.objects.get(slug="telework").kpi_indicator == "テレワーク導入企業"


def test_load_roadmap_national_target_with_its_source_and_date():
    load()
    target = NationalTarget.objects.get()
    assert (target.value, target.unit, target.deadline_fiscal_year) == (
        Decimal("800"),
        "団体",
        2020,
    )
    assert target.source == "成長戦略フォローアップ（令和元年6月21日閣議決定）"
    assert target.set_on == datetime.date(2019, 6, 21)
