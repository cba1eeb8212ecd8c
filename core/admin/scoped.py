"""The block rule in the admin, in one place: `BlockScopedAdmin`.

A bureau user sees (`get_queryset`), opens and changes (`has_*_permission`
with the object, answered by the rules each app registers with
core.access.register_block_rules), picks (`form choices`) and saves
(`save_model`) only their own block's rows. Editors, viewers and superusers
pass through unchanged. An address of another block's row answers 404, the
same as a row that does not exist, so nothing can be guessed.

Which foreign keys a bureau may only point at its own block's rows is
`block_limited_fields`; the places below a block (prefecture, municipality)
are networks' business: networks.admin.PlaceScopedAdmin adds them.
"""

from django.contrib import admin
from django.contrib.auth import get_permission_codename
from django.http import Http404

from core.access import bureau_block, is_bureau_without_block


class BlockScopedAdmin(admin.ModelAdmin):
    # Hide other blocks' rows entirely (False: show them read-only).
    hide_other_blocks = True
    # Foreign keys a bureau may only point at its own block's rows:
    # field name -> how to narrow that field's queryset to a block.
    block_limited_fields = {
        "block": lambda qs, block: qs.filter(pk=block.pk),
    }

    # --- which rows ------------------------------------------------------
    def scope_queryset(self, queryset, block):
        """The rows of `block`; models whose block is not a `block` field override this."""
        return queryset.filter(block=block)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if is_bureau_without_block(request.user):
            return queryset.none()
        block = bureau_block(request.user)
        if block is None or not self.hide_other_blocks:
            return queryset
        return self.scope_queryset(queryset, block)

    def _get_obj_does_not_exist_redirect(self, request, opts, object_id):
        # Django redirects to the admin index with "may have been deleted";
        # another block's row must look exactly like a missing one: 404.
        raise Http404

    # --- what may be done with a row -------------------------------------
    def _has_object_perm(self, request, action: str, obj) -> bool:
        codename = get_permission_codename(action, self.opts)
        return request.user.has_perm(f"{self.opts.app_label}.{codename}", obj)

    def has_add_permission(self, request):
        # A bureau user without a block has nowhere to put a new row.
        return not is_bureau_without_block(request.user) and super().has_add_permission(request)

    def has_import_permission(self, request):
        # Only ever called on admins that also use django-import-export's ImportMixin.
        return not is_bureau_without_block(request.user) and super().has_import_permission(request)

    def has_view_permission(self, request, obj=None):
        if obj is None:
            return super().has_view_permission(request)
        return self._has_object_perm(request, "view", obj) or self._has_object_perm(
            request, "change", obj
        )

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return super().has_change_permission(request)
        return self._has_object_perm(request, "change", obj)

    def has_delete_permission(self, request, obj=None):
        if obj is None:
            return super().has_delete_permission(request)
        return self._has_object_perm(request, "delete", obj)

    # --- what may be picked ----------------------------------------------
    def get_autocomplete_fields(self, request):
        fields = super().get_autocomplete_fields(request)
        if bureau_block(request.user) is None:
            return fields
        # A plain select shows exactly the narrowed choices.
        return tuple(f for f in fields if f not in self.block_limited_fields)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        block = bureau_block(request.user)
        narrow = self.block_limited_fields.get(db_field.name)
        if block is not None and narrow is not None:
            base = kwargs.get("queryset")
            if base is None:
                base = db_field.remote_field.model._default_manager.all()
            kwargs["queryset"] = narrow(base, block)
            if db_field.name == "block":
                kwargs["initial"] = block.pk
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    # --- what is saved ---------------------------------------------------
    def assign_block(self, obj, block) -> None:
        """Put a bureau user's new or changed row in their block."""
        obj.block = block

    def save_model(self, request, obj, form, change):
        block = bureau_block(request.user)
        if block is not None:
            # Whatever the form said, a bureau's row stays in its block.
            self.assign_block(obj, block)
        super().save_model(request, obj, form, change)
