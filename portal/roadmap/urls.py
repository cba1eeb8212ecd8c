"""The roadmap's addresses, in the `networks` namespace of the objects they show
(portal/directory/urls.py includes them)."""

from django.urls import path

import core.converters  # noqa: F401  (registers lg_code)

from . import views

urlpatterns = [
    path("roadmap/", views.RoadmapView.as_view(), name="roadmap"),
    path("roadmap/<slug:slug>/", views.RoadmapModelView.as_view(), name="roadmap_model"),
    path(
        "municipalities/<lg_code:code>/",
        views.MunicipalityDetailView.as_view(),
        name="municipality_detail",
    ),
]
