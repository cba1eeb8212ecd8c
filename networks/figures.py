"""The roadmap's figures, registered in core.figures (see networks.apps).

A municipality's stage of a model on D is its latest report up to D
(ImplementationReport.as_of_rule); the figures count municipalities as Japan
counts them (市町村 and 特別区, not the wards of designated cities).
"""

from django.db.models import Count, Max, Q
from django.utils.translation import gettext_lazy as _

from core.figures import Figure, register

from .models import ImplementationReport, Municipality

_COUNTED = Q(municipality__isnull=False) & ~Q(municipality__kind=Municipality.Kind.WARD)
_IMPLEMENTED = _COUNTED & Q(stage=ImplementationReport.Stage.IMPLEMENTED)

register(
    Figure(
        key="roadmap-implementing-municipalities",
        label=_("ロードマップのモデルを実装済の市区町村数"),
        definition=_(
            "ロードマップのモデルのいずれかを「実装済」と報告している市区町村（市町村と特別区。"
            "政令指定都市の区は含みません）の数。各市区町村・モデルの段階は、その日までの"
            "最新の報告によります。日付は、数えた報告のうち最も新しい報告の時点です。"
        ),
        model=ImplementationReport,
        value=Count("municipality", distinct=True, filter=_IMPLEMENTED),
        latest=Max("as_of", filter=_IMPLEMENTED),
    ),
    Figure(
        key="roadmap-reporting-municipalities",
        label=_("実装状況を報告した市区町村数"),
        definition=_(
            "ロードマップのモデルのいずれかについて、段階（未着手を含む）を報告している"
            "市区町村（市町村と特別区）の数。日付は、最も新しい報告の時点です。"
        ),
        model=ImplementationReport,
        value=Count("municipality", distinct=True, filter=_COUNTED),
        latest=Max("as_of", filter=_COUNTED),
    ),
)
