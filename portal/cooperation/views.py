"""The network's public pages: needs, offers, projects, cases, and the per-field page.

Lists show what is open (needs, offers) or recorded (projects, cases),
filtered by field and block (core.filters.PortalFilterSet: a bad value
empties the list and the form says why) and paginated.
"""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView
from django_filters.views import FilterView

from core.views import BreadcrumbsMixin, LenientPaginationMixin
from networks.models import Field

from ..roadmap import selectors as roadmap
from . import selectors
from .filters import CaseFilterSet, NeedFilterSet, OfferFilterSet, ProjectFilterSet

PAGE_SIZE = 20


class NetworkListView(BreadcrumbsMixin, LenientPaginationMixin, FilterView):
    """One of the network's lists; subclasses name the rows, filters and page."""

    paginate_by = PAGE_SIZE
    title = ""
    filter_label = ""  # the filter form's accessible name
    url_name = ""

    def get_breadcrumbs(self):
        return [(str(self.title), reverse(f"cooperation:{self.url_name}"))]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = self.title
        context["filter_label"] = self.filter_label
        context["current"] = self.url_name
        context["reset_url"] = reverse(f"cooperation:{self.url_name}")
        return context


class NeedListView(NetworkListView):
    filter_label = _("地域課題の絞り込み")
    template_name = "portal/cooperation/need_list.html"
    context_object_name = "needs"
    filterset_class = NeedFilterSet
    url_name = "need_list"

    @property
    def title(self):
        return gettext("地域課題（募集中）")

    def get_queryset(self):
        return selectors.needs_for_list()


class OfferListView(NetworkListView):
    filter_label = _("ソリューション提案の絞り込み")
    template_name = "portal/cooperation/offer_list.html"
    context_object_name = "offers"
    filterset_class = OfferFilterSet
    url_name = "offer_list"

    @property
    def title(self):
        return gettext("ソリューション提案（募集中）")

    def get_queryset(self):
        return selectors.offers_for_list()


class ProjectListView(NetworkListView):
    filter_label = _("プロジェクトの絞り込み")
    template_name = "portal/cooperation/project_list.html"
    context_object_name = "projects"
    filterset_class = ProjectFilterSet
    url_name = "project_list"

    @property
    def title(self):
        return gettext("具体的プロジェクト")

    def get_queryset(self):
        return selectors.projects_for_list()


class CaseListView(NetworkListView):
    filter_label = _("優良事例の絞り込み")
    template_name = "portal/cooperation/case_list.html"
    context_object_name = "cases"
    filterset_class = CaseFilterSet
    url_name = "case_list"

    @property
    def title(self):
        return gettext("優良事例")

    def get_queryset(self):
        return selectors.cases_for_list()


class ProjectDetailView(BreadcrumbsMixin, DetailView):
    """A project, its dated status history and its 横展開 (where it came from, who copied it)."""

    template_name = "portal/cooperation/project_detail.html"
    context_object_name = "project"

    def get_queryset(self):
        return selectors.project_for_detail()

    def get_breadcrumbs(self):
        return [
            (gettext("具体的プロジェクト"), reverse("cooperation:project_list")),
            (self.object.title, self.object.get_absolute_url()),
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["spread"] = selectors.project_spread(self.object)
        return context


class FieldDetailView(BreadcrumbsMixin, DetailView):
    """One roadmap field across Japan; an unknown slug is a 404."""

    template_name = "portal/cooperation/field_detail.html"
    context_object_name = "field"

    def get_object(self, queryset=None):
        return get_object_or_404(Field, slug=self.kwargs["slug"])

    def get_breadcrumbs(self):
        return [
            (self.object.display_name, reverse("cooperation:field_detail", args=[self.object.slug]))
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["work"] = selectors.field_work(self.object)
        context["roadmap_models"] = roadmap.field_models(self.object)
        return context
