"""The form renderer of every form (settings.FORM_RENDERER): Django's own, with
the <select> written in Python.

Django renders a <select> through a template per option (select.html
includes select_option.html, which includes attrs.html). A filter of 300
members or 47 prefectures then costs thousands of template nodes per page:
on the briefing list, the filter form took longer than the table of 50
sessions. `render()` here gives the same HTML (tests/core/test_widgets.py
compares it with the templates' byte for byte) for the two templates and
hands every other one to the templates as before, so a project template
that overrides a widget elsewhere still applies.
"""

import html

from django.forms.renderers import DjangoTemplates
from django.template import Context
from django.template.base import render_value_in_context

_CONTEXT = Context()  # autoescape on, localization as settings say: a template's defaults


def conditional_escape(value) -> str:
    """django.utils.html.conditional_escape, the same characters without its
    lazy-string wrapper (a thousand calls a page)."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


def value_html(value) -> str:
    """`{{ value }}` in a template."""
    if type(value) is str:  # most are: nothing to localize
        return html.escape(value)
    return render_value_in_context(value, _CONTEXT)


def attrs_html(attrs: dict) -> str:
    """django/forms/widgets/attrs.html (`|stringformat:'s'` escaped is conditional_escape)."""
    out = []
    for name, value in attrs.items():
        if value is not False:
            out.append(f" {value_html(name)}")
            if value is not True:
                out.append(f'="{conditional_escape(value)}"')
    return "".join(out)


def _option(option: dict) -> str:
    # select_option.html ends with a newline, which Django's output keeps.
    return (
        f'<option value="{conditional_escape(option["value"])}"{attrs_html(option["attrs"])}>'
        f"{value_html(option['label'])}</option>\n"
    )


def _select(widget: dict) -> str:
    parts = [f'<select name="{value_html(widget["name"])}"{attrs_html(widget["attrs"])}>']
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{value_html(group_name)}">')
        parts.extend(f"\n  {_option(option)}" for option in options)
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


# Template name → its rendering in Python, for templates whose options are
# all select_option.html (a subclass may name another option template).
_IN_PYTHON = {"django/forms/widgets/select.html": _select}


class FastSelectRenderer(DjangoTemplates):
    def render(self, template_name, context, request=None):
        in_python = _IN_PYTHON.get(template_name)
        widget = context.get("widget") if in_python else None
        if widget is not None and all(
            option["template_name"] == "django/forms/widgets/select_option.html"
            for _name, options, _index in widget["optgroups"]
            for option in options
        ):
            return in_python(widget).strip()
        return super().render(template_name, context, request=request)
