"""SQL queries per request: each page rendered with Django's test client in a
process of its own, against the database the server under test uses.

Usage (bench/run.py calls it with the server's environment):
    python bench/queries.py /path/ /other/path/ ...
Prints one JSON object: {path: {"status": …, "queries": …, "rows": …, "bytes": …}};
rows are what the database handed back (core.rowcount).
Each page is rendered twice and the second is counted: a worker that has
served a while has loaded its per-process caches (content types, translations).
"""

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
# The pages themselves: a cache hit would count no query at all.
os.environ["PAGE_CACHE"] = "off"

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402

from core.rowcount import count_rows  # noqa: E402


def measure(paths: list[str]) -> dict[str, dict[str, int]]:
    client = Client()
    result = {}
    for path in paths:
        client.get(path)
        with count_rows() as counted:
            response = client.get(path)
        result[path] = {
            "status": response.status_code,
            "queries": counted.queries,
            "rows": counted.rows,
            "bytes": len(response.content),
        }
    return result


if __name__ == "__main__":
    print(json.dumps(measure(sys.argv[1:])))
