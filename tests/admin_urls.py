"""Admin addresses for tests, by model and action (changelist, change, add …),
the versions a change form carries, and a change form's data as rendered."""

import datetime

from django.db.models.fields.files import FieldFile
from django.forms import MultiWidget
from django.urls import reverse


def admin_url(model, action: str, *args) -> str:
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{action}", args=args)


def row_versions(response) -> dict[str, str]:
    """The hidden versions a change form carries (core.admin.locking), as
    posted back: a hand-built POST must include them or it is refused."""
    return {field.html_name: field.value() for field in response.context["edit_versions"]}


def _value(value):
    """A bound field's value as the browser would post it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "on" if value else None
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    if hasattr(value, "pk"):
        return str(value.pk)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def change_form_data(response) -> dict:
    """The POST data of an admin change form as rendered: the main form and
    every inline formset (with its management form), unchanged."""
    data = {}

    def add(form):
        for name, field in form.fields.items():
            shown = form[name].value()
            if isinstance(field.widget, MultiWidget):  # e.g. a split date and time
                if not isinstance(shown, list):
                    shown = field.widget.decompress(shown)
                for i, part in enumerate(shown):
                    data[f"{form.add_prefix(name)}_{i}"] = _value(part) or ""
                continue
            value = _value(shown)
            # A stored file is kept by not posting it (an empty one has no url).
            if value is not None and not isinstance(shown, FieldFile):
                data[form.add_prefix(name)] = value

    add(response.context["adminform"].form)
    for inline in response.context.get("inline_admin_formsets", []):
        formset = inline.formset
        add(formset.management_form)
        for form in formset.forms:
            add(form)
    return data
