"""The demo's vocabulary: the words its titles, names and texts are made of.

Stored data is Japanese, as staff would type it; English names come with
their romanisation where the portal shows one. Nothing here is a real
record: names are combinations, links point at example.com.
"""

# --- briefings -----------------------------------------------------------------

# Title patterns per briefing kind. Placeholders: {pref} prefecture, {muni}
# municipality, {block} block name, {council} the block's council, {field}
# roadmap field, {n} a running number, {year} the year.
BRIEFING_TITLES = {
    "local_government": (
        "地方自治体向け説明会",
        "{pref}市町村向け地域IoT実装説明会",
        "{pref}地域IoT実装推進説明会（第{n}回）",
        "{muni}IoT実装計画説明会",
        "{pref}自治体職員向けIoT研修会",
    ),
    "seminar": (
        "{block}地域ICT利活用セミナー",
        "{pref}IoT活用セミナー～{field}～",
        "{block}地域IoT実装推進セミナー{year}",
        "{pref}{field}分野IoT導入セミナー",
    ),
    "council": (
        "{council}総会",
        "{council} イノベーションワーキンググループ",
        "{council}顧問会議",
        "{council} {field}部会",
    ),
    "national_meeting": (
        "全国市長会行政委員会",
        "全国町村会政務調査会",
        "全国都道府県情報化主管課長会議",
        "全国都道府県財政課長・市町村担当課長合同会議",
        "全国知事会情報化推進会議",
    ),
    "symposium": (
        "地域IoT実装推進シンポジウム{year}",
        "{field}×IoTシンポジウム in {pref}",
        "{block}スマートシティフォーラム{year}",
    ),
    "other": (
        "{pref}IoT推進ラボ意見交換会",
        "{muni}地域課題解決アイデアソン",
    ),
}

VENUES = (
    "{pref}庁 大会議室",
    "{muni}文化会館",
    "{muni}庁舎",
    "{bureau} 会議室",
    "{pref}自治会館",
    "オンライン（Web会議）",
)

NATIONAL_VENUES = (
    "全国市長会",
    "全国町村会館",
    "総務省 講堂",
    "全国都市会館",
    "オンライン（Web会議）",
)

CANCELLATION_REASONS = (
    "台風の接近に伴い中止。",
    "新型コロナウイルス感染症の拡大防止のため中止。",
    "大雨による交通機関の運休のため中止。",
    "会場の都合により中止。",
    "主催者の都合により中止。",
)

POSTPONED_NOTES = (
    "※日程調整中",
    "※開催日は決まり次第掲載",
)

MINUTES = (
    "地域IoT実装推進ロードマップの概要と{field}分野の先進事例を紹介し、導入に向けた課題について意見交換を行った。",
    "{field}分野のIoT活用について、参加団体から取組状況の報告があり、質疑応答を行った。",
    "国の支援制度（補助事業・専門家派遣）の説明の後、個別相談会を実施した。",
)

HANDOUT_TITLES = (
    "地域IoT実装推進ロードマップの概要",
    "{field}分野の先進事例",
    "国の支援施策について",
    "地域IoT実装の手引き",
    "アンケート結果",
    "参加者名簿",
)

# --- threads -----------------------------------------------------------------

ACTIVITY_TITLES = {
    "vertical": (
        "{field}分野 関係府省連絡会",
        "{field}分野 IoT活用検討会",
        "{field}×IoT 推進フォーラム",
        "{field}分野 業界団体との意見交換",
    ),
    "horizontal-network": (
        "官民連携マッチングイベント（{block}）",
        "地域IoT官民ネット 全国会合",
        "自治体職員派遣（{pref}→{pref2}）",
        "先進自治体の取組紹介セミナー",
    ),
    "horizontal-associations": (
        "全国知事会 情報連携会議",
        "全国市長会 行政委員会",
        "全国町村会 政務調査会",
    ),
    "diagonal": (
        "{council} 総会",
        "{council} {field}ワーキンググループ",
        "{pref}{field}IoTモデル実証 報告会",
        "{block}地域 優良事例マッピング会合",
    ),
}

ACTIVITY_DESCRIPTIONS = (
    "{field}分野のIoT実装に向けた課題を共有し、今後の進め方を検討。",
    "地域IoT実装推進ロードマップの説明を実施。",
    "参加団体間で先進事例を共有し、横展開の方策について意見交換。",
)

STATUS_TEXTS = (
    "{pref}において{field}分野のIoT実装に向けた検討会を開催。",
    "{block}地域で{field}分野のモデル事業を{count}件選定。",
    "{pref}の{count}市町村が{field}分野のIoT導入計画を策定。",
    "{field}分野の先進事例集を取りまとめ、公表予定。",
    "自治体職員の派遣を{count}件実施。",
    "官民連携マッチングにより{count}件のプロジェクトが始動。",
)

# --- organizations -----------------------------------------------------------

# (Japanese, romanised) pieces of company names: place-like words, trades, forms.
COMPANY_STEMS = (
    ("北辰", "Hokushin"),
    ("東邦", "Toho"),
    ("西海", "Saikai"),
    ("南星", "Nansei"),
    ("大和", "Yamato"),
    ("瑞穂", "Mizuho"),
    ("朝日", "Asahi"),
    ("旭光", "Kyokko"),
    ("日進", "Nisshin"),
    ("三和", "Sanwa"),
    ("協和", "Kyowa"),
    ("共栄", "Kyoei"),
    ("光洋", "Koyo"),
    ("明星", "Myojo"),
    ("昭栄", "Shoei"),
    ("平安", "Heian"),
    ("富士", "Fuji"),
    ("白山", "Hakusan"),
    ("青葉", "Aoba"),
    ("若葉", "Wakaba"),
    ("緑川", "Midorikawa"),
    ("桜井", "Sakurai"),
    ("松浦", "Matsuura"),
    ("竹中", "Takenaka"),
    ("梅田", "Umeda"),
    ("丸山", "Maruyama"),
    ("高原", "Takahara"),
    ("中央", "Chuo"),
    ("北斗", "Hokuto"),
    ("東洋", "Toyo"),
    ("太平", "Taihei"),
    ("千代", "Chiyo"),
    ("八雲", "Yakumo"),
    ("九重", "Kokonoe"),
    ("十勝", "Tokachi"),
    ("信濃", "Shinano"),
    ("越後", "Echigo"),
    ("加賀", "Kaga"),
    ("播磨", "Harima"),
    ("伊予", "Iyo"),
    ("土佐", "Tosa"),
    ("筑紫", "Tsukushi"),
    ("肥後", "Higo"),
    ("薩摩", "Satsuma"),
    ("琉球", "Ryukyu"),
    ("出羽", "Dewa"),
    ("陸奥", "Mutsu"),
    ("常陸", "Hitachi"),
    ("相模", "Sagami"),
    ("駿河", "Suruga"),
    ("尾張", "Owari"),
    ("近江", "Omi"),
    ("丹波", "Tamba"),
    ("吉備", "Kibi"),
    ("出雲", "Izumo"),
    ("阿波", "Awa"),
    ("讃岐", "Sanuki"),
    ("豊後", "Bungo"),
    ("日向", "Hyuga"),
    ("大隅", "Osumi"),
)

COMPANY_TRADES = (
    ("情報システム", "Information Systems"),
    ("データ", "Data"),
    ("ネットワークス", "Networks"),
    ("テクノロジー", "Technology"),
    ("通信", "Communications"),
    ("電機", "Electric"),
    ("ソフトウェア", "Software"),
    ("エンジニアリング", "Engineering"),
    ("センサー", "Sensors"),
    ("IoTソリューションズ", "IoT Solutions"),
    ("クラウドサービス", "Cloud Services"),
    ("計測", "Instruments"),
    ("電子", "Electronics"),
    ("ロボティクス", "Robotics"),
    ("農業ICT", "Agri-ICT"),
    ("メディカルシステム", "Medical Systems"),
    ("防災システム", "Disaster Systems"),
    ("観光デジタル", "Tourism Digital"),
    ("ドローン", "Drones"),
    ("エナジー", "Energy"),
    ("モビリティ", "Mobility"),
    ("ケーブルテレビ", "Cable TV"),
    ("建設技術", "Construction Technology"),
    ("総合研究所", "Research Institute"),
    ("デジタルサービス", "Digital Services"),
)

# (prefix, suffix, English suffix): 株式会社 before or after the name, and others.
COMPANY_FORMS = (
    ("株式会社", "", "Co., Ltd."),
    ("", "株式会社", "Corporation"),
    ("合同会社", "", "LLC"),
    ("", "有限会社", "Ltd."),
    ("一般社団法人", "協会", "Association"),
)

UNIVERSITY_NAMES = ("{stem}工科大学", "{pref}情報大学", "{stem}大学 IoT研究センター")
NPO_NAMES = ("NPO法人{stem}ICTネット", "NPO法人{pref}地域情報化推進会")
CITIZENS_NAMES = ("{stem}まちづくり市民の会", "{pref}の地域情報化を考える市民の会")
ICT_BODY_NAMES = ("{field}IoT推進協議会", "{stem}IoT推進コンソーシアム", "{pref}IoT推進ラボ")
INDUSTRY_NAMES = ("{field}関連産業協会", "{stem}工業会")
COUNCIL_NAMES = ("{block}情報通信懇談会", "{block}地域ICT推進協議会", "{block}IoT推進会議")

# --- people ------------------------------------------------------------------

SURNAMES = (
    "佐藤",
    "鈴木",
    "高橋",
    "田中",
    "伊藤",
    "渡辺",
    "山本",
    "中村",
    "小林",
    "加藤",
    "吉田",
    "山田",
    "佐々木",
    "山口",
    "松本",
    "井上",
    "木村",
    "林",
    "斎藤",
    "清水",
    "山崎",
    "森",
    "池田",
    "橋本",
    "阿部",
    "石川",
    "山下",
    "中島",
    "石井",
    "小川",
    "前田",
    "岡田",
    "長谷川",
    "藤田",
    "後藤",
    "近藤",
    "村上",
    "遠藤",
    "青木",
    "坂本",
)

GIVEN_NAMES = (
    "一郎",
    "健太",
    "大輔",
    "直樹",
    "誠",
    "学",
    "浩二",
    "剛",
    "翔",
    "陽介",
    "花子",
    "美穂",
    "裕子",
    "恵",
    "真由美",
    "智子",
    "由紀",
    "彩",
    "優子",
    "明美",
)
