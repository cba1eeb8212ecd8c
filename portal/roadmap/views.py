"""/roadmap/, /roadmap/<model>/ and /municipalities/<code>/: thin views over `selectors`."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext
from django.views.generic import DetailView, TemplateView

from core import dates
from core.views import BreadcrumbsMixin
from networks.models import Municipality, RoadmapModel

from ..cooperation import selectors as cooperation
from ..directory import selectors as directory
from . import charts, selectors
from .forms import AsOfForm

IMPLEMENTING_PER_PAGE = 50


def roadmap_crumb() -> tuple[str, str]:
    return (gettext("ロードマップ"), reverse("networks:roadmap"))


class AsOfMixin:
    """Reads `?as_of=`: a bad value is shown as an error and today's record is used."""

    def as_of_form(self) -> AsOfForm:
        if not hasattr(self, "_as_of_form"):
            self._as_of_form = AsOfForm(self.request.GET or None)
        return self._as_of_form

    @property
    def as_of(self):
        form = self.as_of_form()
        return form.date if form.is_bound else None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["as_of_filter"] = {"form": self.as_of_form()}  # includes/filter_form.html
        context["as_of"] = self.as_of
        context["today"] = dates.today()
        return context


class RoadmapView(AsOfMixin, BreadcrumbsMixin, TemplateView):
    """Every field and model with its KPI, and how many municipalities stand where."""

    template_name = "portal/roadmap/roadmap.html"

    def get_breadcrumbs(self):
        return [roadmap_crumb()]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["overview"] = selectors.overview(self.as_of)
        return context


class RoadmapModelView(AsOfMixin, BreadcrumbsMixin, DetailView):
    """One model: the map and table per prefecture, who has implemented it, the trend."""

    template_name = "portal/roadmap/model_detail.html"
    context_object_name = "model"
    queryset = RoadmapModel.objects.select_related("field")

    def get_breadcrumbs(self):
        return [roadmap_crumb(), (self.object.display_name, self.object.get_absolute_url())]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        as_of = self.as_of
        detail = selectors.model_detail(self.object, as_of)
        paginator = Paginator(
            selectors.implementing_municipalities(self.object, as_of), IMPLEMENTING_PER_PAGE
        )
        context.update(
            detail=detail,
            tile_map=charts.rate_map(detail),
            page_obj=paginator.get_page(self.request.GET.get("page")),
            trend=charts.trend_rows(
                selectors.trend(self.object, as_of or dates.today(), detail.stages.total)
            ),
            stage_legend=charts.stage_legend(),
        )
        return context


class MunicipalityDetailView(AsOfMixin, BreadcrumbsMixin, DetailView):
    """Where one municipality stands on every model, and who near it has done it."""

    template_name = "portal/roadmap/municipality_detail.html"
    context_object_name = "municipality"

    def get_object(self, queryset=None):
        return get_object_or_404(
            Municipality.objects.select_related("prefecture__block", "parent"),
            code=self.kwargs["code"],
        )

    def get_breadcrumbs(self):
        prefecture = self.object.prefecture
        return [
            (prefecture.display_name, prefecture.get_absolute_url()),
            (self.object.name, self.object.get_absolute_url()),
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        municipality = self.object
        context.update(
            models=selectors.municipality_models(municipality, self.as_of),
            briefings=directory.place_briefings(municipality.prefecture),
            organizations=directory.municipality_organizations(municipality),
            participations=directory.municipality_participations(municipality),
            work=cooperation.municipality_work(municipality),
        )
        return context
