"""How much the demo writes at a given scale (1 = the national-scale volumes of issue 10)."""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass

# At scale 1: what the portal was measured with (issue 10).
BRIEFINGS = 20_000
ACTIVITIES = 30_000
STATUS_UPDATES = 20_000
ORGANIZATIONS = 3_900  # all kinds, the seed's and the local governments' included
MEMBERS = 300
HANDOUT_FILES = 30  # small PDF files under MEDIA_ROOT; every other handout is a link
OTHER_ORGANIZATIONS = 120  # universities, NPOs, councils, ICT bodies, industry bodies
REPORTS = 25_000  # local governments' implementation reports of the roadmap's models

# Ten years of records: 2017 (the framework's start) to 2026, or half a year
# past today when the demo is made later, so there is always a next session.
FIRST_DAY = datetime.date(2017, 1, 1)
LAST_DAY = datetime.date(2026, 12, 31)
AHEAD = datetime.timedelta(days=182)


def _scaled(value: int, scale: float, *, minimum: int = 0) -> int:
    return max(minimum, math.ceil(value * scale)) if scale > 0 else 0


@dataclass(frozen=True)
class Volumes:
    scale: float
    briefings: int
    activities: int
    status_updates: int
    members: int
    handout_files: int
    other_organizations: int
    # The share of the municipalities that get a local-government organization.
    municipality_share: float
    # Organizations in all, at most: companies fill what the rest leave.
    organizations: int
    reports: int = 0

    @classmethod
    def for_scale(cls, scale: float) -> Volumes:
        if not 0 < scale <= 10:
            raise ValueError("scale must be greater than 0 and at most 10")
        return cls(
            scale=scale,
            briefings=_scaled(BRIEFINGS, scale, minimum=1),
            activities=_scaled(ACTIVITIES, scale, minimum=1),
            status_updates=_scaled(STATUS_UPDATES, scale, minimum=1),
            members=_scaled(MEMBERS, scale, minimum=10),
            handout_files=_scaled(HANDOUT_FILES, scale, minimum=1),
            other_organizations=_scaled(OTHER_ORGANIZATIONS, scale, minimum=5),
            municipality_share=min(1.0, scale),
            organizations=_scaled(ORGANIZATIONS, scale, minimum=100),
            reports=_scaled(REPORTS, scale, minimum=10),
        )


def date_span(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The first and last day records are dated on."""
    return FIRST_DAY, max(LAST_DAY, today + AHEAD)
