"""The place filters every list shares: a regional block and a prefecture by their codes.

The form and the other filters of every list are core.filters'.
"""

from django.utils.translation import gettext_lazy as _

from core.filters import ALL, DisplayNameChoiceFilter

from .models import Field, Prefecture, RegionalBlock


def block_filter(**kwargs) -> DisplayNameChoiceFilter:
    """A regional block chosen by its code (`?block=kyushu`), shared by every list."""
    return DisplayNameChoiceFilter(
        queryset=RegionalBlock.objects.all(),
        to_field_name="code",
        label=_("地域ブロック"),
        empty_label=ALL,
        error_messages={
            "invalid_choice": _("地域ブロック「%(value)s」はありません。一覧から選んでください。")
        },
        **kwargs,
    )


def prefecture_filter(**kwargs) -> DisplayNameChoiceFilter:
    """A prefecture chosen by its JIS code (`?prefecture=43`), shared by every list."""
    return DisplayNameChoiceFilter(
        queryset=Prefecture.objects.all(),
        to_field_name="code",
        label=_("都道府県"),
        empty_label=ALL,
        error_messages={
            "invalid_choice": _(
                "都道府県コード「%(value)s」はありません。01（北海道）から47（沖縄県）までの"
                "2桁で指定するか、一覧から選んでください。"
            )
        },
        **kwargs,
    )


def field_filter(**kwargs) -> DisplayNameChoiceFilter:
    """A roadmap field chosen by its slug (`?field=education`)."""
    kwargs.setdefault("label", _("分野"))
    return DisplayNameChoiceFilter(
        queryset=Field.objects.all(),
        to_field_name="slug",
        empty_label=ALL,
        error_messages={
            "invalid_choice": _("分野「%(value)s」はありません。一覧から選んでください。")
        },
        **kwargs,
    )
