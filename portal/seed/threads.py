"""Threads (slide 2 overview, slides 3–6 one per thread): purpose, work items, 取組状況."""

import datetime

from .records import AS_OF, StatusUpdateRow

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

# thread slug -> [StatusUpdateRow]: each thread's 取組状況 box, in
# the document's order (order = 1..n). `as_of` is a sortable reading of the
# document's own wording (`date_text`) and `precision` how much of it the
# wording states: "昨年末以降" only the year (approximate), "本年１月以降" the
# month; pages never show a day nobody stated. Items with no wording of their
# own are dated by the document (2017-02-24, exact) and keep date_text empty.
STATUS_UPDATES = {
    "vertical": [
        StatusUpdateRow(
            AS_OF,
            status="in_progress",
            text="以下の通り、関係府省、業界中央団体等と連携し、取組を強化。",
        ),
        # The education bullet reports one plan and one thing done: split in
        # two at its "また、", each with its own status, the words as written.
        StatusUpdateRow(
            AS_OF,
            status="planned",
            text="教育分野では、3/9、文部科学省・総務省・経済産業省の3省連携で"
            "「未来の学びコンソーシアム」を設立予定。",
        ),
        StatusUpdateRow(
            AS_OF,
            status="done",
            text="また、2/4「みらいのまなびフォーラムinなばり」を共催し、"
            "民間企業との連携による教育ICTを推進。",
        ),
        # "1月～2月" as of 2/24: February was not over, so in progress.
        StatusUpdateRow(
            AS_OF,
            status="in_progress",
            text="医療分野では、1月～2月、日本医師会等医療関係団体・省庁検討会、"
            "PHR研究課題間連携会議に参加。",
        ),
        StatusUpdateRow(
            AS_OF,
            status="done",
            text="防災分野では、1/19にＬアラート運営諮問委員会作業部会、2/23に中国地域Ｌアラート"
            "連絡会において、ロードマップの説明を実施。",
        ),
        StatusUpdateRow(
            AS_OF, status="planned", text="そのほかの分野でも、各業界団体にアプローチ予定。"
        ),
    ],
    "horizontal-network": [
        StatusUpdateRow(
            AS_OF,
            date_text="順次",
            status="in_progress",
            text="順次、基礎自治体、業界団体等に参加を呼びかけ。",
        ),
        StatusUpdateRow(
            AS_OF,
            date_text="５～６月を目途",
            status="in_progress",
            text="５～６月を目途に全国ネットワークを新たに設けられるよう、準備を加速化。",
        ),
    ],
    "horizontal-associations": [
        StatusUpdateRow(
            datetime.date(2016, 12, 28),
            date_text="昨年末以降",
            precision="approximate",
            status="in_progress",
            text="昨年末以降、全国知事会、全国市長会、全国町村会の各事務局との調整を開始。",
        ),
        StatusUpdateRow(
            datetime.date(2017, 1, 25),
            date_text="本年１月２５日",
            status="done",
            text="本年１月２５日、全国市長会行政委員会において、地域ＩｏＴ実装推進に関する"
            "取組の説明を実施。",
        ),
        StatusUpdateRow(
            AS_OF,
            date_text="今後",
            status="planned",
            text="今後、全国知事会情報化推進プロジェクトチームにおいて説明、意見交換等を実施する"
            "ほか、ブロック単位の市長会における説明、意見交換等を検討。",
        ),
    ],
    "diagonal": [
        StatusUpdateRow(
            datetime.date(2017, 1, 1),
            date_text="本年１月以降",
            precision="month",
            status="in_progress",
            text="本年１月以降、各総合通信局等が中心となり、各地域ブロックに設置されている"
            "組織体において、地域ＩｏＴ実装に向けた取組が行われるよう調整を開始。\n"
            "例：地域の総合通信局等と情報通信懇談会が共催する「地域ＩＣＴ利活用セミナー」"
            "や、地域の情報通信懇談会・運営委員会で、情報通信懇談会を“斜めの糸”の"
            "活動の場とすることを呼びかけ。",
        ),
        StatusUpdateRow(
            AS_OF,
            date_text="４月以降を目途",
            status="planned",
            text="地域の状況を踏まえつつ、各地域の組織体において地域ＩｏＴ実装に関する取組を"
            "本格開始する体制を整備し、４月以降を目途に、順次活動を実施。",
        ),
    ],
}
