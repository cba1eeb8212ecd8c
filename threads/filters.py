"""The activity filters: every activity by field, block and words (`q`), and a thread page's.

Which filters a thread page offers depends on the thread's kind: the vertical
thread works per roadmap field (`?field=<slug>`), the diagonal thread per
regional block (`?block=<code>`). Other threads offer none, and no thread
page offers `q` (the site search finds activities); a parameter a thread does
not offer is ignored rather than applied invisibly. Without a thread
(`ActivityFilterSet(data)`, as an API would use it) every filter applies.
"""

from django.utils.translation import gettext_lazy as _

from core.filters import ALL, DisplayNameChoiceFilter, FilterForm, PortalFilterSet
from networks.filters import block_filter
from networks.models import Field

from .models import Activity, Thread

FILTERS_BY_KIND: dict[str, tuple[str, ...]] = {
    Thread.Kind.VERTICAL: ("field",),
    Thread.Kind.DIAGONAL: ("block",),
}


class ActivityFilterSet(PortalFilterSet):
    search_fields = ("title", "description")

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
