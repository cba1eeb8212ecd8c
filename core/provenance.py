"""Where a fact of the record comes from: stated in its source, or inferred.

The 2017 record transcribes a document; some of what it holds the document
says (a session's date, place and title), some was inferred to fill the
record (which bureau hosts a seminar, that a bureau takes part in a thread).
Staff and the public must be able to tell the two apart, and no figure may
count an inferred row as if it were stated.

A model whose whole row is one such fact inherits `Sourced` (its provenance
and the reason, with the named constraint that an inferred row says why);
a model with one inferred field among stated ones uses `provenance_field`,
`reason_field` and `inferred_has_reason` for that field.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Provenance(models.TextChoices):
    STATED = "stated", _("資料に記載")
    INFERRED = "inferred", _("推定")


def provenance_field(verbose_name=None, **kwargs) -> models.CharField:
    # blank=True with a default: a form that leaves the field out keeps the
    # default (資料に記載); a blank choice is refused by `provenance_is_valid`.
    return models.CharField(
        verbose_name or _("出典の種類"),
        max_length=10,
        choices=Provenance.choices,
        default=Provenance.STATED,
        blank=True,
        **kwargs,
    )


def provenance_is_valid(
    field: str = "provenance", *, name: str = "provenance_valid"
) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(**{f"{field}__in": Provenance.values}),
        name=f"%(app_label)s_%(class)s_{name}",
        violation_error_message=_("出典の種類を選んでください。"),
    )


def reason_field(verbose_name=None, **kwargs) -> models.TextField:
    kwargs.setdefault(
        "help_text",
        _("資料のどの記述によるか。推定の場合は、何から推定したか（公開ページに表示されます）。"),
    )
    return models.TextField(verbose_name or _("根拠"), blank=True, **kwargs)


def inferred_has_reason(
    field: str = "provenance", reason: str = "provenance_note", *, name: str = "inferred_has_reason"
) -> models.CheckConstraint:
    """An inferred fact always says what it was inferred from."""
    return models.CheckConstraint(
        condition=~Q(**{field: Provenance.INFERRED}) | ~Q(**{reason: ""}),
        name=f"%(app_label)s_%(class)s_{name}",
        violation_error_message=_("推定の場合は、その根拠を入力してください。"),
    )


# Aggregate filters: count only what the source states.
STATED = Q(provenance=Provenance.STATED)


class Sourced(models.Model):
    """A row that is one fact, with where it comes from (list
    `inferred_has_reason()` and `provenance_is_valid()` in the subclass's
    Meta.constraints)."""

    provenance = provenance_field()
    provenance_note = reason_field()

    class Meta:
        abstract = True
