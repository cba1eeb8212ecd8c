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

from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape


def _attrs(attrs: dict) -> str:
    # attrs.html: False drops the attribute, True writes its bare name.
    return "".join(
        f" {name}" if value is True else f' {name}="{conditional_escape(str(value))}"'
        for name, value in attrs.items()
        if value is not False
    )


def _option(option: dict) -> str:
    # select_option.html ends with a newline, which Django's output keeps.
    return (
        f'<option value="{conditional_escape(str(option["value"]))}"{_attrs(option["attrs"])}>'
        f"{conditional_escape(option['label'])}</option>\n"
    )


def _select(widget: dict) -> str:
    parts = [f'<select name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
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
