"""Handouts (資料) that cannot run script on the portal's domain.

Uploads go through one rule (core.uploads, on the model's FileField): the
admin inline, the held form and the lifecycle service refuse anything that is
not a handout kind, with a Japanese message, and write nothing. Every stored
handout is served as an attachment that cannot render in the portal's
origin, also one stored before the rule existed.
"""

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from briefings.models import Briefing, BriefingMaterial
from briefings.services import lifecycle
from briefings.services.lifecycle import BriefingTransitionError
from core.access.roles import BUREAU
from core.uploads import DOWNLOAD_POLICY
from tests import upload_files as files
from tests.admin_urls import row_versions
from tests.factories import BriefingFactory, prefecture, staff_user

pytestmark = pytest.mark.django_db

KINDS_IN_WORDS = (
    "PDF、Word、Excel、PowerPoint、OpenDocument（テキスト・表計算・プレゼンテーション）、"
    "テキスト、CSV、PNG・JPEG画像"
)
ALLOWED = ".pdf .doc .docx .xls .xlsx .ppt .pptx .odt .ods .odp .txt .csv .png .jpg .jpeg"


def extension_refused(name: str) -> str:
    return (
        f"「{name}」はアップロードできない種類のファイルです。"
        f"アップロードできるのは{KINDS_IN_WORDS}（{ALLOWED}）です。"
    )


def content_refused(name: str, extension: str) -> str:
    return (
        f"「{name}」の中身が拡張子（.{extension}）の形式ではありません。"
        f"{KINDS_IN_WORDS}のファイルを、元の形式のままアップロードしてください。"
    )


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def files_on_disk(media) -> list[str]:
    return sorted(str(p.relative_to(media)) for p in media.rglob("*") if p.is_file())


@pytest.fixture
def kyushu(django_user_model):
    """A bureau user: the role the issue's probe uploaded as."""
    return staff_user(BUREAU, "kyushu", username="kyushu01")


def planned() -> Briefing:
    return BriefingFactory(prefecture=prefecture("43"), status=Briefing.Status.PLANNED)


def stored(briefing: Briefing, name: str, data: bytes, order: int = 1) -> BriefingMaterial:
    """A handout written straight to storage, as before the rule: save() does not validate."""
    material = BriefingMaterial(briefing=briefing, order=order, title="資料")
    material.file.save(name, ContentFile(data), save=True)
    return material


# --- the admin inline -------------------------------------------------------------


def inline_data(client, briefing: Briefing, upload: SimpleUploadedFile) -> dict:
    """A new handout row on the change form, with the versions the page carries."""
    return {
        **row_versions(client.get(change_url(briefing))),
        "title": briefing.title,
        "status": briefing.status,
        "scope": briefing.scope,
        "kind": briefing.kind,
        "date": briefing.date.isoformat(),
        "prefecture": briefing.prefecture_id,
        "block": briefing.block_id,
        "materials-TOTAL_FORMS": "1",
        "materials-INITIAL_FORMS": "0",
        "materials-MIN_NUM_FORMS": "0",
        "materials-MAX_NUM_FORMS": "1000",
        "materials-0-briefing": briefing.pk,
        "materials-0-title": "説明資料",
        "materials-0-file": upload,
    }


def change_url(briefing: Briefing) -> str:
    return reverse("admin:briefings_briefing_change", args=[briefing.pk])


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        pytest.param("evil.html", files.html(), extension_refused("evil.html"), id="html"),
        pytest.param("evil.svg", files.svg(), extension_refused("evil.svg"), id="svg"),
        pytest.param("chizu.png", files.svg(), content_refused("chizu.png", "png"), id="svg_png"),
        pytest.param(
            "shiryo.pdf", files.html(), content_refused("shiryo.pdf", "pdf"), id="html_pdf"
        ),
    ],
)
def test_admin_inline_upload_refused_writes_nothing(client, kyushu, media, name, data, message):
    briefing = planned()
    client.force_login(kyushu)

    response = client.post(
        change_url(briefing), inline_data(client, briefing, SimpleUploadedFile(name, data))
    )

    assert response.status_code == 200
    formset = response.context["inline_admin_formsets"][0].formset
    assert formset.errors == [{"file": [message]}]
    assert message in response.content.decode()
    assert BriefingMaterial.objects.count() == 0
    assert files_on_disk(media) == []


def test_admin_inline_upload_of_a_handout_saved(client, kyushu, media):
    briefing = planned()
    workbook = files.xlsx()  # each build differs (its time stamps)
    client.force_login(kyushu)

    response = client.post(
        change_url(briefing),
        inline_data(client, briefing, SimpleUploadedFile("ichiran.xlsx", workbook)),
    )

    assert response.status_code == 302
    material = BriefingMaterial.objects.get()
    assert material.file.read() == workbook
    assert len(files_on_disk(media)) == 1


def test_admin_inline_oversize_refused_with_the_limit(client, kyushu, media, settings):
    settings.MATERIAL_MAX_UPLOAD_BYTES = 1024
    briefing = planned()
    client.force_login(kyushu)

    response = client.post(
        change_url(briefing),
        inline_data(client, briefing, SimpleUploadedFile("big.pdf", files.pdf() + bytes(4096))),
    )

    formset = response.context["inline_admin_formsets"][0].formset
    assert formset.errors == [
        {"file": ["「big.pdf」は4.1\xa0KBあり、上限の1.0\xa0KBを超えています。"]}
    ]
    assert BriefingMaterial.objects.count() == 0
    assert files_on_disk(media) == []


def test_admin_inline_row_with_a_legacy_file_still_editable(client, kyushu):
    """A stored SVG is not judged again: the session's other fields can be edited."""
    briefing = planned()
    legacy = stored(briefing, "old.svg", files.svg())
    client.force_login(kyushu)
    data = inline_data(client, briefing, SimpleUploadedFile("unused.pdf", files.pdf()))
    del data["materials-0-file"]
    data.update(
        {
            "notes": "※資料を差し替え予定",
            "materials-INITIAL_FORMS": "1",
            "materials-0-id": legacy.pk,
            "materials-0-order": "1",
            "materials-0-title": "旧資料",
        }
    )

    response = client.post(change_url(briefing), data)

    assert response.status_code == 302
    assert Briefing.objects.get(pk=briefing.pk).notes == "※資料を差し替え予定"
    assert BriefingMaterial.objects.get().title == "旧資料"


def test_admin_current_file_link_points_to_the_apps_view(client, kyushu):
    briefing = planned()
    material = stored(briefing, "setsumei.pdf", files.pdf())
    client.force_login(kyushu)

    html = client.get(change_url(briefing)).content.decode()

    view = reverse("briefings:material_file", args=[material.pk])
    assert f'現在: <a href="{view}">{material.file.name}</a>' in html
    assert "/media/" not in html


# --- the held form (開催済にする) and its service ---------------------------------


def held_data(upload: SimpleUploadedFile) -> dict:
    return {
        "step-attendees": "42",
        "materials-TOTAL_FORMS": "3",
        "materials-INITIAL_FORMS": "0",
        "materials-MIN_NUM_FORMS": "0",
        "materials-MAX_NUM_FORMS": "1000",
        "materials-0-title": "説明資料",
        "materials-0-file": upload,
    }


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        pytest.param("evil.svg", files.svg(), extension_refused("evil.svg"), id="svg"),
        pytest.param("memo.txt", files.html(), content_refused("memo.txt", "txt"), id="html_txt"),
    ],
)
def test_held_form_upload_refused_writes_nothing(client, kyushu, media, name, data, message):
    briefing = planned()
    client.force_login(kyushu)
    history = briefing.history.count()

    response = client.post(
        reverse("admin:briefings_briefing_held", args=[briefing.pk]),
        held_data(SimpleUploadedFile(name, data)),
    )

    assert response.status_code == 200
    assert response.context["form"].materials.errors[0] == {"file": [message]}
    assert message in response.content.decode()
    assert Briefing.objects.get(pk=briefing.pk).status == Briefing.Status.PLANNED
    assert briefing.history.count() == history
    assert BriefingMaterial.objects.count() == 0
    assert files_on_disk(media) == []


def test_held_form_oversize_refused_with_the_limit(client, kyushu, media, settings):
    settings.MATERIAL_MAX_UPLOAD_BYTES = 2048
    briefing = planned()
    client.force_login(kyushu)

    response = client.post(
        reverse("admin:briefings_briefing_held", args=[briefing.pk]),
        held_data(SimpleUploadedFile("big.pdf", files.pdf() + bytes(3000))),
    )

    assert response.context["form"].materials.errors[0] == {
        "file": ["「big.pdf」は3.0\xa0KBあり、上限の2.0\xa0KBを超えています。"]
    }
    assert BriefingMaterial.objects.count() == 0
    assert files_on_disk(media) == []


def test_mark_held_service_refuses_a_non_handout_and_writes_nothing(media):
    """The service applies the rule too: save() alone would not."""
    briefing = planned()
    history = briefing.history.count()

    with pytest.raises(BriefingTransitionError) as caught:
        lifecycle.mark_briefing_held(
            briefing,
            attendees=10,
            materials=[
                ("次第", SimpleUploadedFile("shidai.pdf", files.pdf())),
                ("地図", SimpleUploadedFile("chizu.svg", files.svg())),
            ],
        )

    assert str(caught.value) == "資料2：" + extension_refused("chizu.svg")
    assert Briefing.objects.get(pk=briefing.pk).status == Briefing.Status.PLANNED
    assert briefing.history.count() == history
    assert BriefingMaterial.objects.count() == 0
    assert files_on_disk(media) == []


# --- serving -------------------------------------------------------------------------


SERVED = [
    ("setsumei.pdf", files.pdf(), "application/pdf"),
    (
        "jirei.docx",
        files.docx(),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    ("bunsho.odt", files.opendocument(), "application/vnd.oasis.opendocument.text"),
    ("sanka.csv", files.csv_cp932(), "text/csv"),
    ("shashin.jpg", files.jpeg(), "image/jpeg"),
    # Stored before the rule: still served, but only as opaque downloads.
    ("evil.svg", files.svg(), "application/octet-stream"),
    ("evil.html", files.html(), "application/octet-stream"),
    ("evil.xml", b'<?xml version="1.0"?><a/>', "application/octet-stream"),
    ("shiryo.pdf", files.html(), "application/octet-stream"),
    ("chizu.png", files.svg(), "application/octet-stream"),
]


@pytest.mark.parametrize(("name", "data", "content_type"), SERVED, ids=[s[0] for s in SERVED])
def test_material_file_served_as_an_attachment_of_its_kind(
    client, django_assert_num_queries, name, data, content_type
):
    material = stored(planned(), name, data)

    with django_assert_num_queries(1):
        response = client.get(material.href)

    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="{name}"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == DOWNLOAD_POLICY
    assert b"".join(response.streaming_content) == data


def test_material_file_japanese_name_in_the_disposition(client):
    material = stored(planned(), "説明資料.pdf", files.pdf())

    response = client.get(material.href)

    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''%E8%AA%AC%E6%98%8E%E8%B3%87%E6%96%99.pdf"
    )


def test_material_file_missing_on_disk_is_404(client):
    material = stored(planned(), "setsumei.pdf", files.pdf())
    material.file.storage.delete(material.file.name)

    assert client.get(material.href).status_code == 404


def test_admin_inline_upload_refused_is_logged_with_path_and_user(client, kyushu, media, capsys):
    briefing = planned()
    client.force_login(kyushu)
    capsys.readouterr()

    client.post(
        change_url(briefing),
        inline_data(client, briefing, SimpleUploadedFile("evil.svg", files.svg())),
    )

    lines = [line for line in capsys.readouterr().err.splitlines() if "refused upload" in line]
    assert [line.split(" ", 1)[1] for line in lines] == [
        f"WARNING security path={change_url(briefing)} user={kyushu.pk} "
        "refused upload: extension (file name 'evil.svg')"
    ]
