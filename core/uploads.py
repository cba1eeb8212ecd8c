"""The kinds of file staff may upload, and the one rule that tells them apart.

A handout is published on the portal's own domain, so a file that a browser
would render (HTML, SVG, XML …) could run script there with a logged-in
editor's rights. Two rules close that, both here:

- Upload: a file is accepted only if it is one of `KINDS`, judged by its
  name's extension AND its first bytes (the extension alone is what the
  uploader chose), and is not larger than the limit in a setting.
  `UploadValidator` is set on the model's FileField, so the admin, the
  lifecycle forms and any later form go through it.
- Download: `attachment_response` serves every stored upload as an
  attachment, with the content type of its kind decided the same way (never
  guessed from the stored name), `nosniff` and a `sandbox` policy. A stored
  file that fails the rule (one uploaded before it existed) is still served,
  as `application/octet-stream`.

Only the standard library reads the files (zipfile for the Office Open XML
and OpenDocument containers): no libmagic.
"""

from __future__ import annotations

import codecs
import posixpath
import re
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from core.security_log import log_refused_upload

# Every signature below lies in this many first bytes; text is judged on them too.
HEAD_BYTES = 8192

OCTET_STREAM = "application/octet-stream"

_PDF = b"%PDF-"
_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8\xff"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc / .xls / .ppt
_ZIP = b"PK\x03\x04"

# What a malformed container can raise from zipfile while it is being read:
# such a file is simply not of the kind (and the upload is refused), never a 500.
_UNREADABLE = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    OSError,
    EOFError,
    KeyError,
    ValueError,
    RuntimeError,  # an encrypted entry
    NotImplementedError,  # an unknown compression method
    zlib.error,
)

Matcher = Callable[[bytes, IO[bytes]], bool]


@dataclass(frozen=True)
class UploadKind:
    """One kind of file: the extensions it is saved under, the content type
    it is served with, and the check its bytes must pass."""

    extensions: tuple[str, ...]  # lower case, without the dot
    content_type: str
    matches: Matcher  # (first bytes, the whole file at position 0) → is it this kind?


def _starts_with(signature: bytes) -> Matcher:
    return lambda head, file: head.startswith(signature)


def _ooxml(part_folder: str) -> Matcher:
    """Office Open XML (.docx, .xlsx, .pptx): a ZIP holding [Content_Types].xml
    and the document's own part folder (word/, xl/, ppt/)."""

    def matches(head: bytes, file: IO[bytes]) -> bool:
        # zipfile finds an archive appended to anything (an HTML page
        # followed by a ZIP too): the file itself must start as one.
        if not head.startswith(_ZIP):
            return False
        with zipfile.ZipFile(file) as archive:
            names = archive.namelist()
        return "[Content_Types].xml" in names and any(n.startswith(part_folder) for n in names)

    return matches


def _opendocument(mimetype: str) -> Matcher:
    """OpenDocument (.odt, .ods, .odp): a ZIP whose first entry, `mimetype`,
    is stored uncompressed and names the document's type."""
    expected = mimetype.encode("ascii")

    def matches(head: bytes, file: IO[bytes]) -> bool:
        if not head.startswith(_ZIP):
            return False
        with zipfile.ZipFile(file) as archive:
            entries = archive.infolist()
            if not entries or entries[0].filename != "mimetype":
                return False
            first = entries[0]
            if first.compress_type != zipfile.ZIP_STORED or first.file_size != len(expected):
                return False
            return archive.read(first) == expected

    return matches


# Markup a browser could render: a tag, a comment, a doctype or an XML
# declaration at the start, or one of the elements that run script near the
# start (where content sniffers look). "<参考>" is ordinary Japanese text.
_MARKUP_START = re.compile(r"\s*<[A-Za-z!?/]")
_MARKUP_NEAR_START = re.compile(
    r"<(?:script|html|svg|body|iframe|object|embed|\?xml|!doctype)\b", re.I
)
_TEXT_ENCODINGS = ("utf-8", "cp932")


def _plain_text(head: bytes, file: IO[bytes]) -> bool:
    """Text or CSV as Excel in Japan saves it: UTF-8 (with or without BOM) or
    CP932, no NUL bytes (binary), and not markup."""
    if not head or b"\x00" in head:
        return False
    complete = len(head) < HEAD_BYTES  # else the head may end inside a character
    body = head.removeprefix(codecs.BOM_UTF8)
    for encoding in _TEXT_ENCODINGS:
        try:
            text = codecs.getincrementaldecoder(encoding)().decode(body, final=complete)
        except UnicodeDecodeError:
            continue
        return not (_MARKUP_START.match(text) or _MARKUP_NEAR_START.search(text[:1024]))
    return False


KINDS: tuple[UploadKind, ...] = (
    UploadKind(("pdf",), "application/pdf", _starts_with(_PDF)),
    UploadKind(("doc",), "application/msword", _starts_with(_OLE2)),
    UploadKind(
        ("docx",),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ooxml("word/"),
    ),
    UploadKind(("xls",), "application/vnd.ms-excel", _starts_with(_OLE2)),
    UploadKind(
        ("xlsx",),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ooxml("xl/"),
    ),
    UploadKind(("ppt",), "application/vnd.ms-powerpoint", _starts_with(_OLE2)),
    UploadKind(
        ("pptx",),
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        _ooxml("ppt/"),
    ),
    UploadKind(
        ("odt",),
        "application/vnd.oasis.opendocument.text",
        _opendocument("application/vnd.oasis.opendocument.text"),
    ),
    UploadKind(
        ("ods",),
        "application/vnd.oasis.opendocument.spreadsheet",
        _opendocument("application/vnd.oasis.opendocument.spreadsheet"),
    ),
    UploadKind(
        ("odp",),
        "application/vnd.oasis.opendocument.presentation",
        _opendocument("application/vnd.oasis.opendocument.presentation"),
    ),
    UploadKind(("txt",), "text/plain", _plain_text),
    UploadKind(("csv",), "text/csv", _plain_text),
    UploadKind(("png",), "image/png", _starts_with(_PNG)),
    UploadKind(("jpg", "jpeg"), "image/jpeg", _starts_with(_JPEG)),
)

_BY_EXTENSION = {extension: kind for kind in KINDS for extension in kind.extensions}

ALLOWED_EXTENSIONS = tuple(_BY_EXTENSION)

# What staff read in a refusal: the kinds in words, then every extension.
ALLOWED_DESCRIPTION: Promise = _(
    "PDF、Word、Excel、PowerPoint、OpenDocument（テキスト・表計算・プレゼンテーション）、"
    "テキスト、CSV、PNG・JPEG画像"
)


def extension_of(name: str) -> str:
    """The extension of a file name, lower case, without the dot ("" if none)."""
    return posixpath.splitext(posixpath.basename(name or ""))[1].lstrip(".").lower()


def kind_by_extension(name: str) -> UploadKind | None:
    return _BY_EXTENSION.get(extension_of(name))


def kind_of(name: str, file: IO[bytes]) -> UploadKind | None:
    """The kind of this file if its extension and its bytes agree, else None.

    Reads the first bytes (and, for a ZIP container, its directory); leaves
    `file` at its start.
    """
    kind = kind_by_extension(name)
    if kind is None:
        return None
    file.seek(0)
    try:
        head = file.read(HEAD_BYTES)
        file.seek(0)
        return kind if kind.matches(head, file) else None
    except _UNREADABLE:
        return None
    finally:
        file.seek(0)


def _allowed_list() -> str:
    return " ".join(f".{extension}" for extension in ALLOWED_EXTENSIONS)


@deconstructible
class UploadValidator:
    """Refuse a newly uploaded file that is not one of `KINDS` or is larger
    than the number of bytes in the setting named `max_bytes_setting`.

    A file already stored (a model row read back) is left alone: it was
    judged when it was uploaded, or predates this rule, and
    `attachment_response` serves it harmlessly either way; refusing it here
    would stop staff from editing the row it belongs to.
    """

    def __init__(self, *, max_bytes_setting: str):
        self.max_bytes_setting = max_bytes_setting

    @property
    def max_bytes(self) -> int:
        return getattr(settings, self.max_bytes_setting)

    def __call__(self, file) -> None:
        # A stored file: a FieldFile read back, or its name (the history
        # model keeps the name in a text field that carries this validator).
        if isinstance(file, str) or getattr(file, "_committed", False):
            return
        try:
            self.check(file)
        except ValidationError as error:
            # The request being served gives the line its path and user.
            log_refused_upload(None, reason=error.code, filename=file.name or "")
            raise

    def check(self, file) -> None:
        name = posixpath.basename(file.name or "")
        kind = kind_by_extension(name)
        if kind is None:
            raise ValidationError(
                _(
                    "「%(name)s」はアップロードできない種類のファイルです。"
                    "アップロードできるのは%(allowed)s（%(extensions)s）です。"
                ),
                code="extension",
                params={
                    "name": name,
                    "allowed": ALLOWED_DESCRIPTION,
                    "extensions": _allowed_list(),
                },
            )
        if file.size > self.max_bytes:
            raise ValidationError(
                _("「%(name)s」は%(size)sあり、上限の%(limit)sを超えています。"),
                code="size",
                params={
                    "name": name,
                    "size": filesizeformat(file.size),
                    "limit": filesizeformat(self.max_bytes),
                },
            )
        if kind_of(name, file) is None:
            raise ValidationError(
                _(
                    "「%(name)s」の中身が拡張子（.%(extension)s）の形式ではありません。"
                    "%(allowed)sのファイルを、元の形式のままアップロードしてください。"
                ),
                code="content",
                params={
                    "name": name,
                    "extension": extension_of(name),
                    "allowed": ALLOWED_DESCRIPTION,
                },
            )

    def __eq__(self, other) -> bool:
        return (
            isinstance(other, UploadValidator) and self.max_bytes_setting == other.max_bytes_setting
        )

    def __hash__(self) -> int:
        return hash(self.max_bytes_setting)


DOWNLOAD_POLICY = (
    "sandbox; default-src 'none'; object-src 'none'; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'"
)


def attachment_response(stored) -> FileResponse:
    """A stored upload (a FieldFile) as a download that cannot run in the portal's origin.

    - `Content-Disposition: attachment`: the browser saves it, never renders it here;
    - the content type of its kind, re-judged from its extension and bytes,
      or `application/octet-stream` if it fails the rule;
    - `X-Content-Type-Options: nosniff`: the browser keeps that type;
    - `Content-Security-Policy` with `sandbox`: should it be rendered after
      all (a browser or a plug-in ignoring the rest), it runs in a unique
      opaque origin, without the portal's cookies or storage; and, stricter
      than the pages' policy (which the CSP middleware leaves alone when a
      response has its own), it may load nothing, be framed by no one and
      submit nowhere.
    """
    handle = stored.open("rb")
    name = posixpath.basename(stored.name)
    kind = kind_of(name, handle)
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=name,
        content_type=kind.content_type if kind else OCTET_STREAM,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = DOWNLOAD_POLICY
    return response
