"""Who, where and which field: the bottom layer every other app builds on.

This package imports neither `threads` nor `briefings`. One module per
concern; every model is importable from `networks.models`.
"""

from .membership import NetworkApplication, NetworkMembership, NetworkMembershipQuerySet
from .organizations import BureauMembership, Member, Organization, OrganizationQuerySet
from .places import BilingualName, Field, Municipality, Prefecture, RegionalBlock

__all__ = [
    "BilingualName",
    "BureauMembership",
    "Field",
    "Member",
    "Municipality",
    "NetworkApplication",
    "NetworkMembership",
    "NetworkMembershipQuerySet",
    "Organization",
    "OrganizationQuerySet",
    "Prefecture",
    "RegionalBlock",
]
