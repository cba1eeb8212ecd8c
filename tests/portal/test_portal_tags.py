"""portal_tags' row fragments: the same HTML as the templates they replaced.

Each tag is compared byte for byte with the markup its include template held
before the tag took it over (rendered here from that markup), in Japanese and
in English, with values that need escaping.
"""

import datetime

import pytest
from django.template import Context, Template
from django.utils import translation

from tests.factories import ActivityFactory, OrganizationFactory, block, prefecture

# The include templates' markup before the tags took it over.
OLD_DATED = '<time datetime="{{ obj.date_machine }}">{{ obj.date_display }}</time>'
OLD_STATUS_BADGE = '<span class="badge status-{{ value }}">{{ label }}</span>\n'
OLD_PROVENANCE = (
    "{% load i18n %}"
    '{% if provenance == "inferred" %} <span class="badge inferred">{% translate "推定" %}</span>'
    '{% if note %} <span class="meta provenance-note">{% blocktranslate with note=note %}'
    "根拠：{{ note }}{% endblocktranslate %}</span>{% endif %}{% endif %}"
)
OLD_PLACE = (
    "{% load i18n %}"
    '{% if org.prefecture %}<a href="{{ org.prefecture.get_absolute_url }}">'
    "{{ org.prefecture.display_name }}</a>"
    '{% elif org.block %}<a href="{{ org.block.get_absolute_url }}">'
    '{{ org.block.display_name }}</a>{% else %}{% translate "全国" %}{% endif %}'
)


def render(source: str, **context) -> str:
    return Template("{% load portal_tags %}" + source).render(Context(context))


@pytest.fixture(params=["ja", "en"])
def language(request):
    with translation.override(request.param):
        yield request.param


@pytest.mark.django_db
def test_dated_writes_what_the_include_wrote(language):
    activity = ActivityFactory.build(
        date=datetime.date(2017, 1, 10), end_date=datetime.date(2017, 2, 20), date_precision="month"
    )

    html = render("{% dated obj %}", obj=activity)

    assert html == Template(OLD_DATED).render(Context({"obj": activity}))
    assert html.startswith('<time datetime="2017-01">')
    assert render('{% include "includes/dated.html" %}', obj=activity) == html


@pytest.mark.parametrize(("value", "label"), [("done", "実施済"), ("<x>", "a & b")])
def test_status_badge_writes_what_the_include_wrote(value, label):
    context = {"value": value, "label": label}

    html = render("{% status_badge value label %}", **context)

    assert html == Template(OLD_STATUS_BADGE).render(Context(context))
    assert render('{% include "includes/status_badge.html" %}', **context) == html


@pytest.mark.parametrize(
    ("provenance", "note"),
    [
        ("stated", ""),
        ("stated", "理由"),
        ("inferred", ""),
        ("inferred", "表の<b>「会議」</b>から推定"),
    ],
)
def test_provenance_writes_what_the_include_wrote(language, provenance, note):
    context = {"provenance": provenance, "note": note}

    html = render("{% provenance provenance note %}", **context)

    assert html == Template(OLD_PROVENANCE).render(Context(context))
    assert render('{% include "includes/provenance.html" %}', **context) == html


def test_provenance_of_an_inferred_fact_shows_the_badge_and_the_escaped_reason():
    with translation.override("ja"):
        html = render('{% provenance "inferred" note %}', note="<b>表</b>")

    assert html == (
        ' <span class="badge inferred">推定</span>'
        ' <span class="meta provenance-note">根拠：&lt;b&gt;表&lt;/b&gt;</span>'
    )


@pytest.mark.django_db
@pytest.mark.parametrize("place", ["prefecture", "block", "nationwide"])
def test_organization_place_writes_what_the_rows_wrote(language, place):
    organization = OrganizationFactory(
        name="団体<&>",
        prefecture=prefecture("43") if place == "prefecture" else None,
        block=block("kyushu") if place in ("prefecture", "block") else None,
    )

    html = render("{% organization_place org %}", org=organization)

    assert html == Template(OLD_PLACE).render(Context({"org": organization}))
    expected = {
        ("prefecture", "ja"): '<a href="/prefectures/43/">熊本県</a>',
        ("block", "ja"): '<a href="/blocks/kyushu/">九州</a>',
        ("nationwide", "ja"): "全国",
    }.get((place, language))
    if expected:
        assert html == expected


# --- counts ---------------------------------------------------------------------------

COUNT = (
    "{% load i18n portal_tags %}"
    "{% blocktranslate count n=total|grouped %}{{ n }}件{% plural %}{{ n }}件{% endblocktranslate %}"
)


@pytest.mark.parametrize(
    ("language", "total", "expected"),
    [
        ("ja", 20032, "20,032件"),
        ("ja", 999, "999件"),
        ("en", 20032, "20,032 items"),
        ("en", 1, "1 item"),  # still a number: the plural is chosen by it
        ("en", 1000, "1,000 items"),
    ],
)
def test_grouped_writes_a_count_with_thousands_separators(language, total, expected):
    with translation.override(language):
        assert Template(COUNT).render(Context({"total": total})) == expected


@pytest.mark.parametrize("value", ["12.9%", None, "", True, 2.5])
def test_grouped_leaves_anything_but_a_count_as_it_is(value):
    rendered = Template("{% load portal_tags %}{{ value|grouped }}").render(
        Context({"value": value})
    )

    assert rendered == Template("{{ value }}").render(Context({"value": value}))
