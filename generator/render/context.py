"""Render, step one: compute everything the pages show (reuse, maturity, timelines, who adopts
what, recommendations, regions and ICBs) once, into view objects the templates, charts and
exports read."""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass, field

from generator.model.maturity import Assessment, Lapse, Level, MaturityModel, maturity_model
from generator.model.catalogue import Catalogue, Organisation, Pattern
from generator.model.recommend import Recommendations, recommend
from generator.model.reuse import Reuse, reuse_of
from generator.render.regions import AreaView, area_views


@dataclass
class PatternView:
    """A pattern with its computed reuse and maturity, as the site shows them."""

    pattern: Pattern
    reuse: Reuse
    assessment: Assessment
    timeline: list[tuple[dt.date, Level]]
    overdue: bool
    page: str  # source path of its page, e.g. "patterns/<id>.md"
    # Set when the declared maturity lapsed with the latest review: the page shows `level` (what
    # the evidence supports today) with a notice naming lapse.declared and lapse.lapsed_on.
    lapse: Lapse | None = None

    @property
    def id(self) -> str:
        return self.pattern.id

    @property
    def level(self) -> Level:
        return self.assessment.level

    @property
    def updated(self) -> dt.date:
        """Latest dated evidence or review: what "recently updated" sorts by."""
        dates = [self.pattern.latest_review, self.pattern.created]
        dates += [a.since for a in self.pattern.adoptions] + [o.date for o in self.pattern.outcomes]
        return max(dates)


@dataclass
class OrganisationView:
    organisation: Organisation
    originated: list[PatternView] = field(default_factory=list)
    adoptions: list[tuple[PatternView, object]] = field(default_factory=list)  # (view, Adoption)
    page: str = ""

    @property
    def reusing(self) -> list[PatternView]:
        """The patterns this organisation uses in live service, as the reuse count counts them."""
        return [view for view, _ in self.adoptions if self.organisation.code in view.reuse.in_use]

    @property
    def adopting(self) -> list[PatternView]:
        """The patterns this organisation pilots or uses today."""
        return [view for view, _ in self.adoptions if self.organisation.code in view.reuse.adopters]


@dataclass
class SiteContext:
    """Everything a page needs; built once per build by `build_context`."""

    catalogue: Catalogue
    model: MaturityModel
    today: dt.date
    patterns: list[PatternView]
    by_id: dict[str, PatternView]
    organisations: list[OrganisationView]
    by_code: dict[str, OrganisationView]
    repo_url: str | None = None
    edit_branch: str = "main"
    site_url: str | None = None
    directory_urls: bool = True
    intake_email: str | None = None  # where the site's email links send a use or a proposal
    forms: dict = field(default_factory=dict)  # the catalogue's issue forms by file name (issueforms.Form)
    recommendations: Recommendations = field(default_factory=Recommendations)
    regions: list[AreaView] = field(default_factory=list)  # region pages, in the schema's order
    icbs: list[AreaView] = field(default_factory=list)  # ICB pages, by name
    area_pages: dict[str, str] = field(default_factory=dict)  # region value or ICB code: its page

    def url(self, from_page: str, to_page: str) -> str:
        """Relative link from one generated page (source path) to another, as MkDocs will lay them out."""
        return relative_url(from_page, to_page, self.directory_urls)

    def org_name(self, code: str) -> str:
        return self.catalogue.organisation_name(code)

    def pattern_regions(self, pattern: Pattern) -> list[str]:
        """The registry's regions of the organisation that started a pattern and of its adopters."""
        orgs = self.catalogue.organisations
        codes = [pattern.originator, *(a.organisation for a in pattern.adoptions)]
        return sorted({orgs[code].region for code in codes if code in orgs})

    def closed(self, code: str) -> Organisation | None:
        """The organisation when it has closed (pages say so wherever it appears), else None."""
        org = self.catalogue.organisations.get(code)
        return org if org is not None and org.closed is not None else None

    def area_page(self, area: str | None) -> str | None:
        """The page of a region (by its value) or an ICB (by its code), if it has one."""
        return self.area_pages.get(area) if area else None


def page_url(src: str, directory_urls: bool = True) -> str:
    """Site URL of a source page, the way MkDocs maps it ("a/b.md" -> "a/b/", "a/index.md" -> "a/")."""
    if not src.endswith(".md"):
        return src
    stem = src[:-3]
    if not directory_urls:
        return f"{stem}.html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return f"{stem}/"


def _relpath(target: str, base: str) -> str:
    """posixpath.relpath for site-relative paths, without its abspath and getcwd calls (hot: a
    build makes one call per link)."""
    t = [p for p in target.split("/") if p and p != "."]
    b = [p for p in base.split("/") if p and p != "."]
    common = 0
    while common < min(len(t), len(b)) and t[common] == b[common]:
        common += 1
    parts = [".."] * (len(b) - common) + t[common:]
    return "/".join(parts) or "."


def relative_url(from_page: str, to_page: str, directory_urls: bool = True) -> str:
    """Relative URL between two source paths (pages or plain files)."""
    start = page_url(from_page, directory_urls)
    base = start if start.endswith("/") or not start else posixpath.dirname(start)
    target = page_url(to_page, directory_urls)
    rel = _relpath(target or ".", base.rstrip("/") or ".")
    if target.endswith("/") and rel != ".":
        rel += "/"
    return "./" if rel == "." else rel


def build_context(catalogue: Catalogue, today: dt.date, previous: SiteContext | None = None,
                  **options) -> SiteContext:
    """Compute reuse, maturity and timelines for every pattern, and every organisation's role.
    A pattern's view depends only on the pattern and the day, so a preview's `previous` context
    lends the views of the patterns that did not change."""
    model = maturity_model()
    kept = previous.by_id if previous is not None and previous.today == today and previous.model == model else {}
    views = []
    for pattern in catalogue.sorted_patterns():
        old = kept.get(pattern.id)
        if old is not None and old.pattern == pattern:
            views.append(old)
            continue
        assessment = model.assess(pattern, today)
        views.append(PatternView(
            pattern=pattern,
            reuse=reuse_of(pattern),
            assessment=assessment,
            timeline=model.timeline(pattern, today),
            overdue=(today - pattern.latest_review).days > model.review_period_days,
            page=f"patterns/{pattern.id}.md",
            lapse=model.lapse(pattern, today, assessment),
        ))
    by_id = {v.id: v for v in views}
    orgs = {code: OrganisationView(org, page=f"organisations/{code}.md")
            for code, org in sorted(catalogue.organisations.items())}
    for view in views:
        if view.pattern.originator in orgs:
            orgs[view.pattern.originator].originated.append(view)
        for adoption in view.pattern.adoptions:
            if adoption.organisation in orgs:
                orgs[adoption.organisation].adoptions.append((view, adoption))
    ctx = SiteContext(catalogue, model, today, views, by_id, list(orgs.values()), orgs, **options)
    ctx.recommendations = _recommendations(catalogue, views, previous)
    ctx.regions, ctx.icbs = area_views(ctx.organisations)
    ctx.area_pages = {area.id: area.page for area in ctx.regions + ctx.icbs}
    return ctx


def _recommendations(catalogue: Catalogue, views: list[PatternView], previous: SiteContext | None) -> Recommendations:
    """Recommendations read only who pilots or uses each pattern, its originator and lifecycle, and
    the registry: a preview's edit that changed none of them (a summary, say) keeps the previous
    build's, which took about 1 s to work out at 5,000 patterns."""
    def inputs(shown):
        return [(v.id, v.reuse.adopters, v.pattern.originator, v.pattern.lifecycle) for v in shown]
    if previous is not None and previous.catalogue.organisations == catalogue.organisations \
            and inputs(previous.patterns) == inputs(views):
        return previous.recommendations
    return recommend(catalogue, {view.id: view.reuse.adopters for view in views})
