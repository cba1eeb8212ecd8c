from django.views.generic import TemplateView

from briefings.models import Briefing
from threads.models import Thread


class HomeView(TemplateView):
    """The framework at a glance: the threads and the briefings, from the records."""

    template_name = "portal/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        briefings = Briefing.objects.for_list()
        context["threads"] = Thread.objects.for_overview()
        context["next_briefings"] = briefings.planned().order_by("date", "pk")[:5]
        context["latest_briefings"] = briefings.held().order_by("-date", "-pk")[:5]
        return context
