"""Site-wide admin settings, kept here so that no domain app sets global state."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("地域IoT実装推進ポータル 管理")
admin.site.site_title = _("地域IoT実装推進ポータル")
admin.site.index_title = _("サイト管理")
