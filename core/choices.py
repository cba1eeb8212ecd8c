"""`get_FOO_display()` of every model field with choices, answered from a
table built once per field.

Django's own method rebuilds `dict(make_hashable(field.flatchoices))` on
every call, and hashing each lazy label translates it: 100–270 µs per call
here, so a list of 50 organizations spent 13 ms on its kinds and a thread
page about 25 ms on its statuses. `install()` (CoreConfig.ready) replaces
the generated methods on every installed model with one that looks the value
up in a table of value → label kept per field; the label stays lazy and is
translated when read, in the language of the request, as before. A model's
own `get_FOO_display` (a method it defines) is left alone.
tests/core/test_choices.py compares both for every choice of every field.
"""

from __future__ import annotations

from functools import cache, partialmethod

from django.apps import apps
from django.db.models import Field, Model
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable


@cache
def _labels(field: Field) -> dict:
    # Keys are the stored values only: the labels are not hashed, so not translated here.
    return {make_hashable(value): label for value, label in field.flatchoices}


def display(instance: Model, field: Field) -> str:
    """What Django's get_FOO_display() answers: the value's label, or the value."""
    value = getattr(instance, field.attname)
    return force_str(_labels(field).get(make_hashable(value), value), strings_only=True)


def install() -> None:
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.local_fields:
            name = f"get_{field.name}_display"
            if field.choices is not None and isinstance(model.__dict__.get(name), partialmethod):
                setattr(model, name, partialmethod(display, field=field))
