"""The one access rule, as object permissions: what a role may do, where it reaches.

A user may view, change or delete a row when their role's group holds that
permission (the policy, portal/roles.py) and the row is within reach: every
row for an editor (changing) or a viewer (reading), the rows of their own
place for a confined role (a bureau: its block's), by the model's one
declaration (core.access.scope). With `others_visible`, a confined user
also views the rows outside their place.

`register_scope` registers these rules for each declared model; the admin
(core.admin.scoped) asks them for every row it opens. Without an object the
question is the model-level one, which the groups' permissions answer.
"""

from __future__ import annotations

import rules
from django.contrib.auth.backends import ModelBackend

from .roles import user_scope
from .scope import Scoped, scope_of


@rules.predicate
def edits_everywhere(user) -> bool:
    return user_scope(user).edits_all


@rules.predicate
def reads_everywhere(user) -> bool:
    return user_scope(user).reads_all


@rules.predicate
def has_place(user) -> bool:
    """A confined user with a place (one without reaches nothing)."""
    return user_scope(user).placed


@rules.predicate
def in_own_scope(user, obj) -> bool:
    """The object lies in the confined user's own place.

    Without an object this is a model-level question, which the groups'
    model permissions answer, so the predicate says no.
    """
    if obj is None:
        return False
    declared = scope_of(type(obj))
    return declared is not None and declared.contains(obj, user_scope(user))


# Where a user reaches, whatever their group holds (the permissions below add that).
can_edit_in_scope = edits_everywhere | in_own_scope
can_view_in_scope = reads_everywhere | in_own_scope


# Model-level permissions only: asking `user.has_perm` would come back here.
_groups = ModelBackend()


def holds(perm: str) -> rules.Predicate:
    """The user's groups (or a superuser's flag) grant `perm` at model level."""

    def test(user) -> bool:
        return _groups.has_perm(user, perm)

    return rules.Predicate(test, name=f"holds {perm}")


def register_object_rules(model, declared: Scoped) -> None:
    """Register view/change/delete on `model`'s rows: the group's permission, within reach."""
    label = f"{model._meta.app_label}.%s_{model._meta.model_name}"
    view = (reads_everywhere | has_place) if declared.others_visible else can_view_in_scope
    for action, reach in (
        ("view", view),
        ("change", can_edit_in_scope),
        ("delete", can_edit_in_scope),
    ):
        perm = label % action
        rules.set_perm(perm, reach & holds(perm))
