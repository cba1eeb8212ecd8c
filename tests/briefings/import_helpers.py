"""Briefing spreadsheets for the import and export tests: the headers, a
CSV or XLSX file of rows, and the admin's two steps (upload, confirm) with
what they answer."""

import io

import openpyxl
import tablib
from django.contrib.messages import get_messages
from django.urls import reverse

HEADERS = [
    "ID",
    "開催日",
    "状況",
    "対象",
    "種別",
    "開催概要",
    "都道府県",
    "地域ブロック",
    "中止の理由",
]
CSV, XLSX = "0", "1"  # the admin's format choices


def csv_file(rows, *, headers=HEADERS, encoding="utf-8-sig") -> bytes:
    dataset = tablib.Dataset(*rows, headers=headers)
    return dataset.export("csv").encode(encoding)


def xlsx_file(rows, *, headers=HEADERS) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def import_url(action: str = "import") -> str:
    return reverse(f"admin:briefings_briefing_{action}")


def upload(client, content: bytes, *, name="schedule.csv", format_=CSV):
    """The first step: the file is read and every row tried in a rolled-back transaction."""
    file = io.BytesIO(content)
    file.name = name
    return client.post(import_url(), {"import_file": file, "format": format_, "resource": "0"})


def confirm(client, preview):
    """The second step: the confirm form of the preview, posted back."""
    return client.post(import_url("process_import"), preview.context["confirm_form"].initial)


def messages(response) -> list[str]:
    """The messages a response queued for the next page."""
    return [str(m) for m in get_messages(response.wsgi_request)]


def outcomes(response) -> list[tuple[int, str, list[str]]]:
    """(spreadsheet row, outcome, messages) of every row the preview lists."""
    return [(r.sheet_row, r.outcome, r.messages) for r in response.context["result"].sheet_rows]


PLANNED_KUMAMOTO = [
    "",
    "2017/3/6",
    "予定",
    "都道府県",
    "地方自治体向け説明会",
    "熊本県内説明会",
    "43",
    "",
    "",
]
