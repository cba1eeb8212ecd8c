"""The role groups follow portal/roles.py: after `migrate` and on `manage.py sync_roles`."""

import ast
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from core.access import BUREAU, EDITOR, GROUP_NAMES, LOCAL, VIEWER, role_permissions
from portal.roles import POLICY

pytestmark = pytest.mark.django_db


def group_perms(role: str) -> set[str]:
    group = Group.objects.get(name=GROUP_NAMES[role])
    return {
        f"{p.content_type.app_label}.{p.codename}"
        for p in group.permissions.select_related("content_type")
    }


def policy_perms(role: str) -> set[str]:
    return {f"{p.content_type.app_label}.{p.codename}" for p in role_permissions(POLICY, role)}


@pytest.mark.parametrize("role", [EDITOR, BUREAU, LOCAL, VIEWER])
def test_sync_roles_migrate_leaves_each_group_as_the_policy_says(role):
    # The test database was made by `migrate`, whose post_migrate synced the groups.
    assert group_perms(role) == policy_perms(role)
    assert len(policy_perms(role)) == {EDITOR: 270, BUREAU: 102, LOCAL: 7, VIEWER: 69}[role]


def test_sync_roles_bureau_group_holds_its_actions_and_not_the_memberships():
    perms = group_perms(BUREAU)

    assert {"briefings.add_briefing", "briefings.import_briefing", "threads.change_activity"} <= (
        perms
    )
    assert "networks.view_bureaumembership" not in perms
    assert "threads.change_thread" not in perms


def test_sync_roles_command_repairs_groups_edited_by_hand():
    Group.objects.get(name=GROUP_NAMES[VIEWER]).delete()
    editor = Group.objects.get(name=GROUP_NAMES[EDITOR])
    editor.permissions.remove(Permission.objects.get(codename="change_briefing"))
    editor.permissions.add(Permission.objects.get(codename="delete_user"))
    out = StringIO()

    call_command("sync_roles", stdout=out)

    assert group_perms(EDITOR) == policy_perms(EDITOR)
    assert group_perms(VIEWER) == policy_perms(VIEWER)
    assert out.getvalue() == (
        "役割のグループを設定しました: 編集者（総務省）、総合通信局、地方公共団体、閲覧者（監査）\n"
    )


def test_sync_roles_command_twice_changes_nothing():
    call_command("sync_roles", verbosity=0)
    before = {role: group_perms(role) for role in GROUP_NAMES}
    groups = list(Group.objects.order_by("pk").values_list("pk", "name"))

    call_command("sync_roles", verbosity=0)

    assert {role: group_perms(role) for role in GROUP_NAMES} == before
    assert list(Group.objects.order_by("pk").values_list("pk", "name")) == groups


def test_sync_roles_portal_migrations_import_no_live_code():
    folder = Path(settings.BASE_DIR) / "portal" / "migrations"
    imported = {
        node.module if isinstance(node, ast.ImportFrom) else alias.name
        for path in folder.glob("0*.py")
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }

    assert imported == {"django.db"}
