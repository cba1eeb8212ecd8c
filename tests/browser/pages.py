"""Every public page type, as the browser tests and the screenshots visit it.

`PAGES` maps a page type (also its screenshot's file name) to a description
and its Japanese address; the English one is the same under /en/. Addresses
of records are looked up in the seed data (`load_seed`), since primary keys
differ between databases and runs.
"""

from collections.abc import Callable
from dataclasses import dataclass


def _briefing_detail() -> str:
    from briefings.models import Briefing

    return Briefing.objects.get(
        date="2017-02-15", title="九州地域ICT利活用セミナー"
    ).get_absolute_url()


def _organization_detail() -> str:
    from networks.models import Organization

    return Organization.objects.get(name="九州総合通信局").get_absolute_url()


def _municipality_detail() -> str:
    """高松市 with a report (the seed has no municipalities; the roadmap is loaded)."""
    import datetime

    from networks.models import ImplementationReport, Municipality, Prefecture, RoadmapModel

    city, _created = Municipality.objects.get_or_create(
        code="372013",
        defaults={
            "name": "高松市",
            "kana": "たかまつし",
            "kind": Municipality.Kind.CITY,
            "prefecture": Prefecture.objects.get(code="37"),
        },
    )
    model = RoadmapModel.objects.filter(slug="telework").first()
    if model is not None and not city.implementationreports.exists():
        ImplementationReport.objects.create(
            municipality=city,
            model=model,
            stage=ImplementationReport.Stage.PILOTING,
            as_of=datetime.date(2019, 4, 1),
        )
    return city.get_absolute_url()


def _network_sample() -> dict[str, str]:
    """A small record of the network's work (the seed has none): two
    municipalities, a need matched with an offer, a project copied by
    another, a case. Made once per database; returns addresses of its rows."""
    from networks.models import Project
    from networks.services import cooperation
    from tests import factories

    copy = Project.objects.filter(title="見守りIoTの横展開").first()
    if copy is None:
        kumamoto = factories.municipality_organization()
        yatsushiro = factories.municipality_organization("432024", "八代市")
        need = factories.NeedFactory(organization=yatsushiro, title="高齢者の見守り")
        cooperation.record_match(need, factories.OfferFactory(title="見守りセンサー"))
        model = cooperation.propose_project(
            title="見守りIoT", lead=kumamoto, field=factories.field(), on=need.posted_on
        )
        copy = cooperation.propose_project(
            title="見守りIoTの横展開",
            lead=yatsushiro,
            field=factories.field(),
            spread_from=model,
            on=need.posted_on,
        )
        factories.CaseFactory(organization=kumamoto, title="見守りIoTの実装")
    return {"project": copy.get_absolute_url()}


def _with_network_sample(path: str) -> Callable[[], str]:
    def address() -> str:
        _network_sample()
        return path

    return address


def _project_detail() -> str:
    return _network_sample()["project"]


@dataclass(frozen=True)
class PageType:
    label: str
    path: str | Callable[[], str]

    def url(self, base: str, language: str = "ja") -> str:
        path = self.path() if callable(self.path) else self.path
        prefix = "" if language == "ja" else f"/{language}"
        return f"{base}{prefix}{path}"


PAGES: dict[str, PageType] = {
    "home": PageType("Home", "/"),
    "threads": PageType("Threads (縦・横・斜めの糸)", "/threads/"),
    "thread-detail": PageType("A thread: 斜めの糸", "/threads/diagonal/"),
    "briefings": PageType("Briefing schedule", "/briefings/"),
    "briefings-error": PageType(
        "Briefing schedule with a bad parameter", "/briefings/?date_after=abc"
    ),
    "briefing-detail": PageType("A briefing: 九州地域ICT利活用セミナー", _briefing_detail),
    "calendar": PageType("Briefing calendar, February 2017", "/briefings/calendar/2017/2/"),
    "coverage": PageType("Coverage (map, table, block × status)", "/briefings/coverage/"),
    "prefecture": PageType("A prefecture: 香川県", "/prefectures/37/"),
    "block": PageType("A regional block: 九州", "/blocks/kyushu/"),
    "organizations": PageType("Organizations", "/organizations/"),
    "organization-detail": PageType("An organization: 九州総合通信局", _organization_detail),
    "network-needs": PageType(
        "The network's open needs, with their matches", _with_network_sample("/network/needs/")
    ),
    "network-offers": PageType(
        "The network's open offers", _with_network_sample("/network/offers/")
    ),
    "network-projects": PageType("Projects", _with_network_sample("/network/projects/")),
    "network-project": PageType("A project, its history and spread", _project_detail),
    "network-cases": PageType("Good-practice cases", _with_network_sample("/network/cases/")),
    "field": PageType("A field: 教育", _with_network_sample("/fields/education/")),
    "search": PageType("Search for 説明会", "/search/?q=説明会"),
    "search-empty": PageType("Search, no query", "/search/"),
    "about": PageType("About and figure definitions", "/about/"),
    "roadmap": PageType("The roadmap: models, KPIs and the national picture", "/roadmap/"),
    "roadmap-model": PageType(
        "A roadmap model: テレワーク (map, table, trend)", "/roadmap/telework/"
    ),
    "roadmap-model-error": PageType(
        "A roadmap model with a bad date", "/roadmap/telework/?as_of=2019-02-30"
    ),
    "municipality": PageType("A municipality: 高松市", _municipality_detail),
    "network-apply": PageType("Applying to the national network", "/network/apply/"),
    "network-members": PageType("The national network's members", "/network/members/"),
}
