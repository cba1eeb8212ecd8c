"""core.uploads: which files are handouts (by extension AND first bytes), the
upload validator's messages, and the download rule's headers."""

import io
import os
import subprocess
import sys

import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.db.models.fields.files import FieldFile

from core.uploads import DOWNLOAD_POLICY, KINDS, UploadValidator, attachment_response, kind_of
from tests import upload_files as files

ALLOWED = ".pdf .doc .docx .xls .xlsx .ppt .pptx .odt .ods .odp .txt .csv .png .jpg .jpeg"
KINDS_IN_WORDS = (
    "PDF、Word、Excel、PowerPoint、OpenDocument（テキスト・表計算・プレゼンテーション）、"
    "テキスト、CSV、PNG・JPEG画像"
)

GOOD = [
    ("setsumei.pdf", files.pdf(), "application/pdf"),
    (
        "jirei.docx",
        files.docx(),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    (
        "ichiran.xlsx",
        files.xlsx(),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    (
        "gaiyo.pptx",
        files.pptx(),
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
    ("kyu.doc", files.ole2(), "application/msword"),
    ("kyu.xls", files.ole2(), "application/vnd.ms-excel"),
    ("kyu.ppt", files.ole2(), "application/vnd.ms-powerpoint"),
    ("bunsho.odt", files.opendocument(), "application/vnd.oasis.opendocument.text"),
    (
        "hyo.ods",
        files.opendocument("application/vnd.oasis.opendocument.spreadsheet"),
        "application/vnd.oasis.opendocument.spreadsheet",
    ),
    (
        "happyo.odp",
        files.opendocument("application/vnd.oasis.opendocument.presentation"),
        "application/vnd.oasis.opendocument.presentation",
    ),
    ("sanka.csv", files.csv_cp932(), "text/csv"),
    ("sanka-utf8.csv", "団体名,参加者数\n熊本市,30\n".encode("utf-8-sig"), "text/csv"),
    ("memo.txt", files.text_utf8(), "text/plain"),
    ("chizu.png", files.png(), "image/png"),
    ("shashin.jpg", files.jpeg(), "image/jpeg"),
    ("SHASHIN.JPEG", files.jpeg(), "image/jpeg"),
]


def validate(name: str, data: bytes, max_bytes_setting: str = "MATERIAL_MAX_UPLOAD_BYTES"):
    UploadValidator(max_bytes_setting=max_bytes_setting)(SimpleUploadedFile(name, data))


def refusal(name: str, data: bytes) -> tuple[str, str]:
    with pytest.raises(ValidationError) as caught:
        validate(name, data)
    return caught.value.code, caught.value.messages[0]


@pytest.mark.parametrize(("name", "data", "content_type"), GOOD, ids=[g[0] for g in GOOD])
def test_kind_of_every_allowed_kind_is_recognised(name, data, content_type):
    assert kind_of(name, io.BytesIO(data)).content_type == content_type


@pytest.mark.parametrize(("name", "data", "content_type"), GOOD, ids=[g[0] for g in GOOD])
def test_upload_validator_every_allowed_kind_accepted(name, data, content_type):
    upload = SimpleUploadedFile(name, data)

    UploadValidator(max_bytes_setting="MATERIAL_MAX_UPLOAD_BYTES")(upload)

    assert upload.tell() == 0  # left at its start, for the storage to copy whole


def test_kinds_cover_exactly_the_handout_extensions():
    assert " ".join(f".{e}" for kind in KINDS for e in kind.extensions) == ALLOWED


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("evil.html", files.html()),
        ("evil.htm", files.html()),
        ("evil.svg", files.svg()),
        ("evil.xml", b'<?xml version="1.0"?><a/>'),
        ("evil.js", b"alert(1)"),
        ("setup.exe", b"MZ\x90\x00"),
        ("noextension", files.pdf()),
        ("archive.zip", files.docx()),
    ],
)
def test_upload_validator_other_extensions_refused(name, data):
    assert refusal(name, data) == (
        "extension",
        f"「{name}」はアップロードできない種類のファイルです。"
        f"アップロードできるのは{KINDS_IN_WORDS}（{ALLOWED}）です。",
    )


@pytest.mark.parametrize(
    ("name", "data"),
    [
        pytest.param("shiryo.pdf", files.html(), id="html_named_pdf"),
        pytest.param("chizu.png", files.svg(), id="svg_named_png"),
        pytest.param("shashin.jpg", files.png(), id="png_named_jpg"),
        pytest.param("jirei.docx", files.xlsx(), id="xlsx_named_docx"),
        pytest.param("jirei.docx", files.html() + files.docx(), id="html_then_zip"),
        pytest.param("jirei.docx", b"PK\x03\x04 not a zip", id="broken_zip"),
        pytest.param("bunsho.odt", files.docx(), id="docx_named_odt"),
        pytest.param(
            "bunsho.odt",
            files.opendocument("application/vnd.oasis.opendocument.spreadsheet"),
            id="ods_named_odt",
        ),
        pytest.param("kyu.doc", files.pdf(), id="pdf_named_doc"),
        pytest.param("memo.txt", files.html(), id="html_named_txt"),
        pytest.param("memo.txt", b"  \n<svg onload=alert(1)>", id="tag_after_whitespace"),
        pytest.param("memo.txt", b"\xef\xbb\xbf<?xml version='1.0'?>", id="xml_after_bom"),
        pytest.param("sanka.csv", b"a,b\n1,<script>alert(1)</script>\n", id="script_in_csv"),
        pytest.param("memo.txt", b"abc\x00def", id="binary_nul"),
        pytest.param("memo.txt", b"\xff\xfe\xfa", id="neither_utf8_nor_cp932"),
    ],
)
def test_upload_validator_content_not_matching_the_extension_refused(name, data):
    extension = name.rsplit(".", 1)[1]

    assert refusal(name, data) == (
        "content",
        f"「{name}」の中身が拡張子（.{extension}）の形式ではありません。"
        f"{KINDS_IN_WORDS}のファイルを、元の形式のままアップロードしてください。",
    )


def test_upload_validator_oversize_refused_with_the_limit(settings):
    settings.MATERIAL_MAX_UPLOAD_BYTES = 1024

    code, message = refusal("big.pdf", files.pdf() + bytes(2048 - len(files.pdf())))

    assert (code, message) == (
        "size",
        "「big.pdf」は2.0\xa0KBあり、上限の1.0\xa0KBを超えています。",
    )


def test_upload_validator_at_the_limit_accepted(settings):
    settings.MATERIAL_MAX_UPLOAD_BYTES = 1024

    validate("limit.pdf", files.pdf() + bytes(1024 - len(files.pdf())))


def test_upload_validator_text_split_inside_a_character_accepted():
    """Text is judged on its first bytes, which may end inside a character."""
    data = ("あ" * 3000).encode()  # 9,000 bytes: the 8,192nd falls inside a character

    validate("nagai.txt", data)


def test_upload_validator_leaves_stored_files_alone(tmp_path):
    """A stored handout predating the rule must not stop its row being edited."""
    storage = FileSystemStorage(location=tmp_path)
    storage.save("old.svg", ContentFile(files.svg()))
    stored = FieldFile(None, models.FileField(storage=storage), "old.svg")
    validator = UploadValidator(max_bytes_setting="MATERIAL_MAX_UPLOAD_BYTES")

    validator(stored)
    validator("old.svg")  # the history model's copy of the name


def test_upload_validator_english_message():
    from django.utils import translation

    with translation.override("en"):
        with pytest.raises(ValidationError) as caught:
            validate("evil.svg", files.svg())
        message = caught.value.messages[0]

    assert message == (
        "“evil.svg” cannot be uploaded: files of this kind are not accepted. You can upload "
        "PDF, Word, Excel, PowerPoint, OpenDocument (text, spreadsheet, presentation), text, "
        f"CSV, PNG and JPEG images ({ALLOWED})."
    )


# --- the download rule ----------------------------------------------------------


def stored(tmp_path, name: str, data: bytes):
    storage = FileSystemStorage(location=tmp_path)
    storage.save(name, ContentFile(data))
    return storage.open(name, "rb")


@pytest.mark.parametrize(
    ("name", "data", "content_type"),
    [
        ("setsumei.pdf", files.pdf(), "application/pdf"),
        ("sanka.csv", files.csv_cp932(), "text/csv"),
        ("chizu.png", files.png(), "image/png"),
        ("evil.svg", files.svg(), "application/octet-stream"),
        ("evil.html", files.html(), "application/octet-stream"),
        ("shiryo.pdf", files.html(), "application/octet-stream"),
    ],
)
def test_attachment_response_headers(tmp_path, name, data, content_type):
    response = attachment_response(stored(tmp_path, name, data))

    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="{name}"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == DOWNLOAD_POLICY
    assert b"".join(response.streaming_content) == data


# --- the size limit setting ---------------------------------------------------------


def load_limit(value: str | None) -> subprocess.CompletedProcess:
    """portal/settings.py loaded afresh with MATERIAL_MAX_UPLOAD_BYTES set to `value`."""
    env = {k: v for k, v in os.environ.items() if k != "MATERIAL_MAX_UPLOAD_BYTES"}
    env.update(DEBUG="off", SECRET_KEY="x", DJANGO_SETTINGS_MODULE="portal.settings")
    if value is not None:
        env["MATERIAL_MAX_UPLOAD_BYTES"] = value
    script = "from django.conf import settings as s; print(s.MATERIAL_MAX_UPLOAD_BYTES)"
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=django_settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )


@pytest.mark.parametrize(("value", "limit"), [(None, "20971520"), ("1048576", "1048576")])
def test_size_limit_setting_from_the_environment(value, limit):
    result = load_limit(value)

    assert (result.returncode, result.stdout.strip()) == (0, limit)


def test_size_limit_setting_of_zero_refused_at_start():
    result = load_limit("0")

    assert result.returncode == 1
    assert "MATERIAL_MAX_UPLOAD_BYTES must be a positive number of bytes." in result.stderr
