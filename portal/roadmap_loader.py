"""Writes the roadmap's models, their known KPIs and the national targets (`portal.seed.roadmap`)."""

from __future__ import annotations

from dataclasses import asdict

from django.db import transaction

from networks.models import Field, NationalTarget, RoadmapModel

from .seed import roadmap
from .seed_loader import _Tally, _upsert


@transaction.atomic
def load_roadmap() -> dict[str, int]:
    """Create or bring back the roadmap's models and national targets.

    Side effects: one row per model and target, saved through `save()` only
    when it differs (a second run writes nothing). A model's KPI is written
    only where the roadmap gives one; a KPI staff entered for another model
    is kept. Returns the counts created / updated / unchanged.
    """
    tally = _Tally()
    fields = {f.slug: f for f in Field.objects.filter(slug__in={m.field for m in roadmap.MODELS})}
    for order, row in enumerate(roadmap.MODELS, 1):
        values = {
            "field": fields[row.field],
            "name": row.name,
            "name_en": row.name_en,
            "edition": roadmap.EDITION,
            "order": order,
        }
        if row.kpi is not None:
            values.update(
                kpi_indicator=row.kpi.indicator,
                kpi_target_value=row.kpi.target_value,
                kpi_unit=row.kpi.unit,
                kpi_target_fiscal_year=row.kpi.target_fiscal_year,
            )
        _obj, created, changed = _upsert(RoadmapModel, key={"slug": row.slug}, values=values)
        tally.record(created=created, changed=changed)
    for target in roadmap.NATIONAL_TARGETS:
        values = asdict(target)
        slug = values.pop("slug")
        _obj, created, changed = _upsert(NationalTarget, key={"slug": slug}, values=values)
        tally.record(created=created, changed=changed)
    return asdict(tally)
