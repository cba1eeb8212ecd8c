"""The demo's national network work: needs, offers and their matches,
projects (with their status history and 横展開), staff dispatches and cases.

Volumes at scale 1 are below (scaled like the rest, portal.demo.volumes);
every row is consistent with the models' rules (a need's prefecture is its
municipality's, a decided match has its date, a project's history leads
step by step to its status, a case is reported by its municipality's block).
"""

from __future__ import annotations

import datetime
import math

from networks.models import (
    Case,
    Dispatch,
    Match,
    Need,
    Offer,
    Organization,
    Project,
    ProjectStatusChange,
)

from .bulk import insert, insert_with_history, link_with_history
from .context import Demo

# At scale 1.
NEEDS = 3_000
OFFERS = 1_500
MATCHES = 2_000
PROJECTS = 1_000
SPREAD_SHARE = 0.3  # projects that copy an earlier one (横展開)
DISPATCHES = 300
CASES = 800

NEED_TITLES = (
    "{field}分野のデータ活用",
    "高齢者の見守りと{field}",
    "{field}の担い手不足への対応",
    "{muni}における{field}のIoT化",
    "{field}の業務効率化",
)
OFFER_TITLES = (
    "{field}向けIoTセンサー",
    "{field}のクラウドサービス",
    "{field}データの分析支援",
    "{field}の遠隔支援システム",
)
PROJECT_TITLES = ("{muni}の{field}IoT実装", "{field}モデル事業（{muni}）", "{muni}スマート{field}")
CASE_TITLES = ("{muni}の{field}IoT", "{field}の地域実装（{muni}）", "{muni}における{field}の実証")
DISPATCH_TOPICS = ("{field}のIoT導入支援", "{field}データ連携の立ち上げ", "{field}の実証の運営")

# A project's path through its statuses, by where it ends.
PATHS = {
    "proposed": ["proposed"],
    "selected": ["proposed", "selected"],
    "under_way": ["proposed", "selected", "under_way"],
    "implemented": ["proposed", "selected", "under_way", "implemented"],
    "withdrawn": ["proposed", "selected", "withdrawn"],
}
PROJECT_ENDS = ("proposed", "selected", "under_way", "under_way", "implemented", "withdrawn")


def _scaled(value: int, demo: Demo) -> int:
    return max(3, math.ceil(value * demo.volumes.scale))


def _municipalities(demo: Demo) -> list[Organization]:
    found = [
        org for orgs in demo.governments.values() for org in orgs if org.municipality_id is not None
    ]
    return sorted(found, key=lambda org: org.pk)


def _text(demo: Demo, patterns, org: Organization, field) -> str:
    muni = org.name.split("（")[0]
    return demo.pick(patterns).format(field=field.name, muni=muni)


def _later(demo: Demo, day: datetime.date, most: int) -> datetime.date:
    return min(day + datetime.timedelta(days=demo.rng.randint(1, most)), demo.today)


def _entered(demo: Demo, obj, day: datetime.date):
    obj._history_date = demo.entered(day, days_after=(0, 5))
    return obj


def make_network(demo: Demo) -> dict[str, int]:
    """Create the network's rows; returns the rows made per kind.

    Side effects: Need, Offer (with fields, blocks and prefectures), Match,
    Project (with partners), ProjectStatusChange, Dispatch and Case rows,
    each tracked row with its creation history (bulk.insert_with_history).
    """
    municipalities = _municipalities(demo)
    companies = demo.companies or demo.others
    if len(municipalities) < 2 or not companies:
        return {"needs": 0, "offers": 0, "matches": 0, "projects": 0, "dispatches": 0, "cases": 0}
    prefectures = {p.pk: p for p in demo.prefectures}

    needs = []
    for _ in range(_scaled(NEEDS, demo)):
        org, field, day = demo.pick(municipalities), demo.pick(demo.fields), demo.past_day()
        needs.append(
            _entered(
                demo,
                Need(
                    organization=org,
                    field=field,
                    prefecture_id=org.prefecture_id,
                    title=_text(demo, NEED_TITLES, org, field),
                    status="closed" if demo.chance(0.2) else "open",
                    posted_on=day,
                ),
                day,
            )
        )
    needs = insert_with_history(Need, needs)

    offers, offer_fields, offer_blocks, offer_prefectures = [], [], [], []
    for _ in range(_scaled(OFFERS, demo)):
        org, field, day = demo.pick(companies), demo.pick(demo.fields), demo.past_day()
        offers.append(
            _entered(
                demo,
                Offer(
                    organization=org,
                    title=_text(demo, OFFER_TITLES, org, field),
                    nationwide=demo.chance(0.4),
                    status="closed" if demo.chance(0.15) else "open",
                    posted_on=day,
                ),
                day,
            )
        )
        offers[-1]._fields = {field.pk, demo.pick(demo.fields).pk}
    offers = insert_with_history(Offer, offers)
    for offer in offers:
        offer_fields += [(offer.pk, pk) for pk in sorted(offer._fields)]
        if offer.nationwide:
            continue
        prefecture = prefectures.get(offer.organization.prefecture_id) or demo.prefecture()
        if demo.chance(0.5):
            offer_blocks.append((offer.pk, prefecture.block_id))
        else:
            offer_prefectures.append((offer.pk, prefecture.pk))
    link_with_history(Offer, "fields", offer_fields)
    link_with_history(Offer, "blocks", offer_blocks)
    link_with_history(Offer, "prefectures", offer_prefectures)

    matches, pairs = [], set()
    for _ in range(_scaled(MATCHES, demo)):
        need, offer = demo.pick(needs), demo.pick(offers)
        if (need.pk, offer.pk) in pairs:
            continue
        pairs.add((need.pk, offer.pk))
        proposed = max(need.posted_on, offer.posted_on)
        status = demo.pick(("proposed", "in_talks", "in_talks", "agreed", "declined"))
        decided = _later(demo, proposed, 120) if status in ("agreed", "declined") else None
        matches.append(
            _entered(
                demo,
                Match(
                    need=need, offer=offer, status=status, proposed_on=proposed, decided_on=decided
                ),
                proposed,
            )
        )
    insert_with_history(Match, matches)

    projects = _make_projects(demo, municipalities, companies)
    dispatches = _make_dispatches(demo, municipalities)
    cases = _make_cases(demo, municipalities)
    return {
        "needs": len(needs),
        "offers": len(offers),
        "matches": len(matches),
        "projects": projects,
        "dispatches": dispatches,
        "cases": cases,
    }


def _make_projects(demo: Demo, municipalities, companies) -> int:
    total = _scaled(PROJECTS, demo)
    copies = int(total * SPREAD_SHARE)
    made: list[Project] = []
    history: list[ProjectStatusChange] = []
    partners: list[tuple[int, int]] = []
    # Models first, then the projects that copy them (their ids are known by then).
    for batch, size in (("models", total - copies), ("copies", copies)):
        rows, paths = [], []
        for _ in range(size):
            org, field = demo.pick(municipalities), demo.pick(demo.fields)
            model = demo.pick(made) if batch == "copies" and made else None
            path = PATHS[demo.pick(PROJECT_ENDS)]
            day = demo.past_day()
            if model is not None:
                field, day = model.field, max(day, model.status_since)
            dates = [day]
            for _step in path[1:]:
                dates.append(_later(demo, dates[-1], 200))
            rows.append(
                _entered(
                    demo,
                    Project(
                        title=_text(demo, PROJECT_TITLES, org, field),
                        lead=org,
                        field=field,
                        status=path[-1],
                        status_since=dates[-1],
                        spread_from=model,
                    ),
                    dates[0],
                )
            )
            paths.append(list(zip(path, dates, strict=True)))
        rows = insert_with_history(Project, rows)
        for project, steps in zip(rows, paths, strict=True):
            previous = ""
            for status, day in steps:
                history.append(
                    ProjectStatusChange(
                        project=project, date=day, from_status=previous, to_status=status
                    )
                )
                previous = status
            if demo.chance(0.6):
                partners.append((project.pk, demo.pick(companies).pk))
        made += rows
    insert(ProjectStatusChange, history)
    link_with_history(Project, "partners", sorted(set(partners)))
    return len(made)


def _make_dispatches(demo: Demo, municipalities) -> int:
    rows = []
    for _ in range(_scaled(DISPATCHES, demo)):
        sender, receiver = demo.pick(municipalities), demo.pick(municipalities)
        if sender.pk == receiver.pk:
            continue
        field, start = demo.pick(demo.fields), demo.day()
        end = (
            start + datetime.timedelta(days=demo.rng.randint(1, 180)) if demo.chance(0.8) else None
        )
        if start > demo.today:
            status = demo.pick(("requested", "arranged"))
        else:
            status = demo.pick(("arranged", "done", "done"))
        rows.append(
            _entered(
                demo,
                Dispatch(
                    from_organization=sender,
                    to_organization=receiver,
                    topic=_text(demo, DISPATCH_TOPICS, receiver, field),
                    field=field,
                    start_on=start,
                    end_on=end,
                    status=status,
                ),
                min(start, demo.today),
            )
        )
    return len(insert_with_history(Dispatch, rows))


def _make_cases(demo: Demo, municipalities) -> int:
    rows = []
    for _ in range(_scaled(CASES, demo)):
        org, field, day = demo.pick(municipalities), demo.pick(demo.fields), demo.past_day()
        rows.append(
            _entered(
                demo,
                Case(
                    title=_text(demo, CASE_TITLES, org, field),
                    organization=org,
                    field=field,
                    stage=demo.pick(Case.Stage.values),
                    council_id=org.block_id,
                    reported_on=day,
                ),
                day,
            )
        )
    return len(insert_with_history(Case, rows))
