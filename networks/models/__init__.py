"""Who, where and which field: the bottom layer every other app builds on.

This package imports neither `threads` nor `briefings`. One module per
concern; every model is importable from `networks.models`.
"""

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
    "Field",
    "ImplementationReport",
    "ImplementationReportQuerySet",
    "LocalGovernmentMembership",
    "Member",
    "Municipality",
    "MunicipalityQuerySet",
    "NationalTarget",
    "NetworkApplication",
    "NetworkMembership",
    "NetworkMembershipQuerySet",
    "Organization",
    "OrganizationQuerySet",
    "Prefecture",
    "RegionalBlock",
    "RoadmapModel",
]
