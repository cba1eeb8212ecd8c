from django.urls import path

from . import views

app_name = "networks"

urlpatterns = [
    path("prefectures/<str:code>/", views.PrefectureDetailView.as_view(), name="prefecture_detail"),
    path("blocks/<slug:code>/", views.BlockDetailView.as_view(), name="block_detail"),
    path("organizations/", views.OrganizationListView.as_view(), name="organization_list"),
    path(
        "organizations/<int:pk>/",
        views.OrganizationDetailView.as_view(),
        name="organization_detail",
    ),
]
