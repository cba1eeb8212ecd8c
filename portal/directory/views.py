"""Prefecture, block and organization pages: what every app recorded about them."""

from django.urls import reverse
from django.utils.translation import gettext
from django.views.generic import DetailView
from django_filters.views import FilterView

from core import dates
from core.views import BreadcrumbsMixin, LenientPaginationMixin
from networks.models import Prefecture, RegionalBlock

from ..cooperation.selectors import block_council
from ..roadmap.selectors import place_rates
from . import selectors
from .filters import OrganizationFilterSet


def block_label(block: RegionalBlock) -> str:
    return gettext("%(name)sブロック") % {"name": block.display_name}


class PrefectureDetailView(BreadcrumbsMixin, DetailView):
    """Everything recorded in one prefecture; an unknown code (`99`, `abc`) is a 404."""

    template_name = "portal/directory/prefecture_detail.html"
    context_object_name = "prefecture"
    slug_field = slug_url_kwarg = "code"
    queryset = Prefecture.objects.select_related("block")

    def get_breadcrumbs(self):
        block = self.object.block
        return [
            (block_label(block), block.get_absolute_url()),
            (self.object.display_name, self.object.get_absolute_url()),
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["block_label"] = block_label(self.object.block)
        today = dates.today()
        context["briefings"] = selectors.place_briefings(self.object, today=today)
        context["region_briefings"] = selectors.region_briefings(self.object, today=today)
        context["organizations"] = selectors.prefecture_organizations(self.object)
        context["roadmap_rates"] = place_rates(self.object)
        return context


class BlockDetailView(BreadcrumbsMixin, DetailView):
    """Everything recorded in one regional block; an unknown code is a 404."""

    template_name = "portal/directory/block_detail.html"
    context_object_name = "regional_block"
    slug_field = slug_url_kwarg = "code"
    queryset = RegionalBlock.objects.prefetch_related("prefectures")

    def get_breadcrumbs(self):
        return [(block_label(self.object), self.object.get_absolute_url())]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["block_label"] = block_label(self.object)
        context["briefings"] = selectors.place_briefings(self.object)
        context["organizations"] = selectors.block_organizations(self.object)
        context["activities"] = selectors.block_activities(self.object)
        context["roadmap_rates"] = place_rates(self.object)
        context["council"] = block_council(self.object)
        return context


class OrganizationListView(BreadcrumbsMixin, LenientPaginationMixin, FilterView):
    """The directory, filtered by kind, place, thread and name.

    An invalid filter value empties the list (core.filters.PortalFilterSet) and
    the form says what was wrong; it never widens the result silently.
    """

    template_name = "portal/directory/organization_list.html"
    context_object_name = "organizations"
    filterset_class = OrganizationFilterSet
    paginate_by = 50

    def get_queryset(self):
        return selectors.organizations_for_directory()

    def get_breadcrumbs(self):
        return [(gettext("参加団体"), reverse("networks:organization_list"))]


class OrganizationDetailView(BreadcrumbsMixin, DetailView):
    template_name = "portal/directory/organization_detail.html"
    context_object_name = "organization"

    def get_queryset(self):
        return selectors.organization_for_detail()

    def get_breadcrumbs(self):
        return [
            (gettext("参加団体"), reverse("networks:organization_list")),
            (self.object.display_name, self.object.get_absolute_url()),
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organization = self.object
        context["activities"] = selectors.organization_activities(organization)
        context["briefings"] = selectors.organization_briefings(organization)
        context["members"] = organization.members.all()
        return context
