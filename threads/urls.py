from django.urls import path

from . import views

app_name = "threads"

urlpatterns = [
    path("", views.ThreadListView.as_view(), name="thread_list"),
    path("<slug:slug>/", views.ThreadDetailView.as_view(), name="thread_detail"),
]
