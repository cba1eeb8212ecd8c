"""Organizations, members, participations and the activities named in the 取組状況 boxes."""

import datetime

from .records import MemberRow, OrganizationRow, ParticipationRow

# name, name_en, kind, block code. The 11 regional bureaus (kind "ministry") are
# not listed: they are read from RegionalBlock.bureau_name, which the reference
# data migration already holds. English names only where the body has an
# established one; no website or other fact beyond the document is added.
ORGANIZATIONS = [
    OrganizationRow("総務省", "Ministry of Internal Affairs and Communications", kind="ministry"),
    OrganizationRow(
        "文部科学省",
        "Ministry of Education, Culture, Sports, Science and Technology",
        kind="ministry",
    ),
    OrganizationRow("経済産業省", "Ministry of Economy, Trade and Industry", kind="ministry"),
    OrganizationRow("全国知事会", "National Governors' Association", kind="national_association"),
    OrganizationRow("全国市長会", "Japan Association of City Mayors", kind="national_association"),
    OrganizationRow(
        "全国町村会", "National Association of Towns and Villages", kind="national_association"
    ),
    OrganizationRow("全国ＩＣＴ教育首長協議会", kind="ict_body"),
    # Slide 3: "日本医師会等医療関係団体".
    OrganizationRow("日本医師会", "Japan Medical Association", kind="medical"),
    OrganizationRow("北陸情報通信協議会", kind="council", block="hokuriku"),
    OrganizationRow("中国情報通信懇談会", kind="council", block="chugoku"),
    OrganizationRow("オープンガバメント・コンソーシアム", kind="ict_body"),
    OrganizationRow("未来の学びコンソーシアム", kind="ict_body"),
    OrganizationRow("地域ＩｏＴ実装推進タスクフォース", kind="council"),
    # Named in the 取組状況 boxes. The two Ｌアラート bodies are linked to the
    # activities held at them; the other two are linked to no record (the
    # document plans or considers talks there), so their description quotes it.
    OrganizationRow(
        "全国知事会情報化推進プロジェクトチーム",
        kind="national_association",
        description=(
            "資料（横の糸② 取組状況）：今後、全国知事会情報化推進プロジェクトチームにおいて"
            "説明、意見交換等を実施する。"
        ),
    ),
    OrganizationRow(
        "ブロック単位の市長会",
        kind="national_association",
        description=(
            "資料（横の糸② 取組状況）：ブロック単位の市長会における説明、意見交換等を検討。"
        ),
    ),
    OrganizationRow("Ｌアラート運営諮問委員会", kind="council"),
    OrganizationRow("中国地域Ｌアラート連絡会", kind="council", block="chugoku"),
]

TASK_FORCE = "地域ＩｏＴ実装推進タスクフォース"

# name (as written, surname only), role, affiliation, organization name.
# 座長 and 構成員 are those of the task force (slide 6: タスクフォース構成員).
MEMBERS = [
    MemberRow("須藤", "chair", organization=TASK_FORCE),
    MemberRow("米田", "member", organization=TASK_FORCE),
    MemberRow("関（治）", "member", organization=TASK_FORCE),
    MemberRow("山内", "member", organization=TASK_FORCE),
    MemberRow("太田", "minister_aide", affiliation="総務省", organization="総務省"),
]

STATED, INFERRED = "stated", "inferred"
_NO_NAMES = "資料は推進体制の参加団体を挙げていない。"

# thread slug -> [ParticipationRow]; the document gives no dates. Each says
# whether the document states it (quoting it) or what it was inferred from.
PARTICIPATIONS = {
    "vertical": [
        ParticipationRow(
            "全国ＩＣＴ教育首長協議会",
            "活用する既存のＩＣＴ関連推進体制",
            provenance=STATED,
            note="連携の方法：「既存のＩＣＴ関連推進体制（例．全国ＩＣＴ教育首長協議会）がある場合は、"
            "その場を活用。」",
        ),
        *(
            ParticipationRow(
                name,
                "連携",
                provenance=INFERRED,
                note=_NO_NAMES + "取組状況「3/9、文部科学省・総務省・経済産業省の3省連携で"
                "「未来の学びコンソーシアム」を設立予定」から推定。",
            )
            for name in ("文部科学省", "経済産業省")
        ),
        ParticipationRow(
            "日本医師会",
            "連携",
            provenance=INFERRED,
            note=_NO_NAMES + "取組状況「医療分野では、1月～2月、日本医師会等医療関係団体・"
            "省庁検討会…に参加」（総務省が同団体等の検討会に参加したこと）から推定。",
        ),
    ],
    "horizontal-associations": [
        ParticipationRow(
            name,
            "連携",
            provenance=STATED,
            note="連携の方法：「全国知事会、全国市長会、全国町村会と連携し、"
            "地域ＩｏＴ実装の取組内容の周知、優良事例の紹介、意見交換等を実施。」",
        )
        for name in ("全国知事会", "全国市長会", "全国町村会")
    ],
    "diagonal": [
        ParticipationRow(
            name,
            "活動の場（地域の情報通信懇談会等）",
            provenance=INFERRED,
            note="資料は、各地域ブロックの情報通信懇談会等を活動の場とするとしているが、"
            f"個別の団体名は挙げていない。説明会等の表の「{meeting}」から推定。",
        )
        for name, meeting in (
            ("北陸情報通信協議会", "1月20日 北陸情報通信協議会 イノベーションワーキンググループ"),
            ("中国情報通信懇談会", "2月3日 中国情報通信懇談会顧問会議"),
        )
    ],
}

# Every regional bureau in the diagonal thread: (slug, role, provenance, note).
BUREAU_PARTICIPATION = (
    "diagonal",
    "事務局（総合通信局等）",
    INFERRED,
    _NO_NAMES + "取組状況「本年１月以降、各総合通信局等が中心となり、各地域ブロックに設置されて"
    "いる組織体において…調整を開始」から推定（資料は「事務局」とは書いていない）。",
)

# --- Activities (dated events named in the 取組状況 boxes) ----------------------------

# Dates: `date` sorts, `precision` says how much of it the wording states
# (core.dateprecision); every "3/9" is in the document's year. Titles keep the
# document's full-width Ｌ (search folds it: "Lアラート" finds them).
ACTIVITIES = [
    {
        "thread": "vertical",
        "date": datetime.date(2017, 3, 9),
        "end_date": None,
        "date_text": "3/9",
        "precision": "exact",
        "title": "未来の学びコンソーシアム",
        "description": (
            "文部科学省・総務省・経済産業省の3省連携で「未来の学びコンソーシアム」を設立予定。"
        ),
        "field": "education",
        "block": None,
        "organizations": ("文部科学省", "総務省", "経済産業省"),
        "status": "planned",
    },
    {
        "thread": "vertical",
        "date": datetime.date(2017, 2, 4),
        "end_date": None,
        "date_text": "2/4",
        "precision": "exact",
        "title": "みらいのまなびフォーラムinなばり",
        "description": (
            "「みらいのまなびフォーラムinなばり」を共催し、民間企業との連携による教育ICTを推進。"
        ),
        "field": "education",
        "block": None,
        "organizations": (),
        "status": "done",
    },
    {
        "thread": "vertical",
        "date": datetime.date(2017, 1, 1),
        "end_date": datetime.date(2017, 2, 28),
        "date_text": "1月～2月",
        "precision": "period",
        "title": "日本医師会等医療関係団体・省庁検討会",
        "description": "日本医師会等医療関係団体・省庁検討会に参加。",
        "field": "health",
        "block": None,
        "organizations": ("日本医師会",),
        "status": "in_progress",  # 1月～2月: February was not over on 2/24,
    },
    {
        "thread": "vertical",
        "date": datetime.date(2017, 1, 1),
        "end_date": datetime.date(2017, 2, 28),
        "date_text": "1月～2月",
        "precision": "period",
        "title": "PHR研究課題間連携会議",
        "description": "PHR研究課題間連携会議に参加。",
        "field": "health",
        "block": None,
        "organizations": (),
        "status": "in_progress",  # as above,
    },
    {
        "thread": "vertical",
        "date": datetime.date(2017, 1, 19),
        "end_date": None,
        "date_text": "1/19",
        "precision": "exact",
        "title": "Ｌアラート運営諮問委員会作業部会",
        "description": "Ｌアラート運営諮問委員会作業部会において、ロードマップの説明を実施。",
        "field": "disaster",
        "block": None,
        "organizations": ("Ｌアラート運営諮問委員会",),
        "status": "done",
    },
    {
        "thread": "vertical",
        "date": datetime.date(2017, 2, 23),
        "end_date": None,
        "date_text": "2/23",
        "precision": "exact",
        "title": "中国地域Ｌアラート連絡会",
        "description": "中国地域Ｌアラート連絡会において、ロードマップの説明を実施。",
        "field": "disaster",
        "block": "chugoku",
        "organizations": ("中国地域Ｌアラート連絡会",),
        "status": "done",
    },
    {
        "thread": "horizontal-associations",
        "date": datetime.date(2017, 1, 25),
        "end_date": None,
        "date_text": "本年１月２５日",
        "precision": "exact",
        "title": "全国市長会行政委員会",
        "description": "全国市長会行政委員会において、地域ＩｏＴ実装推進に関する取組の説明を実施。",
        "field": None,
        "block": None,
        "organizations": ("全国市長会",),
        "status": "done",
    },
]
