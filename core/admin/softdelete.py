"""Soft deletion in the admin: `SoftDeleteAdmin` and `SoftDeleteInlineMixin`.

Deleting (the delete page and the "delete selected" action) sets
`deleted_at` through `save()`, so the audit trail records who deleted what,
and nothing related is touched. Deleted rows:

- leave the public pages (the models' default manager hides them);
- are hidden from the changelist by default; editors and viewers (監査) get
  the filter 削除済みを表示 and may open a deleted row (read its history);
  editors restore rows with the action 復元する;
- are invisible to bureau staff (総合通信局): the list, the change page and
  the history answer 404 for a deleted row, even of their own block, since
  only an editor can act on it and a bureau should not work on a row the
  public no longer sees.

`SoftDeleteInlineMixin` does the same for an inline's "delete" checkbox
(status updates on a thread's page). The writes themselves are
core.softdelete's `soft_delete_record` and `restore_record`.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.admin.options import IS_POPUP_VAR
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.access import is_editor, is_viewer
from core.softdelete import restore_record, soft_delete_record


def can_see_deleted(user) -> bool:
    """Editors (to restore) and viewers (to audit) see deleted rows in the admin."""
    return is_editor(user) or is_viewer(user)


class DeletedFilter(admin.SimpleListFilter):
    """Deleted rows stay out of the list unless asked for (editors and viewers)."""

    title = _("削除済みを表示")
    parameter_name = "deleted"
    INCLUDE = "include"
    ONLY = "only"

    def lookups(self, request, model_admin):
        return ((self.INCLUDE, _("削除済みも含める")), (self.ONLY, _("削除済みのみ")))

    def choices(self, changelist):
        choices = list(super().choices(changelist))
        # The library's "All" is in fact the default: live rows only.
        choices[0]["display"] = _("表示しない")
        return choices

    def queryset(self, request, queryset):
        if self.value() == self.INCLUDE:
            return queryset
        if self.value() == self.ONLY:
            return queryset.filter(deleted_at__isnull=False)
        return queryset.filter(deleted_at__isnull=True)


@admin.display(description=_("削除日時"), empty_value="")
def deleted_at_column(obj):
    return obj.deleted_at


class SoftDeleteAdmin(admin.ModelAdmin):
    """Delete = hide from the public; editors restore. See the module docstring."""

    delete_confirmation_template = "admin/soft_delete_confirmation.html"
    delete_selected_confirmation_template = "admin/soft_delete_selected_confirmation.html"

    # --- which rows ------------------------------------------------------
    def get_queryset(self, request):
        if can_see_deleted(request.user):
            queryset = self.model.all_objects.get_queryset()
        else:
            queryset = self.model._default_manager.get_queryset()
        ordering = self.get_ordering(request)
        return queryset.order_by(*ordering) if ordering else queryset

    def get_list_filter(self, request):
        filters = super().get_list_filter(request)
        if can_see_deleted(request.user):
            return (*filters, DeletedFilter)
        return filters

    def get_list_display(self, request):
        columns = super().get_list_display(request)
        if request.GET.get(DeletedFilter.parameter_name) and can_see_deleted(request.user):
            return (*columns, deleted_at_column)
        return columns

    def get_search_results(self, request, queryset, search_term):
        match = getattr(request, "resolver_match", None)
        if match is not None and match.url_name == "autocomplete":
            # Other forms must not pick a deleted row.
            queryset = queryset.filter(deleted_at__isnull=True)
        return super().get_search_results(request, queryset, search_term)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.is_deleted:
            self.message_user(
                request,
                _("この項目は削除済みで、公開ページには表示されていません。"),
                messages.WARNING,
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    # --- deleting --------------------------------------------------------
    def get_deleted_objects(self, objs, request):
        # Nothing related is deleted, so the confirmation lists only the rows
        # themselves (Django would list every related row as "will be deleted").
        objs = list(objs)
        return (
            [str(obj) for obj in objs],
            {self.opts.verbose_name_plural: len(objs)},
            set(),
            [],
        )

    def delete_model(self, request, obj):
        soft_delete_record(obj, by=request.user)

    def delete_queryset(self, request, queryset):
        # One save per row, so the audit trail records each deletion.
        for obj in queryset.filter(deleted_at__isnull=True):
            soft_delete_record(obj, by=request.user)

    # --- restoring -------------------------------------------------------
    def has_restore_permission(self, request, obj=None) -> bool:
        return is_editor(request.user) and self.has_change_permission(request, obj)

    def get_actions(self, request):
        actions = super().get_actions(request)
        # Added here rather than in `actions`, which each admin sets for its own.
        if (
            self.actions is not None
            and IS_POPUP_VAR not in request.GET
            and self.has_restore_permission(request)
        ):
            actions["restore_selected"] = self.get_action("restore_selected")
        return actions

    @admin.action(
        description=_("選択した%(verbose_name_plural)sを復元する"), permissions=["restore"]
    )
    def restore_selected(self, request, queryset):
        restored = sum(
            restore_record(obj, by=request.user)
            for obj in queryset.filter(deleted_at__isnull=False)
        )
        if restored:
            self.message_user(
                request,
                gettext("%(count)d件を復元しました。公開ページに再び表示されます。")
                % {"count": restored},
                messages.SUCCESS,
            )
        else:
            self.message_user(
                request,
                gettext("選択した項目に削除済みのものはありません。"),
                messages.WARNING,
            )


class SoftDeleteInlineMixin:
    """For an inline of a soft-deletable model: its "delete" checkbox hides
    the row (with the audit trail) instead of removing it."""

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        user = request.user

        class SoftDeleteFormSet(formset):
            def delete_existing(self, obj, commit=True):
                if commit:
                    soft_delete_record(obj, by=user)

        return SoftDeleteFormSet
