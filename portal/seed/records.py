"""The document's date and the named records its tables are transcribed into."""

import datetime
from dataclasses import KW_ONLY, dataclass

SOURCE = "総務省「第一次提言を受けた対応（総合的推進体制の確立）」"
AS_OF = datetime.date(2017, 2, 24)  # 平成２９年２月２４日現在
YEAR = 2017  # the year of every "1月20日" in the briefing tables

# Slide 2 opens with this; no model holds a framework-wide lead yet, it is kept
# so the transcription is complete.
FRAMEWORK_LEAD = (
    "地域ＩｏＴ実装推進タスクフォースにおける提言を受け、地域ＩｏＴの実装推進に向けて、"
    "“縦”、“横”、“斜め”の総合的な推進体制を確立していく。"
)


@dataclass(frozen=True)
class OrganizationRow:
    """An organization the document names; `block` is a block code (None: national)."""

    name: str
    name_en: str = ""
    _: KW_ONLY
    kind: str
    block: str | None = None
    # What the document says of a body it names but links to no record.
    description: str = ""


@dataclass(frozen=True)
class MemberRow:
    """A person the document names (surname only, as written), and their organization's name."""

    name: str
    role: str
    _: KW_ONLY
    affiliation: str = ""
    organization: str


@dataclass(frozen=True)
class StatusUpdateRow:
    """One item of a thread's 取組状況 box; `as_of` is a sortable reading of
    `date_text`, `precision` how much of it the wording states (core.dateprecision)."""

    as_of: datetime.date
    _: KW_ONLY
    date_text: str = ""
    precision: str = "exact"
    status: str
    text: str


@dataclass(frozen=True)
class ParticipationRow:
    """An organization taking part in a thread, and where that comes from: `note`
    quotes the document when it states it, else says what it was inferred from."""

    organization: str
    role: str
    _: KW_ONLY
    provenance: str
    note: str


@dataclass(frozen=True)
class BriefingRow:
    """One row of slide 7's tables, as written: 開催日 (or 予定時期), 開催箇所, 開催概要,
    the ※ notes, and the members the notes say took part, as (name, role)."""

    date_text: str
    location_text: str
    title: str
    _: KW_ONLY
    notes: str = ""
    attendees: tuple[tuple[str, str], ...] = ()
