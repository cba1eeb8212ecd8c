from django.views.generic import DetailView, ListView

from .models import Briefing


class BriefingListView(ListView):
    template_name = "briefings/briefing_list.html"
    context_object_name = "briefings"
    paginate_by = 50

    def get_queryset(self):
        return Briefing.objects.for_list().order_by("-date", "pk")


class BriefingDetailView(DetailView):
    template_name = "briefings/briefing_detail.html"
    context_object_name = "briefing"

    def get_queryset(self):
        return Briefing.objects.for_list()
