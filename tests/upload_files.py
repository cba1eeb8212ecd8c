"""Tiny real files of every handout kind, and the files a handout must never be.

Built here byte by byte (zipfile, zlib, struct, openpyxl), so the tests need
no sample files and no imaging library.
"""

import io
import struct
import zipfile
import zlib

import openpyxl


def pdf() -> bytes:
    return b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def png() -> bytes:
    """A 1×1 grey pixel."""
    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)  # 8-bit greyscale
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", zlib.compress(b"\x00\x80"))
        + _png_chunk(b"IEND", b"")
    )


def _segment(marker: int, payload: bytes) -> bytes:
    return struct.pack(">HH", marker, len(payload) + 2) + payload


def jpeg() -> bytes:
    """A 1×1 baseline greyscale JPEG: one Huffman code per table, so the scan
    is a DC difference of 0 and an end-of-block, two bits padded with ones."""
    one_code = bytes([1] + [0] * 15) + b"\x00"  # one symbol (0x00) of length 1
    return (
        b"\xff\xd8"
        + _segment(0xFFE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
        + _segment(0xFFDB, b"\x00" + bytes([1] * 64))
        + _segment(0xFFC0, b"\x08\x00\x01\x00\x01\x01\x01\x11\x00")
        + _segment(0xFFC4, b"\x00" + one_code)
        + _segment(0xFFC4, b"\x10" + one_code)
        + _segment(0xFFDA, b"\x01\x01\x00\x00\x3f\x00")
        + b"\x3f"
        + b"\xff\xd9"
    )


def _zip(entries: dict[str, bytes], *, stored_first: bool = False) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for number, (name, data) in enumerate(entries.items()):
            compress = zipfile.ZIP_STORED if stored_first and number == 0 else zipfile.ZIP_DEFLATED
            archive.writestr(name, data, compress_type=compress)
    return buffer.getvalue()


_CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="xml" ContentType="application/xml"/></Types>'
)
_RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>'
)


def docx() -> bytes:
    return _zip(
        {
            "[Content_Types].xml": _CONTENT_TYPES,
            "_rels/.rels": _RELS,
            "word/document.xml": b'<?xml version="1.0"?><w:document/>',
        }
    )


def pptx() -> bytes:
    return _zip(
        {
            "[Content_Types].xml": _CONTENT_TYPES,
            "_rels/.rels": _RELS,
            "ppt/presentation.xml": b'<?xml version="1.0"?><p:presentation/>',
        }
    )


def xlsx() -> bytes:
    """What Excel's own writer (openpyxl) saves."""
    workbook = openpyxl.Workbook()
    workbook.active.append(["団体名", "参加者数"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def opendocument(mimetype: str = "application/vnd.oasis.opendocument.text") -> bytes:
    return _zip(
        {
            "mimetype": mimetype.encode("ascii"),
            "content.xml": b'<?xml version="1.0"?><office:document-content/>',
            "META-INF/manifest.xml": b'<?xml version="1.0"?><manifest:manifest/>',
        },
        stored_first=True,
    )


def ole2() -> bytes:
    """The 512-byte header of a legacy Office file (.doc, .xls, .ppt)."""
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)


def csv_cp932() -> bytes:
    """A CSV as Excel in Japan saves it."""
    return "団体名,参加者数\r\n熊本市,30\r\n".encode("cp932")


def text_utf8() -> bytes:
    return "\ufeff<参考>地域IoT実装推進ロードマップの概要\n".encode()


SCRIPT = "localStorage.setItem('handout-ran', document.domain); document.title = 'handout-ran';"


def svg() -> bytes:
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        f"<script>{SCRIPT}</script></svg>"
    ).encode()


def html() -> bytes:
    return f"<!DOCTYPE html><html><body><script>{SCRIPT}</script></body></html>".encode()
