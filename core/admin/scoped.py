"""The access rule in the admin, in one place: `ScopedAdmin`.

For a model declared with core.access.register_scope, a confined user (a
bureau: its block) sees (`get_queryset`), opens and changes
(`has_*_permission` with the object, answered by core.access.rule), picks
(form choices) and saves (`save_model`) only the rows of their own place.
Editors, viewers and superusers pass through unchanged. An address of a row
out of reach answers 404, the same as a row that does not exist, so nothing
can be guessed.

Everything here follows from the model's declaration and the user's scope:
which rows (`Scoped.visible`), where a new row goes (`Scoped.assign`), and
which choices a form offers: a foreign key to a declared place (block,
prefecture, municipality) offers only the user's own, and a foreign key the
declaration's `where` names (an activity's thread) only the rows it allows.
"""

from django.contrib import admin
from django.contrib.auth import get_permission_codename
from django.core.exceptions import PermissionDenied
from django.http import Http404

from core.access import declared_scope, scope_of, user_scope


class ScopedAdmin(admin.ModelAdmin):
    @property
    def declared(self):
        return declared_scope(self.model)

    # --- which rows ------------------------------------------------------
    def get_queryset(self, request):
        return self.declared.visible(super().get_queryset(request), user_scope(request.user))

    def _get_obj_does_not_exist_redirect(self, request, opts, object_id):
        # Django redirects to the admin index with "may have been deleted";
        # a row out of reach must look exactly like a missing one: 404.
        raise Http404

    # --- what may be done with a row -------------------------------------
    def _has_object_perm(self, request, action: str, obj) -> bool:
        codename = get_permission_codename(action, self.opts)
        return request.user.has_perm(f"{self.opts.app_label}.{codename}", obj)

    @staticmethod
    def _lacks_place(request) -> bool:
        scope = user_scope(request.user)
        return scope.confined and scope.place is None

    def has_add_permission(self, request):
        # A confined user without a place has nowhere to put a new row.
        return not self._lacks_place(request) and super().has_add_permission(request)

    def has_import_permission(self, request):
        # Only ever called on admins that also use django-import-export's ImportMixin.
        return not self._lacks_place(request) and super().has_import_permission(request)

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
    def narrows(self, db_field) -> bool:
        """Whether a placed user's choices for `db_field` are narrowed."""
        target = scope_of(db_field.remote_field.model)
        return (target is not None and not target.others_visible) or bool(
            self.declared.narrowing(db_field.name)
        )

    def narrowed_choices(self, db_field, queryset, scope):
        """The rows of `queryset` a placed user may point `db_field` at."""
        target = scope_of(db_field.remote_field.model)
        if target is not None and not target.others_visible:
            queryset = target.filter(queryset, scope)
        return queryset.filter(**self.declared.narrowing(db_field.name))

    def get_autocomplete_fields(self, request):
        fields = super().get_autocomplete_fields(request)
        if not user_scope(request.user).placed:
            return fields
        # A plain select shows exactly the narrowed choices.
        return tuple(name for name in fields if not self.narrows(self.opts.get_field(name)))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        scope = user_scope(request.user)
        if scope.placed and self.narrows(db_field):
            base = kwargs.get("queryset")
            if base is None:
                base = db_field.remote_field.model._default_manager.all()
            kwargs["queryset"] = self.narrowed_choices(db_field, base, scope)
            target = scope_of(db_field.remote_field.model)
            if target is not None and target.path(scope.level) == "pk":
                # The field picks the user's place itself: it is the only choice.
                kwargs["initial"] = scope.place.pk
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    # --- what is saved ---------------------------------------------------
    def save_model(self, request, obj, form, change):
        scope = user_scope(request.user)
        if scope.confined:
            # Whatever the form said, a confined user's row stays in their place.
            self.declared.assign(obj, scope)
            if not self.declared.contains(obj, scope):
                raise PermissionDenied
        super().save_model(request, obj, form, change)
