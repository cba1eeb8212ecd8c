"""The public briefing pages: schedule, month calendar, detail and coverage.

Each view is a thin generic view; what it reads comes from `filters.py`
(the schedule's FilterSet) and `services.py` (ordering, calendar, coverage).
"""

import datetime

from django.http import FileResponse, Http404, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext, pgettext
from django.views.generic import DetailView, TemplateView, View
from django_filters.views import FilterView

from core import dates
from core.asof import Period
from core.filters import active_filters
from core.uploads import attachment_response
from core.views import BreadcrumbsMixin, LenientPaginationMixin

from .filters import BriefingDateRangeFilterSet, BriefingFilterSet
from .forms import MonthForm
from .models import Briefing, BriefingMaterial
from .services import Schedule, coverage_summary, feed, month_calendar


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
    """The schedule: upcoming first (next on top), then the rest newest first.

    An invalid filter value empties the list (core.filters.PortalFilterSet)
    and the form says what was wrong; it never widens the result silently.
    The form is folded under a summary of the active filters, so that a
    phone shows results first; it stays open while a value is bad.
    """

    template_name = "briefings/briefing_list.html"
    context_object_name = "briefings"
    filterset_class = BriefingFilterSet
    paginate_by = 50

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.today = dates.today()

    def get_filterset_kwargs(self, filterset_class):
        return {**super().get_filterset_kwargs(filterset_class), "today": self.today}

    def get_queryset(self):
        return Briefing.objects.for_list()

    def get_paginator(self, queryset, *args, **kwargs):
        # The filtered rows in the schedule's order, a page read by index (services.Schedule).
        return super().get_paginator(Schedule(queryset, today=self.today), *args, **kwargs)

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
        context["active_filters"] = active_filters(self.filterset)
        if self.filterset.is_valid():
            context["feed_url"] = feed_url(self.request.GET)
        return context


def feed_url(query: QueryDict) -> str:
    """The iCalendar feed of the schedule filtered as `query` says (its page dropped)."""
    query = query.copy()
    query.pop("page", None)
    url = reverse("briefings:feed")
    return f"{url}?{query.urlencode()}" if query else url


class BriefingFeedView(View):
    """The schedule as an iCalendar feed (services.feed): the list's filters,
    its first FEED_LIMIT sessions. A bad filter value is refused with the
    form's messages (400), not answered with an empty calendar that a
    subscription would keep showing as if nothing were planned."""

    def get(self, request, *args, **kwargs):
        today = dates.today()
        filterset = BriefingFilterSet(
            request.GET,
            queryset=Briefing.objects.select_related("prefecture"),
            today=today,
        )
        if not filterset.is_valid():
            messages = [str(m) for errors in filterset.form.errors.values() for m in errors]
            return HttpResponse(
                "\n".join(messages), status=400, content_type="text/plain; charset=utf-8"
            )
        name = gettext("地域IoT実装推進 説明会等")
        if chosen := active_filters(filterset):
            separator = pgettext("列挙の区切り", "、")
            name = gettext("%(name)s（%(filters)s）") % {
                "name": name,
                "filters": separator.join(f"{label} {value}" for label, value in chosen),
            }
        body = feed.schedule_feed(
            Schedule(filterset.qs, today=today).head(feed.FEED_LIMIT),
            name=name,
            url_of=lambda briefing: request.build_absolute_uri(briefing.get_absolute_url()),
            uid_domain=request.get_host().partition(":")[0],  # the port is no part of a name
            today=today,
        )
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="briefings.ics"'
        return response


class BriefingCalendarView(BriefingsMixin, TemplateView):
    """A month of sessions; `/briefings/calendar/?year=&month=` (the month
    picker, a GET form) goes to that month's address."""

    template_name = "briefings/briefing_calendar.html"

    def get(self, request, *args, **kwargs):
        today = dates.today()
        # Only the picker's address reads the query string; a month's own ignores it.
        picking = "year" not in kwargs
        self.month_form = MonthForm((request.GET or None) if picking else None)
        if picking:
            if not self.month_form.is_bound:
                return redirect(calendar_url(today))
            if self.month_form.is_valid():
                data = self.month_form.cleaned_data
                return redirect(calendar_url(datetime.date(data["year"], data["month"], 1)))
            # A bad year or month: this month, with the picker saying what was wrong.
            kwargs.update(year=today.year, month=today.month)
        try:
            self.calendar = month_calendar(kwargs["year"], kwargs["month"], today=today)
        except (
            ValueError,
            OverflowError,
        ) as exc:  # month 0 or 13, year 0 (the converters bound the digits)
            raise Http404(gettext("その年月のカレンダーはありません。")) from exc
        if not self.month_form.is_bound:
            self.month_form = MonthForm(
                initial={"year": self.calendar.first.year, "month": self.calendar.first.month}
            )
        self.page_title = gettext("%(month)sの説明会等") % {
            "month": month_label(self.calendar.first)
        }
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        cal = self.calendar

        def link(month: datetime.date | None) -> tuple[str, str] | None:
            return (calendar_url(month), month_label(month)) if month else None

        context.update(
            calendar=cal,
            page_title=self.page_title,
            month_label=month_label(cal.first),
            month_form=self.month_form,
            previous=link(cal.previous),
            next=link(cal.next),
            # Only when it is not the month next door (already linked).
            earlier=link(cal.earlier_with_sessions)
            if cal.earlier_with_sessions != cal.previous
            else None,
            later=link(cal.later_with_sessions) if cal.later_with_sessions != cal.next else None,
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
        context["status"] = self.object.public_status
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
