"""The forms side of core.admin.locking: a tracked row's ModelForm carries
its version and refuses a stale save, then offers the current values."""

from __future__ import annotations

from django import forms
from django.forms.boundfield import BoundField
from django.forms.models import InlineForeignKeyField, model_to_dict
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .versions import (
    VERSION_FIELD,
    EditConflict,
    RowVersions,
    find_conflict,
    issue_token,
    read_token,
)

BOTH_CHANGED = _(
    "この欄は他の人も変更しています。あなたの入力を残しました。"
    "上の変更内容と見比べてから保存してください。"
)


# --- forms ----------------------------------------------------------------------


class RowVersionField(forms.CharField):
    """The hidden, signed versions of the rows a form acts on."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def has_changed(self, initial, data):
        # Bookkeeping: carrying a version is no change of the row.
        return False


class _OfferedBoundField(BoundField):
    """Shows the value a refusal offers (the current one) instead of the
    posted one, where the form says so."""

    @property
    def data(self):
        offered = getattr(self.form, "offered_values", {})
        if self.name in offered:
            return offered[self.name]
        return super().data


class VersionedFormMixin:
    """For the ModelForm of a tracked model: carries its row's version and
    refuses a stale save (see the module docstring)."""

    bound_field_class = _OfferedBoundField

    def __init__(self, *args, row_versions: RowVersions | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.edit_conflict = None
        self.offered_values = {}
        # An inline row is written only if changed; the page's row always is.
        self._inline = row_versions is not None
        if self.instance.pk is None:
            return
        model, pk = type(self.instance), self.instance.pk
        self._row_versions = row_versions or RowVersions(model, lambda: [pk], lock=self.is_bound)
        self.fields[VERSION_FIELD] = RowVersionField(
            initial=lambda: issue_token(model, {pk: self._row_versions[pk]})
        )

    def _row_name(self) -> str:
        return gettext("%(model)s「%(row)s」") % {
            "model": self.instance._meta.verbose_name,
            "row": Truncator(str(self.instance)).chars(30),
        }

    def clean(self):
        cleaned_data = super().clean()
        if VERSION_FIELD in self.fields and (not self._inline or self.has_changed()):
            self._check_version()
        return cleaned_data

    def _check_version(self) -> None:
        model, pk = type(self.instance), self.instance.pk
        posted = read_token(model, self[VERSION_FIELD].data) or {}
        current = self._row_versions[pk]
        conflict = find_conflict(
            model,
            pk,
            base=posted.get(str(pk)),
            current=current,
            fields=[name for name in self.fields if name != VERSION_FIELD],
            subject=self._row_name() if self._inline else gettext("この項目"),
            title=self._row_name(),
            inline=self._inline,
        )
        if conflict is None:
            return
        self.edit_conflict = conflict
        self.add_error(None, conflict.message)
        self._offer_current(conflict)
        self.offered_values[VERSION_FIELD] = issue_token(model, {pk: current})

    def _offer_current(self, conflict: EditConflict) -> None:
        """Current values in the fields the person left alone; theirs elsewhere."""
        model = type(self.instance)
        names = [
            name
            for name, form_field in self.fields.items()
            if name not in (VERSION_FIELD, model._meta.pk.name)
            and not isinstance(form_field, InlineForeignKeyField)
        ]
        fresh = model._base_manager.get(pk=self.instance.pk)
        now = model_to_dict(fresh, fields=names)
        then = conflict.base_values(names)
        for name in now:
            mine = (
                then is None
                or name not in then
                or self.fields[name].has_changed(then[name], self[name].data)
            )
            if not mine:
                self.offered_values[name] = now[name]
            elif name in conflict.changed_fields:
                self.add_error(name, BOTH_CHANGED)


def versioned_form(form_class):
    return type(form_class.__name__, (VersionedFormMixin, form_class), {})


def versioned_formset(formset_class):
    """The inline formset of a tracked model, its rows' versions read in one go."""

    class VersionedFormSet(formset_class):
        form = versioned_form(formset_class.form)

        @cached_property
        def row_versions(self) -> RowVersions:
            return RowVersions(
                self.model, lambda: [obj.pk for obj in self.get_queryset()], lock=self.is_bound
            )

        def get_form_kwargs(self, index):
            return {**super().get_form_kwargs(index), "row_versions": self.row_versions}

    return VersionedFormSet
