from django.urls import path

import core.converters  # noqa: F401  (registers id, year, month, prefecture_code)

from ..roadmap import urls as roadmap_urls
from . import views

# The namespace is the objects', not the module's: a block's, a prefecture's
# or an organization's address is `networks:…` (their get_absolute_url), so
# `networks` names no layer above it; the portal serves the pages.
app_name = "networks"

urlpatterns = [
    path(
        "prefectures/<prefecture_code:code>/",
        views.PrefectureDetailView.as_view(),
        name="prefecture_detail",
    ),
    path("blocks/<slug:code>/", views.BlockDetailView.as_view(), name="block_detail"),
    path("organizations/", views.OrganizationListView.as_view(), name="organization_list"),
    path(
        "organizations/<id:pk>/",
        views.OrganizationDetailView.as_view(),
        name="organization_detail",
    ),
]
# The roadmap, a model and a municipality: `networks:roadmap` …
urlpatterns += roadmap_urls.urlpatterns
