"""The national network's public pages: apply, the confirmation, the member directory."""

import logging

from django.core import signing
from django.db.models import Count, Prefetch, Q
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.views.generic import FormView, TemplateView
from django_filters.views import FilterView

from core.views import BreadcrumbsMixin, LenientPaginationMixin
from networks.models import Field, NetworkMembership, Organization
from networks.services import NetworkMembershipError, submit_application

from . import ratelimit
from .filters import MemberFilterSet
from .forms import ApplicationForm

security_logger = logging.getLogger("security")

# The confirmation page names the receipt number for an hour, signed so no
# one reads another's by changing the address.
RECEIPT_SALT = "network-apply-receipt"
RECEIPT_MAX_AGE = 60 * 60


def network_breadcrumbs(label: str, url: str) -> list[tuple[str, str]]:
    return [(gettext("全国ネットワーク会員"), reverse("membership:members")), (label, url)]


class ApplyView(BreadcrumbsMixin, FormView):
    """The application form: checked on the server, sent once (PRG), never
    published before an editor approves it (networks.services.membership)."""

    template_name = "portal/membership/apply.html"
    form_class = ApplicationForm

    def get_breadcrumbs(self):
        return network_breadcrumbs(gettext("加入申込"), reverse("membership:apply"))

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if ratelimit.limited(request):
            security_logger.warning(
                "network application refused: rate limit", extra={"request": request}
            )
            form.add_error(
                None,
                gettext(
                    "このネットワークからの送信が多すぎるため、受け付けられません。"
                    "1時間ほど後にもう一度送信してください。"
                ),
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        if form.is_spam:
            # A robot filled the hidden field: it sees the usual answer, nothing is kept.
            ratelimit.count(request)
            security_logger.warning(
                "network application dropped: honeypot", extra={"request": request}
            )
            return redirect("membership:apply_done")
        if not form.is_valid():
            return self.form_invalid(form)
        try:
            application = submit_application(**form.submission())
        except NetworkMembershipError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        ratelimit.count(request)
        receipt = signing.dumps(application.pk, salt=RECEIPT_SALT)
        return redirect(f"{reverse('membership:apply_done')}?receipt={receipt}")


class ApplyDoneView(BreadcrumbsMixin, TemplateView):
    template_name = "portal/membership/apply_done.html"

    def get_breadcrumbs(self):
        return network_breadcrumbs(gettext("加入申込"), reverse("membership:apply"))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        try:
            context["receipt_number"] = signing.loads(
                self.request.GET.get("receipt", ""), salt=RECEIPT_SALT, max_age=RECEIPT_MAX_AGE
            )
        except signing.BadSignature:
            context["receipt_number"] = None
        return context


def member_counts() -> dict[str, int]:
    """Current members: local governments and private bodies (every other kind), one query."""
    local = Q(organization__kind=Organization.Kind.LOCAL_GOVERNMENT)
    return NetworkMembership.objects.current().aggregate(
        municipalities=Count("pk", filter=local),
        private=Count("pk", filter=~local),
        total=Count("pk"),
    )


class MemberListView(BreadcrumbsMixin, LenientPaginationMixin, FilterView):
    """Current members, filtered by kind, prefecture, block, field and name;
    a bad value empties the list and the form says why."""

    template_name = "portal/membership/member_list.html"
    context_object_name = "memberships"
    filterset_class = MemberFilterSet
    paginate_by = 50

    def get_queryset(self):
        return (
            NetworkMembership.objects.current()
            .select_related("organization__prefecture", "organization__block")
            # A list per row (to_attr): a prefetch read through
            # `membership.fields.all()` gives each row a related manager and
            # a queryset, which cost more than the query.
            .prefetch_related(
                Prefetch(
                    "fields",
                    queryset=Field.objects.order_by("order", "slug"),
                    to_attr="field_list",
                )
            )
            .order_by("organization__name", "pk")
        )

    def get_breadcrumbs(self):
        return [(gettext("全国ネットワーク会員"), reverse("membership:members"))]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["counts"] = member_counts()
        return context
