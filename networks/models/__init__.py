"""Who, where and which field: the bottom layer every other app builds on.

This package imports neither `threads` nor `briefings`. One module per
concern; every model is importable from `networks.models`.
"""

from .cooperation import (
    Case,
    CaseStage,
    Dispatch,
    DispatchStatus,
    Match,
    MatchStatus,
    Need,
    Offer,
    OpenClosed,
    Project,
    ProjectStatus,
    ProjectStatusChange,
)
from .local_staff import LocalGovernmentMembership
from .membership import NetworkApplication, NetworkMembership, NetworkMembershipQuerySet
from .organizations import BureauMembership, Member, Organization, OrganizationQuerySet
from .places import (
    BilingualName,
    Field,
    Municipality,
    MunicipalityQuerySet,
    Prefecture,
    RegionalBlock,
)
from .roadmap import (
    ImplementationReport,
    ImplementationReportQuerySet,
    NationalTarget,
    RoadmapModel,
)

__all__ = [
    "BilingualName",
    "BureauMembership",
    "Case",
    "CaseStage",
    "Dispatch",
    "DispatchStatus",
    "Field",
    "ImplementationReport",
    "ImplementationReportQuerySet",
    "LocalGovernmentMembership",
    "Match",
    "MatchStatus",
    "Member",
    "Municipality",
    "MunicipalityQuerySet",
    "NationalTarget",
    "Need",
    "NetworkApplication",
    "NetworkMembership",
    "NetworkMembershipQuerySet",
    "Offer",
    "OpenClosed",
    "Organization",
    "OrganizationQuerySet",
    "Prefecture",
    "Project",
    "ProjectStatus",
    "ProjectStatusChange",
    "RegionalBlock",
    "RoadmapModel",
]
