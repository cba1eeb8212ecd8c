"""Write operations of the networks app."""

from .municipalities import ImportResult, MunicipalityImportError, import_municipalities
from .staff import assign_staff_role

__all__ = ["ImportResult", "MunicipalityImportError", "assign_staff_role", "import_municipalities"]
