from django.urls import path

from . import views

app_name = "briefings"

urlpatterns = [
    path("", views.BriefingListView.as_view(), name="briefing_list"),
    path("<int:pk>/", views.BriefingDetailView.as_view(), name="briefing_detail"),
]
