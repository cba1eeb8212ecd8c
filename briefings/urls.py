from django.urls import path

import core.converters  # noqa: F401  (registers id, year, month, prefecture_code)

from . import views

app_name = "briefings"

urlpatterns = [
    path("", views.BriefingListView.as_view(), name="briefing_list"),
    path("calendar/", views.BriefingCalendarView.as_view(), name="calendar_month"),
    path(
        "calendar/<year:year>/<month:month>/",
        views.BriefingCalendarView.as_view(),
        name="calendar",
    ),
    path("coverage/", views.CoverageView.as_view(), name="coverage"),
    path("feed.ics", views.BriefingFeedView.as_view(), name="feed"),
    path("<id:pk>/", views.BriefingDetailView.as_view(), name="briefing_detail"),
    path("materials/<id:pk>/", views.material_file, name="material_file"),
]
