"""What a reader meets on the built sites (the FICTIONAL demo and the shipped catalogue): plain
English ("Started by", "Drawbacks", dates as "26 November 2026" in <time> elements), the facets
readers filter by in each pattern's key facts, a two-way relation listed once, empty statistics
that say why, the menu kept for readers with a Contribute section, the footer's links to the
About page, accessibility statement and privacy notice on every page, and the site's address
reaching the sitemap and the feed when the publish workflow passes it in as SITE_URL."""

from __future__ import annotations

import datetime as dt
import re
import sys
import xml.etree.ElementTree as ET

import pytest
import yaml

import sitehtml
from sitehtml import DEMO, REPO

ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
CARE_SETTINGS = {"acute": "Acute", "community": "Community", "mental-health": "Mental health",
                 "primary-care": "Primary care", "commissioning": "Commissioning or ICB", "national": "National"}
WGLL = {"improve-care": "Improve care", "empower-citizens": "Empower citizens", "safe-practice": "Safe practice",
        "support-people": "Support people", "well-led": "Well led"}
FOOTER = ["About", "Accessibility statement", "Privacy"]


def facts_of(article) -> dict[str, str]:
    """Each term of the key facts with its description(s): a term may have several (two sources)."""
    facts, term = {}, None
    for el in article.one("dl", "pc-facts").iter():
        if el.tag == "dt":
            term = el.text()
        elif el.tag == "dd" and term is not None:
            facts[term] = f"{facts[term]}; {el.text()}" if term in facts else el.text()
    return facts


@pytest.mark.parametrize("site_name", ["demo_site", "shipped_site"])
def test_dates_read_as_words_inside_time_elements(request, site_name):
    """No page the catalogue generates shows a date as 2026-11-26; every <time> shows the words."""
    site = request.getfixturevalue(site_name)
    generated = [p for p in site.html_pages if p.split("/")[0] in ("patterns", "organisations", "categories", "tags")
                 or p in ("index.html", "stats/index.html", "maturity/index.html", "reuse/index.html")]
    times = 0
    for page in generated:
        article = site.article(page)
        assert not ISO_DATE.search(article.text()), f"{page}: {ISO_DATE.findall(article.text())}"
        for time in article.iter("time"):
            times += 1
            day = dt.date.fromisoformat(time.attrs["datetime"])
            assert time.text() == f"{day.day} {day.strftime('%B %Y')}", (page, time.attrs, time.text())
    assert times > 10


@pytest.mark.parametrize("pid", sorted(p.stem for p in (DEMO / "patterns").glob("*.yaml")))
def test_key_facts_name_the_starter_and_the_facets(demo_site, demo_entries, demo_orgs, pid):
    entry, article = demo_entries[pid], demo_site.article(f"patterns/{pid}/")
    facts = facts_of(article)
    assert facts["Started by"] == demo_orgs[entry["originator"]]["name"] and "Originator" not in facts
    assert facts["Care settings"] == ", ".join(CARE_SETTINGS[c] for c in entry["care_settings"])
    if entry.get("wgll"):
        assert facts["What Good Looks Like"] == ", ".join(WGLL[w] for w in entry["wgll"])
    else:
        assert "What Good Looks Like" not in facts
    assert [h.text() for h in article.find_all("h3")][:2] == ["Benefits", "Drawbacks"]
    assert "Liabilities" not in article.text()


def test_shipped_patterns_are_national_with_no_success_measure_claimed(shipped_site):
    """The source is about NHS Digital, a national body, and never speaks of What Good Looks Like."""
    for path in sorted((REPO / "patterns").glob("*.yaml")):
        facts = facts_of(shipped_site.article(f"patterns/{path.stem}/"))
        assert facts["Care settings"] == "National" and "What Good Looks Like" not in facts


def test_a_two_way_relation_is_listed_once(demo_site):
    """The booking service and the virtual ward dashboard each say they complement the other."""
    pairs = {"fictional-shared-booking-service": "Virtual ward dashboard",
             "fictional-virtual-ward-dashboard": "Shared outpatient booking service"}
    for pid, other in pairs.items():
        related = demo_site.article(f"patterns/{pid}/").one("div", "pc-related")
        lines = [li.text() for li in related.one("ul", "catalogue-relations__list").find_all("li")]
        assert [line.rstrip(";.") for line in lines if other in line] == [f"complements {other}"], lines


def test_statistics_say_why_a_section_is_empty(shipped_site, demo_site):
    shipped = shipped_site.article("stats/")
    assert "No reuse recorded yet" in shipped.text() and "No adoption recorded yet." in shipped.text()
    patterns = len(list((REPO / "patterns").glob("*.yaml")))
    organisations = len(yaml.safe_load((REPO / "organisations.yaml").read_text(encoding="utf-8"))["organisations"])
    assert organisations == 2  # NHS Digital, and NHS England, its successor
    assert [li.text() for li in shipped.one("ul", "pc-counts").find_all("li")] == [
        f"{patterns} patterns", f"{organisations} organisations", "0 reuses in live service"]
    demo = demo_site.article("stats/").text()
    assert "No reuse recorded yet" not in demo and "No adoption recorded yet." not in demo


def test_the_shipped_menu_is_for_readers_with_a_contribute_section(shipped_site):
    nav = shipped_site.tree("").one("nav", "md-nav--primary")
    top = [label.text() for label in nav.find_all("label", "md-nav__link")] + \
          [a.text() for a in nav.find_all("a", "md-nav__link")]
    for wanted in ("Catalogue", "Organisations", "How it works", "Contribute", "Writing a pattern", "Recording a use",
                   "Validation", "The organisations registry", "About the catalogue"):
        assert wanted in top, (wanted, top)
    for developer in ("Benchmarks", "Performance notes", "Architecture"):
        assert developer not in " ".join(top)
    # Built, linked from README.md and CONTRIBUTING.md, but not in the readers' menu.
    for page in ("benchmarks/", "performance/", "architecture/", "accessibility/", "privacy/"):
        assert shipped_site.path(page).is_file(), page
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "docs/benchmarks.md" in readme and "docs/performance.md" in readme and "docs/architecture.md" in readme


@pytest.mark.parametrize("site_name", ["demo_site", "shipped_site"])
def test_every_page_links_to_about_accessibility_and_privacy(request, site_name):
    site = request.getfixturevalue(site_name)
    for page in site.html_pages:
        footer = site.tree(page).one("footer", "md-footer")
        links = footer.one("nav", "pc-footer-links").find_all("a")
        assert [a.text() for a in links][:3] == FOOTER, page
        for a, target in zip(links, ("about", "accessibility", "privacy")):
            resolved = sitehtml.page_path(site.root, _resolve(site, page, a.attrs["href"]))
            assert resolved.is_file() and resolved.parent.name == target, (page, a.attrs["href"])
    assert len(site.html_pages) > 20


def _resolve(site, page: str, href: str) -> str:
    """A relative link from a built page, as a site path (without the site's own path prefix)."""
    from urllib.parse import urljoin

    base = site.prefix + (page[: -len("index.html")] if page.endswith("index.html") else page)
    return urljoin(base, href)[len(site.prefix):]


def test_report_a_problem_needs_the_repository(demo_site, shipped_site):
    """The demo names its repository (repo_url): its footer leads to the repository's issue forms.
    The shipped mkdocs.yml takes it from REPO_URL, unset here, so the link is left out."""
    demo = demo_site.tree("").one("nav", "pc-footer-links").find_all("a")
    assert demo[-1].text() == "Report a problem"
    assert demo[-1].attrs["href"] == f"{sitehtml.REPO_URL}/issues/new/choose"
    assert [a.text() for a in shipped_site.tree("").one("nav", "pc-footer-links").find_all("a")] == FOOTER


def test_site_url_from_the_environment_reaches_the_sitemap_and_the_feed(tmp_path_factory):
    """The publish workflow passes the Pages address as SITE_URL (mkdocs.yml: !ENV [SITE_URL]):
    the sitemap then lists every page by its address, and the feed's links are absolute; the page
    tree `catalogue render` writes agrees, because it reads !ENV as MkDocs does."""
    import os
    import subprocess

    address = "https://fictional-org.example.org/pattern-catalogue"  # as configure-pages gives it: no slash
    out = tmp_path_factory.mktemp("site-url")
    env = {**os.environ, "SITE_URL": address + "/", "SOURCE_DATE_EPOCH": sitehtml.EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    for args in (["build", "--site-dir", out / "site"], ["render", "--out", out / "tree"]):
        proc = subprocess.run([sys.executable, "-m", "generator", *args, "--root", REPO], cwd=out, env=env,
                              capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stdout + proc.stderr
    sitemap = ET.parse(out / "site" / "sitemap.xml").getroot()
    locs = [loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    pages = [p for p in sitehtml.html_files(out / "site") if p.name == "index.html"]
    assert len(locs) == len(pages) > 20
    assert all(loc.startswith(address + "/") for loc in locs)
    feed = (out / "site" / "feed.xml").read_text(encoding="utf-8")
    hrefs = re.findall(r'href="([^"]+)"', feed)
    assert hrefs and all(h.startswith(address + "/") for h in hrefs)
    assert (out / "tree" / "feed.xml").read_text(encoding="utf-8") == feed
