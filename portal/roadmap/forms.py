"""The roadmap pages' one parameter: `as_of`, the date to see the picture on."""

from django import forms
from django.utils.translation import gettext_lazy as _


class AsOfForm(forms.Form):
    """`?as_of=YYYY-MM-DD`; blank: today's record. A bad value is an error on
    the page (the picture of today is shown), never a 500."""

    as_of = forms.DateField(
        label=_("時点"),
        required=False,
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "invalid": _("日付は 2019-03-31 のように 年-月-日 で指定してください。"),
        },
        help_text=_("この日までの最新の報告で数えます。"),
    )

    def clean_as_of(self):
        value = self.cleaned_data["as_of"]
        if value is not None and not 2000 <= value.year <= 2100:
            raise forms.ValidationError(_("2000年から2100年までの日付を指定してください。"))
        return value

    @property
    def date(self):
        """The valid date asked for, or None (today's record)."""
        return self.cleaned_data.get("as_of") if self.is_valid() else None
