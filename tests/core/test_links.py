"""row_url() (core/links.py) is reverse(), remembered: the same address in
each language and under each URL configuration, never another's."""

import pytest
from django.test import override_settings
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from core.links import row_url


@pytest.mark.parametrize("language", ["ja", "en"])
def test_row_url_is_the_address_reverse_gives_in_each_language(language):
    with translation.override(language):
        for view, args in [
            ("networks:organization_detail", (7,)),
            ("networks:prefecture_detail", ("13",)),
            ("briefings:briefing_list", ()),
        ]:
            assert row_url(view, *args) == reverse(view, args=args)


def test_the_language_is_part_of_what_is_remembered():
    with translation.override("ja"):
        japanese = row_url("networks:organization_detail", 7)
    with translation.override("en"):
        english = row_url("networks:organization_detail", 7)

    assert english == "/en" + japanese


def test_a_changed_url_configuration_is_not_answered_from_the_old_one():
    row_url("networks:organization_detail", 7)

    with override_settings(ROOT_URLCONF="tests.core.urls_failing"), pytest.raises(NoReverseMatch):
        row_url("networks:organization_detail", 7)
