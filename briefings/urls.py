from django.urls import path

from . import views

app_name = "briefings"

urlpatterns = [
    path("", views.BriefingListView.as_view(), name="briefing_list"),
    path("calendar/", views.BriefingCalendarView.as_view(), name="calendar_month"),
    path(
        "calendar/<int:year>/<int:month>/",
        views.BriefingCalendarView.as_view(),
        name="calendar",
    ),
    path("coverage/", views.CoverageView.as_view(), name="coverage"),
    path("<int:pk>/", views.BriefingDetailView.as_view(), name="briefing_detail"),
    path("materials/<int:pk>/", views.material_file, name="material_file"),
]
