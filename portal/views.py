"""The site shell: home, search and about.

Each page reads through the other apps' QuerySet methods, the figure
registry (core.figures, filled by each app's figures.py) and the portal's
own `search` module; no app imports `portal`.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from briefings.figures import COVERAGE_FIGURES, compare_report
from briefings.models import Briefing, ProgressReport
from briefings.services import coverage_summary
from core import figures
from threads.models import StatusUpdate, Thread

from .roadmap.selectors import ROADMAP_FIGURES
from .search import MAX_QUERY_LENGTH, MAX_TERMS, parse_query, search

LATEST_UPDATES = 5
NEXT_BRIEFINGS = 5
# Terms offered on the empty search page: the records are in Japanese.
SEARCH_EXAMPLES = ("説明会", "九州", "Lアラート")
# The figures the home page shows, in its order (each links to /about/#figure-<key>).
HOME_FIGURES = (
    "organizations",
    "organizations-with-inferred",
    "activities-done",
    "briefings-held",
    "briefings-planned",
    "prefectures-reached",
    "blocks-reached",
)


def group_by_kind(threads) -> list[tuple[str, str, list[Thread]]]:
    """Threads as the framework diagram shows them: (label, kind, threads) in
    縦・横・斜め order, leaving out kinds with no thread."""
    groups: dict[str, list[Thread]] = {kind: [] for kind in Thread.Kind.values}
    for thread in threads:
        if thread.kind in groups:
            groups[thread.kind].append(thread)
    return [(Thread.Kind(kind).label, kind, items) for kind, items in groups.items() if items]


class HomeView(TemplateView):
    """The framework at a glance: threads, figures, briefings, latest status, coverage."""

    template_name = "portal/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        briefings = Briefing.objects.for_list()
        context["strands"] = group_by_kind(Thread.objects.for_overview())
        # The latest figure a document reported, beside the site's own over the
        # very period it counts (two queries).
        report = ProgressReport.objects.latest_reported()
        context["report"] = report
        context["report_figures"] = compare_report(report) if report else ()
        context["latest_updates"] = StatusUpdate.objects.select_related("thread").order_by(
            "-as_of", "-order", "-pk"
        )[:LATEST_UPDATES]
        context["next_briefings"] = briefings.upcoming().order_by("date", "pk")[:NEXT_BRIEFINGS]
        context["latest_briefings"] = briefings.held().order_by("-date", "-pk")[:NEXT_BRIEFINGS]
        # The briefing figures are the coverage map's own: computed with it.
        coverage = coverage_summary(also=HOME_FIGURES)
        context["coverage"] = coverage
        context["figures"] = [coverage.figures[key] for key in HOME_FIGURES]
        return context


class SearchView(TemplateView):
    """`?q=`: matches grouped by record type, each group capped with a count of the rest."""

    template_name = "portal/search.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = parse_query(self.request.GET.get("q", ""))
        groups = search(query)
        context.update(
            query=query,
            groups=groups,
            total=sum(group.count for group in groups),
            max_length=MAX_QUERY_LENGTH,
            max_terms=MAX_TERMS,
            examples=SEARCH_EXAMPLES,
            breadcrumbs=[(_("検索"), reverse("portal:search"))],
        )
        return context


class AboutView(TemplateView):
    """The framework explained, the document's own figure quoted, every figure defined."""

    template_name = "portal/about.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = ProgressReport.objects.latest_reported()
        context["report"] = report
        if report:
            # The numbers the report gives, beside the site's own counted over
            # the same period (ProgressReport.period, core.asof).
            context["report_figures"] = compare_report(report)
        context["figures"] = [
            (
                figure,
                figure.key in HOME_FIGURES,
                figure.key in COVERAGE_FIGURES,
                figure.key in ROADMAP_FIGURES,
            )
            for figure in figures.all_figures()
        ]
        context["breadcrumbs"] = [(_("このサイトについて"), reverse("portal:about"))]
        return context
