"""Bulk import and export of organizations, and the cells and rows of places.

The rules every staff import obeys (Japanese headers, the block rule, one
save per row, row-numbered errors) are core.spreadsheets.StaffResource's;
this package adds what belongs to the domain: rows placed by municipality,
prefecture and block (`PlacedResource`), cells naming blocks, prefectures,
municipalities and organizations, and the organizations' own resource.
"""

from .cells import (
    BlockWidget,
    LocalGovernmentWidget,
    MunicipalityWidget,
    OrganizationWidget,
    PrefectureWidget,
    RoadmapModelWidget,
)
from .organizations import OrganizationResource
from .places import PlacedResource
from .roadmap import ImplementationReportResource

__all__ = [
    "BlockWidget",
    "ImplementationReportResource",
    "LocalGovernmentWidget",
    "MunicipalityWidget",
    "OrganizationResource",
    "OrganizationWidget",
    "PlacedResource",
    "PrefectureWidget",
    "RoadmapModelWidget",
]
