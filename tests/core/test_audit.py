"""core.audit: rows that existed before their model had a history start with one record."""

import pytest
from django.apps import apps

from briefings.models import ProgressReport
from core.audit import REASON, initial_history
from networks.models import Field, Municipality, Prefecture, RegionalBlock
from tests.factories import prefecture

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", [RegionalBlock, Prefecture, Field])
def test_reference_rows_loaded_before_their_history_start_with_one_record(model):
    """The migration that tracked them (networks 0014) recorded every row the
    reference-data migration had loaded, with its values then."""
    for row in model.objects.all():
        (record,) = row.history.all()
        assert (record.history_type, record.history_change_reason) == ("+", REASON)
        assert record.instance.name == row.name


def test_initial_history_records_existing_rows_once_with_their_values():
    # Written in bulk, as an import before the model was tracked would have.
    Municipality.objects.bulk_create(
        [
            Municipality(
                code="431001", name="熊本市", kana="くまもとし", prefecture=prefecture("43")
            ),
            Municipality(
                code="432024", name="人吉市", kana="ひとよしし", prefecture=prefecture("43")
            ),
        ]
    )
    assert not Municipality.history.exists()

    initial_history("networks", "Municipality").code(apps, None)

    records = Municipality.history.order_by("code")
    assert [(r.code, r.name, r.prefecture_id, r.history_type) for r in records] == [
        ("431001", "熊本市", prefecture("43").pk, "+"),
        ("432024", "人吉市", prefecture("43").pk, "+"),
    ]
    assert {r.history_change_reason for r in records} == {REASON}


def test_initial_history_of_a_model_without_rows_writes_nothing():
    initial_history("briefings", "ProgressReport").code(apps, None)
    assert not ProgressReport.history.exists()
