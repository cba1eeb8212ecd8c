from django.urls import path

from . import views

app_name = "membership"

urlpatterns = [
    path("apply/", views.ApplyView.as_view(), name="apply"),
    path("apply/done/", views.ApplyDoneView.as_view(), name="apply_done"),
    path("members/", views.MemberListView.as_view(), name="members"),
]
