"""Forms of the briefing admin.

- `BriefingAdminForm`: the change form, with the lifecycle rules of
  briefings.services.lifecycle for a status set by hand.
- `BriefingMaterialForm` / `BriefingMaterialInlineFormSet`: the handouts
  inline (資料1, 資料2 …), numbered automatically when the number is left blank.
- `HeldForm`, `CancelForm`, `PostponeForm`, `DuplicateForm`: the
  intermediate forms of the lifecycle steps (briefings.admin_actions).
"""

from django import forms
from django.contrib.admin.widgets import AdminFileWidget, AutocompleteSelectMultiple
from django.db import models
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _

from core import dates
from core.admin.locking import RowVersionField
from networks.models import Organization

from .forms import DateInput
from .models import Briefing, BriefingMaterial
from .services import lifecycle

# --- the change form ----------------------------------------------------------


class BriefingAdminForm(forms.ModelForm):
    """Checks a status chosen on the change form as the lifecycle steps do.

    A session newly set to held (開催済) needs an attendee count and a date
    that is not in the future; one that was already held is left alone, so
    the 2017 record's sessions, held without counts, can still be edited.
    A cancelled one needs a reason, said here before the database
    constraint would refuse it.
    """

    class Meta:
        model = Briefing
        # BriefingAdmin passes the fields of its fieldsets; these are the
        # ones clean() reads.
        fields = ("status", "date", "audience_size", "cancellation_reason")

    def clean(self):
        cleaned_data = super().clean()
        status = cleaned_data.get("status")
        # clean() runs before the form's values reach the instance, so the
        # instance still holds the stored status.
        stored = self.instance.status if self.instance.pk else None
        errors = []
        if status == Briefing.Status.HELD and stored != Briefing.Status.HELD:
            today = dates.today()
            errors += lifecycle.held_errors(
                attendees=cleaned_data.get("audience_size"),
                date=cleaned_data.get("date") or today,
                today=today,
            )
        if status == Briefing.Status.CANCELLED:
            errors += lifecycle.cancellation_errors(
                reason=cleaned_data.get("cancellation_reason", "")
            )
        for error in errors:
            field = error.field if error.field in self.fields else None
            self.add_error(field, error.message)
        return cleaned_data


# --- the handouts inline --------------------------------------------------------


def _file_or_url_errors(*, has_file: bool, url: str) -> list:
    if has_file and url:
        return [_("ファイルとURLのどちらか一方だけを指定してください。")]
    if not has_file and not url:
        return [_("ファイルかURLを指定してください。")]
    return []


def _https_urls(db_field, **kwargs):
    # An address typed without a scheme becomes https://…, as in the admin (HTTPS_URLS).
    if isinstance(db_field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return db_field.formfield(**kwargs)


class _ServedFile:
    """A stored handout as the file box shows it: its name, linked to the portal's view."""

    def __init__(self, stored):
        self.name = stored.name
        self.url = stored.instance.href

    def __str__(self) -> str:
        return self.name


class MaterialFileInput(AdminFileWidget):
    """The admin's file box, whose 「現在」 link opens the handout through
    briefings:material_file, as the public page does.

    Django's box links to the file's storage URL (MEDIA_URL), which nothing
    serves, and which would bypass the download rule if it were served
    (core.uploads.attachment_response). The link is taken from the row here,
    rather than by a storage whose url() points at the view, so that the
    storage keeps meaning what it says for everything else.
    """

    def format_value(self, value):
        value = super().format_value(value)
        if self.is_initial(value) and getattr(value, "instance", None) is not None:
            return _ServedFile(value)
        return value


class BriefingMaterialForm(forms.ModelForm):
    class Meta:
        model = BriefingMaterial
        fields = ("order", "title", "file", "url")
        formfield_callback = _https_urls
        widgets = {"file": MaterialFileInput}
        help_texts = {"order": _("空欄なら最後の資料の次の番号になります。")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["order"].required = False
        # Not the model default (1): an empty box means "number it for me".
        self.fields["order"].initial = None

    def clean(self):
        cleaned_data = super().clean()
        # An uploaded or kept file is truthy; a cleared one is False.
        has_file = bool(cleaned_data.get("file"))
        for message in _file_or_url_errors(has_file=has_file, url=cleaned_data.get("url", "")):
            # On a field, so the model's file-or-URL constraint (which would
            # repeat it in its own words) is not checked again.
            self.add_error("url" if has_file else "file", message)
        return cleaned_data


class BriefingMaterialInlineFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        kept = [
            form
            for form in self.forms
            if hasattr(form, "cleaned_data")
            and not self._should_delete_form(form)
            and (form.instance.pk or form.has_changed())
        ]
        numbers = [form.cleaned_data.get("order") for form in kept]
        last = max((n for n in numbers if n is not None), default=0)
        for form in kept:
            if form.cleaned_data.get("order") is None:
                last += 1
                form.cleaned_data["order"] = last
                form.instance.order = last


# --- the lifecycle steps ----------------------------------------------------------


class StepForm(forms.Form):
    """A step's form carries the versions of the rows it was opened for, so a
    step taken on a stale page is refused (admin_actions.apply_step)."""

    # The admin's stylesheet marks required fields' labels in bold.
    required_css_class = "required"
    versions = RowVersionField()
    # What changed since the page was opened, once a step was refused for it.
    edit_conflicts = ()

    def show_conflicts(self, conflicts, token: str) -> None:
        """Shown again after a refusal: the changes, and the current versions
        (the person's own input stays as they sent it)."""
        self.edit_conflicts = conflicts
        self.data = self.data.copy()
        self.data[self.add_prefix("versions")] = token


class MaterialForm(forms.Form):
    """One handout of the held form: a title and an uploaded file or a link."""

    title = forms.CharField(
        label=_("資料名"),
        max_length=BriefingMaterial._meta.get_field("title").max_length,
        required=False,
    )
    # The model field's rule (core.uploads: handout kinds and size limit).
    file = forms.FileField(
        label=_("ファイル"),
        required=False,
        validators=BriefingMaterial._meta.get_field("file").validators,
    )
    url = forms.URLField(label=_("URL"), required=False, assume_scheme="https")

    def clean(self):
        cleaned_data = super().clean()
        title = cleaned_data.get("title", "")
        # A refused file was still given: its own message says why, not
        # "give a file or a URL".
        has_file = bool(cleaned_data.get("file")) or self.has_error("file")
        url = cleaned_data.get("url", "")
        if not (title or has_file or url):
            return cleaned_data  # an empty row
        if not title:
            self.add_error("title", _("資料名を入力してください。"))
        for message in _file_or_url_errors(has_file=has_file, url=url):
            raise forms.ValidationError(message, code="file_or_url")
        return cleaned_data

    def material(self) -> tuple[str, object] | None:
        """(title, file or URL), or None for an empty row."""
        data = self.cleaned_data
        if not data.get("title"):
            return None
        return (data["title"], data.get("file") or data["url"])


MaterialFormSet = forms.formset_factory(MaterialForm, extra=3)


class HeldForm(StepForm):
    """開催済にする: attendance, minutes and handouts (an inner formset)."""

    attendees = forms.IntegerField(label=_("参加者数"), min_value=1)
    minutes = forms.CharField(
        label=_("議事概要"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )

    def __init__(self, data=None, files=None, *, admin_site, **kwargs):
        super().__init__(data, files, **kwargs)
        # The same search as the change form's 参加団体 (the organization admin's).
        self.fields["organizations"] = forms.ModelMultipleChoiceField(
            label=_("参加団体"),
            queryset=Organization.objects.all(),
            required=False,
            widget=AutocompleteSelectMultiple(
                Briefing._meta.get_field("attending_organizations"), admin_site
            ),
            help_text=_("団体名で検索して選びます。"),
        )
        self.order_fields(["attendees", "organizations", "minutes"])
        self.materials = MaterialFormSet(data, files, prefix="materials")

    def is_valid(self) -> bool:
        # Both, so that every error is shown at once.
        form_valid = super().is_valid()
        return self.materials.is_valid() and form_valid

    def is_multipart(self) -> bool:
        return True

    @property
    def media(self):
        return super().media + self.materials.media

    def material_list(self) -> list[tuple[str, object]]:
        """The handouts in the order of the rows, empty rows left out."""
        return [m for m in (form.material() for form in self.materials.forms) if m]


class CancelForm(StepForm):
    """中止にする: the reason is required (and shown on the public page)."""

    reason = forms.CharField(
        label=_("中止の理由"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("公開ページに表示されます。"),
    )


class PostponeForm(StepForm):
    """延期にする: a new date if one is known, and a note for 備考."""

    new_date = forms.DateField(
        label=_("新しい開催日"),
        required=False,
        widget=DateInput(),
        help_text=_(
            "決まっていれば入力します（予定に戻り、この日に移ります）。"
            "空欄なら「延期」となり、開催日はそのまま残ります。"
        ),
    )
    note = forms.CharField(
        label=_("延期の理由など"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("備考に追記され、公開ページに表示されます。"),
    )


class DuplicateForm(StepForm):
    """複製する: the new session's date."""

    date = forms.DateField(label=_("複製先の開催日"), widget=DateInput())
