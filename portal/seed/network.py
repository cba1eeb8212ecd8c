"""Organizations, members, participations and the activities named in the 取組状況 boxes."""

import datetime

from .records import MemberRow, OrganizationRow

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
    OrganizationRow("日本医師会", "Japan Medical Association", kind="industry"),
    OrganizationRow("北陸情報通信協議会", kind="council", block="hokuriku"),
    OrganizationRow("中国情報通信懇談会", kind="council", block="chugoku"),
    OrganizationRow("オープンガバメント・コンソーシアム", kind="ict_body"),
    OrganizationRow("未来の学びコンソーシアム", kind="ict_body"),
    OrganizationRow("地域ＩｏＴ実装推進タスクフォース", kind="council"),
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

# thread slug -> [(organization name, role)]; the document gives no dates.
PARTICIPATIONS = {
    "vertical": [
        ("文部科学省", "連携"),
        ("経済産業省", "連携"),
        ("日本医師会", "連携"),
    ],
    "horizontal-associations": [
        ("全国知事会", "連携"),
        ("全国市長会", "連携"),
        ("全国町村会", "連携"),
    ],
    "diagonal": [
        ("北陸情報通信協議会", "活動の場（地域の情報通信懇談会等）"),
        ("中国情報通信懇談会", "活動の場（地域の情報通信懇談会等）"),
    ],
}

# Every regional bureau takes part in the diagonal thread (slide 6: 各総合通信局等が中心となり).
BUREAU_PARTICIPATION = ("diagonal", "事務局（総合通信局等）")

# --- Activities (dated events named in the 取組状況 boxes) ----------------------------

# The document writes Ｌアラート with a full-width Ｌ in both events. Titles use the
# ASCII "Lアラート" (the usual spelling, and the one people search for);
# descriptions keep the document's full-width Ｌ.
ACTIVITIES = [
    {
        "thread": "vertical",
        "date": datetime.date(2017, 3, 9),
        "end_date": None,
        "date_text": "3/9",
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
        "title": "日本医師会等医療関係団体・省庁検討会",
        "description": "日本医師会等医療関係団体・省庁検討会に参加。",
        "field": "health",
        "block": None,
        "organizations": ("日本医師会",),
        "status": "done",
    },
    {
        "thread": "vertical",
        "date": datetime.date(2017, 1, 1),
        "end_date": datetime.date(2017, 2, 28),
        "date_text": "1月～2月",
        "title": "PHR研究課題間連携会議",
        "description": "PHR研究課題間連携会議に参加。",
        "field": "health",
        "block": None,
        "organizations": (),
        "status": "done",
    },
    {
        "thread": "vertical",
        "date": datetime.date(2017, 1, 19),
        "end_date": None,
        "date_text": "1/19",
        "title": "Lアラート運営諮問委員会作業部会",  # ASCII L; see above
        "description": "Ｌアラート運営諮問委員会作業部会において、ロードマップの説明を実施。",
        "field": "disaster",
        "block": None,
        "organizations": (),
        "status": "done",
    },
    {
        "thread": "vertical",
        "date": datetime.date(2017, 2, 23),
        "end_date": None,
        "date_text": "2/23",
        "title": "中国地域Lアラート連絡会",  # ASCII L; see above
        "description": "中国地域Ｌアラート連絡会において、ロードマップの説明を実施。",
        "field": "disaster",
        "block": "chugoku",
        "organizations": (),
        "status": "done",
    },
    {
        "thread": "horizontal-associations",
        "date": datetime.date(2017, 1, 25),
        "end_date": None,
        "date_text": "本年１月２５日",
        "title": "全国市長会行政委員会",
        "description": "全国市長会行政委員会において、地域ＩｏＴ実装推進に関する取組の説明を実施。",
        "field": None,
        "block": None,
        "organizations": ("全国市長会",),
        "status": "done",
    },
]
