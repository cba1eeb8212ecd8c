"""National-scale demo data: `manage.py generate_demo_data --scale N`.

Scale 1 is what the portal is measured with (issue 10): the municipality
code list, 3,900 organizations (every local government, about 2,000
companies), 20,000 briefings over ten years in every block with members,
attending organizations and handouts, 30,000 activities and 20,000 status
updates, on top of the 2017 seed. The same seed and day give the same data.

Modules: `volumes` (how much), `words` (the vocabulary), `context` (the
random source and the reference rows), `organizations`, `briefings`,
`threads` (the parts), `bulk` (inserts that keep the audit trail), `places`
(the municipality import), `generate` (the whole run).
"""

from .generate import DemoDataRefused, content_beyond_seed, generate_demo_data, reset_database
from .volumes import Volumes

__all__ = [
    "DemoDataRefused",
    "Volumes",
    "content_beyond_seed",
    "generate_demo_data",
    "reset_database",
]
