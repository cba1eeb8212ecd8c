"""The content of the source document, transcribed as plain data.

Source: 総務省「第一次提言を受けた対応（総合的推進体制の確立）」, slides 2–7, the
status of the 地域ＩｏＴ実装推進 framework as of 平成２９年２月２４日 (2017-02-24),
set up after the first recommendations of the 地域ＩｏＴ実装推進タスクフォース.

Text is kept as the document writes it: full-width (ＩｏＴ, ＩＣＴ, Ｌアラート, １月２５日)
where it is full-width, half-width (IoT, ICT, 3/9) where it is half-width. Lines the
PDF extraction broke mid-sentence are joined; bullet glyphs (, •, ・) are layout and
are dropped; circled numbers (①②③) are the document's own numbering and are kept.

`portal.seed_loader.load_seed` writes this into the database; nothing here touches it.
Values of choice fields are the models' TextChoices values, written out so this
package imports no models. Rows are named records (`records.py`); the
document's parts are `threads`, `network` (organizations, members,
participations, activities) and `briefings`.
"""

from .briefings import (
    BRIEFING_KINDS,
    BRIEFINGS_LEAD,
    HELD_BRIEFINGS,
    PLANNED_BRIEFINGS,
    PLANNED_NOTE,
    PROGRESS_REPORT,
)
from .network import (
    ACTIVITIES,
    BUREAU_PARTICIPATION,
    MEMBERS,
    ORGANIZATIONS,
    PARTICIPATIONS,
    TASK_FORCE,
)
from .records import (
    AS_OF,
    FRAMEWORK_LEAD,
    SOURCE,
    YEAR,
    BriefingRow,
    MemberRow,
    OrganizationRow,
    ParticipationRow,
    StatusUpdateRow,
)
from .threads import STATUS_UPDATES, THREADS, WORK_ITEMS

__all__ = [
    "ACTIVITIES",
    "AS_OF",
    "BRIEFINGS_LEAD",
    "BRIEFING_KINDS",
    "BUREAU_PARTICIPATION",
    "FRAMEWORK_LEAD",
    "HELD_BRIEFINGS",
    "MEMBERS",
    "ORGANIZATIONS",
    "PARTICIPATIONS",
    "PLANNED_BRIEFINGS",
    "PLANNED_NOTE",
    "PROGRESS_REPORT",
    "SOURCE",
    "STATUS_UPDATES",
    "TASK_FORCE",
    "THREADS",
    "WORK_ITEMS",
    "YEAR",
    "BriefingRow",
    "MemberRow",
    "OrganizationRow",
    "ParticipationRow",
    "StatusUpdateRow",
]
