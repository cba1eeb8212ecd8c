"""The demo's roadmap: the models (load_roadmap) and the municipalities'
implementation reports, each municipality moving through the stages over the
years, some reports later corrected by a newer one."""

from __future__ import annotations

import datetime

from networks.models import ImplementationReport, RoadmapModel

from .bulk import insert_with_history
from .context import Demo

Stage = ImplementationReport.Stage
STAGES = list(Stage)
# Reports start with the roadmap's first fiscal year.
FIRST_REPORT = datetime.date(2017, 4, 1)


def make_reports(demo: Demo) -> int:
    """Implementation reports of municipalities (not wards), up to
    `demo.volumes.reports`; returns how many.

    Side effects: ImplementationReport rows with their creation history,
    dated when the municipality would have entered them.
    """
    models = list(RoadmapModel.objects.order_by("pk"))
    places = [m for ms in demo.municipalities.values() for m in ms]
    wanted = demo.volumes.reports
    if not models or not places or not wanted:
        return 0
    today = demo.today
    blocks = {p.pk: p.block_id for p in demo.prefectures}
    span = max((today - FIRST_REPORT).days, 1)
    reports: list[ImplementationReport] = []
    while len(reports) < wanted:
        municipality = demo.pick(places)
        model = demo.pick(models)
        day = FIRST_REPORT + datetime.timedelta(days=demo.rng.randrange(span))
        stage = demo.rng.randrange(len(STAGES))
        # One to three reports, each a stage further (or the same, corrected).
        for _step in range(demo.rng.randint(1, 3)):
            if day > today or len(reports) >= wanted:
                break
            report = ImplementationReport(
                municipality_id=municipality.pk,
                block_id=blocks[municipality.prefecture_id],
                model_id=model.pk,
                stage=STAGES[stage],
                as_of=day,
                note="",
            )
            report._history_date = demo.entered(day, days_after=(0, 20))
            reports.append(report)
            stage = min(stage + demo.rng.randint(0, 2), len(STAGES) - 1)
            day += datetime.timedelta(days=demo.rng.randint(60, 400))
    return len(insert_with_history(ImplementationReport, reports))
