"""The content of the source document, transcribed as plain data.

Source: 総務省「第一次提言を受けた対応（総合的推進体制の確立）」, slides 2–7, the
status of the 地域ＩｏＴ実装推進 framework as of 平成２９年２月２４日 (2017-02-24),
set up after the first recommendations of the 地域ＩｏＴ実装推進タスクフォース.

Text is kept as the document writes it: full-width (ＩｏＴ, ＩＣＴ, Ｌアラート, １月２５日)
where it is full-width, half-width (IoT, ICT, 3/9) where it is half-width. Lines the
PDF extraction broke mid-sentence are joined; bullet glyphs (, •, ・) are layout and
are dropped; circled numbers (①②③) are the document's own numbering and are kept.

`portal.services.load_seed` writes this into the database; nothing here touches it.
Values of choice fields are the models' TextChoices values, written out so this
module imports no models.
"""

import datetime

SOURCE = "総務省「第一次提言を受けた対応（総合的推進体制の確立）」"
AS_OF = datetime.date(2017, 2, 24)  # 平成２９年２月２４日現在
YEAR = 2017  # the year of every "1月20日" in the briefing tables

# Slide 2 opens with this; no model holds a framework-wide lead yet, it is kept
# so the transcription is complete.
FRAMEWORK_LEAD = (
    "地域ＩｏＴ実装推進タスクフォースにおける提言を受け、地域ＩｏＴの実装推進に向けて、"
    "“縦”、“横”、“斜め”の総合的な推進体制を確立していく。"
)

# --- Threads (slide 2 overview, slides 3–6 one per thread) ---------------------------

THREADS = [
    {
        "slug": "vertical",
        "kind": "vertical",
        "order": 1,
        "title": "縦の糸",
        "title_en": "Vertical thread",
        "tagline": "各分野の機運を高める“縦の糸”",
        "summary": (
            "関係省庁、ＩＣＴ関連推進団体、分野別の業界団体等との連携体制を構築\n"
            "※既存の連携体制がある場合は、その場を活用。"
        ),
        "expected_participants": "関係省庁、関係団体等",
        "purpose": (
            "「ロードマップの主たる分野ごとに、関係する府省、団体等を中心とした推進体制」"
            "を確立するため、関係省庁、既存のＩＣＴ関連推進団体や分野別の業界団体等との"
            "連携を強化。"
        ),
        "method": (
            "分野別モデルの総務省担当課室と関係府省の連携を強化。\n"
            "既存のＩＣＴ関連推進体制（例．全国ＩＣＴ教育首長協議会）がある場合は、"
            "その場を活用。\n"
            "分野別モデルのステークホルダーとなる業界の中央団体等がある場合は、"
            "関係府省と連携して、当該団体にアプローチ。"
        ),
    },
    {
        "slug": "horizontal-network",
        "kind": "horizontal",
        "order": 2,
        "title": "横の糸① 官民連携の全国ネットワーク",
        "title_en": "Horizontal thread ①: public-private national network",
        "tagline": "地域間の協奏を進める“横の糸”① 官民連携の全国ネットワーク",
        "summary": "地域ＩｏＴの実装に意欲的な自治体と民間企業等とのネットワーク構築を想定",
        "expected_participants": "地方自治体、民間企業、関係団体等",
        # The slide's lead, then its 設立の趣旨 box.
        "purpose": (
            "「官民連携の全国ネットワーク」を構築するため、地域ＩｏＴ実装に意欲のある"
            "先進的な基礎自治体とＩｏＴ実装に積極的に協力する民間企業等からなる"
            "ネットワークの場を設立。\n\n"
            "先進的な基礎自治体と民間企業等からなる全国ネットワークを新たに設立し、"
            "地域ＩｏＴ実装に先導的に取り組む自治体間の連携、官民連携を推進。"
        ),
        "method": "",  # the slide has no 連携の方法 box
    },
    {
        "slug": "horizontal-associations",
        "kind": "horizontal",
        "order": 3,
        "title": "横の糸② 自治体間の情報連携体制",
        "title_en": "Horizontal thread ②: information sharing among local governments",
        "tagline": "地域間の協奏を進める“横の糸”② 自治体間の情報連携体制",
        # Slide 2 writes ロードマップ改訂; slide 5 writes ロードマップ改定. Both kept.
        "summary": (
            "全国知事会・全国市長会・全国町村会等と連携して、ロードマップの周知、"
            "実装に際しての課題やロードマップ改訂に関する意見交換等を実施"
        ),
        "expected_participants": "地方自治体、民間企業、関係団体等",
        "purpose": (
            "「自治体間の情報連携体制」を構築するため、全国知事会、全国市長会、"
            "全国町村会と連携して、地域ＩｏＴ実装推進に向けた意見交換等を実施。"
        ),
        "method": (
            "全国知事会、全国市長会、全国町村会と連携し、地域ＩｏＴ実装の取組内容の周知、"
            "優良事例の紹介、意見交換等を実施。"
        ),
    },
    {
        "slug": "diagonal",
        "kind": "diagonal",
        "order": 4,
        "title": "斜めの糸",
        "title_en": "Diagonal thread",
        "tagline": "分野横断的に地域を紡ぐ“斜めの糸”",
        # The extracted text has "➀" (U+2780, a dingbat) for the first item and
        # "②③" (U+2461, U+2462) for the others: one glyph run through two fonts.
        # Stored as "①" (U+2460) so the list reads and searches as one sequence.
        "summary": (
            "各地域ブロックに設立されている情報通信懇談会等において、\n"
            "① 地域ＩｏＴ実装の取組状況の把握、\n"
            "② 地域特性を踏まえて重点的に推進すべき実装モデルの検討推進\n"
            "③ 実装推進に向けた課題への対応策、普及策\n"
            "に関する意見交換等を実施"
        ),
        "expected_participants": "地方自治体、民間企業、関係団体、大学、市民、ＮＰＯ 等",
        "purpose": (
            "「地域ごとに、自治体、関係団体、民間企業等の民産学官の緊密な連携を実現する"
            "体制」を確立するため、地域ブロック単位の民産学官が集まる組織体等を活用し、"
            "各地域ブロックにおける地域ＩｏＴ実装推進ロードマップの実現に向けた活動を推進。"
        ),
        # The slide calls this box 活用の方法.
        "method": (
            "地域ブロック単位の民産学官が集まる組織体（例：地域の情報通信懇談会）を活用して、"
            "地域ＩｏＴ実装をテーマとする取組を実施。"
        ),
    },
]

# thread slug -> section -> [(heading, text)], in the document's order (order = 1..n).
# "work" is 取組内容 / 主な活動内容; "participants" is how members are invited
# (the bullets under 想定参加メンバー on slides 4 and 6).
WORK_ITEMS = {
    "vertical": {
        "work": [
            (
                "① 関係府省",
                "関係府省の説明会（業界団体や自治体向け）等において、地域ＩｏＴ実装に関する"
                "取組の説明等が行えるよう連携を強化。",
            ),
            (
                "② ＩＣＴ関連推進団体、業界団体等",
                "地域ＩｏＴ実装に関する取組の説明を行い、その推進に向けた協力を依頼。",
            ),
            (
                "② ＩＣＴ関連推進団体、業界団体等",
                "当該団体のメンバー向けの説明会の開催など、ロードマップに対する理解醸成、"
                "連携に向けた機会を創出できるよう協力を依頼。",
            ),
        ],
    },
    "horizontal-network": {
        "participants": [
            (
                "",
                "ロードマップに掲げる取組等を実施中又は実施する意欲のある先進的な基礎自治体に"
                "対して、広く参加を呼びかけ。",
            ),
            ("", "地域ＩｏＴに関心のある業界団体を通じて民間企業等に参加を呼びかけ。"),
        ],
        "work": [
            (
                "",
                "参加自治体と民間企業等のマッチングの場を提供し、地方自治体が、既存のモデルの"
                "横展開、民間との人材交流、データ利活用、シェアリングエコノミーなどに取り組む"
                "きっかけづくりを行う。",
            ),
            (
                "",
                "参加自治体や民間企業等から、ロードマップに係る具体的プロジェクトを募集し、"
                "総務省と連携して地域ＩｏＴ実装に関するプロジェクトを実施する。",
            ),
            (
                "",
                "既に実装に取り組んでいる参加自治体の職員を、具体的な地域ＩｏＴ実装を希望する"
                "地方自治体に派遣する。",
            ),
        ],
    },
    "horizontal-associations": {
        "work": [
            (
                "ロードマップの実現に向け、以下のとおり、地域ＩｏＴ実装の取組状況の共有、"
                "意見交換等を行う。",
                text,
            )
            for text in (
                "地域ＩｏＴ実装推進ロードマップ・第一次提言の内容説明と周知",
                "各自治体の取組状況、優良事例の紹介",
                "実装に際しての課題に関する意見交換",
                "関係省庁等に対する要望等に関する意見交換",
                "ロードマップ改定に関する意見交換",
                "地域ブロック単位の分野横断的な推進体制への参加依頼",
                "総務省が行う地方自治体向け説明会に対する積極的な対応の要請",
            )
        ],
    },
    "diagonal": {
        "participants": [
            (
                "",
                "各地域ブロックにおける地方自治体（都道府県、市町村）、民間企業、大学、"
                "関係団体（商工会議所、業界団体、市民団体等）等に対して、広く参加を呼びかけ。",
            ),
            ("", "会合には、テーマと照らし合わせつつ、タスクフォース構成員も随時参加。"),
        ],
        "work": [
            ("ロードマップの実現に向け、以下の事項に関する意見交換等を行う。", text)
            for text in (
                "① 各地域における地域ＩｏＴ実装の取組状況"
                "（優良事例の紹介や横展開の状況の把握及びその地図化等を含む）",
                "② 地域の特性を踏まえて重点的に推進すべき実装モデル",
                "③ 実装推進に向けた課題への対応策、普及方策 等",
            )
        ],
    },
}

# thread slug -> [(as_of, date_text, status, text)]: each thread's 取組状況 box, in
# the document's order (order = 1..n). `as_of` is a sortable reading of the
# document's own wording (`date_text`); items with no wording of their own are
# dated by the document (2017-02-24) and keep date_text empty.
STATUS_UPDATES = {
    "vertical": [
        (AS_OF, "", "in_progress", "以下の通り、関係府省、業界中央団体等と連携し、取組を強化。"),
        (
            AS_OF,
            "",
            "done",
            "教育分野では、3/9、文部科学省・総務省・経済産業省の3省連携で"
            "「未来の学びコンソーシアム」を設立予定。また、2/4「みらいのまなびフォーラムin"
            "なばり」を共催し、民間企業との連携による教育ICTを推進。",
        ),
        (
            AS_OF,
            "",
            "done",
            "医療分野では、1月～2月、日本医師会等医療関係団体・省庁検討会、"
            "PHR研究課題間連携会議に参加。",
        ),
        (
            AS_OF,
            "",
            "done",
            "防災分野では、1/19にＬアラート運営諮問委員会作業部会、2/23に中国地域Ｌアラート"
            "連絡会において、ロードマップの説明を実施。",
        ),
        (AS_OF, "", "planned", "そのほかの分野でも、各業界団体にアプローチ予定。"),
    ],
    "horizontal-network": [
        (AS_OF, "順次", "in_progress", "順次、基礎自治体、業界団体等に参加を呼びかけ。"),
        (
            AS_OF,
            "５～６月を目途",
            "in_progress",
            "５～６月を目途に全国ネットワークを新たに設けられるよう、準備を加速化。",
        ),
    ],
    "horizontal-associations": [
        (
            datetime.date(2016, 12, 28),
            "昨年末以降",
            "in_progress",
            "昨年末以降、全国知事会、全国市長会、全国町村会の各事務局との調整を開始。",
        ),
        (
            datetime.date(2017, 1, 25),
            "本年１月２５日",
            "done",
            "本年１月２５日、全国市長会行政委員会において、地域ＩｏＴ実装推進に関する"
            "取組の説明を実施。",
        ),
        (
            AS_OF,
            "今後",
            "planned",
            "今後、全国知事会情報化推進プロジェクトチームにおいて説明、意見交換等を実施する"
            "ほか、ブロック単位の市長会における説明、意見交換等を検討。",
        ),
    ],
    "diagonal": [
        (
            datetime.date(2017, 1, 1),
            "本年１月以降",
            "in_progress",
            "本年１月以降、各総合通信局等が中心となり、各地域ブロックに設置されている"
            "組織体において、地域ＩｏＴ実装に向けた取組が行われるよう調整を開始。\n"
            "例：地域の総合通信局等と情報通信懇談会が共催する「地域ＩＣＴ利活用セミナー」"
            "や、地域の情報通信懇談会・運営委員会で、情報通信懇談会を“斜めの糸”の"
            "活動の場とすることを呼びかけ。",
        ),
        (
            AS_OF,
            "４月以降を目途",
            "planned",
            "地域の状況を踏まえつつ、各地域の組織体において地域ＩｏＴ実装に関する取組を"
            "本格開始する体制を整備し、４月以降を目途に、順次活動を実施。",
        ),
    ],
}

# --- Organizations, members, participations ------------------------------------------

# name, name_en, kind, block code. The 11 regional bureaus (kind "ministry") are
# not listed: they are read from RegionalBlock.bureau_name, which the reference
# data migration already holds. English names only where the body has an
# established one; no website or other fact beyond the document is added.
ORGANIZATIONS = [
    ("総務省", "Ministry of Internal Affairs and Communications", "ministry", None),
    (
        "文部科学省",
        "Ministry of Education, Culture, Sports, Science and Technology",
        "ministry",
        None,
    ),
    ("経済産業省", "Ministry of Economy, Trade and Industry", "ministry", None),
    ("全国知事会", "National Governors' Association", "national_association", None),
    ("全国市長会", "Japan Association of City Mayors", "national_association", None),
    ("全国町村会", "National Association of Towns and Villages", "national_association", None),
    ("全国ＩＣＴ教育首長協議会", "", "ict_body", None),
    ("日本医師会", "Japan Medical Association", "industry", None),
    ("北陸情報通信協議会", "", "council", "hokuriku"),
    ("中国情報通信懇談会", "", "council", "chugoku"),
    ("オープンガバメント・コンソーシアム", "", "ict_body", None),
    ("未来の学びコンソーシアム", "", "ict_body", None),
    ("地域ＩｏＴ実装推進タスクフォース", "", "council", None),
]

TASK_FORCE = "地域ＩｏＴ実装推進タスクフォース"

# name (as written, surname only), role, affiliation, organization name.
# 座長 and 構成員 are those of the task force (slide 6: タスクフォース構成員).
MEMBERS = [
    ("須藤", "chair", "", TASK_FORCE),
    ("米田", "member", "", TASK_FORCE),
    ("関（治）", "member", "", TASK_FORCE),
    ("山内", "member", "", TASK_FORCE),
    ("太田", "minister_aide", "総務省", "総務省"),
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

# --- Briefings (slide 7) ---------------------------------------------------------------

# The two tables, row by row as written: 開催日 (or 予定時期), 開催箇所, 開催概要
# (broken lines joined, ※ notes taken out), the ※ notes, and the members the
# notes say took part (参加) as (name, role). 太田 only gave a talk (説明) and so is
# left in the notes.
HELD_BRIEFINGS = [
    ("1月20日", "石川県", "北陸情報通信協議会 イノベーションワーキンググループ", "", ()),
    ("1月24日", "香川県", "地方自治体向け説明会", "", ()),
    ("1月25日", "全国市長会", "全国市長会行政委員会", "", ()),
    ("1月25日", "総務省", "全国都道府県財政課長・市町村担当課長合同会議", "", ()),
    ("1月25日", "宮城県", "東北地域ICT利活用セミナー", "", ()),
    ("1月26日", "沖縄県", "沖縄地域ICT利活用セミナー", "", ()),
    ("1月27日", "奈良県", "地方自治体向け説明会", "", ()),
    ("2月2日", "東京都", "関東地域ICT利活用セミナー", "", ()),
    ("2月3日", "広島県", "中国情報通信懇談会顧問会議", "", ()),
    ("2月6日", "広島県", "地方自治体向け説明会", "", ()),
    ("2月7日", "滋賀県", "地方自治体向け説明会", "", ()),
    ("2月14日", "長崎県", "地方自治体向け説明会", "", ()),
    ("2月15日", "熊本県", "九州地域ICT利活用セミナー", "※米田構成員参加", (("米田", "member"),)),
    (
        "2月16日",
        "山梨県",
        "地域IoT実装推進セミナー",
        "※関（治）構成員参加",
        (("関（治）", "member"),),
    ),
    ("2月16日", "三重県", "地方自治体向け説明会", "", ()),
    ("2月16日", "佐賀県", "地方自治体向け説明会", "", ()),
    ("2月17日", "和歌山県", "地方自治体向け説明会", "", ()),
    ("2月17日", "富山県", "地方自治体向け説明会", "", ()),
    (
        "2月20日",
        "オープンガバメント・コンソーシアム",
        "オープンガバメント・コンソーシアム シンポジウム2017",
        "※須藤座長参加\n※太田総務大臣補佐官説明",
        (("須藤", "chair"),),
    ),
    ("2月21日", "愛知県", "東海情報通信フロンティアセミナー", "", ()),
    ("2月22日", "高知県", "四国地域ICT利活用セミナー", "※山内構成員参加", (("山内", "member"),)),
    ("2月24日", "石川県", "北陸地域ICT利活用セミナー", "", ()),
]

PLANNED_BRIEFINGS = [
    ("3月6日", "徳島県", "地方自治体向け説明会", "", ()),
    ("3月6日", "広島県", "中国地域ICT利活用セミナー", "", ()),
    ("3月8日", "山形県", "地方自治体向け説明会", "", ()),
    ("3月8日", "大阪府", "近畿地域ICT利活用セミナー", "", ()),
    ("3月9日", "福島県", "地方自治体向け説明会", "", ()),
    ("3月15日", "宮城県", "地方自治体向け説明会", "", ()),
    ("3月15日", "長野県", "信越地域ICT利活用セミナー・地方自治体向け説明会", "", ()),
    ("3月16日", "北海道", "北海道地域ICT利活用セミナー・地方自治体向け説明会", "", ()),
    ("3月22日", "福岡県", "地方自治体向け説明会", "", ()),
    ("3月24日", "熊本県", "地方自治体向け説明会", "", ()),
]

# The note under the planned table; no model holds a table-wide note yet.
PLANNED_NOTE = "※４月以降も順次実施"


def _block_seminar(block: str, bureau: str) -> dict:
    # Seminars each bureau holds with its block's council: the diagonal thread at work.
    return {
        "scope": "block",
        "kind": "seminar",
        "block": block,
        "host": bureau,
        "thread": "diagonal",
    }


# 開催概要 -> how the row is classified. Rows at a prefecture (開催箇所 is a
# prefecture) also take that prefecture; the others are hosted where they are held.
BRIEFING_KINDS = {
    "地方自治体向け説明会": {
        "scope": "prefecture",
        "kind": "local_government",
        "block": None,
        "host": "総務省",
        "thread": None,
    },
    "地域IoT実装推進セミナー": {
        "scope": "prefecture",
        "kind": "seminar",
        "block": None,
        "host": None,
        "thread": None,
    },
    "北陸情報通信協議会 イノベーションワーキンググループ": {
        "scope": "block",
        "kind": "council",
        "block": "hokuriku",
        "host": "北陸情報通信協議会",
        "thread": "diagonal",
    },
    "中国情報通信懇談会顧問会議": {
        "scope": "block",
        "kind": "council",
        "block": "chugoku",
        "host": "中国情報通信懇談会",
        "thread": "diagonal",
    },
    "全国市長会行政委員会": {
        "scope": "national",
        "kind": "national_meeting",
        "block": None,
        "host": "全国市長会",
        "thread": "horizontal-associations",
    },
    "全国都道府県財政課長・市町村担当課長合同会議": {
        "scope": "national",
        "kind": "national_meeting",
        "block": None,
        "host": "総務省",
        "thread": None,
    },
    "オープンガバメント・コンソーシアム シンポジウム2017": {
        "scope": "national",
        "kind": "symposium",
        "block": None,
        "host": "オープンガバメント・コンソーシアム",
        "thread": None,
    },
    "東北地域ICT利活用セミナー": _block_seminar("tohoku", "東北総合通信局"),
    "沖縄地域ICT利活用セミナー": _block_seminar("okinawa", "沖縄総合通信事務所"),
    "関東地域ICT利活用セミナー": _block_seminar("kanto", "関東総合通信局"),
    "九州地域ICT利活用セミナー": _block_seminar("kyushu", "九州総合通信局"),
    "東海情報通信フロンティアセミナー": _block_seminar("tokai", "東海総合通信局"),
    "四国地域ICT利活用セミナー": _block_seminar("shikoku", "四国総合通信局"),
    "北陸地域ICT利活用セミナー": _block_seminar("hokuriku", "北陸総合通信局"),
    "中国地域ICT利活用セミナー": _block_seminar("chugoku", "中国総合通信局"),
    "近畿地域ICT利活用セミナー": _block_seminar("kinki", "近畿総合通信局"),
    "信越地域ICT利活用セミナー・地方自治体向け説明会": _block_seminar("shinetsu", "信越総合通信局"),
    "北海道地域ICT利活用セミナー・地方自治体向け説明会": _block_seminar(
        "hokkaido", "北海道総合通信局"
    ),
}

# The figure the document reports, kept as quoted text only: it counts 20
# briefings where the table lists 22 rows, and the portal computes its own
# figures from Briefing rows instead.
PROGRESS_REPORT = {
    "as_of": AS_OF,
    "title": "地域IoT実装推進に関する地方自治体向け説明会等の開催",
    "summary": (
        "本年１月２４日以降、都道府県・市町村等を対象とした説明会や、地域ブロック毎に"
        "開催されるセミナー等における説明を実施。"
    ),
    "quoted_figure": (
        "１０の県、７の地域ブロック等に対して合計２０回の説明会を開催済。"
        "（平成２９年２月２４日現在）"
    ),
    "source": SOURCE,
}

# Slide 2's box on the briefings (the same campaign as slide 7, in other words).
# Kept for completeness; ProgressReport.summary holds slide 7's wording.
BRIEFINGS_LEAD = (
    "ロードマップへの理解醸成、推進体制への参加、地域におけるＩｏＴ実装等を後押しするため、"
    "１月２４日以降、都道府県・市町村を対象とする説明会等を開催。"
)
