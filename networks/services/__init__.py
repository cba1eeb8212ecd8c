"""Write operations of the networks app."""

from .membership import (
    NetworkMembershipError,
    approve_application,
    leave_network,
    reject_application,
    submit_application,
)
from .municipalities import ImportResult, MunicipalityImportError, import_municipalities
from .staff import assign_staff_role

__all__ = [
    "ImportResult",
    "MunicipalityImportError",
    "NetworkMembershipError",
    "approve_application",
    "assign_staff_role",
    "import_municipalities",
    "leave_network",
    "reject_application",
    "submit_application",
]
