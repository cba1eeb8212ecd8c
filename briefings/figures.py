"""The figures of the briefing record, registered in core.figures (see briefings.apps).

Each counts sessions by their status as of the period's date (`status_as_of`,
core.asof), so a session dated after that date counts as planned.
"""

from dataclasses import dataclass

from django.db.models import Count, Max, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from core.figures import STATUS_AS_OF, Figure, FigureValue, compute, register

from .models import Briefing, ProgressReport

_HELD = Q(**{STATUS_AS_OF: Briefing.Status.HELD})
_PLANNED = Q(**{STATUS_AS_OF: Briefing.Status.PLANNED})
# A combined session (a block seminar that is also the venue prefecture's
# briefing) counts for each scope it serves.
_HELD_PREFECTURE = _HELD & Briefing.serves_scope(Briefing.Scope.PREFECTURE)
_HELD_BLOCK = _HELD & Briefing.serves_scope(Briefing.Scope.BLOCK)
_HELD_NATIONAL = _HELD & Briefing.serves_scope(Briefing.Scope.NATIONAL)

_SESSIONS = ngettext_lazy("%(n)s回", "%(n)s回", "n")

register(
    Figure(
        key="briefings-held",
        label=_("開催済の説明会等の回数"),
        definition=_(
            "状況が「開催済」の説明会等の回数。都道府県向け、地域ブロック向け、"
            "全国向けのすべてを含み、中止・延期・予定のものは含みません。"
            "日付は、最も新しい開催日です。"
        ),
        model=Briefing,
        value=Count("pk", filter=_HELD),
        latest=Max("date", filter=_HELD),
        unit=_SESSIONS,
    ),
    Figure(
        key="briefings-planned",
        label=_("開催予定の説明会等の回数"),
        definition=_(
            "状況が「予定」の説明会等の回数。日付は、予定されている開催日のうち"
            "最も遅いものです（その日までの予定が登録されています）。"
        ),
        model=Briefing,
        value=Count("pk", filter=_PLANNED),
        latest=Max("date", filter=_PLANNED),
        unit=_SESSIONS,
        upcoming=True,
    ),
    Figure(
        key="prefectures-reached",
        label=_("説明会等を開催した都道府県数"),
        definition=_(
            "都道府県を対象とする開催済の説明会等が開かれた都道府県の数"
            "（同じ都道府県で複数回開催しても1と数えます）。"
            "地域ブロックのセミナーと開催県の地方自治体向け説明会を兼ねる会は、その都道府県も数えます。"
            "それ以外の地域ブロック向け・全国向けの説明会等の開催地は含みません。"
            "日付は、数えた説明会等のうち最も新しい開催日です。"
        ),
        model=Briefing,
        value=Count("prefecture", filter=_HELD_PREFECTURE, distinct=True),
        latest=Max("date", filter=_HELD_PREFECTURE),
        unit=ngettext_lazy("%(n)s都道府県", "%(n)s都道府県", "n"),
    ),
    Figure(
        key="blocks-reached",
        label=_("説明会等を開催した地域ブロック数"),
        definition=_(
            "地域ブロックを対象とする開催済の説明会等（地域ICT利活用セミナー、"
            "協議会の会合など）が開かれた地域ブロックの数（全11ブロック中。"
            "同じブロックで複数回開催しても1と数えます）。"
            "日付は、数えた説明会等のうち最も新しい開催日です。"
        ),
        model=Briefing,
        value=Count("block", filter=_HELD_BLOCK, distinct=True),
        latest=Max("date", filter=_HELD_BLOCK),
        unit=ngettext_lazy("%(n)sブロック", "%(n)sブロック", "n"),
    ),
    Figure(
        key="national-sessions",
        label=_("全国向けの説明会等の回数"),
        definition=_(
            "全国を対象とする開催済の説明会等（全国市長会の会合、全国会議など）の回数。"
            "日付は、数えた説明会等のうち最も新しい開催日です。"
        ),
        model=Briefing,
        value=Count("pk", filter=_HELD_NATIONAL),
        latest=Max("date", filter=_HELD_NATIONAL),
        unit=_SESSIONS,
    ),
)

# The figures the coverage page shows, in its order (each links to /about/#figure-<key>).
COVERAGE_FIGURES = ("briefings-held", "prefectures-reached", "blocks-reached", "national-sessions")


@dataclass(frozen=True)
class ReportedFigure:
    """A number a report gives, beside the registered figure counted over the same period."""

    reported: int
    counted: FigureValue

    @property
    def figure(self) -> Figure:
        return self.counted.figure

    @property
    def agrees(self) -> bool:
        return self.reported == self.counted.value


def compare_report(report: ProgressReport) -> tuple[ReportedFigure, ...]:
    """Each number `report` gives, with the site's figure over the period it counts
    (ProgressReport.period: from its first day, as of its date; core.asof). One query."""
    reported = report.reported
    if not reported:
        return ()
    counted = compute([key for key, _value in reported], report.period)
    return tuple(ReportedFigure(reported=value, counted=counted[key]) for key, value in reported)
