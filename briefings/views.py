"""The public briefing pages: schedule, month calendar, detail and coverage.

Each view is a thin generic view; what it reads comes from `filters.py`
(the schedule's FilterSet) and `services.py` (ordering, calendar, coverage).
"""

import datetime

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.views.generic import DetailView, TemplateView
from django_filters.views import FilterView

from core import dates
from core.asof import Period
from core.uploads import attachment_response
from core.views import BreadcrumbsMixin, LenientPaginationMixin

from .filters import BriefingDateRangeFilterSet, BriefingFilterSet
from .models import Briefing, BriefingMaterial
from .services import coverage_summary, month_calendar, order_for_schedule


def calendar_url(date: datetime.date) -> str:
    return reverse("briefings:calendar", args=[date.year, date.month])


def month_label(date: datetime.date) -> str:
    """2017年2月 / February 2017."""
    return date_format(date, "YEAR_MONTH_FORMAT")


class BriefingsMixin(BreadcrumbsMixin):
    """Breadcrumbs shared by the briefing pages: Home › 説明会 › this page."""

    page_title = ""

    def get_breadcrumbs(self) -> list[tuple[str, str]]:
        crumbs = [(gettext("説明会等"), reverse("briefings:briefing_list"))]
        if self.page_title:
            crumbs.append((str(self.page_title), self.request.path))
        return crumbs


class BriefingListView(BriefingsMixin, LenientPaginationMixin, FilterView):
    """The schedule: planned first (next on top), then the rest newest first.

    An invalid filter value empties the list (core.filters.PortalFilterSet)
    and the form says what was wrong; it never widens the result silently.
    """

    template_name = "briefings/briefing_list.html"
    context_object_name = "briefings"
    filterset_class = BriefingFilterSet
    paginate_by = 50

    def get_queryset(self):
        return order_for_schedule(Briefing.objects.for_list())

    def get_calendar_month(self) -> datetime.date:
        """The month of the filtered range if there is one, else this month."""
        if self.filterset.is_valid():
            data = self.filterset.form.cleaned_data
            for key in ("date_after", "date_before"):
                if data.get(key):
                    return data[key]
        return dates.today()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        month = self.get_calendar_month()
        context["calendar_url"] = calendar_url(month)
        context["calendar_label"] = month_label(month)
        context["coverage_url"] = reverse("briefings:coverage")
        return context


class BriefingCalendarView(BriefingsMixin, TemplateView):
    template_name = "briefings/briefing_calendar.html"

    def get(self, request, *args, **kwargs):
        try:
            self.calendar = month_calendar(kwargs["year"], kwargs["month"], today=dates.today())
        except ValueError as exc:  # month 0 or 13, year 0 (the converters bound the digits)
            raise Http404(gettext("その年月のカレンダーはありません。")) from exc
        self.page_title = gettext("%(month)sの説明会等") % {
            "month": month_label(self.calendar.first)
        }
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        cal = self.calendar
        context.update(
            calendar=cal,
            page_title=self.page_title,
            month_label=month_label(cal.first),
            previous_url=cal.previous and calendar_url(cal.previous),
            previous_label=cal.previous and month_label(cal.previous),
            next_url=cal.next and calendar_url(cal.next),
            next_label=cal.next and month_label(cal.next),
            list_url="{}?date_after={:%Y-%m-%d}&date_before={:%Y-%m-%d}".format(
                reverse("briefings:briefing_list"), cal.first, cal.last
            ),
        )
        return context


class BriefingDetailView(BriefingsMixin, DetailView):
    template_name = "briefings/briefing_detail.html"
    context_object_name = "briefing"

    def get_queryset(self):
        return Briefing.objects.for_list()

    def get_breadcrumbs(self) -> list[tuple[str, str]]:
        return [
            (gettext("説明会等"), reverse("briefings:briefing_list")),
            (month_label(self.object.date), calendar_url(self.object.date)),
            (self.object.title, self.object.get_absolute_url()),
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["calendar_url"] = calendar_url(self.object.date)
        context["calendar_label"] = month_label(self.object.date)
        return context


class CoverageView(BriefingsMixin, TemplateView):
    """Held sessions and the places they reached, for a date range (default: all time).

    The range is validated by the schedule's own date filters; an invalid
    range shows the form's message and the figures for all time.
    """

    template_name = "briefings/coverage.html"

    def get_context_data(self, **kwargs):
        self.page_title = gettext("開催実績と地域の広がり")
        context = super().get_context_data(**kwargs)
        filterset = BriefingDateRangeFilterSet(
            self.request.GET or None, queryset=Briefing.objects.none()
        )
        cleaned = filterset.form.cleaned_data if filterset.is_valid() else {}
        context["filter"] = filterset
        # "From A through B" is read as of the day after B (core.asof), the
        # period a figure reported for the same range names.
        context["coverage"] = coverage_summary(
            Period.through(cleaned.get("date_after"), cleaned.get("date_before"))
        )
        return context


def material_file(request, pk: int) -> FileResponse:
    """An uploaded handout of a live session, as a download.

    Served by the app, so only files the portal published are reachable (never
    an arbitrary path under MEDIA_ROOT), and a deleted session's handouts
    disappear with it. Always an attachment with the type of its kind, never
    rendered in the portal's origin (core.uploads.attachment_response).
    """
    material = get_object_or_404(
        BriefingMaterial.objects.filter(briefing__deleted_at__isnull=True).exclude(file=""),
        pk=pk,
    )
    try:
        return attachment_response(material.file)
    except FileNotFoundError as exc:  # the row outlived its file (a restored backup)
        raise Http404(gettext("この資料のファイルは見つかりません。")) from exc
