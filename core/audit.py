"""Where the audit trail starts for rows that existed before their model was tracked.

django-simple-history records a row's creation when it is saved; rows that
were already there when a model gained its history (the reference data a
migration loaded, the municipalities imported before) would have an empty
history page, and their first change no "before" to compare with. A
migration that adds a history calls `initial_history` right after, so every
such row starts with one creation record holding its values as they were.
"""

from django.db import migrations
from django.utils import timezone

# The change reason of those first records (the admin's 変更理由 column).
REASON = "audit_trail_started"


def initial_history(app_label: str, *model_names: str) -> migrations.RunPython:
    """A migration operation: one creation record per existing row of each model."""

    def forwards(apps, schema_editor) -> None:
        now = timezone.now()
        for name in model_names:
            model = apps.get_model(app_label, name)
            historical = apps.get_model(app_label, f"Historical{name}")
            fields = [field.attname for field in model._meta.concrete_fields]
            records = [
                historical(
                    **{attname: getattr(row, attname) for attname in fields},
                    history_date=now,
                    history_type="+",
                    history_change_reason=REASON,
                )
                for row in model._default_manager.iterator()
            ]
            historical._default_manager.bulk_create(records, batch_size=500)

    return migrations.RunPython(forwards, migrations.RunPython.noop)
