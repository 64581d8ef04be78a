"""Render, regions: the organisations of each region and of each integrated care board (ICB),
what they originated and what they use, for the region and ICB pages and the regions tile map.
Built once per build from the organisation views (render/context.py); every list is in a stable
order, so pages are the same on every build."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from generator.model.vocabulary import display_name, enum_values, ods_codes

REGIONS_PAGE = "regions/index.md"


@dataclass
class AreaView:
    """A region or an ICB: its organisations, and what they originated and use today."""

    id: str  # the region value, or the ICB's ODS code
    name: str
    page: str
    organisations: list = field(default_factory=list)  # OrganisationView, by name
    icbs: list = field(default_factory=list)  # a region's ICBs (AreaView), by name

    @property
    def originated(self) -> list:
        """Patterns its organisations originated, by title."""
        views = {v.id: v for org in self.organisations for v in org.originated}
        return sorted(views.values(), key=lambda v: (v.pattern.title.lower(), v.id))

    @property
    def reused(self) -> list[tuple[object, int]]:
        """(pattern view, how many of its organisations use it in live service), most used first."""
        counts: Counter = Counter()
        views = {}
        for org in self.organisations:
            for view in org.reusing:
                counts[view.id] += 1
                views[view.id] = view
        return [(views[pid], n) for pid, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]

    @property
    def adoptions(self) -> int:
        """Adoptions in force by its organisations: each pattern it pilots or uses, once per organisation."""
        return sum(len(org.adopting) for org in self.organisations)


def area_views(organisations: list) -> tuple[list[AreaView], list[AreaView]]:
    """(regions, ICBs): a page for each of the seven NHS England regions, for any other region
    with an organisation, and for each ICB an organisation names."""
    by_region: dict[str, AreaView] = {}
    nhs_regions = ods_codes("region")
    for region in enum_values("region"):
        members = [org for org in organisations if org.organisation.region == region]
        if members or region in nhs_regions:
            by_region[region] = AreaView(region, display_name("region", region), f"regions/{region}.md",
                                         _by_name(members))
    by_code = {org.organisation.code: org for org in organisations}
    icbs = _icb_views(by_code)
    for icb in icbs:
        region = _icb_region(icb, by_code)
        if region in by_region:
            by_region[region].icbs.append(icb)
    return list(by_region.values()), icbs


def _icb_views(by_code: dict) -> list[AreaView]:
    members: dict[str, list] = {}
    for org in by_code.values():
        if org.organisation.icb:
            members.setdefault(org.organisation.icb, []).append(org)
    views = []
    for code, orgs in members.items():
        own = by_code.get(code)
        name = own.organisation.shown_name if own else f"ICB {code}"
        views.append(AreaView(code, name, f"regions/icb/{code}.md", _by_name(orgs)))
    return _by_name(views)


def _icb_region(icb: AreaView, by_code: dict) -> str | None:
    """The ICB's own region when it is in the registry, else the one most of its organisations are in."""
    own = by_code.get(icb.id)
    if own is not None:
        return own.organisation.region
    counts = Counter(org.organisation.region for org in icb.organisations)
    return min(counts, key=lambda region: (-counts[region], region)) if counts else None


def _by_name(items: list) -> list:
    def key(item):
        name = item.name if isinstance(item, AreaView) else item.organisation.shown_name
        code = item.id if isinstance(item, AreaView) else item.organisation.code
        return name.lower(), code
    return sorted(items, key=key)
