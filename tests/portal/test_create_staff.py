"""Giving staff their role: the service `assign_staff_role` and `manage.py create_staff`."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from core.access import BUREAU, EDITOR, GROUP_NAMES, VIEWER
from networks.models import BureauMembership
from networks.services import assign_staff_role
from tests.factories import block

pytestmark = pytest.mark.django_db


def role_groups(user) -> list[str]:
    return sorted(user.groups.values_list("name", flat=True))


def state(django_user_model) -> list:
    """Every user with staff flag, groups and membership: to show that nothing changed."""
    return [
        (
            user.username,
            user.email,
            user.is_staff,
            user.has_usable_password(),
            role_groups(user),
            getattr(getattr(user, "bureau_membership", None), "block_id", None),
        )
        for user in django_user_model.objects.order_by("username")
    ]


def run(*args) -> str:
    out = StringIO()
    call_command("create_staff", *args, stdout=out)
    return out.getvalue()


# --- the service -----------------------------------------------------------


def test_assign_staff_role_bureau_sets_group_staff_and_block(django_user_model):
    user = django_user_model.objects.create_user(username="kyushu1")

    membership = assign_staff_role(user, role=BUREAU, block=block("kyushu"))

    user.refresh_from_db()
    assert user.is_staff is True
    assert role_groups(user) == [GROUP_NAMES[BUREAU]]
    assert membership == BureauMembership.objects.get(user=user)
    assert membership.block == block("kyushu")


def test_assign_staff_role_moves_bureau_to_other_block(django_user_model):
    user = django_user_model.objects.create_user(username="kyushu1")
    assign_staff_role(user, role=BUREAU, block=block("kyushu"))

    assign_staff_role(user, role=BUREAU, block=block("kanto"))

    assert list(BureauMembership.objects.values_list("user__username", "block__code")) == [
        ("kyushu1", "kanto")
    ]
    assert list(
        BureauMembership.history.order_by("history_id").values_list("history_type", "block__code")
    ) == [("+", "kyushu"), ("~", "kanto")]


def test_assign_staff_role_editor_replaces_bureau_and_deletes_membership(django_user_model):
    user = django_user_model.objects.create_user(username="kyushu1")
    assign_staff_role(user, role=BUREAU, block=block("kyushu"))

    result = assign_staff_role(user, role=EDITOR)

    assert result is None
    assert role_groups(user) == [GROUP_NAMES[EDITOR]]
    assert BureauMembership.objects.filter(user=user).exists() is False
    assert list(BureauMembership.history.values_list("history_type", flat=True)) == ["-", "+"]


def test_assign_staff_role_keeps_groups_that_are_not_roles(django_user_model):
    user = django_user_model.objects.create_user(username="auditor")
    other = Group.objects.create(name="広報")
    user.groups.add(other, Group.objects.get(name=GROUP_NAMES[EDITOR]))

    assign_staff_role(user, role=VIEWER)

    assert role_groups(user) == sorted([GROUP_NAMES[VIEWER], "広報"])


def test_assign_staff_role_records_who_changed_membership(django_user_model):
    editor = django_user_model.objects.create_user(username="editor")
    user = django_user_model.objects.create_user(username="kyushu1")

    assign_staff_role(user, role=BUREAU, block=block("kyushu"), by=editor)

    assert BureauMembership.history.get().history_user == editor


def test_assign_staff_role_refreshes_cached_block(django_user_model):
    from core.access import bureau_block

    user = django_user_model.objects.create_user(username="kyushu1")
    assign_staff_role(user, role=BUREAU, block=block("kyushu"))
    assert bureau_block(user) == block("kyushu")

    assign_staff_role(user, role=BUREAU, block=block("kanto"))

    assert bureau_block(user) == block("kanto")


def test_assign_staff_role_bureau_without_block_refused(django_user_model):
    user = django_user_model.objects.create_user(username="kyushu1")
    before = state(django_user_model)

    with pytest.raises(ValidationError) as error:
        assign_staff_role(user, role=BUREAU)

    assert error.value.messages == ["総合通信局の職員には地域ブロックを指定してください。"]
    assert state(django_user_model) == before


@pytest.mark.parametrize("role", [EDITOR, VIEWER])
def test_assign_staff_role_block_for_other_role_refused(django_user_model, role):
    user = django_user_model.objects.create_user(username="someone")
    before = state(django_user_model)

    with pytest.raises(ValidationError) as error:
        assign_staff_role(user, role=role, block=block("kyushu"))

    assert error.value.messages == ["地域ブロックを指定できるのは総合通信局の職員だけです。"]
    assert state(django_user_model) == before


def test_assign_staff_role_unknown_role_refused(django_user_model):
    user = django_user_model.objects.create_user(username="someone")

    with pytest.raises(ValueError, match="不明な役割です: admin"):
        assign_staff_role(user, role="admin")

    assert role_groups(user) == []


# --- the command -------------------------------------------------------------


def test_create_staff_new_bureau_user(django_user_model):
    output = run("kyushu1", "--role", "bureau", "--block", "kyushu", "--email", "k1@example.jp")

    user = django_user_model.objects.get(username="kyushu1")
    assert state(django_user_model) == [
        ("kyushu1", "k1@example.jp", True, False, [GROUP_NAMES[BUREAU]], block("kyushu").pk)
    ]
    assert user.is_superuser is False
    assert output.splitlines() == [
        "ユーザー「kyushu1」を作成しました。 役割: 総合通信局（地域ブロック: 九州）",
        "パスワードは次のコマンドで設定してください: manage.py changepassword kyushu1",
    ]


def test_create_staff_updates_existing_user(django_user_model):
    user = django_user_model.objects.create_user(
        username="sato", email="old@example.jp", password="a-long-enough-password"
    )
    assign_staff_role(user, role=BUREAU, block=block("kyushu"))

    output = run("sato", "--role", "viewer", "--email", "sato@example.jp")

    assert state(django_user_model) == [
        ("sato", "sato@example.jp", True, True, [GROUP_NAMES[VIEWER]], None)
    ]
    assert output.splitlines() == ["ユーザー「sato」を更新しました。 役割: 閲覧者（監査）"]


def test_create_staff_existing_user_keeps_email_without_option(django_user_model):
    django_user_model.objects.create_user(username="sato", email="sato@example.jp")

    run("sato", "--role", "editor")

    assert state(django_user_model) == [
        ("sato", "sato@example.jp", True, False, [GROUP_NAMES[EDITOR]], None)
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--role", "bureau", "--block", "atlantis"],
            "地域ブロック「atlantis」はありません。次のいずれかを指定してください: "
            "hokkaido, tohoku, kanto, shinetsu, hokuriku, tokai, kinki, chugoku, shikoku, "
            "kyushu, okinawa",
        ),
        (
            ["--role", "admin"],
            "役割「admin」はありません。次のいずれかを指定してください: editor, bureau, local, viewer",
        ),
        (["--role", "bureau"], "総合通信局の職員には地域ブロックを指定してください。"),
        (
            ["--role", "editor", "--block", "kyushu"],
            "地域ブロックを指定できるのは総合通信局の職員だけです。",
        ),
        (
            ["--role", "viewer", "--email", "not-an-address"],
            "メールアドレス「not-an-address」の形式が正しくありません。",
        ),
    ],
)
@pytest.mark.parametrize("existing", [False, True])
def test_create_staff_bad_arguments_write_nothing(django_user_model, args, message, existing):
    if existing:
        user = django_user_model.objects.create_user(username="sato", email="sato@example.jp")
        assign_staff_role(user, role=BUREAU, block=block("kanto"))
    before = state(django_user_model)

    with pytest.raises(CommandError) as error:
        run("sato", *args)

    assert str(error.value) == message
    assert state(django_user_model) == before
