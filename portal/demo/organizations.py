"""The demo's organizations and members: every local government, thousands of
companies, and the universities, NPOs, councils and bodies between them."""

from __future__ import annotations

from collections import Counter

from networks.models import Member, Organization

from . import words
from .bulk import insert_with_history
from .context import Demo

Kind = Organization.Kind

# The mix of the organizations that are neither governments nor companies.
OTHER_KINDS = (
    (Kind.UNIVERSITY, 25, words.UNIVERSITY_NAMES),
    (Kind.NPO, 20, words.NPO_NAMES),
    (Kind.ICT_BODY, 20, words.ICT_BODY_NAMES),
    (Kind.INDUSTRY, 10, words.INDUSTRY_NAMES),
    (Kind.COUNCIL, 15, words.COUNCIL_NAMES),
    (Kind.CITIZENS, 10, words.CITIZENS_NAMES),
)


def _prefecture_name_en(name_en: str) -> str:
    if name_en == "Hokkaido":
        return "Hokkaido Government"
    if name_en == "Tokyo":
        return "Tokyo Metropolitan Government"
    return f"{name_en} Prefectural Government"


def _known(demo: Demo, org: Organization) -> None:
    """File `org` under the roles the briefings and activities draw from."""
    if org.kind == Kind.LOCAL_GOVERNMENT:
        if org.municipality_id is None:
            demo.prefecture_governments[org.prefecture_id] = org
        demo.governments[org.prefecture_id].append(org)
    elif org.kind == Kind.COMPANY:
        demo.companies.append(org)
    elif org.kind == Kind.COUNCIL and org.block_id:
        demo.councils[org.block_id].append(org)
    elif org.kind == Kind.NATIONAL_ASSOCIATION or org.name == "総務省":
        demo.national.append(org)
    elif org.kind == Kind.MINISTRY:
        bureaus = {block.bureau_name: block.pk for block in demo.blocks}
        if org.name in bureaus:
            demo.bureaus[bureaus[org.name]] = org
    else:
        demo.others.append(org)


def make_organizations(demo: Demo) -> int:
    """Create the organizations; returns how many.

    Side effects: Organization rows with their creation history
    (bulk.insert_with_history). Names are unique (the model's constraint): a
    municipality whose name another municipality also bears (伊達市 in 北海道
    and in 福島県) is named with its prefecture, e.g. 伊達市（北海道）.
    """
    existing = list(Organization.objects.order_by("pk"))
    for org in existing:
        _known(demo, org)
    taken = {org.name for org in existing}
    new: list[Organization] = []

    def add(org: Organization) -> None:
        taken.add(org.name)
        org._history_date = demo.entered(demo.past_day(), days_after=(0, 0))
        new.append(org)

    for pref in demo.prefectures:
        if pref.name not in taken:
            add(
                Organization(
                    kind=Kind.LOCAL_GOVERNMENT,
                    name=pref.name,
                    name_en=_prefecture_name_en(pref.name_en),
                    prefecture_id=pref.pk,
                    block_id=pref.block_id,
                )
            )

    places = [m for pref in demo.prefectures for m in demo.municipalities[pref.pk]]
    repeated = {name for name, n in Counter(m.name for m in places).items() if n > 1}
    share = round(len(places) * demo.volumes.municipality_share)
    prefectures = {pref.pk: pref for pref in demo.prefectures}
    for place in sorted(demo.rng.sample(places, share), key=lambda m: m.code):
        pref = prefectures[place.prefecture_id]
        name = place.name
        if name in repeated or name in taken:
            name = f"{place.name}（{pref.name}）"
        add(
            Organization(
                kind=Kind.LOCAL_GOVERNMENT,
                name=name,
                municipality_id=place.pk,
                prefecture_id=pref.pk,
                block_id=pref.block_id,
                description=f"{pref.name}{place.name}（団体コード {place.code}）",
            )
        )

    total_weight = sum(weight for _kind, weight, _names in OTHER_KINDS)
    for kind, weight, patterns in OTHER_KINDS:
        for _ in range(round(demo.volumes.other_organizations * weight / total_weight)):
            pref = demo.prefecture()
            stem = demo.pick(words.COMPANY_STEMS)[0]
            name = demo.words(demo.pick(patterns), pref, stem=stem)
            if name in taken:
                name = f"{name}（{pref.name}）"
            if name in taken:
                continue
            regional = kind not in (Kind.COUNCIL,)
            add(
                Organization(
                    kind=kind,
                    name=name,
                    prefecture_id=pref.pk if regional else None,
                    block_id=pref.block_id,
                )
            )

    companies = max(5, demo.volumes.organizations - len(existing) - len(new))
    for name, name_en in _company_names(demo, companies, taken):
        pref = demo.prefecture()
        place = demo.municipality_in(pref) if demo.chance(0.5) else None
        add(
            Organization(
                kind=Kind.COMPANY,
                name=name,
                name_en=name_en,
                prefecture_id=pref.pk,
                block_id=pref.block_id,
                municipality_id=place.pk if place else None,
            )
        )

    for org in insert_with_history(Organization, new):
        _known(demo, org)
    return len(new)


def _company_names(demo: Demo, count: int, taken: set[str]) -> list[tuple[str, str]]:
    """`count` company names not in `taken`: stem × trade × legal form, drawn
    without repeats; past the combinations, numbered (…データ2)."""
    stems, trades, forms = words.COMPANY_STEMS, words.COMPANY_TRADES, words.COMPANY_FORMS
    combinations = len(stems) * len(trades) * len(forms)
    names = []
    round_ = 0
    while len(names) < count:
        for index in demo.rng.sample(range(combinations), min(combinations, count - len(names))):
            (stem, stem_en) = stems[index % len(stems)]
            (trade, trade_en) = trades[index // len(stems) % len(trades)]
            (prefix, suffix, form_en) = forms[index // (len(stems) * len(trades))]
            number = str(round_ + 1) if round_ else ""
            name = f"{prefix}{stem}{trade}{number}{suffix}"
            if name not in taken:
                taken.add(name)
                names.append((name, f"{stem_en} {trade_en}{number and ' ' + number} {form_en}"))
        round_ += 1
    return names


def make_members(demo: Demo) -> int:
    """Create task-force members and officials; returns how many.

    Side effects: Member rows with their creation history. Bureau officials
    belong to their bureau; members to a company or another body.
    """
    taken = set(Member.objects.values_list("name", "role"))
    demo.member_ids = list(Member.objects.order_by("pk").values_list("pk", flat=True))
    affiliations = demo.companies + demo.others
    bureaus = list(demo.bureaus.values())
    new = []
    attempts = 0
    while len(new) < demo.volumes.members and attempts < demo.volumes.members * 20:
        attempts += 1
        name = demo.pick(words.SURNAMES) + demo.pick(words.GIVEN_NAMES)
        role = demo.rng.choices(
            (Member.Role.OFFICIAL, Member.Role.MEMBER, Member.Role.OTHER), weights=(6, 3, 1)
        )[0]
        if (name, role) in taken:
            continue
        taken.add((name, role))
        org = demo.pick(bureaus if role == Member.Role.OFFICIAL and bureaus else affiliations)
        member = Member(name=name, role=role, affiliation=org.name, organization_id=org.pk)
        member._history_date = demo.entered(demo.past_day(), days_after=(0, 0))
        new.append(member)
    created = insert_with_history(Member, new)
    demo.member_ids += [member.pk for member in created]
    return len(created)
