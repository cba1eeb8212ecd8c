"""Uploaded files waiting between an import's preview and its confirmation.

django-import-export keeps the uploaded file between the two steps in its
`TMP_STORAGE_CLASS`; its default writes `tmpXXXXXXXX` files to the system's
temporary folder and deletes one only when that import is confirmed, so
every preview never confirmed, and every file that failed, stayed there for
good. Here the file goes to a folder of its own (`IMPORT_PREVIEW_DIR`) under
a name no other file has (32 hex digits + `.import`), and it is deleted
when the import is confirmed, cancelled, refused or fails
(core.admin.imports). What a closed browser tab leaves behind is removed
after a day by `remove_stale_preview_files`: `manage.py clean_import_files`,
also run at the start of each import.

Only files named as this module names them are ever read or deleted, so a
confirmation form naming another file (`../db.sqlite3`) touches nothing.
"""

from __future__ import annotations

import contextlib
import datetime
import os
import re
import time
import uuid
from pathlib import Path

from django.conf import settings
from import_export.tmp_storages import BaseStorage

SUFFIX = ".import"
NAME = re.compile(r"[0-9a-f]{32}" + re.escape(SUFFIX))
MAX_AGE = datetime.timedelta(days=1)


def preview_dir() -> Path:
    return Path(settings.IMPORT_PREVIEW_DIR)


class PreviewFileStorage(BaseStorage):
    """import-export's temporary storage, in IMPORT_PREVIEW_DIR (see the module docstring)."""

    def save(self, data: bytes) -> None:
        if not self.name:
            self.name = uuid.uuid4().hex + SUFFIX
        folder = preview_dir()
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        # Staff uploads, readable by this process only.
        descriptor = os.open(self.path(), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)

    def read(self) -> bytes:
        with open(self.path(), "rb") as file:
            return file.read()

    def remove(self) -> None:
        """Delete the file; one already gone (confirmed twice, cleaned) is no error."""
        with contextlib.suppress(FileNotFoundError):
            self.path().unlink()

    def exists(self) -> bool:
        try:
            return self.path().is_file()
        except FileNotFoundError:
            return False

    def path(self) -> Path:
        name = os.path.basename(self.name or "")
        if not NAME.fullmatch(name):
            # Not one of ours: a path nothing can be at.
            raise FileNotFoundError(name)
        return preview_dir() / name


def discard_preview_file(name: str | None) -> None:
    """Delete the waiting file `name` if it is one of ours and still there."""
    if name and NAME.fullmatch(os.path.basename(name)):
        PreviewFileStorage(name=name).remove()


def remove_stale_preview_files(*, max_age: datetime.timedelta = MAX_AGE) -> int:
    """Delete waiting files last written more than `max_age` ago.

    Side effects: unlinks files in IMPORT_PREVIEW_DIR named as this module
    names them (nothing else there is touched). Returns how many went.
    """
    folder = preview_dir()
    cutoff = time.time() - max_age.total_seconds()
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return 0
    for entry in entries:
        if not (NAME.fullmatch(entry.name) and entry.is_file(follow_symlinks=False)):
            continue
        try:
            if entry.stat(follow_symlinks=False).st_mtime < cutoff:
                os.unlink(entry.path)
                removed += 1
        except FileNotFoundError:
            # Confirmed or cleaned by another process meanwhile.
            continue
    return removed
