"""Inlines that show a row's newest related rows only, with a link to the rest.

A thread has thousands of activities and status updates at national scale;
inlining all of them made its change form 130 queries and 420 KB. An inline
with `LatestRowsInlineMixin` edits the newest `latest_limit` rows (by
`latest_ordering`) and, when there are more, says so above the table with a
link 「すべて見る（N件）」 to the model's changelist filtered to this parent.
Saving works on the rows the form showed: a posted row that is no longer
among the newest (someone added rows meanwhile) is still found by its key.

Each row's own queries are cut too: the rows come with their parent and
`latest_select_related`, and the choices of `shared_choice_fields` (small
tables shown as plain selects: blocks, fields) are read once per inline,
not once per row, nor again for the empty row the add button copies. An
autocomplete among `latest_select_related` (a participation's organization)
shows the row's own organization, already read, instead of asking the
database for it again in every row.
"""

from urllib.parse import urlencode

from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect
from django.urls import NoReverseMatch, reverse


class KnownChoiceAutocompleteMixin:
    """An autocomplete that renders its chosen row from `known` (rows already
    read with the form's instance) when it can, and asks the database only
    for a value it does not know."""

    known: dict[str, object] = {}

    def optgroups(self, name, value, attr=None):
        empty = self.choices.field.empty_values
        selected = [str(v) for v in value if str(v) not in empty]
        if not selected or any(v not in self.known for v in selected):
            return super().optgroups(name, value, attr)
        options = []
        if not self.is_required and not self.allow_multiple_selected:
            options.append(self.create_option(name, "", "", False, 0))
        label = self.choices.field.label_from_instance
        for v in selected:
            options.append(self.create_option(name, v, label(self.known[v]), True, len(options)))
        return [(None, options, 0)]


class KnownChoiceAutocompleteSelect(KnownChoiceAutocompleteMixin, AutocompleteSelect):
    pass


class LatestRowsInlineMixin:
    latest_limit = 10
    latest_ordering: tuple[str, ...] = ("-pk",)
    latest_select_related: tuple[str, ...] = ()
    shared_choice_fields: tuple[str, ...] = ()
    template = "admin/edit_inline/tabular_latest.html"

    def changelist_url(self, fk, obj) -> str | None:
        """The model's changelist filtered to `obj`'s rows (by the foreign key `fk`)."""
        opts = self.model._meta
        try:
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        except NoReverseMatch:
            return None
        return f"{url}?{urlencode({f'{fk.name}__{fk.target_field.name}__exact': obj.pk})}"

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if (
            "widget" not in kwargs
            and db_field.name in self.latest_select_related
            and db_field.name in self.get_autocomplete_fields(request)
        ):
            # Read with the rows: the widget needs no query of its own (_know_related).
            kwargs["widget"] = KnownChoiceAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        limit, ordering = self.latest_limit, self.latest_ordering
        related = (formset.fk.name, *self.latest_select_related)
        shared = self.shared_choice_fields
        more_url = self.changelist_url(formset.fk, obj) if obj is not None and obj.pk else None

        class LatestRowsFormSet(formset):
            latest_limit = limit
            changelist_url = more_url

            def get_queryset(self):
                if not hasattr(self, "_queryset"):
                    self.total_rows = self.queryset.count()
                    latest = self.queryset.select_related(*related).order_by(*ordering)[:limit]
                    len(latest)  # fetched once; indexing and iteration use these rows
                    self._queryset = latest
                return self._queryset

            @property
            def has_more_rows(self) -> bool:
                self.get_queryset()
                return self.total_rows > limit

            def _construct_form(self, i, **kwargs):
                form = super()._construct_form(i, **kwargs)
                self._share_choices(form)
                self._know_related(form)
                return form

            @property
            def empty_form(self):
                form = super().empty_form
                self._share_choices(form)
                return form

            def _share_choices(self, form):
                if not hasattr(self, "_shared_choices"):
                    # iter(): list() of the choices alone would first COUNT them (len()).
                    self._shared_choices = {
                        name: list(iter(form.fields[name].choices))
                        for name in shared
                        if name in form.fields
                    }
                for name, choices in self._shared_choices.items():
                    field = form.fields[name]
                    field.choices = choices
                    inner = getattr(field.widget, "widget", None)  # the admin's +/✎ wrapper
                    if inner is not None:
                        inner.choices = choices

            def _know_related(self, form):
                for name in related:
                    field = form.fields.get(name)
                    widget = getattr(field, "widget", None)
                    widget = getattr(widget, "widget", widget)  # the admin's +/✎ wrapper
                    if not isinstance(widget, KnownChoiceAutocompleteMixin):
                        continue
                    row = getattr(form.instance, name) if form.instance.pk else None
                    if row is not None:
                        widget.known = {str(row.pk): row}

            def _existing_object(self, pk):
                found = super()._existing_object(pk)
                if found is None:
                    found = self.queryset.filter(pk=pk).first()
                return found

        return LatestRowsFormSet


class LatestRowsTabularInline(LatestRowsInlineMixin, admin.TabularInline):
    pass
