"""The navigation cache (generator/theme/partials/nav.html) renders Material's navigation once per
folder for pages outside the nav. It must change nothing: the FICTIONAL demo built with it and
built with Material's own partial in its place give the same pages, blank lines aside."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import sitehtml
from sitehtml import DEMO, DEMO_PREFIX

PATTERN_IDS = sorted(p.stem for p in (DEMO / "patterns").glob("*.yaml"))


MATERIAL_NAV = Path(__import__("material").__file__).resolve().parent / "templates" / "partials" / "nav.html"


def build(tmp_path_factory, name: str, root: Path = DEMO, material_nav: bool = False) -> Path:
    """Build a copy of `root`; with material_nav, Material's own partial stands in for the
    catalogue's (through the catalogue's custom_dir, which comes first), so nothing is cached."""
    from generator.publish.build import build_site

    work = tmp_path_factory.mktemp(name)
    copy = work / "catalogue"
    shutil.copytree(root, copy)
    if material_nav:
        (copy / "overrides" / "partials").mkdir(parents=True)
        shutil.copy(MATERIAL_NAV, copy / "overrides" / "partials" / "nav.html")
        config = copy / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8").replace("theme:\n", "theme:\n  custom_dir: overrides\n", 1),
                          encoding="utf-8")
    out = work / "site"
    assert build_site(copy, out) == out.resolve()
    return out


# Layouts where a wrong key would show: the home page ("") and the search page ("search/") share a
# parent folder but not a depth once Home is not in the nav; flat URLs put pages at other depths.
VARIANTS = {
    "no-home-in-nav": lambda text: text.replace("  - Home: index.md\n", ""),
    "flat-urls": lambda text: text + "use_directory_urls: false\n",
}


@pytest.fixture(scope="module")
def cached(tmp_path_factory, session_env, demo_before):
    """The demo built with the catalogue's navigation partial, which caches."""
    return build(tmp_path_factory, "nav-cached")


@pytest.fixture(scope="module")
def uncached(tmp_path_factory, session_env, demo_before):
    """The demo built with Material's own navigation partial: every page renders its navigation."""
    return build(tmp_path_factory, "nav-uncached", material_nav=True)


def test_the_catalogue_partial_is_the_one_in_use():
    """Otherwise the comparison below would compare Material with itself."""
    from mkdocs.config import load_config

    from generator.plugin.plugin import THEME_DIR

    config = load_config(str(DEMO / "mkdocs.yml"))
    config.plugins.on_config(config)
    template = config.theme.get_env().get_template("partials/nav.html")
    assert Path(template.filename).resolve() == (THEME_DIR / "partials" / "nav.html").resolve()
    assert "catalogue_nav_cache" in Path(template.filename).read_text(encoding="utf-8")
    assert "catalogue_nav_cache" not in MATERIAL_NAV.read_text(encoding="utf-8")


def without_blank_lines(path: Path) -> bytes:
    """The page with its blank lines dropped: the catalogue's partial sets variables on lines of
    its own, which leave blank lines where Material's leaves none; the HTML is otherwise the same."""
    return b"\n".join(line for line in path.read_bytes().split(b"\n") if line.strip())


def differing_pages(first: Path, second: Path) -> list[str]:
    pages = [p.relative_to(first).as_posix() for p in sitehtml.html_files(first)]
    assert pages == [p.relative_to(second).as_posix() for p in sitehtml.html_files(second)]
    assert all(any(page.startswith(f"patterns/{pid}") for page in pages) for pid in PATTERN_IDS)
    return [page for page in pages if without_blank_lines(first / page) != without_blank_lines(second / page)]


def test_cached_and_uncached_pages_are_identical(cached, uncached):
    """Pages outside the nav get the very HTML Material would have rendered for them, and a page
    does not depend on which page of its folder happened to be rendered first."""
    assert differing_pages(cached, uncached) == []


def test_navigation_links_of_every_page_resolve(cached):
    """A wrong cache key (pages at another depth sharing one navigation) would show as links in the
    primary navigation that lead nowhere; the pattern pages are the ones most served from the cache."""
    site = cached
    checked, broken = set(), []
    for path in sitehtml.html_files(site):
        page = path.relative_to(site).as_posix()
        navs = sitehtml.parse(path.read_text(encoding="utf-8")).find_all("nav", cls="md-nav--primary")
        if not navs:
            continue
        links = [a.attrs["href"] for a in navs[0].iter("a") if "href" in a.attrs]
        assert links, page
        for href in links:
            resolved = sitehtml.resolve_internal(site, page, href, DEMO_PREFIX)
            if resolved is not None and not resolved[0].is_file():
                broken.append(f"{page}: {href}")
        checked.add(page)
    assert not broken, "\n".join(broken)
    assert {f"patterns/{pid}/index.html" for pid in PATTERN_IDS} <= checked


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_other_layouts_are_identical_too(tmp_path_factory, session_env, demo_before, variant):
    root = tmp_path_factory.mktemp(f"demo-{variant}") / "demo"
    shutil.copytree(DEMO, root)
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    changed = VARIANTS[variant](text)
    assert changed != text, "the variant must change the configuration"
    config.write_text(changed, encoding="utf-8")
    first = build(tmp_path_factory, f"{variant}-cached", root)
    second = build(tmp_path_factory, f"{variant}-uncached", root, material_nav=True)
    assert differing_pages(first, second) == []
