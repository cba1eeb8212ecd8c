"""The figures of the threads' record, registered in core.figures (see threads.apps)."""

from django.db.models import Count, Max, Q
from django.utils.translation import gettext_lazy as _

from core.figures import STATUS_AS_OF, Figure, register
from core.provenance import STATED

from .models import Activity, Participation, Progress

_DONE = Q(**{STATUS_AS_OF: Progress.DONE})

register(
    Figure(
        key="organizations",
        label=_("参加団体数"),
        definition=_(
            "推進体制（縦・横・斜めの糸）のいずれかに参加団体として登録され、その参加が"
            "資料に記載されている団体の数。推定で登録した参加（「推定」と表示）は含みません。"
            "複数の推進体制に参加している団体も1団体と数えます。"
            "日付は、数えた参加の参加日のうち最も新しいものです。"
        ),
        model=Participation,
        value=Count("organization", filter=STATED, distinct=True),
        latest=Max("joined_on", filter=STATED),
    ),
    Figure(
        key="organizations-with-inferred",
        label=_("参加団体数（推定を含む）"),
        definition=_(
            "推進体制のいずれかに参加団体として登録されている団体の数。資料に記載された参加と、"
            "資料の記述から推定して登録した参加（「推定」と表示し、その根拠を添えています）の"
            "両方を数えます。複数の推進体制に参加している団体も1団体と数えます。"
            "日付は、登録されている参加日のうち最も新しいものです。"
        ),
        model=Participation,
        value=Count("organization", distinct=True),
        latest=Max("joined_on"),
    ),
    Figure(
        key="activities-done",
        label=_("実施済の活動数"),
        definition=_(
            "推進体制の活動（会合、説明、設立など日付のある取組）のうち、"
            "状況が「実施済」のものの数。予定・実施中の活動は含みません。"
            "日付は、数えた活動のうち最も新しいものの日付です。"
        ),
        model=Activity,
        value=Count("pk", filter=_DONE),
        latest=Max("date", filter=_DONE),
    ),
)
