"""Write operations of the networks app."""

from .municipalities import ImportResult, MunicipalityImportError, import_municipalities

__all__ = ["ImportResult", "MunicipalityImportError", "import_municipalities"]
