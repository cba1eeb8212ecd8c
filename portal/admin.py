"""Site-wide admin settings, kept here so that no domain app sets global state.

- The admin index is the staff start page: `start_page` (portal/staff_dashboard.py)
  is added to its context and templates/admin/index.html shows it above the
  app list. A wrapper around `admin.site.index` is the lightest way to feed
  that one page: a custom AdminSite would have to replace the default site
  app-wide, and a context processor would run on every page.
- Staff accounts: editors assign roles (groups) and a bureau's block on the
  user's page; only a superuser makes superusers or grants single permissions.
- Every changelist, ours and third-party ones, answers a malformed filter
  with Django's "invalid filter" redirect instead of a 500
  (core/changelist.py). `portal` is the last app, so every admin is
  registered by the time this module runs.
"""

import functools

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from core.admin.locking import EditLockAdmin
from core.changelist import bound_every_changelist
from core.search import folded
from networks.models import BureauMembership

from .staff_dashboard import start_page

admin.site.site_header = _("地域IoT実装推進ポータル 管理")
admin.site.site_title = _("地域IoT実装推進ポータル")
admin.site.index_title = _("サイト管理")


def with_start_page(index):
    @functools.wraps(index)
    def view(request, extra_context=None):
        context = {"start_page": start_page(request.user), **(extra_context or {})}
        return index(request, extra_context=context)

    return view


admin.site.index = with_start_page(admin.site.index)


class BureauMembershipInline(admin.StackedInline):
    model = BureauMembership
    max_num = 1
    extra = 0
    fields = ("block",)
    verbose_name = _("所属する地域ブロック（総合通信局の職員のみ）")
    verbose_name_plural = verbose_name


User = get_user_model()


class StaffUserAdmin(EditLockAdmin, UserAdmin):
    # The block inline is a tracked row: a stale user page must not overwrite it.
    inlines = (BureauMembershipInline,)
    search_fields = folded(*UserAdmin.search_fields)

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        if request.user.is_superuser:
            return fields
        # Roles are groups; single permissions and superuser powers stay with superusers.
        return (*fields, "is_superuser", "user_permissions")

    def has_change_permission(self, request, obj=None):
        # An editor who could edit a superuser (or reset their password) could become one.
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)


admin.site.unregister(User)
admin.site.register(User, StaffUserAdmin)

# Last: after every app (portal is the last one) and the User admin above are registered.
bound_every_changelist(admin.site)
