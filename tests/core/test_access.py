"""The roles and the block rule as predicates and object permissions (core.access)."""

import pytest
from django.contrib.auth.models import Group

from briefings.models import BriefingMaterial
from core.access import (
    BUREAU,
    EDITOR,
    GROUP_NAMES,
    VIEWER,
    block_id_of,
    bureau_block,
    can_edit_in_block,
    in_own_block,
    is_bureau,
    is_bureau_without_block,
    is_editor,
    is_viewer,
)
from networks.models import BureauMembership
from tests.factories import (
    ActivityFactory,
    BriefingFactory,
    OrganizationFactory,
    StatusUpdateFactory,
    ThreadFactory,
    block,
    bureau_without_block,
    prefecture,
    staff_user,
)
from threads.models import Thread

pytestmark = pytest.mark.django_db


def staff(django_user_model, role, block_code=None, username=None):
    return staff_user(role, block_code, username=username or f"{role}-{block_code}")


def test_bureau_block_is_membership_block(django_user_model):
    user = staff(django_user_model, BUREAU, "kyushu")

    assert bureau_block(user) == block("kyushu")
    assert (is_bureau(user), is_editor(user), is_viewer(user)) == (True, False, False)


def test_bureau_block_none_for_editor_with_membership(django_user_model):
    user = staff(django_user_model, EDITOR)
    BureauMembership.objects.create(user=user, block=block("kyushu"))
    user = django_user_model.objects.get(pk=user.pk)

    assert bureau_block(user) is None
    assert is_editor(user) is True


def test_bureau_block_none_for_superuser(django_user_model):
    user = django_user_model.objects.create_superuser(username="root", password=None)
    user.groups.add(Group.objects.get(name=GROUP_NAMES[BUREAU]))
    BureauMembership.objects.create(user=user, block=block("kyushu"))
    user = django_user_model.objects.get(pk=user.pk)

    assert bureau_block(user) is None
    assert is_editor(user) is True


def test_bureau_without_membership_is_confined_to_nothing(django_user_model):
    user = bureau_without_block()

    assert bureau_block(user) is None
    assert is_bureau_without_block(user) is True
    assert is_bureau(user) is False
    assert can_edit_in_block(user, BriefingFactory()) is False


def test_is_bureau_without_block_false_for_other_roles(django_user_model):
    assert is_bureau_without_block(staff(django_user_model, EDITOR)) is False
    assert is_bureau_without_block(staff(django_user_model, VIEWER)) is False


def test_block_id_of_briefing_is_its_block():
    briefing = BriefingFactory(prefecture=prefecture("43"))

    assert block_id_of(briefing) == block("kyushu").pk


def test_block_id_of_material_is_its_briefing_block():
    material = BriefingMaterial(
        briefing=BriefingFactory(prefecture=prefecture("13")), title="資料1"
    )

    assert block_id_of(material) == block("kanto").pk


@pytest.mark.parametrize("factory", [ActivityFactory, StatusUpdateFactory])
def test_block_id_of_thread_record_counts_only_on_diagonal_thread(factory):
    diagonal = factory(thread=ThreadFactory(kind=Thread.Kind.DIAGONAL), block=block("kyushu"))
    vertical = factory(thread=ThreadFactory(kind=Thread.Kind.VERTICAL), block=block("kyushu"))

    assert (block_id_of(diagonal), block_id_of(vertical)) == (block("kyushu").pk, None)


def test_in_own_block_without_object_is_false(django_user_model):
    assert in_own_block(staff(django_user_model, BUREAU, "kyushu"), None) is False


@pytest.mark.parametrize(
    ("role", "own", "other", "national"),
    [
        (EDITOR, True, True, True),
        (BUREAU, True, False, False),
        (VIEWER, False, False, False),
    ],
)
def test_change_briefing_object_permission_by_role(django_user_model, role, own, other, national):
    user = staff(django_user_model, role, "kyushu" if role == BUREAU else None)
    kyushu = BriefingFactory(prefecture=prefecture("43"))
    kanto = BriefingFactory(prefecture=prefecture("13"))
    whole_country = BriefingFactory(scope="national", prefecture=None, block=None)

    assert [
        user.has_perm("briefings.change_briefing", obj) for obj in (kyushu, kanto, whole_country)
    ] == [own, other, national]


@pytest.mark.parametrize(
    ("role", "own", "other"),
    [(EDITOR, True, True), (BUREAU, True, False), (VIEWER, True, True)],
)
def test_view_briefing_object_permission_by_role(django_user_model, role, own, other):
    user = staff(django_user_model, role, "kyushu" if role == BUREAU else None)
    kyushu = BriefingFactory(prefecture=prefecture("43"))
    kanto = BriefingFactory(prefecture=prefecture("13"))

    assert [user.has_perm("briefings.view_briefing", obj) for obj in (kyushu, kanto)] == [
        own,
        other,
    ]


def test_bureau_views_every_organization_changes_own_block_only(django_user_model):
    user = staff(django_user_model, BUREAU, "kyushu")
    own = OrganizationFactory(prefecture=prefecture("43"))
    other = OrganizationFactory(prefecture=prefecture("13"))
    national = OrganizationFactory()

    assert [user.has_perm("networks.view_organization", o) for o in (own, other, national)] == [
        True,
        True,
        True,
    ]
    assert [user.has_perm("networks.change_organization", o) for o in (own, other, national)] == [
        True,
        False,
        False,
    ]
    assert [user.has_perm("networks.delete_organization", o) for o in (own, other, national)] == [
        True,
        False,
        False,
    ]


def test_bureau_changes_only_diagonal_activity_of_own_block(django_user_model):
    user = staff(django_user_model, BUREAU, "kyushu")
    diagonal = ThreadFactory(kind=Thread.Kind.DIAGONAL)
    own = ActivityFactory(thread=diagonal, block=block("kyushu"))
    other = ActivityFactory(thread=diagonal, block=block("kanto"))
    vertical = ActivityFactory(thread=ThreadFactory(), block=block("kyushu"))

    assert [user.has_perm("threads.change_activity", a) for a in (own, other, vertical)] == [
        True,
        False,
        False,
    ]


def test_model_permissions_come_from_groups(django_user_model):
    editor = staff(django_user_model, EDITOR)
    bureau = staff(django_user_model, BUREAU, "kyushu")
    viewer = staff(django_user_model, VIEWER)
    perms = [
        "briefings.add_briefing",
        "briefings.import_briefing",
        "threads.change_thread",
        "networks.view_member",
        "networks.view_bureaumembership",
        "auth.change_user",
        "auth.view_user",
    ]

    assert {u.username: [u.has_perm(p) for p in perms] for u in (editor, bureau, viewer)} == {
        "editor-None": [True, True, True, True, True, True, True],
        "bureau-kyushu": [True, True, False, True, False, False, False],
        "viewer-None": [False, False, False, True, True, False, True],
    }
