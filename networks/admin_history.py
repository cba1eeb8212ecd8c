"""The audit trail and soft deletion in the admin.

`AuditedAdmin`: the history page of every tracked model (django-simple-history).
`SoftDeleteAdmin`: deleting hides a row from the public instead of removing it;
editors see deleted rows and restore them.
"""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin


class AuditedAdmin(SimpleHistoryAdmin):
    pass


class SoftDeleteAdmin(admin.ModelAdmin):
    def get_queryset(self, request):
        queryset = self.model.all_objects.get_queryset()
        ordering = self.get_ordering(request)
        return queryset.order_by(*ordering) if ordering else queryset

    def delete_model(self, request, obj):
        obj.soft_delete()

    def delete_queryset(self, request, queryset):
        # One save per row, so the audit trail records each deletion.
        for obj in queryset:
            obj.soft_delete()
