"""A stale form never overwrites another person's edit (optimistic locking).

The version of a row is the id of its latest history record
(django-simple-history): every save and every many-to-many change of a
tracked model writes one, so a new id means the row changed. No version
column is needed, and the history says who changed what, which the refusal
shows.

- Rendering a change form, each row it edits (the page's row and every
  existing inline row of a tracked model) carries its version in a hidden,
  signed field (`VERSION_FIELD`), so a version cannot be typed in or moved
  to another row.
- Saving, inside the admin's transaction, the rows are locked
  (SELECT … FOR UPDATE; SQLite serialises writers anyway) and their latest
  record read again. A row whose version moved, and whose fields on this form
  (or its deletion) changed since, refuses the whole save: nothing is
  written, no history record is made. A save that changed nothing, or only
  fields this form does not show, is no conflict. A missing or forged
  version is refused like a stale one.
- The form comes back with the message at the top, the changes since it was
  opened ("field: old → new", who, when; core.admin.changes), and the
  person's own edits kept over the current values: a field they changed
  keeps their input (marked when the other person changed it too), every
  other field shows the current value, and the version is the current one.
  Saving again then applies only their edits.
- A form shown again after an ordinary validation error keeps the version
  it was opened with.

`EditLockAdmin` (mixed into history.AuditedAdmin, and into any other admin
with an inline of a tracked model) applies this to every change form, its
inlines and the revert page; `check_rows` serves forms that
act on rows without editing them as a form (the briefing lifecycle steps).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django import forms
from django.contrib import admin
from django.core import signing
from django.db import router, transaction
from django.db.models import Max
from django.forms.boundfield import BoundField
from django.forms.models import InlineForeignKeyField, model_to_dict
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.utils import get_m2m_reverse_field_name

from .changes import EXTRA_DIFF_FIELDS, annotate_changes

VERSION_FIELD = "_row_version"
_signer = signing.Signer(salt="core.admin.locking")
# The most recent changes listed per row in a refusal.
CHANGES_SHOWN = 10

STALE = _(
    "%(subject)sは、あなたがフォームを開いた後に%(who)sが変更しました（%(when)s）。"
    "下の変更内容を確認し、もう一度入力してください。"
)
UNVERIFIED = _(
    "%(subject)sは、フォームを開いた時点の版を確かめられないため保存しませんでした。"
    "下の内容を確認し、もう一度保存してください。"
)
BOTH_CHANGED = _(
    "この欄は他の人も変更しています。あなたの入力を残しました。"
    "上の変更内容と見比べてから保存してください。"
)


# --- versions -----------------------------------------------------------------


def is_tracked(model) -> bool:
    return hasattr(model._meta, "simple_history_manager_attribute")


def _history(model):
    return getattr(model, model._meta.simple_history_manager_attribute).model


def current_versions(model, pks: Iterable, *, lock: bool) -> dict[str, int]:
    """The version of each row (str(pk) → latest history id; 0: none yet).

    With `lock` (inside a transaction) the rows are first locked until it
    ends, so nobody saves them between this read and our write. Two queries.
    """
    pks = list(pks)
    if not pks:
        return {}
    if lock:
        list(model._base_manager.select_for_update().filter(pk__in=pks).values_list("pk"))
    key = model._meta.pk.attname
    latest = (
        _history(model)
        .objects.filter(**{f"{key}__in": pks})
        .values(key)
        .annotate(version=Max("history_id"))
        .order_by()  # the history's default ordering would split the groups
    )
    found = {str(row[key]): row["version"] for row in latest}
    return {str(pk): found.get(str(pk), 0) for pk in pks}


def issue_token(model, versions: dict) -> str:
    """The signed versions of some rows of `model`, as a form carries them."""
    rows = ",".join(f"{pk}={version}" for pk, version in sorted(versions.items()))
    return _signer.sign(f"{model._meta.label_lower}:{rows}")


def read_token(model, token) -> dict[str, int] | None:
    """The versions a form carried back, or None if missing or not ours."""
    try:
        label, _sep, rows = _signer.unsign(token or "").partition(":")
        if label != model._meta.label_lower:
            return None
        pairs = (row.rpartition("=") for row in rows.split(",") if row)
        return {pk: int(version) for pk, _eq, version in pairs}
    except (signing.BadSignature, ValueError):
        return None


class RowVersions:
    """Versions of a set of rows, read once when first asked for."""

    def __init__(self, model, pks: Callable[[], Iterable], *, lock: bool):
        self.model, self._pks, self.lock = model, pks, lock

    @cached_property
    def _versions(self) -> dict[str, int]:
        return current_versions(self.model, self._pks(), lock=self.lock)

    def __getitem__(self, pk) -> int:
        return self._versions.get(str(pk), 0)


# --- what changed since -------------------------------------------------------


def _who(user) -> str:
    if user is None:
        return gettext("記録のない利用者")
    return gettext("%(name)sさん") % {"name": user.get_full_name() or user.get_username()}


@dataclass
class EditConflict:
    """A row changed since the form was opened: what to tell, what to show."""

    subject: str  # the row as the message names it
    title: str = ""  # the row as the list of changes names it
    inline: bool = False  # its message stands by a row further down, so the list repeats it
    records: list = field(default_factory=list)  # newest first, with history_delta_changes
    changed_fields: set = field(default_factory=set)  # net change since, by field name
    base: object = None  # the record the form was opened on, if known

    @property
    def message(self) -> str:
        if not self.records:
            return UNVERIFIED % {"subject": self.subject}
        names = dict.fromkeys(_who(r.history_user) for r in self.records)
        when = timezone.localtime(self.records[0].history_date)
        return STALE % {
            "subject": self.subject,
            "who": "、".join(names),
            "when": date_format(when, "DATETIME_FORMAT"),
        }

    def base_values(self, names) -> dict | None:
        """The form's fields as they were when it was opened (None: unknown)."""
        if self.base is None:
            return None
        m2m = {f.name: f for f in self.base._history_m2m_fields if f.name in names}
        values = model_to_dict(self.base.instance, fields=[n for n in names if n not in m2m])
        for name, m2m_field in m2m.items():
            target = get_m2m_reverse_field_name(m2m_field)
            rows = getattr(self.base, name).model._default_manager
            values[name] = list(
                rows.filter(history_id=self.base.history_id).values_list(f"{target}_id", flat=True)
            )
        return values


def find_conflict(model, pk, *, base: int | None, current: int, fields, subject, **labels):
    """The conflict of a row opened at version `base`, now at `current`, or
    None when nothing `fields` shows (None: any field) changed since.
    `labels`: the EditConflict's title and inline."""
    if base == current:
        return None
    history = _history(model).objects.filter(**{model._meta.pk.attname: pk})
    base_record = history.filter(history_id=base).first() if base else None
    since = list(
        history.filter(history_id__gt=base or 0)
        .select_related("history_user")
        .order_by("-history_id")[: CHANGES_SHOWN + 1]
    )
    if base_record is None or not since:
        return EditConflict(subject=subject, **labels)
    latest = since[0]
    # Editable fields only: the library's diff cannot compare others;
    # the soft deletion (EXTRA_DIFF_FIELDS) is compared below.
    tracked = {f.name for f in base_record.tracked_fields if f.editable} | {
        f.name for f in base_record._history_m2m_fields
    }
    names = tracked if fields is None else tracked.intersection(fields)
    changed = set(latest.diff_against(base_record, included_fields=names).changed_fields)
    changed |= {
        n for n in EXTRA_DIFF_FIELDS if getattr(latest, n, None) != getattr(base_record, n, None)
    }
    if not changed:
        return None
    shown = since[:CHANGES_SHOWN]
    older = [*since[1:], base_record][: len(shown)]
    annotate_changes(model, list(zip(shown, older, strict=True)))
    # Saves that changed nothing are left out; the latest is kept to name who and when.
    records = [r for r in shown if r.history_delta_changes] or [latest]
    return EditConflict(
        subject=subject, records=records, changed_fields=changed, base=base_record, **labels
    )


def check_rows(model, rows, token, *, subject: Callable) -> tuple[list[EditConflict], str]:
    """Lock `rows` and compare them with the versions `token` carried.

    Call inside the transaction that writes them. Returns the conflicts
    (none: go ahead) and a token of the current versions, for the form
    shown again.
    """
    versions = current_versions(model, [row.pk for row in rows], lock=True)
    posted = read_token(model, token) or {}
    conflicts = []
    for row in rows:
        conflict = find_conflict(
            model,
            row.pk,
            base=posted.get(str(row.pk)),
            current=versions[str(row.pk)],
            fields=None,
            subject=subject(row),
            title=subject(row),
        )
        if conflict is not None:
            conflicts.append(conflict)
    return conflicts, issue_token(model, versions)


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

    @property
    def version_input(self):
        return self[VERSION_FIELD] if VERSION_FIELD in self.fields else ""

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


# --- the admin ------------------------------------------------------------------


def page_forms(context) -> list:
    """The page's form and its inline forms, from a change form's context."""
    adminform = context.get("adminform")
    found = [adminform.form] if adminform is not None else []
    for inline in context.get("inline_admin_formsets") or []:
        found += inline.formset.forms
    return found


class EditLockAdmin(admin.ModelAdmin):
    """Every change form (and inline, and the revert page) carries the
    versions of its rows and refuses a stale save."""

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if obj is None or obj.pk is None or not is_tracked(self.model):
            return form  # an add form, or a row without history (its inlines may have one)
        return versioned_form(form)

    def get_formsets_with_inlines(self, request, obj=None):
        for formset, inline in super().get_formsets_with_inlines(request, obj):
            if obj is not None and obj.pk is not None and is_tracked(inline.model):
                formset = versioned_formset(formset)
            yield formset, inline

    @staticmethod
    def _add_edit_lock_context(context) -> None:
        found = page_forms(context)
        context["edit_versions"] = [
            f.version_input for f in found if getattr(f, "version_input", "")
        ]
        context["edit_conflicts"] = [
            f.edit_conflict for f in found if getattr(f, "edit_conflict", None)
        ]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        self._add_edit_lock_context(context)
        return super().render_change_form(request, context, add, change, form_url, obj)

    # The revert page (SimpleHistoryAdmin) is a change form too.
    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method != "POST":
            return super().history_form_view(request, object_id, version_id, extra_context)
        # The library saves without a transaction; the row lock needs one.
        with transaction.atomic(using=router.db_for_write(self.model)):
            return super().history_form_view(request, object_id, version_id, extra_context)

    def render_history_view(self, request, template, context, **kwargs):
        self._add_edit_lock_context(context)
        return super().render_history_view(request, template, context, **kwargs)
