"""Place and organization pages.

`networks` imports no other app: what other apps record about a place is
read through reverse relations (e.g. `prefecture.briefings`), whose managers
carry the other app's QuerySet methods.
"""

from django.views.generic import DetailView, ListView

from .models import Organization, Prefecture, RegionalBlock


class PrefectureDetailView(DetailView):
    template_name = "networks/prefecture_detail.html"
    context_object_name = "prefecture"
    slug_field = slug_url_kwarg = "code"
    queryset = Prefecture.objects.select_related("block")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["briefings"] = self.object.briefings.for_list().order_by("-date", "pk")
        context["organizations"] = self.object.organizations.all()
        return context


class BlockDetailView(DetailView):
    template_name = "networks/block_detail.html"
    context_object_name = "block"
    slug_field = slug_url_kwarg = "code"
    queryset = RegionalBlock.objects.prefetch_related("prefectures")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["briefings"] = self.object.briefings.for_list().order_by("-date", "pk")
        context["organizations"] = Organization.objects.in_block(self.object)
        return context


class OrganizationListView(ListView):
    template_name = "networks/organization_list.html"
    context_object_name = "organizations"
    paginate_by = 100
    queryset = Organization.objects.select_related("prefecture", "block")


class OrganizationDetailView(DetailView):
    template_name = "networks/organization_detail.html"
    context_object_name = "organization"
    queryset = Organization.objects.select_related("prefecture", "block", "municipality")
