"""get_FOO_display() from a table per field (core/choices.py) answers what
Django's own method answers, for every choice of every model field, in both
languages, and a value outside the choices as itself."""

from functools import partialmethod

import pytest
from django.apps import apps
from django.db.models import Model
from django.utils import translation

from core.choices import display


def _fields_with_choices():
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.local_fields:
            if field.choices is not None:
                yield model, field


def test_every_generated_display_method_is_replaced():
    generated = [
        vars(model)[f"get_{field.name}_display"]
        for model, field in _fields_with_choices()
        if isinstance(vars(model).get(f"get_{field.name}_display"), partialmethod)
    ]

    assert len(generated) > 20
    assert all(method.func is display for method in generated)


@pytest.mark.parametrize("language", ["ja", "en"])
def test_every_label_is_the_one_django_gives(language):
    compared = 0
    with translation.override(language):
        for model, field in _fields_with_choices():
            instance = model.__new__(model)
            for value in [value for value, _label in field.flatchoices] + ["no-such-value", None]:
                setattr(instance, field.attname, value)
                assert getattr(instance, f"get_{field.name}_display")() == Model._get_FIELD_display(
                    instance, field
                ), (model, field.name, value)
                compared += 1
    assert compared > 100
