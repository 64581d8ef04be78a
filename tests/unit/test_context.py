"""Unit tests for generator/render/context.py: where MkDocs puts each generated page (page_url),
the relative links between them (relative_url), for directory and non-directory URLs, and the
view objects build_context computes. Uses the FICTIONAL demo catalogue; no MkDocs involved."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path
from urllib.parse import urljoin

import pytest

from generator.render.context import build_context, page_url, relative_url

DEMO = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "site" / "demo"
TODAY = dt.date(2026, 11, 26)
BASE = "https://example.org/catalogue/"

SOURCES = ["index.md", "maturity.md", "patterns/index.md", "patterns/fictional-rota-app.md",
           "organisations/index.md", "organisations/ZZ1.md", "categories/people-and-skills.md",
           "catalogue.json", "feed.xml", "schema/catalogue.schema.json", "assets/catalogue.css",
           "guide/deep/index.md", "guide/deep/page.md"]


@pytest.mark.parametrize("src, directory, non_directory", [
    ("index.md", "", "index.html"),
    ("maturity.md", "maturity/", "maturity.html"),
    ("patterns/index.md", "patterns/", "patterns/index.html"),
    ("patterns/fictional-rota-app.md", "patterns/fictional-rota-app/", "patterns/fictional-rota-app.html"),
    ("organisations/ZZ1.md", "organisations/ZZ1/", "organisations/ZZ1.html"),
    ("guide/deep/index.md", "guide/deep/", "guide/deep/index.html"),
    ("reindex.md", "reindex/", "reindex.html"),  # ends in "index" but is not an index page
    ("catalogue.json", "catalogue.json", "catalogue.json"),  # not a page: kept as it is
    ("schema/catalogue.schema.json", "schema/catalogue.schema.json", "schema/catalogue.schema.json"),
])
def test_page_url(src, directory, non_directory):
    assert page_url(src) == page_url(src, True) == directory
    assert page_url(src, False) == non_directory


@pytest.mark.parametrize("from_page, to_page, directory, non_directory", [
    ("index.md", "patterns/index.md", "patterns/", "patterns/index.html"),
    ("index.md", "maturity.md", "maturity/", "maturity.html"),
    ("index.md", "index.md", "./", "index.html"),
    ("index.md", "feed.xml", "feed.xml", "feed.xml"),
    ("maturity.md", "index.md", "..", "index.html"),  # the home page, as MkDocs writes it
    ("maturity.md", "reuse.md", "../reuse/", "reuse.html"),
    ("data.md", "catalogue.json", "../catalogue.json", "catalogue.json"),
    ("data.md", "schema/catalogue.schema.json", "../schema/catalogue.schema.json", "schema/catalogue.schema.json"),
    ("patterns/index.md", "patterns/fictional-rota-app.md", "fictional-rota-app/", "fictional-rota-app.html"),
    ("patterns/index.md", "index.md", "..", "../index.html"),
    ("patterns/fictional-rota-app.md", "organisations/ZZ1.md", "../../organisations/ZZ1/", "../organisations/ZZ1.html"),
    ("patterns/fictional-rota-app.md", "patterns/fictional-paper-referrals.md", "../fictional-paper-referrals/",
     "fictional-paper-referrals.html"),
    ("patterns/fictional-rota-app.md", "patterns/fictional-rota-app.md", "./", "fictional-rota-app.html"),
    ("patterns/fictional-rota-app.md", "maturity.md", "../../maturity/", "../maturity.html"),
    ("patterns/fictional-rota-app.md", "index.md", "../..", "../index.html"),
    ("feed.xml", "patterns/fictional-rota-app.md", "patterns/fictional-rota-app/", "patterns/fictional-rota-app.html"),
    ("feed.xml", "index.md", "./", "index.html"),
])
def test_relative_url(from_page, to_page, directory, non_directory):
    assert relative_url(from_page, to_page) == relative_url(from_page, to_page, True) == directory
    assert relative_url(from_page, to_page, False) == non_directory


@pytest.mark.parametrize("directory_urls", [True, False])
def test_relative_urls_resolve_to_the_target_from_every_page(directory_urls):
    """A browser on page A that follows relative_url(A, B) lands on B, for every pair."""
    for a, b in itertools.product(SOURCES, SOURCES):
        here = urljoin(BASE, page_url(a, directory_urls))
        there = urljoin(here, relative_url(a, b, directory_urls))
        assert there == urljoin(BASE, page_url(b, directory_urls)), (a, b)
        assert not relative_url(a, b, directory_urls).startswith("/")


def test_build_context_views(demo_catalogue):
    ctx = build_context(demo_catalogue, TODAY)
    assert [v.id for v in ctx.patterns] == sorted(demo_catalogue.patterns)
    assert ctx.by_id["fictional-rota-app"].page == "patterns/fictional-rota-app.md"
    assert {v.id for v in ctx.patterns if v.overdue} == {"fictional-paper-referrals"}
    assert {v.id: v.level.id for v in ctx.patterns} == {
        "fictional-hostile-entry": "emerging", "fictional-paper-referrals": "emerging",
        "fictional-rota-app": "piloted", "fictional-virtual-ward-dashboard": "reused",
        "fictional-shared-booking-service": "proven"}
    booking = ctx.by_id["fictional-shared-booking-service"]
    assert booking.reuse.count == 5 and booking.reuse.piloting == ("ZZ7",) and booking.reuse.retired == ("ZZ8",)
    assert booking.updated == dt.date(2026, 10, 1)  # the newest of review, adoptions and outcomes
    assert booking.timeline[0] == (dt.date(2024, 12, 1), ctx.model.level("emerging"))
    assert booking.timeline[-1][1].id == "proven"


def test_build_context_organisations(demo_catalogue):
    ctx = build_context(demo_catalogue, TODAY)
    assert [o.organisation.code for o in ctx.organisations] == [f"ZZ{n}" for n in range(1, 10)]
    zz1 = ctx.by_code["ZZ1"]
    assert zz1.page == "organisations/ZZ1.md"
    assert [v.id for v in zz1.originated] == ["fictional-shared-booking-service"]
    assert sorted((v.id, a.status) for v, a in zz1.adoptions) == [
        ("fictional-hostile-entry", "exploring"), ("fictional-virtual-ward-dashboard", "in-use")]
    assert ctx.org_name("ZZ7") == "Fictional Riverside & Vale ICB"
    assert ctx.org_name("ZZ99") == "ZZ99"  # unknown codes show as themselves
    # The registry writes ZZ5 in capitals, as ODS does: pages show it in a readable case.
    assert ctx.org_name("ZZ5") == "Fictional Midshire Ambulance NHS Trust"


def test_closed_organisations_and_their_successors(demo_catalogue):
    ctx = build_context(demo_catalogue, TODAY)
    closed = ctx.closed("ZZ8")
    assert (closed.closed, closed.successor) == (dt.date(2026, 4, 1), "ZZ9")
    assert ctx.closed("ZZ9") is None and ctx.closed("ZZ99") is None


def test_regions_and_icbs_hold_their_organisations(demo_catalogue):
    ctx = build_context(demo_catalogue, TODAY)
    # The seven NHS England regions always have a page; other regions only with an organisation.
    assert [area.id for area in ctx.regions] == ["east-of-england", "london", "midlands", "north-east-and-yorkshire",
                                                  "north-west", "south-east", "south-west"]
    london = next(area for area in ctx.regions if area.id == "london")
    assert [org.organisation.code for org in london.organisations] == ["ZZ9", "ZZ8", "ZZ7"]  # by name
    assert [icb.id for icb in london.icbs] == ["ZZ7"]
    assert [v.id for v in london.originated] == ["fictional-hostile-entry", "fictional-paper-referrals"]
    # ICBs: one in the registry (named by it), one known only by its code; each on its region's page.
    assert [(icb.id, icb.name, icb.page) for icb in ctx.icbs] == [
        ("ZZ7", "Fictional Riverside & Vale ICB", "regions/icb/ZZ7.md"), ("ZZQ2", "ICB ZZQ2", "regions/icb/ZZQ2.md")]
    assert ctx.area_page("ZZQ2") == "regions/icb/ZZQ2.md" and ctx.area_page("london") == "regions/london.md"
    assert ctx.area_page(None) is None
    # Adoptions in force: each pattern piloted or used, once per organisation.
    midlands = next(area for area in ctx.regions if area.id == "midlands")
    assert midlands.adoptions == 2 and [v.id for v, n in midlands.reused] == ["fictional-shared-booking-service"]


def test_recommendations_are_computed_once_per_build(demo_catalogue):
    ctx = build_context(demo_catalogue, TODAY)
    suggestions = ctx.recommendations.for_organisation("ZZ5")
    assert [s.pattern for s in suggestions] == ["fictional-virtual-ward-dashboard"]
    assert ctx.recommendations.for_organisation("ZZ8") == ()  # closed


def test_a_preview_keeps_recommendations_only_while_what_they_read_is_unchanged(demo_catalogue):
    """A summary edit keeps the previous build's recommendations; an adoption ended works them out
    again, as a build without a previous one does."""
    import dataclasses

    from generator.model.catalogue import Catalogue
    from generator.model.recommend import recommend

    first = build_context(demo_catalogue, TODAY)
    pid = "fictional-shared-booking-service"

    def changed(**fields) -> Catalogue:
        patterns = dict(demo_catalogue.patterns, **{pid: dataclasses.replace(demo_catalogue.patterns[pid], **fields)})
        return Catalogue(patterns, demo_catalogue.organisations)
    summary = build_context(changed(summary="A fictional summary, edited."), TODAY, previous=first)
    assert summary.recommendations is first.recommendations
    fewer = changed(adoptions=demo_catalogue.patterns[pid].adoptions[1:])
    again = build_context(fewer, TODAY, previous=first)
    assert again.recommendations is not first.recommendations
    fresh = recommend(fewer, {v.id: v.reuse.adopters for v in again.patterns})
    assert (again.recommendations.companions, again.recommendations.suggestions) == (fresh.companions, fresh.suggestions)
    assert again.recommendations.companions != first.recommendations.companions \
        or again.recommendations.suggestions != first.recommendations.suggestions


def test_context_url_follows_the_directory_urls_option(demo_catalogue):
    on = build_context(demo_catalogue, TODAY)
    off = build_context(demo_catalogue, TODAY, directory_urls=False)
    assert on.url("patterns/fictional-rota-app.md", "organisations/ZZ5.md") == "../../organisations/ZZ5/"
    assert off.url("patterns/fictional-rota-app.md", "organisations/ZZ5.md") == "../organisations/ZZ5.html"


def test_build_context_options(demo_catalogue):
    ctx = build_context(demo_catalogue, TODAY, repo_url="https://github.com/example-org/fictional-catalogue",
                        edit_branch="trunk", site_url="https://example.org/catalogue/")
    assert (ctx.repo_url, ctx.edit_branch, ctx.site_url, ctx.directory_urls) == (
        "https://github.com/example-org/fictional-catalogue", "trunk", "https://example.org/catalogue/", True)
    plain = build_context(demo_catalogue, TODAY)
    assert (plain.repo_url, plain.edit_branch, plain.site_url) == (None, "main", None)


def test_a_view_says_when_its_declared_level_lapsed_with_its_review():
    """The FICTIONAL maturity-lapsed fixture: declared reused, review of 2025-05-01 lapsed."""
    from generator.validate.catalogue import validate_catalogue

    root = Path(__file__).resolve().parents[1] / "fixtures" / "core" / "invalid" / "maturity-lapsed"
    today = dt.date(2026, 6, 30)
    [view] = build_context(validate_catalogue(root, today=today).catalogue, today).patterns
    assert view.level.id == "established"  # what the page shows: the evidence, today
    assert (view.lapse.declared.id, view.lapse.supported.id) == ("reused", "established")
    assert (view.lapse.reviewed, view.lapse.lapsed_on) == (dt.date(2025, 5, 1), dt.date(2026, 5, 2))
    # The day before it lapsed, nothing to say.
    [before] = build_context(validate_catalogue(root, today=dt.date(2026, 5, 1)).catalogue, dt.date(2026, 5, 1)).patterns
    assert before.lapse is None and before.level.id == "reused"


def test_no_view_of_the_demo_has_lapsed(demo_catalogue):
    assert [v.id for v in build_context(demo_catalogue, TODAY).patterns if v.lapse] == []

