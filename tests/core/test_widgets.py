"""The form renderer writes a <select> in Python (core/widgets.py): the HTML
must be the one Django's templates give, byte for byte, for every kind of
select the portal shows, so no form looks or reads differently."""

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from core.widgets import FastSelectRenderer
from networks.models import Prefecture

TEMPLATES = DjangoTemplates()
FAST = FastSelectRenderer()


class Everything(forms.Form):
    plain = forms.ChoiceField(
        choices=[("", "すべて"), ("a", "A & <b>"), ("b", gettext_lazy("開催済"))]
    )
    grouped = forms.ChoiceField(
        choices=[
            ("", "—"),
            ("関東", [("13", "東京都"), ("14", '神奈"川')]),
            ("x", mark_safe("<i>x</i>")),
        ]
    )
    several = forms.MultipleChoiceField(choices=[(1, "one"), (2, "two"), (3, "three")])
    flagged = forms.ChoiceField(
        choices=[("y", "yes")],
        widget=forms.Select(attrs={"aria-describedby": 'h "1"', "disabled": True, "hidden": False}),
    )


@pytest.mark.parametrize("data", [{}, {"plain": "a", "grouped": "14", "several": ["1", "3"]}])
def test_every_select_is_the_html_of_djangos_templates(data):
    for name in Everything.base_fields:
        slow = Everything(data or None, renderer=TEMPLATES)[name].as_widget()
        fast = Everything(data or None, renderer=FAST)[name].as_widget()
        assert fast == slow, name
    several = Everything(data or None, renderer=FAST)["several"].as_widget()
    assert several.count(" selected>") == len(data.get("several", []))


@pytest.mark.django_db
def test_a_model_choice_select_is_the_html_of_djangos_templates(seeded):
    class ByPrefecture(forms.Form):
        prefecture = forms.ModelChoiceField(
            Prefecture.objects.order_by("code"), empty_label="すべて"
        )

    prefecture = Prefecture.objects.get(code="13")
    slow = ByPrefecture({"prefecture": prefecture.pk}, renderer=TEMPLATES)["prefecture"].as_widget()
    fast = ByPrefecture({"prefecture": prefecture.pk}, renderer=FAST)["prefecture"].as_widget()
    assert fast == slow
    assert f'<option value="{prefecture.pk}" selected>' in fast
    assert fast.count("<option") == Prefecture.objects.count() + 1


def test_other_widgets_still_come_from_the_templates():
    class Other(forms.Form):
        picks = forms.MultipleChoiceField(choices=[(1, "one")], widget=forms.CheckboxSelectMultiple)
        when = forms.DateField()

    for name in Other.base_fields:
        assert (
            Other(renderer=FAST)[name].as_field_group()
            == Other(renderer=TEMPLATES)[name].as_field_group()
        )
