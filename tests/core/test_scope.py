"""Scope and roles as data (core.access.scope, core.access.roles).

A role is one entry in ROLES plus one in the policy: the admin list, the
object permissions and the import follow from them and from each model's
one scope declaration, with no other code. The municipality level is
declared and exercised on the declarations themselves (its membership model
comes with the role).
"""

import pytest
import tablib
from django.contrib.admin.sites import site
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.test import RequestFactory

from briefings.models import Briefing, BriefingMaterial
from briefings.resources import BriefingResource
from core.access import (
    BLOCK,
    BUREAU,
    MUNICIPALITY,
    ROLES,
    VIEWER,
    Grants,
    Role,
    RolePolicy,
    Scoped,
    UserScope,
    declared_scope,
    grant_role,
    scope_of,
    sync_role_groups,
    user_scope,
)
from networks.models import BureauMembership, Municipality, Organization, Prefecture
from portal.roles import POLICY
from tests.admin_urls import admin_url
from tests.factories import (
    ActivityFactory,
    BriefingFactory,
    MunicipalityFactory,
    OrganizationFactory,
    ThreadFactory,
    block,
    prefecture,
    staff_user,
)
from threads.models import Activity, Thread

pytestmark = pytest.mark.django_db

# A role the portal does not have: it reads (and exports) its own block's
# briefings and changes nothing. Its place is read like a bureau's.
READER = Role("reader", "地域ブロック閲覧者（試験）", level=BLOCK, place="bureau_membership__block")
READER_GRANTS = Grants(views=True, actions={"briefings.briefing": ("export",)})


@pytest.fixture
def reader(django_user_model, monkeypatch):
    """A user of the throwaway role, confined to 九州: one entry in ROLES, one in the policy."""
    monkeypatch.setitem(ROLES, READER.key, READER)
    sync_role_groups(
        RolePolicy(apps=POLICY.apps, grants={**POLICY.grants, "reader": READER_GRANTS})
    )
    user = django_user_model.objects.create_user(username="reader")
    grant_role(user, role=READER.key)
    BureauMembership.objects.create(user=user, block=block("kyushu"))
    return django_user_model.objects.get(pk=user.pk)


@pytest.fixture
def briefings():
    return {
        "own": BriefingFactory(prefecture=prefecture("43"), title="熊本の説明会"),
        "other": BriefingFactory(prefecture=prefecture("13"), title="東京の説明会"),
    }


def test_scope_new_role_admin_list_holds_own_block_only(client, reader, briefings):
    client.force_login(reader)

    response = client.get(admin_url(Briefing, "changelist"))

    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [briefings["own"]]


def test_scope_new_role_opens_own_row_read_only_and_other_as_missing(client, reader, briefings):
    client.force_login(reader)

    own = client.get(admin_url(Briefing, "change", briefings["own"].pk))
    other = client.get(admin_url(Briefing, "change", briefings["other"].pk))
    posted = client.post(admin_url(Briefing, "change", briefings["own"].pk), {"title": "書き換え"})

    assert (own.status_code, other.status_code, posted.status_code) == (200, 404, 403)
    assert own.context["has_change_permission"] is False
    assert Briefing.objects.get(pk=briefings["own"].pk).title == "熊本の説明会"


def test_scope_new_role_object_permissions_need_reach_and_the_groups_grant(reader, briefings):
    own_org = OrganizationFactory(prefecture=prefecture("43"))
    other_org = OrganizationFactory(prefecture=prefecture("13"))

    assert {
        perm: [reader.has_perm(perm, obj) for obj in objs]
        for perm, objs in [
            ("briefings.view_briefing", (briefings["own"], briefings["other"])),
            # In reach, but the reader's group holds no change permission.
            ("briefings.change_briefing", (briefings["own"], briefings["other"])),
            # Organizations are visible outside their block (others_visible).
            ("networks.view_organization", (own_org, other_org)),
            ("networks.change_organization", (own_org, other_org)),
        ]
    } == {
        "briefings.view_briefing": [True, False],
        "briefings.change_briefing": [False, False],
        "networks.view_organization": [True, True],
        "networks.change_organization": [False, False],
    }


def test_scope_new_role_import_and_export_reach_own_block_only(reader, briefings):
    resource = BriefingResource(user=reader)
    dataset = tablib.Dataset(
        [str(briefings["other"].pk), "2030-01-10", "東京の説明会（変更）"],
        headers=["ID", "開催日", "開催概要"],
    )

    exported = list(resource.filter_export(Briefing.objects.all()))
    result = resource.import_data(dataset, dry_run=True)

    assert exported == [briefings["own"]]
    assert list(resource.get_queryset()) == [briefings["own"]]
    assert result.sheet_rows[0].messages == [
        f"ID: ID「{briefings['other'].pk}」の行は見つからないか、変更できません。"
    ]


def test_scope_new_role_import_refuses_a_row_in_another_block(reader):
    dataset = tablib.Dataset(
        ["2030-01-10", "東京の説明会", "13", "都道府県", "seminar"],
        headers=["開催日", "開催概要", "都道府県", "対象", "種別"],
    )

    result = BriefingResource(user=reader).import_data(dataset, dry_run=True)

    assert result.sheet_rows[0].messages == [
        "都道府県: 「東京都」は担当の地域ブロック（九州）の外のため、取り込めません。"
    ]


def test_scope_new_role_group_synced_from_its_policy_entry(reader):
    perms = {
        f"{p.content_type.app_label}.{p.codename}"
        for p in Group.objects.get(name=READER.group).permissions.select_related("content_type")
    }

    assert "briefings.export_briefing" in perms
    assert "briefings.view_briefing" in perms
    assert not {p for p in perms if not p.split(".")[1].startswith(("view_", "export_"))}


def test_scope_sync_refuses_a_role_without_grants(monkeypatch):
    monkeypatch.setitem(ROLES, READER.key, READER)

    with pytest.raises(ImproperlyConfigured, match="reader"):
        sync_role_groups(POLICY)

    assert not Group.objects.filter(name=READER.group).exists()


def test_scope_user_in_two_role_groups_gets_the_first_and_stays_confined(django_user_model):
    user = staff_user(BUREAU, "kyushu", username="both")
    user.groups.add(Group.objects.get(name=ROLES[VIEWER].group))
    user = django_user_model.objects.get(pk=user.pk)
    kanto = BriefingFactory(prefecture=prefecture("13"))

    scope = user_scope(user)

    assert (scope.role.key, scope.place, scope.reads_all) == (BUREAU, block("kyushu"), False)
    assert user.has_perm("briefings.view_briefing", kanto) is False


def test_scope_bureau_save_outside_its_scope_is_denied(django_user_model):
    """The admin's save checks the row against the declaration, beyond what the form offers."""
    user = staff_user(BUREAU, "kyushu", username="kyushu1")
    request = RequestFactory().post("/")
    request.user = user
    activity = ActivityFactory.build(thread=ThreadFactory(kind=Thread.Kind.VERTICAL), block=None)

    with pytest.raises(PermissionDenied):
        site._registry[Activity].save_model(request, activity, form=None, change=False)

    assert activity.pk is None
    assert activity.block == block("kyushu")


def test_scope_declared_for_every_scoped_admin_model():
    assert {
        model._meta.label: (declared.block, declared.municipality, declared.others_visible)
        for model in (Briefing, BriefingMaterial, Organization, Activity)
        for declared in [declared_scope(model)]
    } == {
        "briefings.Briefing": ("block", None, False),
        "briefings.BriefingMaterial": ("briefing__block", None, False),
        "networks.Organization": ("block", None, True),
        "threads.Activity": ("block", None, False),
    }


def test_scope_model_without_declaration_is_refused():
    with pytest.raises(ImproperlyConfigured, match=r"threads\.Thread has no scope"):
        declared_scope(Thread)


# --- the municipality level, on the declarations -------------------------------


def town_scope(municipality: Municipality) -> UserScope:
    role = Role("town", "市区町村職員（試験）", level=MUNICIPALITY, place="town_membership__town")
    return UserScope(role=role, level=MUNICIPALITY, place=municipality)


def test_scope_municipality_level_filters_and_checks_rows():
    kumamoto = MunicipalityFactory()
    other_town = MunicipalityFactory(code="432041", name="荒尾市", kana="あらおし")
    declared = Scoped(block="block", municipality="municipality")
    own = OrganizationFactory(municipality=kumamoto)
    OrganizationFactory(municipality=other_town)
    OrganizationFactory(prefecture=prefecture("43"))
    scope = town_scope(kumamoto)

    assert list(declared.filter(Organization.objects.all(), scope)) == [own]
    assert declared.contains(own, scope) is True
    assert declared.place_id(own, BLOCK) == block("kyushu").pk


def test_scope_municipality_level_narrows_places_and_reaches_nothing_undeclared():
    kumamoto = MunicipalityFactory()
    MunicipalityFactory(code="432041", name="荒尾市", kana="あらおし")
    briefing = BriefingFactory(prefecture=prefecture("43"))
    scope = town_scope(kumamoto)

    assert list(scope_of(Municipality).filter(Municipality.objects.all(), scope)) == [kumamoto]
    # Prefectures and briefings say nothing of municipalities: out of reach.
    assert scope_of(Prefecture).filter(Prefecture.objects.all(), scope).count() == 0
    assert declared_scope(Briefing).filter(Briefing.objects.all(), scope).count() == 0
    assert declared_scope(Briefing).contains(briefing, scope) is False


def test_scope_confined_role_needs_a_level_and_a_place():
    with pytest.raises(ValueError, match="town"):
        Role("town", "市区町村職員（試験）", level=MUNICIPALITY)
