"""Bulk import and export of briefings (django-import-export)."""

from import_export import resources

from .models import Briefing


class BriefingResource(resources.ModelResource):
    class Meta:
        model = Briefing
