"""No generated input makes an admin page answer 5xx, for a superuser (issue 7 §6).

Every registered ModelAdmin's changelist (and export, where there is one)
gets generated values for its list filters, its date hierarchy, search,
ordering and page, and lookups on its own fields; the autocomplete gets
generated terms for every autocomplete field; change and history pages get
generated object ids.
"""

from urllib.parse import quote

import pytest
from django.contrib import admin
from django.test import RequestFactory
from hypothesis import given
from hypothesis import strategies as st

from tests.core.fuzz import SEGMENT, TEXT
from tests.factories import BriefingFactory, OrganizationFactory, StatusUpdateFactory

pytestmark = pytest.mark.django_db

LOOKUPS = ("", "__exact", "__gt", "__gte", "__lt", "__in", "__isnull", "__range", "__year")
EXPORT_URL_NAME = "{app}_{model}_export"


def model_admins() -> list:
    return sorted(admin.site._registry.values(), key=lambda a: a.opts.label)


def changelist_parameter_names(model_admin, superuser) -> list[str]:
    """The query parameters a changelist understands: its list filters' own,
    its date hierarchy's, the changelist's, and a lookup on each field."""
    request = RequestFactory().get("/")
    request.user = superuser
    changelist = model_admin.get_changelist_instance(request)
    names = {"q", "o", "p", "e", "all", "_changelist_filters"}
    for spec in changelist.filter_specs:
        names.update(spec.expected_parameters())
    if model_admin.date_hierarchy:
        names.update(f"{model_admin.date_hierarchy}__{part}" for part in ("year", "month", "day"))
    for field in model_admin.opts.concrete_fields:
        names.update(field.name + lookup for lookup in LOOKUPS)
    return sorted(names)


def exportable(model_admin) -> bool:
    return hasattr(model_admin, "export_action")


def autocomplete_targets() -> list[tuple[str, str, str]]:
    """(app_label, model_name, field_name) of every autocomplete field in the admin."""
    targets = []
    for model_admin in admin.site._registry.values():
        for name in model_admin.autocomplete_fields:
            opts = model_admin.opts
            targets.append((opts.app_label, opts.model_name, name))
    return sorted(targets)


@pytest.fixture
def superuser_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("root", "root@example.jp", "x" * 12)
    client.force_login(user)
    BriefingFactory(host=OrganizationFactory())
    StatusUpdateFactory()
    return client, user


def assert_below_500(response, url):
    assert response.status_code < 500, url


@pytest.mark.parametrize("model_admin", model_admins(), ids=lambda a: a.opts.label)
@given(data=st.data())
def test_changelist_and_export_with_generated_filters_answer_below_500(
    superuser_client, model_admin, data
):
    client, user = superuser_client
    names = changelist_parameter_names(model_admin, user)
    params = data.draw(
        st.dictionaries(
            st.sampled_from(names), st.one_of(TEXT, st.lists(TEXT, max_size=2)), max_size=3
        ),
        label="params",
    )
    opts = model_admin.opts
    base = f"/admin/{opts.app_label}/{opts.model_name}/"
    assert_below_500(client.get(base, params), base)
    if exportable(model_admin):
        assert_below_500(client.get(base + "export/", params), base + "export/")


@given(target=st.sampled_from(autocomplete_targets()), term=TEXT, page=TEXT)
def test_autocomplete_with_generated_terms_answers_below_500(superuser_client, target, term, page):
    client, _ = superuser_client
    app_label, model_name, field_name = target
    response = client.get(
        "/admin/autocomplete/",
        {
            "app_label": app_label,
            "model_name": model_name,
            "field_name": field_name,
            "term": term,
            "page": page,
        },
    )
    assert_below_500(response, target)


@given(
    model_admin=st.sampled_from(model_admins()),
    object_id=st.one_of(TEXT.map(lambda v: quote(v, safe="")), SEGMENT),
    page=st.sampled_from(["change", "history", "delete"]),
)
def test_object_pages_with_generated_ids_answer_below_500(
    superuser_client, model_admin, object_id, page
):
    client, _ = superuser_client
    opts = model_admin.opts
    url = f"/admin/{opts.app_label}/{opts.model_name}/{object_id}/{page}/"
    assert_below_500(client.get(url), url)
