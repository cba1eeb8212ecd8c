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
from .organizations import BureauMembership, Member, Organization, OrganizationQuerySet
from .places import BilingualName, Field, Municipality, Prefecture, RegionalBlock

__all__ = [
    "BilingualName",
    "BureauMembership",
    "Case",
    "CaseStage",
    "Dispatch",
    "DispatchStatus",
    "Field",
    "Match",
    "MatchStatus",
    "Member",
    "Municipality",
    "Need",
    "Offer",
    "OpenClosed",
    "Organization",
    "OrganizationQuerySet",
    "Prefecture",
    "Project",
    "ProjectStatus",
    "ProjectStatusChange",
    "RegionalBlock",
]
