"""The demo's national network: members (local governments and private bodies,
some of whom left) and the applications behind them, with pending and
rejected ones waiting in the admin."""

from __future__ import annotations

import datetime

from networks.models import NetworkApplication, NetworkMembership, Organization

from . import words
from .bulk import insert_with_history, link_with_history
from .context import Demo
from .volumes import _scaled

# At scale 1.
NETWORK_MEMBERS = 1_200  # about 55 % local governments, the rest private bodies
PENDING_APPLICATIONS = 150
REJECTED_APPLICATIONS = 80
LOCAL_SHARE = 0.55
LEFT_SHARE = 0.08
# The network began with the first proposal's follow-up (FY2017).
NETWORK_START = datetime.date(2017, 4, 1)

Kind = NetworkApplication.ApplicantKind
Status = NetworkApplication.Status


def _between(demo: Demo, first: datetime.date, last: datetime.date) -> datetime.date:
    span = max(0, (last - first).days)
    return first + datetime.timedelta(days=demo.rng.randrange(span + 1))


def _fields(demo: Demo) -> list[int]:
    return [f.pk for f in demo.rng.sample(demo.fields, demo.rng.randint(1, 3))]


def _application(demo: Demo, org: Organization, status: str, day: datetime.date):
    municipal = org.municipality_id is not None
    created = demo.entered(day, days_after=(0, 0))
    application = NetworkApplication(
        applicant_kind=Kind.MUNICIPALITY if municipal else Kind.ORGANIZATION,
        municipality_id=org.municipality_id,
        organization_name="" if municipal else org.name,
        organization_kind="" if municipal else org.kind,
        prefecture_id=org.prefecture_id,
        contact_name=demo.pick(words.SURNAMES) + demo.pick(words.GIVEN_NAMES),
        email=f"contact{org.pk}@example.jp",
        status=status,
        organization_id=org.pk if status == Status.APPROVED else None,
        created=created,
    )
    if status != Status.PENDING:
        application.reviewed_at = created + datetime.timedelta(days=demo.rng.randint(3, 20))
        application.review_note = "" if status == Status.APPROVED else "活動実態を確認できないため"
    application._history_date = created
    return application


def make_network(demo: Demo) -> dict[str, int]:
    """Create network memberships and applications; returns how many of each.

    Side effects: NetworkMembership and NetworkApplication rows with their
    creation history and fields of interest (bulk.insert_with_history,
    bulk.link_with_history). Each member has its approved application; an
    organization has at most one current membership and a municipality at
    most one pending application (the models' constraints).
    """
    scale = demo.volumes.scale
    governments = sorted(
        (org for orgs in demo.governments.values() for org in orgs if org.municipality_id),
        key=lambda org: org.pk,
    )
    private = sorted(demo.companies + demo.others, key=lambda org: org.pk)
    wanted = _scaled(NETWORK_MEMBERS, scale, minimum=10)
    local_count = min(len(governments), round(wanted * LOCAL_SHARE))
    private_count = min(len(private), wanted - local_count)
    chosen_local = demo.rng.sample(governments, local_count)
    chosen_private = demo.rng.sample(private, private_count)
    members = chosen_local + chosen_private

    memberships, applications, fields = [], [], []
    for org in members:
        joined = _between(demo, NETWORK_START, demo.today)
        applied = max(NETWORK_START, joined - datetime.timedelta(days=demo.rng.randint(5, 30)))
        membership = NetworkMembership(organization_id=org.pk, joined_on=joined)
        if demo.chance(LEFT_SHARE) and joined < demo.today:
            membership.left_on = _between(demo, joined + datetime.timedelta(days=1), demo.today)
        membership._history_date = demo.entered(joined, days_after=(0, 0))
        memberships.append(membership)
        applications.append(_application(demo, org, Status.APPROVED, applied))
        fields.append(_fields(demo))

    taken = {org.pk for org in members}
    outsiders = [org for org in governments + private if org.pk not in taken]
    demo.rng.shuffle(outsiders)
    # One pending application per municipality (two organizations may share one).
    pending, rest, pending_places = [], [], set()
    for org in outsiders:
        full = len(pending) >= _scaled(PENDING_APPLICATIONS, scale, minimum=2)
        if full or (org.municipality_id and org.municipality_id in pending_places):
            rest.append(org)
            continue
        pending.append(org)
        if org.municipality_id:
            pending_places.add(org.municipality_id)
    rejected = rest[: _scaled(REJECTED_APPLICATIONS, scale, minimum=1)]
    recent = demo.today - datetime.timedelta(days=60)
    for org in pending:
        applications.append(
            _application(demo, org, Status.PENDING, _between(demo, recent, demo.today))
        )
        fields.append(_fields(demo))
    for org in rejected:
        applications.append(
            _application(demo, org, Status.REJECTED, _between(demo, NETWORK_START, recent))
        )
        fields.append(_fields(demo))

    made_memberships = insert_with_history(NetworkMembership, memberships)
    made_applications = insert_with_history(NetworkApplication, applications)
    link_with_history(
        NetworkMembership,
        "fields",
        [(m.pk, f) for m, chosen in zip(made_memberships, fields, strict=False) for f in chosen],
    )
    link_with_history(
        NetworkApplication,
        "fields",
        [(a.pk, f) for a, chosen in zip(made_applications, fields, strict=True) for f in chosen],
    )
    return {
        "network members": len(made_memberships),
        "network applications": len(made_applications),
    }
