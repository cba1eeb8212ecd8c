"""Render public pages for the backup tests (test_backup_restore.py).

In-process: `render(paths)`. As a script, against the database DATABASE_URL
names (a restored copy): `python tests/portal/render_pages.py /path/ …`
prints {path: [status, html]} as JSON. The per-request CSRF token is blanked,
so two renderings of the same data compare equal.
"""

import json
import os
import re
import sys
from pathlib import Path

CSRF = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*"')


def render(paths: list[str]) -> dict[str, list]:
    from django.test import Client

    client = Client()
    pages = {}
    for path in paths:
        response = client.get(path)
        pages[path] = [response.status_code, CSRF.sub(r'\1"', response.content.decode())]
    return pages


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    import django

    django.setup()
    print(json.dumps(render(sys.argv[1:])))
