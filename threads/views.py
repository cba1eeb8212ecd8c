"""The thread pages: the three threads (縦・横・斜め) and one page per thread."""

from django.core.paginator import Paginator
from django.urls import reverse
from django.utils.translation import gettext
from django.views.generic import DetailView, ListView

from core import dates
from core.views import BreadcrumbsMixin

from . import selectors
from .filters import ActivityFilterSet
from .models import Thread


class ThreadsMixin(BreadcrumbsMixin):
    """Breadcrumbs shared by the thread pages: Home › 推進体制 › this thread."""

    def get_breadcrumbs(self) -> list[tuple[str, str]]:
        return [(gettext("推進体制"), reverse("threads:thread_list"))]


class ThreadListView(ThreadsMixin, ListView):
    """Each thread as a card with its latest status, its date and its freshness."""

    template_name = "threads/thread_list.html"
    context_object_name = "threads"

    def get_queryset(self):
        return Thread.objects.for_overview()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = dates.today()
        context["cards"] = [
            (thread, selectors.thread_freshness(thread, today=today))
            for thread in context["threads"]
        ]
        return context


class ThreadDetailView(ThreadsMixin, DetailView):
    """One thread; its activities filtered (by field or block, see filters.py) and paginated.

    An invalid filter value empties the activity list and the form says what
    was wrong; `page=abc` shows the first page and `page=999999` the last.
    """

    template_name = "threads/thread_detail.html"
    context_object_name = "thread"
    activities_per_page = 50
    # The 取組状況 timeline pages by `status_page` (the activities by `page`).
    updates_per_page = 20

    def get_queryset(self):
        return Thread.objects.for_detail()

    def get_breadcrumbs(self):
        return [
            *super().get_breadcrumbs(),
            (self.object.display_title, self.object.get_absolute_url()),
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        thread = self.object
        filterset = ActivityFilterSet(
            self.request.GET,
            queryset=selectors.activities_of(thread),
            request=self.request,
            thread=thread,
        )
        activities = filterset.qs  # none when a value is bad (core.filters)
        page = Paginator(activities, self.activities_per_page).get_page(
            self.request.GET.get("page")
        )
        timeline = Paginator(selectors.timeline_of(thread), self.updates_per_page).get_page(
            self.request.GET.get("status_page")
        )
        work_items, participant_items = selectors.work_item_sections(thread)
        briefings, more_briefings = selectors.related_briefings(thread)
        context.update(
            filter=filterset,
            page_obj=page,
            activities=page.object_list,
            work_items=work_items,
            participant_items=participant_items,
            timeline=timeline,
            participations=selectors.participants_of(thread),
            freshness=selectors.thread_freshness(thread, today=dates.today()),
            briefings=briefings,
            more_briefings=more_briefings,
            briefings_limit=selectors.THREAD_BRIEFINGS_LIMIT,
        )
        return context
