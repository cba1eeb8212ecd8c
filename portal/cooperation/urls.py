from django.urls import path

import core.converters  # noqa: F401  (registers id)

from . import views

app_name = "cooperation"

urlpatterns = [
    path("network/needs/", views.NeedListView.as_view(), name="need_list"),
    path("network/offers/", views.OfferListView.as_view(), name="offer_list"),
    path("network/projects/", views.ProjectListView.as_view(), name="project_list"),
    path("network/projects/<id:pk>/", views.ProjectDetailView.as_view(), name="project_detail"),
    path("network/cases/", views.CaseListView.as_view(), name="case_list"),
    path("fields/<slug:slug>/", views.FieldDetailView.as_view(), name="field_detail"),
]
