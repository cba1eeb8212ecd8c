"""The activity filters of a thread page.

Which filters a page offers depends on the thread's kind: the vertical thread
works per roadmap field (`?field=<slug>`), the diagonal thread per regional
block (`?block=<code>`). Other threads offer none; a parameter a thread does
not offer is ignored rather than applied invisibly.
"""

import django_filters
from django.utils.translation import gettext_lazy as _

from core.filters import ALL, DisplayNameChoiceFilter, FilterForm
from networks.filters import block_filter
from networks.models import Field

from .models import Activity, Thread

FILTERS_BY_KIND: dict[str, tuple[str, ...]] = {
    Thread.Kind.VERTICAL: ("field",),
    Thread.Kind.DIAGONAL: ("block",),
}


class ActivityFilterSet(django_filters.FilterSet):
    field = DisplayNameChoiceFilter(
        queryset=Field.objects.all(),
        to_field_name="slug",
        label=_("分野"),
        empty_label=ALL,
        error_messages={
            "invalid_choice": _("分野「%(value)s」はありません。一覧から選んでください。")
        },
    )
    block = block_filter()

    class Meta:
        model = Activity
        fields: list[str] = []
        form = FilterForm

    def __init__(self, *args, thread: Thread | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if thread is not None:
            offered = FILTERS_BY_KIND.get(thread.kind, ())
            for name in list(self.filters):
                if name not in offered:
                    del self.filters[name]
