"""Every tracked model, on every admin page that edits it, refuses a stale form.

The cases come from the registries, not from a list: every model with a
django-simple-history history, on its own change page and on each page
where it is an inline. A new tracked model needs only a row maker below;
`test_every_tracked_model_is_covered` fails until it has one.
"""

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db import models
from django.test import Client
from django.utils.text import Truncator

from briefings.models import Briefing, BriefingMaterial, ProgressReport
from core.access import EDITOR
from core.admin.locking import is_tracked
from networks.models import (
    BureauMembership,
    Case,
    Dispatch,
    Field,
    ImplementationReport,
    LocalGovernmentMembership,
    Match,
    Member,
    Municipality,
    NationalTarget,
    Need,
    NetworkApplication,
    NetworkMembership,
    Offer,
    Organization,
    Prefecture,
    Project,
    RegionalBlock,
    RoadmapModel,
)
from tests import factories
from tests.admin_urls import admin_url, change_form_data
from tests.factories import staff_user
from threads.models import Activity, Participation, StatusUpdate, Thread, WorkItem

pytestmark = pytest.mark.django_db


def _material():
    briefing = factories.BriefingFactory()
    return BriefingMaterial.objects.create(
        briefing=briefing, order=1, title="資料", url="https://example.jp/1.pdf"
    )


def _membership():
    user = get_user_model().objects.create_user("kyushu01")
    return BureauMembership.objects.create(user=user, block=factories.block("kyushu"))


def _local_membership():
    user = get_user_model().objects.create_user("kumamoto01")
    factories.municipality("432024", "人吉市")  # another government to move the row to
    return LocalGovernmentMembership.objects.create(
        user=user, municipality=factories.MunicipalityFactory()
    )


def _national_target():
    return NationalTarget.objects.create(slug="target", wording="目標", source="出典")


MAKERS = {
    ProgressReport: factories.ProgressReportFactory,
    RegionalBlock: factories.RegionalBlockFactory,
    Prefecture: factories.PrefectureFactory,
    Municipality: factories.MunicipalityFactory,
    Field: factories.FieldFactory,
    Thread: factories.ThreadFactory,
    WorkItem: factories.WorkItemFactory,
    Participation: factories.ParticipationFactory,
    Activity: factories.ActivityFactory,
    StatusUpdate: factories.StatusUpdateFactory,
    Organization: factories.OrganizationFactory,
    Member: factories.MemberFactory,
    Briefing: factories.BriefingFactory,
    BriefingMaterial: _material,
    BureauMembership: _membership,
    NetworkApplication: factories.NetworkApplicationFactory,
    NetworkMembership: factories.NetworkMembershipFactory,
    RoadmapModel: factories.RoadmapModelFactory,
    NationalTarget: _national_target,
    ImplementationReport: factories.ImplementationReportFactory,
    LocalGovernmentMembership: _local_membership,
    Need: factories.NeedFactory,
    Offer: factories.OfferFactory,
    Match: factories.MatchFactory,
    Project: factories.ProjectFactory,
    Dispatch: factories.DispatchFactory,
    Case: factories.CaseFactory,
}


def tracked_models() -> list:
    return [model for model in apps.get_models() if is_tracked(model)]


def editing_pages() -> list[tuple]:
    """(tracked model, the model whose change page edits its rows)."""
    pages = []
    for model in tracked_models():
        if model in admin.site._registry:
            pages.append((model, model))
        for parent, model_admin in admin.site._registry.items():
            pages += [(model, parent) for inline in model_admin.inlines if inline.model is model]
    return pages


PAGES = [
    pytest.param(model, page, id=f"{model._meta.model_name}@{page._meta.model_name}")
    for model, page in editing_pages()
]


def test_every_tracked_model_is_covered():
    assert set(MAKERS) == set(tracked_models())
    assert {model for model, _page in editing_pages()} == set(tracked_models())


def _row_form(response, row):
    """The form that edits `row` on the page: the page's own or an inline row's."""
    form = response.context["adminform"].form
    if type(form.instance) is type(row) and form.instance.pk == row.pk:
        return form
    return next(
        f
        for inline in response.context["inline_admin_formsets"]
        for f in inline.formset.forms
        if type(f.instance) is type(row) and f.instance.pk == row.pk
    )


def _another_value(row, form):
    """A field of the form and a new value: text where there is some, else
    another row of a foreign key."""
    plain = (models.SlugField, models.URLField, models.EmailField)
    for name in form.fields:
        try:
            field = row._meta.get_field(name)
        except Exception:  # a form-only field (DELETE, the version)
            continue
        if isinstance(field, models.CharField | models.TextField) and not (
            isinstance(field, plain) or field.choices
        ):
            return name, f"{getattr(row, name)}（田中）"
    for name in form.fields:
        field = row._meta.get_field(name)
        if isinstance(field, models.ForeignKey):
            other = field.related_model._default_manager.exclude(pk=getattr(row, field.attname))
            return name, other.first()
    raise AssertionError(f"nothing to change on {row._meta.label}'s form")


@pytest.mark.parametrize(("model", "page"), PAGES)
def test_stale_form_refused_on_every_page_of_every_tracked_model(model, page):
    tanaka, sato = staff_user(EDITOR, username="tanaka"), staff_user(EDITOR, username="sato")
    client = Client()
    client.force_login(sato)
    row = MAKERS[model]()
    parent = (
        row
        if page is model
        else next(
            getattr(row, f.name) for f in model._meta.concrete_fields if f.related_model is page
        )
    )
    url = admin_url(page, "change", parent.pk)
    shown = client.get(url)
    name, value = _another_value(row, _row_form(shown, row))
    setattr(row, name, value)
    row._history_user = tanaka
    row.save()  # 田中 saves after 佐藤 opened the page
    history = row.history.count()

    response = client.post(url, change_form_data(shown))

    assert response.status_code == 200
    now = model._base_manager.get(pk=row.pk)
    name_now = Truncator(str(now)).chars(30)
    conflicts = response.context["edit_conflicts"]
    assert [c.title for c in conflicts] == [f"{model._meta.verbose_name}「{name_now}」"]
    # The refusal is the form's only error.
    assert [str(e) for errors in response.context["errors"] for e in errors] == [
        conflicts[0].message
    ]
    assert getattr(now, name) == value
    assert row.history.count() == history

    # The form shown again offers the current values: saving it keeps 田中's.
    assert client.post(url, change_form_data(response)).status_code == 302
    assert getattr(model._base_manager.get(pk=row.pk), name) == value
