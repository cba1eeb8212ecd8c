"""Briefings (slide 7): the held and planned tables, how each row is classified, the figure."""

import datetime

from .records import AS_OF, SOURCE, BriefingRow

# The two tables, row by row as written (BriefingRow): 開催概要 with broken lines
# joined and ※ notes taken out into `notes`; `attendees` are the members the
# notes say took part (参加). 太田 only gave a talk (説明) and so is left in the notes.
HELD_BRIEFINGS = [
    BriefingRow("1月20日", "石川県", "北陸情報通信協議会 イノベーションワーキンググループ"),
    BriefingRow("1月24日", "香川県", "地方自治体向け説明会"),
    BriefingRow("1月25日", "全国市長会", "全国市長会行政委員会"),
    BriefingRow("1月25日", "総務省", "全国都道府県財政課長・市町村担当課長合同会議"),
    BriefingRow("1月25日", "宮城県", "東北地域ICT利活用セミナー"),
    BriefingRow("1月26日", "沖縄県", "沖縄地域ICT利活用セミナー"),
    BriefingRow("1月27日", "奈良県", "地方自治体向け説明会"),
    BriefingRow("2月2日", "東京都", "関東地域ICT利活用セミナー"),
    BriefingRow("2月3日", "広島県", "中国情報通信懇談会顧問会議"),
    BriefingRow("2月6日", "広島県", "地方自治体向け説明会"),
    BriefingRow("2月7日", "滋賀県", "地方自治体向け説明会"),
    BriefingRow("2月14日", "長崎県", "地方自治体向け説明会"),
    BriefingRow(
        "2月15日",
        "熊本県",
        "九州地域ICT利活用セミナー",
        notes="※米田構成員参加",
        attendees=(("米田", "member"),),
    ),
    BriefingRow(
        "2月16日",
        "山梨県",
        "地域IoT実装推進セミナー",
        notes="※関（治）構成員参加",
        attendees=(("関（治）", "member"),),
    ),
    BriefingRow("2月16日", "三重県", "地方自治体向け説明会"),
    BriefingRow("2月16日", "佐賀県", "地方自治体向け説明会"),
    BriefingRow("2月17日", "和歌山県", "地方自治体向け説明会"),
    BriefingRow("2月17日", "富山県", "地方自治体向け説明会"),
    BriefingRow(
        "2月20日",
        "オープンガバメント・コンソーシアム",
        "オープンガバメント・コンソーシアム シンポジウム2017",
        notes="※須藤座長参加\n※太田総務大臣補佐官説明",
        attendees=(("須藤", "chair"), ("太田", "minister_aide")),
    ),
    BriefingRow("2月21日", "愛知県", "東海情報通信フロンティアセミナー"),
    BriefingRow(
        "2月22日",
        "高知県",
        "四国地域ICT利活用セミナー",
        notes="※山内構成員参加",
        attendees=(("山内", "member"),),
    ),
    BriefingRow("2月24日", "石川県", "北陸地域ICT利活用セミナー"),
]

PLANNED_BRIEFINGS = [
    BriefingRow("3月6日", "徳島県", "地方自治体向け説明会"),
    BriefingRow("3月6日", "広島県", "中国地域ICT利活用セミナー"),
    BriefingRow("3月8日", "山形県", "地方自治体向け説明会"),
    BriefingRow("3月8日", "大阪府", "近畿地域ICT利活用セミナー"),
    BriefingRow("3月9日", "福島県", "地方自治体向け説明会"),
    BriefingRow("3月15日", "宮城県", "地方自治体向け説明会"),
    BriefingRow("3月15日", "長野県", "信越地域ICT利活用セミナー・地方自治体向け説明会"),
    BriefingRow("3月16日", "北海道", "北海道地域ICT利活用セミナー・地方自治体向け説明会"),
    BriefingRow("3月22日", "福岡県", "地方自治体向け説明会"),
    BriefingRow("3月24日", "熊本県", "地方自治体向け説明会"),
]

# The note under the planned table (ProgressReport.planned_note).
PLANNED_NOTE = "※４月以降も順次実施"

STATED, INFERRED = "stated", "inferred"
_SEMINAR_HOST = (
    STATED,
    "「地域の総合通信局等と情報通信懇談会が共催する「地域ＩＣＴ利活用セミナー」」"
    "（斜めの糸 取組状況）。共催の情報通信懇談会は登録していない。",
)


def _block_seminar(block: str, bureau: str, *, host_from=_SEMINAR_HOST, combined=False) -> dict:
    # Seminars each bureau holds with its block's council: the diagonal thread at
    # work. A combined one ("…セミナー・地方自治体向け説明会") is also the venue
    # prefecture's briefing for local governments.
    return {
        "scope": "block",
        "kind": "seminar",
        "block": block,
        "host": bureau,
        "host_from": host_from,
        "thread": "diagonal",
        "also_scope": "prefecture" if combined else "",
        "also_kind": "local_government" if combined else "",
    }


# 開催概要 -> how the row is classified. Rows at a prefecture (開催箇所 is a
# prefecture) also take that prefecture. Scope and kind are read from the
# title and the place, as written; the host is stated by the document for
# 地方自治体向け説明会 and 地域ICT利活用セミナー, inferred for the others
# (`host_from`: provenance and its note, shown on the session's page).
BRIEFING_KINDS = {
    "地方自治体向け説明会": {
        "scope": "prefecture",
        "kind": "local_government",
        "block": None,
        "host": "総務省",
        "host_from": (STATED, "「総務省が行う地方自治体向け説明会」（横の糸② 取組内容）。"),
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
        "host_from": (INFERRED, "資料は主催者を書いていない。会議名（協議会の作業部会）から推定。"),
        "thread": "diagonal",
    },
    "中国情報通信懇談会顧問会議": {
        "scope": "block",
        "kind": "council",
        "block": "chugoku",
        "host": "中国情報通信懇談会",
        "host_from": (INFERRED, "資料は主催者を書いていない。会議名（懇談会の顧問会議）から推定。"),
        "thread": "diagonal",
    },
    "全国市長会行政委員会": {
        "scope": "national",
        "kind": "national_meeting",
        "block": None,
        "host": "全国市長会",
        "host_from": (
            INFERRED,
            "資料は主催者を書いていない。開催箇所「全国市長会」と会議名から推定。",
        ),
        "thread": "horizontal-associations",
    },
    "全国都道府県財政課長・市町村担当課長合同会議": {
        "scope": "national",
        "kind": "national_meeting",
        "block": None,
        "host": "総務省",
        "host_from": (INFERRED, "資料は主催者を書いていない。開催箇所「総務省」から推定。"),
        "thread": None,
    },
    "オープンガバメント・コンソーシアム シンポジウム2017": {
        "scope": "national",
        "kind": "symposium",
        "block": None,
        "host": "オープンガバメント・コンソーシアム",
        "host_from": (
            INFERRED,
            "資料は主催者を書いていない。開催箇所「オープンガバメント・コンソーシアム」と会議名から推定。",
        ),
        "thread": None,
    },
    "東北地域ICT利活用セミナー": _block_seminar("tohoku", "東北総合通信局"),
    "沖縄地域ICT利活用セミナー": _block_seminar("okinawa", "沖縄総合通信事務所"),
    "関東地域ICT利活用セミナー": _block_seminar("kanto", "関東総合通信局"),
    "九州地域ICT利活用セミナー": _block_seminar("kyushu", "九州総合通信局"),
    "東海情報通信フロンティアセミナー": _block_seminar(
        "tokai",
        "東海総合通信局",
        host_from=(
            INFERRED,
            "資料は主催者を書いていない。各地域の総合通信局等が情報通信懇談会と共催する"
            "セミナーの一つと推定。",
        ),
    ),
    "四国地域ICT利活用セミナー": _block_seminar("shikoku", "四国総合通信局"),
    "北陸地域ICT利活用セミナー": _block_seminar("hokuriku", "北陸総合通信局"),
    "中国地域ICT利活用セミナー": _block_seminar("chugoku", "中国総合通信局"),
    "近畿地域ICT利活用セミナー": _block_seminar("kinki", "近畿総合通信局"),
    "信越地域ICT利活用セミナー・地方自治体向け説明会": _block_seminar(
        "shinetsu", "信越総合通信局", combined=True
    ),
    "北海道地域ICT利活用セミナー・地方自治体向け説明会": _block_seminar(
        "hokkaido", "北海道総合通信局", combined=True
    ),
}

# The figure the document reports: quoted as written, and as numbers with the
# period it counts ("本年１月２４日以降" up to its date: core.asof reads the
# sessions of 1/24 … 2/23 as held, the 2/24 seminar as still to come; the 1/20
# session is before it). Counted from the records over that same period, the
# portal's figures agree: 20 sessions, 10 prefectures, 7 blocks.
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
    "period_from": datetime.date(2017, 1, 24),
    "period_text": "（本年１月２４日～）",  # slide 2's heading of the campaign
    "reported_sessions": 20,
    "reported_prefectures": 10,
    "reported_blocks": 7,
    "planned_note": PLANNED_NOTE,
}

# Slide 2's box on the briefings (the same campaign as slide 7, in other words).
# Kept for completeness; ProgressReport.summary holds slide 7's wording.
BRIEFINGS_LEAD = (
    "ロードマップへの理解醸成、推進体制への参加、地域におけるＩｏＴ実装等を後押しするため、"
    "１月２４日以降、都道府県・市町村を対象とする説明会等を開催。"
)
