"""The roadmap's models and KPIs, and the later national target, as plain data.

Source: 総務省「地域IoT実装推進ロードマップ」(2016-12, 地域IoT実装推進タスク
フォース), its table of contents: per field (分野), the implementation models
(分野別モデル). Only the education KPIs are known here; the other models'
KPIs are left for staff to enter (`load_roadmap` never writes a KPI it does
not know, nor erases one staff entered). The 2017-05 revision's fields
官民協働サービス and スマートシティ exist (networks' reference data); their
models are entered by staff.

`portal.roadmap_loader.load_roadmap` writes this; nothing here touches the database.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

EDITION = "2016-12"
SOURCE = "総務省「地域IoT実装推進ロードマップ」（2016年12月）"


@dataclass(frozen=True)
class KPI:
    indicator: str
    target_value: Decimal
    unit: str
    target_fiscal_year: int


@dataclass(frozen=True)
class ModelRow:
    field: str  # networks.Field slug
    slug: str
    name: str
    name_en: str
    kpi: KPI | None = None


SCHOOLS_BY_FY2020 = dict(target_value=Decimal("100"), unit="%", target_fiscal_year=2020)

MODELS: tuple[ModelRow, ...] = (
    ModelRow(
        "education",
        "education-cloud",
        "教育クラウド・プラットフォーム",
        "Education cloud platform",
        KPI("クラウド上の教材等を利活用可能な学校", **SCHOOLS_BY_FY2020),
    ),
    ModelRow(
        "education",
        "programming-education",
        "プログラミング教育",
        "Programming education",
        KPI(
            "クラウド上の教材・地域人材等を活用したプログラミング教育を実施可能な学校",
            **SCHOOLS_BY_FY2020,
        ),
    ),
    ModelRow(
        "health", "ehr", "医療情報連携ネットワーク（EHR）", "Medical information network (EHR)"
    ),
    ModelRow(
        "health",
        "phr",
        "医療・介護・健康データ利活用モデル（PHR）",
        "Medical, nursing care and health data model (PHR)",
    ),
    ModelRow("work", "telework", "テレワーク", "Telework"),
    ModelRow("disaster", "g-spatial-disaster", "G空間防災システム", "G-spatial disaster system"),
    ModelRow("disaster", "l-alert", "Lアラート", "L-Alert"),
    ModelRow(
        "agriculture",
        "smart-agriculture",
        "スマート農業・林業・漁業モデル",
        "Smart agriculture, forestry and fisheries",
    ),
    ModelRow(
        "local-business",
        "local-business",
        "地域ビジネス活性化モデル",
        "Local business revitalisation",
    ),
    ModelRow("local-business", "my-key-platform", "マイキープラットフォーム", "My Key platform"),
    ModelRow("tourism", "tourism-cloud", "観光クラウド", "Tourism cloud"),
    ModelRow("tourism", "omotenashi-cloud", "おもてなしクラウド", "Omotenashi cloud"),
    ModelRow(
        "tourism",
        "multilingual-translation",
        "多言語音声翻訳",
        "Multilingual speech translation",
    ),
    ModelRow("iot-infra", "data-rules", "利活用ルール", "Rules for data use"),
    ModelRow("iot-infra", "security", "セキュリティ", "Security"),
    ModelRow("iot-infra", "testbed", "テストベッド", "Testbeds"),
    ModelRow("iot-infra", "wi-fi", "Wi-Fi", "Wi-Fi"),
    ModelRow("iot-infra", "5g", "5G", "5G"),
)


@dataclass(frozen=True)
class TargetRow:
    slug: str
    wording: str
    wording_en: str
    value: Decimal
    unit: str
    deadline_fiscal_year: int
    source: str
    set_on: datetime.date
    set_on_text: str


# Set after the roadmap, not part of its 2016 text. The wording is the
# follow-up's own, as 総務省九州総合通信局「九州におけるIoT実装の推進」
# (令和2年2月) quotes it in its excerpt of the cabinet decision.
NATIONAL_TARGETS: tuple[TargetRow, ...] = (
    TargetRow(
        slug="iot-800-local-governments",
        wording="2020年度末までに800の地方公共団体において、IoTを活用した取組を創出",
        wording_en="IoT initiatives in 800 local governments by the end of FY2020",
        value=Decimal("800"),
        unit="団体",
        deadline_fiscal_year=2020,
        source="成長戦略フォローアップ（令和元年6月21日閣議決定）",
        set_on=datetime.date(2019, 6, 21),
        set_on_text="2019年6月",
    ),
)
