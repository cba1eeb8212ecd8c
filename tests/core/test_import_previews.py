"""The uploaded file waiting between an import's preview and its confirmation
(core.spreadsheets.previews) is deleted on every path: confirmed, cancelled,
refused, failed; what is left is removed after a day."""

import io
import os
import time

import pytest
import tablib
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.urls import reverse

from networks.models import Organization
from tests import factories

pytestmark = pytest.mark.django_db

CSV, XLSX = "0", "1"
HEADERS = ["ID", "名称", "種別"]
DAY = 24 * 60 * 60


@pytest.fixture
def editor(client, editor):
    """The editor (tests/conftest.py), logged in."""
    client.force_login(editor)
    return editor


def url(action: str) -> str:
    return reverse(f"admin:networks_organization_{action}")


def csv_file(*rows) -> bytes:
    return tablib.Dataset(*rows, headers=HEADERS).export("csv").encode("utf-8-sig")


def upload(client, content: bytes, *, format_=CSV, name="organizations.csv"):
    file = io.BytesIO(content)
    file.name = name
    return client.post(url("import"), {"import_file": file, "format": format_, "resource": "0"})


def waiting(folder) -> list[str]:
    """The files waiting in the preview folder."""
    return sorted(os.listdir(folder)) if folder.exists() else []


def messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


GOOD = ["", "熊本の団体", "民間企業"]


def test_preview_keeps_its_file_until_confirmed_then_deletes_it(client, editor, import_preview_dir):
    preview = upload(client, csv_file(GOOD))
    name = preview.context["confirm_form"].initial["import_file_name"]
    assert waiting(import_preview_dir) == [name]

    response = client.post(url("process_import"), preview.context["confirm_form"].initial)

    assert response.status_code == 302
    assert list(Organization.objects.values_list("name", flat=True)) == ["熊本の団体"]
    assert waiting(import_preview_dir) == []


def test_cancel_deletes_the_file_and_writes_nothing(client, editor, import_preview_dir):
    preview = upload(client, csv_file(GOOD))

    response = client.post(
        url("process_import"), {**preview.context["confirm_form"].initial, "cancel": "取り消す"}
    )

    assert (response.status_code, response.url) == (302, url("import"))
    assert messages(response) == ["取り込みを取り消しました。何も書き込んでいません。"]
    assert waiting(import_preview_dir) == []
    assert Organization.objects.count() == 0


def test_preview_page_offers_cancel(client, editor):
    preview = upload(client, csv_file(GOOD))

    assert '<input type="submit" name="cancel" value="取り消す">' in preview.content.decode()


@pytest.mark.parametrize(
    ("content", "name", "format_"),
    [
        pytest.param(csv_file(["", "", "謎の種別"]), "o.csv", CSV, id="row-errors"),
        pytest.param("名称".encode("cp932") + b"\x81\x20", "o.csv", CSV, id="undecodable"),
        pytest.param(csv_file(GOOD), "o.xlsx", XLSX, id="not-xlsx"),
        pytest.param(b"a,b\n1,2\n", "o.csv", CSV, id="no-known-header"),
    ],
)
def test_preview_that_cannot_be_confirmed_deletes_its_file(
    client, editor, import_preview_dir, content, name, format_
):
    response = upload(client, content, format_=format_, name=name)

    assert response.status_code == 200
    assert "confirm_form" not in response.context
    assert waiting(import_preview_dir) == []


def test_preview_refused_over_the_row_limit_deletes_its_file(
    client, editor, settings, import_preview_dir
):
    settings.IMPORT_MAX_ROWS = 1

    response = upload(client, csv_file(GOOD, GOOD))

    assert response.context["form"].errors["import_file"][0].startswith("行数が上限（1行）")
    assert waiting(import_preview_dir) == []


def test_confirm_that_fails_deletes_the_file_and_writes_nothing(client, editor, import_preview_dir):
    gone = factories.OrganizationFactory(name="消える団体")
    preview = upload(client, csv_file(GOOD, [str(gone.pk), "消える団体", "大学"]))
    assert [row.outcome for row in preview.context["result"].sheet_rows] == ["新規", "変更"]
    gone.delete()  # between the preview and the confirmation

    response = client.post(url("process_import"), preview.context["confirm_form"].initial)

    assert (response.status_code, response.url) == (302, url("import"))
    assert messages(response)[-1].startswith("取り込みを中止しました。1 行に誤りがあるため")
    assert waiting(import_preview_dir) == []
    assert Organization.objects.count() == 0


def test_confirm_posted_twice_answers_with_a_message_not_an_error(
    client, editor, import_preview_dir
):
    preview = upload(client, csv_file(GOOD))
    client.post(url("process_import"), preview.context["confirm_form"].initial)

    again = client.post(url("process_import"), preview.context["confirm_form"].initial)

    assert (again.status_code, again.url) == (302, url("import"))
    assert messages(again)[-1] == (
        "確認したファイルはもうありません（取り込み済み、取り消し済み、または1日以上前のもの）。"
        "何も書き込んでいません。もう一度ファイルを選んでください。"
    )
    assert Organization.objects.count() == 1


@pytest.mark.parametrize("name", ["../victim.csv", "victim.csv", "/tmp/victim.csv"])
def test_confirm_naming_a_file_not_of_the_import_touches_nothing(
    client, editor, import_preview_dir, tmp_path, name
):
    import_preview_dir.mkdir(parents=True)
    victims = [import_preview_dir / "victim.csv", tmp_path / "victim.csv"]
    for victim in victims:
        victim.write_bytes(csv_file(GOOD))

    response = client.post(
        url("process_import"),
        {"import_file_name": name, "original_file_name": "o.csv", "format": CSV, "cancel": "1"},
    )
    client.post(
        url("process_import"),
        {"import_file_name": name, "original_file_name": "o.csv", "format": CSV},
    )

    assert response.status_code == 302
    assert all(victim.exists() for victim in victims)
    assert Organization.objects.count() == 0


# --- files left behind ---------------------------------------------------------------


def age(path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


@pytest.fixture
def left_behind(import_preview_dir):
    """Two waiting files, a day and a bit and an hour old, and a file not of the import."""
    import_preview_dir.mkdir(parents=True)
    old = import_preview_dir / ("a" * 32 + ".import")
    fresh = import_preview_dir / ("b" * 32 + ".import")
    other = import_preview_dir / "notes.txt"
    for path in (old, fresh, other):
        path.write_bytes(b"x")
    age(old, DAY + 60)
    age(fresh, 60 * 60)
    age(other, 30 * DAY)
    return old, fresh, other


def test_clean_import_files_removes_files_older_than_a_day(left_behind, capsys):
    old, fresh, other = left_behind

    call_command("clean_import_files")

    assert (old.exists(), fresh.exists(), other.exists()) == (False, True, True)
    assert capsys.readouterr().out == "取り込み確認用の一時ファイルを 1 件削除しました。\n"


def test_clean_import_files_max_age_hours(left_behind):
    old, fresh, other = left_behind

    call_command("clean_import_files", "--max-age-hours", "0.5")

    assert (old.exists(), fresh.exists(), other.exists()) == (False, False, True)


def test_clean_import_files_without_the_folder_removes_nothing(capsys):
    call_command("clean_import_files")

    assert capsys.readouterr().out == "取り込み確認用の一時ファイルを 0 件削除しました。\n"


def test_import_page_removes_old_files_first(client, editor, left_behind):
    old, fresh, other = left_behind

    response = client.get(url("import"))

    assert response.status_code == 200
    assert (old.exists(), fresh.exists(), other.exists()) == (False, True, True)
