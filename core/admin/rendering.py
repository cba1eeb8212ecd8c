"""The admin's form renderer: more of Django's widget templates written out in Python.

A thread's change form draws some 700 widgets and (empty) error lists;
through Django's templates each costs a template render with its includes,
and together they were most of the page's time. Every form's renderer
(core.widgets.FastSelectRenderer) already writes the <select> in Python;
`AdminFormRenderer` adds the other plain templates of the admin's forms
(inputs, the admin's date input, text areas, an empty error list), to the
same characters, and hands everything else on as before. The +/✎ wrapper
around a select, the same in every row of an inline but for the field's
name, is drawn by its template once and copied.

Each shortcut is taken only while the template it replaces reads exactly as
written in `TEMPLATES` below: a Django upgrade that changes one, or a project
template that overrides one, turns that shortcut off, never the output.
`AdminRenderedMixin` puts the renderer on an admin's forms and inline forms.
"""

from django import forms
from django.conf import settings
from django.contrib.admin import helpers
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.utils import translation
from django.utils.functional import Promise, cached_property
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from core.widgets import FastSelectRenderer, attrs_html, conditional_escape, value_html

_INPUT = (
    '<input type="{{ widget.type }}" name="{{ widget.name }}"{% if widget.value != None %}'
    " value=\"{{ widget.value|stringformat:'s' }}\"{% endif %}"
    '{% include "django/forms/widgets/attrs.html" %}>\n'
)
_INCLUDES_INPUT = '{% include "django/forms/widgets/input.html" %}\n'

# The template sources the functions below reproduce, as Django 5.2 ships them.
TEMPLATES = {
    "django/forms/widgets/attrs.html": (
        "{% for name, value in widget.attrs.items %}{% if value is not False %} {{ name }}"
        "{% if value is not True %}=\"{{ value|stringformat:'s' }}\"{% endif %}{% endif %}"
        "{% endfor %}"
    ),
    "django/forms/widgets/input.html": _INPUT,
    "django/forms/widgets/hidden.html": _INCLUDES_INPUT,
    "django/forms/widgets/text.html": _INCLUDES_INPUT,
    "django/forms/widgets/number.html": _INCLUDES_INPUT,
    "django/forms/widgets/checkbox.html": _INCLUDES_INPUT,
    "django/forms/widgets/date.html": _INCLUDES_INPUT,
    "admin/widgets/date.html": (
        '<p class="date">\n  {% include "django/forms/widgets/date.html" %}\n</p>\n'
    ),
    "django/forms/widgets/textarea.html": (
        '<textarea name="{{ widget.name }}"{% include "django/forms/widgets/attrs.html" %}>\n'
        "{% if widget.value %}{{ widget.value }}{% endif %}</textarea>\n"
    ),
    "django/forms/errors/list/ul.html": (
        '{% if errors %}<ul class="{{ error_class }}"{% if errors.field_id %}'
        ' id="{{ errors.field_id }}_error"{% endif %}>{% for error in errors %}'
        "<li>{{ error }}</li>{% endfor %}</ul>{% endif %}"
    ),
    "django/forms/errors/list/default.html": '{% include "django/forms/errors/list/ul.html" %}',
}


def _input(widget: dict) -> str:
    value = widget["value"]
    shown = f' value="{conditional_escape(value)}"' if value != None else ""  # noqa: E711 (as the template compares)
    return (
        f'<input type="{value_html(widget["type"])}" name="{value_html(widget["name"])}"'
        f"{shown}{attrs_html(widget['attrs'])}>\n"
    )


def _textarea(widget: dict) -> str:
    value = widget["value"]
    return (
        f'<textarea name="{value_html(widget["name"])}"{attrs_html(widget["attrs"])}>\n'
        f"{value_html(value) if value else ''}</textarea>\n"
    )


def _error_list(context: dict) -> str | None:
    return "" if not context["errors"] else None  # errors: the template, as always


WRAPPER = "admin/widgets/related_widget_wrapper.html"
_WIDGET, _NAME = "\x00widget\x00", "\x00name\x00"  # markers no field name or widget holds

# Each shortcut, and the templates whose sources it relies on.
SHORTCUTS = {
    **{
        f"django/forms/widgets/{kind}.html": (
            lambda c: _input(c["widget"]),
            (f"django/forms/widgets/{kind}.html", "django/forms/widgets/input.html"),
        )
        for kind in ("hidden", "text", "number", "checkbox")
    },
    "admin/widgets/date.html": (
        lambda c: f'<p class="date">\n  {_input(c["widget"])}\n\n</p>\n',
        (
            "admin/widgets/date.html",
            "django/forms/widgets/date.html",
            "django/forms/widgets/input.html",
        ),
    ),
    "django/forms/widgets/textarea.html": (
        lambda c: _textarea(c["widget"]),
        ("django/forms/widgets/textarea.html",),
    ),
    "django/forms/errors/list/ul.html": (_error_list, ("django/forms/errors/list/ul.html",)),
    "django/forms/errors/list/default.html": (
        _error_list,
        ("django/forms/errors/list/default.html", "django/forms/errors/list/ul.html"),
    ),
}


class AdminFormRenderer(FastSelectRenderer):
    @cached_property
    def shortcuts(self) -> dict:
        """The shortcuts whose templates (and attrs.html) read as TEMPLATES says,
        and the +/✎ wrapper's copies."""

        def unchanged(name: str) -> bool:
            return self.get_template(name).template.source == TEMPLATES[name]

        if not unchanged("django/forms/widgets/attrs.html"):
            return {WRAPPER: self._wrapper}
        return {
            WRAPPER: self._wrapper,  # drawn by its template, whatever it says
            **{
                name: render
                for name, (render, sources) in SHORTCUTS.items()
                if all(unchanged(source) for source in sources)
            },
        }

    def render(self, template_name, context, request=None):
        shortcut = self.shortcuts.get(template_name)
        if shortcut is not None:
            html = shortcut(context)
            if html is not None:
                return html.strip()  # as BaseRenderer.render
        return super().render(template_name, context, request)

    @cached_property
    def _wrappers(self) -> dict:
        return {}

    def _wrapper(self, context) -> str | None:
        """The admin's +/✎ wrapper draws the same links in every row but for the
        field's name: the template draws them once (per field, language and
        static address) with markers, each row copies them in."""
        key = [translation.get_language(), settings.STATIC_URL]
        for name, value in sorted(context.items()):
            if name in ("rendered_widget", "name"):
                continue
            if name == "model_has_limit_choices_to":
                value = bool(value)  # the template asks only that
            elif isinstance(value, Promise):
                value = str(value)
            elif value is not None and not isinstance(value, str | bool | int):
                return None
            key.append((name, value))
        key = tuple(key)
        drawn = self._wrappers.get(key)
        if drawn is None:
            marked = {**context, "rendered_widget": mark_safe(_WIDGET), "name": _NAME}
            drawn = super().render(WRAPPER, marked)
            if len(self._wrappers) >= 500:  # a bound, not a working size
                self._wrappers.clear()
            self._wrappers[key] = drawn
        return drawn.replace(_NAME, conditional_escape(context["name"])).replace(
            _WIDGET, context["rendered_widget"]
        )


RENDERER = AdminFormRenderer()


class _RelatedWidgetWrapper(RelatedFieldWidgetWrapper):
    """The admin's +/✎ wrapper, reversing each of its links once per form
    class, not once per row (`related_urls` is shared by the rows' copies)."""

    def get_related_url(self, info, action, *args):
        key = (info, action, args)
        if key not in self.related_urls:
            self.related_urls[key] = super().get_related_url(info, action, *args)
        return self.related_urls[key]


def _use_renderer(form_class) -> None:
    """Draw `form_class` (a class the admin made for this request) with RENDERER."""
    form_class.default_renderer = RENDERER
    for field in form_class.base_fields.values():
        wrapper = field.widget
        if type(wrapper) is RelatedFieldWidgetWrapper:
            wrapper.__class__ = _RelatedWidgetWrapper
            wrapper.related_urls = {}


class OneRowMediaInlineAdminFormSet(helpers.InlineAdminFormSet):
    @property
    def media(self):
        # Django adds up the media of every row; the rows are one form class
        # with one set of fieldsets, so the first row's media is all of them.
        media = self.opts.media + self.formset.media
        for row in self:
            return media + row.media
        return media


# Django's message, translated by Django's own catalogue (so not a literal here,
# which `make messages` would copy into the project's).
DJANGO_ACTION_LABEL = "Select this object for an action - {}"


class AdminRenderedMixin:
    """For a ModelAdmin: its change form, its inlines and its list's checkboxes
    draw with AdminFormRenderer, and an inline's media is read from one of its
    rows, not all."""

    def action_checkbox(self, obj):
        # Django's (options.ModelAdmin.action_checkbox), drawn with RENDERER:
        # a hundred rows, a hundred templates otherwise.
        attrs = {
            "class": "action-select",
            "aria-label": format_html(gettext(DJANGO_ACTION_LABEL), str(obj)),
        }
        checkbox = forms.CheckboxInput(attrs, lambda value: False)
        return checkbox.render(helpers.ACTION_CHECKBOX_NAME, str(obj.pk), renderer=RENDERER)

    def get_inline_formsets(self, request, formsets, inline_instances, obj=None):
        inline_admin_formsets = super().get_inline_formsets(
            request, formsets, inline_instances, obj
        )
        for inline_admin_formset in inline_admin_formsets:
            if type(inline_admin_formset) is helpers.InlineAdminFormSet:
                inline_admin_formset.__class__ = OneRowMediaInlineAdminFormSet
        return inline_admin_formsets

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        _use_renderer(form)
        return form

    def get_formsets_with_inlines(self, request, obj=None):
        for formset, inline in super().get_formsets_with_inlines(request, obj):
            formset.renderer = RENDERER  # its empty form and management form
            _use_renderer(formset.form)
            yield formset, inline
