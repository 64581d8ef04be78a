"""The navigation cache (generator/theme/partials/nav.html, NAV_CACHE in generator/plugin/plugin.py)
renders Material's navigation once per folder for pages outside the nav. It must change nothing:
the FICTIONAL demo built with the cache and built with a cache that never keeps anything (so every
page renders the navigation itself) give byte-identical pages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import sitehtml
from sitehtml import DEMO, DEMO_PREFIX

PATTERN_IDS = sorted(p.stem for p in (DEMO / "patterns").glob("*.yaml"))


class CountingCache(dict):
    """The cache as the plugin uses it, counting the lookups that found a stored navigation."""

    made: list["CountingCache"] = []

    def __init__(self):
        super().__init__()
        self.hits = 0
        type(self).made.append(self)

    def get(self, key, default=None):
        if key in self:
            self.hits += 1
        return super().get(key, default)


class NeverStores(dict):
    """A cache that forgets every navigation it is given, counting what it was offered."""

    made: list["NeverStores"] = []

    def __init__(self):
        super().__init__()
        self.offered = 0
        type(self).made.append(self)

    def __setitem__(self, key, value):
        self.offered += 1

    def update(self, *args, **kwargs):
        self.offered += 1


def build(tmp_path_factory, name: str, cache: type, root: Path = DEMO) -> Path:
    from generator.publish.build import build_site
    from generator.plugin import plugin

    cache.made.clear()
    out = tmp_path_factory.mktemp(name) / "site"
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(plugin, "NAV_CACHE", cache)
        assert build_site(root, out) == out.resolve()
    return out


# Layouts where a wrong key would show: the home page ("") and the search page ("search/") share a
# parent folder but not a depth once Home is not in the nav; flat URLs put pages at other depths.
VARIANTS = {
    "no-home-in-nav": lambda text: text.replace("  - Home: index.md\n", ""),
    "flat-urls": lambda text: text + "use_directory_urls: false\n",
}


@pytest.fixture(scope="module")
def cached(tmp_path_factory, session_env, demo_before):
    """The demo built with a cache that keeps the navigation (as the plugin's own does)."""
    out = build(tmp_path_factory, "nav-cached", CountingCache)
    return out, list(CountingCache.made)


@pytest.fixture(scope="module")
def uncached(tmp_path_factory, session_env, demo_before):
    """The demo built with a cache that keeps nothing: Material renders every page's navigation."""
    out = build(tmp_path_factory, "nav-uncached", NeverStores)
    return out, list(NeverStores.made)


def test_the_cached_build_used_the_cache(cached):
    """Otherwise the comparison below would prove nothing."""
    _, caches = cached
    assert len(caches) == 1, "one fresh cache per build (on_env)"
    cache = caches[0]
    # every pattern page after the first one, and every organisation page after the first, hit it
    assert cache.hits >= len(PATTERN_IDS) - 1 > 1
    assert {"patterns", "organisations"} <= {folder for _, folder in cache}


def test_the_uncached_build_rendered_every_navigation(uncached):
    _, caches = uncached
    assert len(caches) == 1
    assert caches[0].offered >= len(PATTERN_IDS) and len(caches[0]) == 0


def differing_pages(first: Path, second: Path) -> list[str]:
    pages = [p.relative_to(first).as_posix() for p in sitehtml.html_files(first)]
    assert pages == [p.relative_to(second).as_posix() for p in sitehtml.html_files(second)]
    assert {f"patterns/{pid}/index.html" for pid in PATTERN_IDS} <= set(pages)
    return [page for page in pages
            if (first / page).read_bytes() != (second / page).read_bytes()]


def test_cached_and_uncached_pages_are_byte_identical(cached, uncached):
    """Pages outside the nav get the very HTML Material would have rendered for them, and a page
    does not depend on which page of its folder happened to be rendered first."""
    assert differing_pages(cached[0], uncached[0]) == []


def test_navigation_links_of_every_page_resolve(cached):
    """A wrong cache key (pages at another depth sharing one navigation) would show as links in the
    primary navigation that lead nowhere; the pattern pages are the ones most served from the cache."""
    site, _ = cached
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
def test_other_layouts_are_byte_identical_too(tmp_path_factory, session_env, demo_before, variant):
    root = tmp_path_factory.mktemp(f"demo-{variant}") / "demo"
    shutil.copytree(DEMO, root)
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    changed = VARIANTS[variant](text)
    assert changed != text, "the variant must change the configuration"
    config.write_text(changed, encoding="utf-8")
    first = build(tmp_path_factory, f"{variant}-cached", CountingCache, root)
    assert CountingCache.made[0].hits > 1
    second = build(tmp_path_factory, f"{variant}-uncached", NeverStores, root)
    pages = [p.relative_to(first).as_posix() for p in sitehtml.html_files(first)]
    assert pages == [p.relative_to(second).as_posix() for p in sitehtml.html_files(second)]
    assert [p for p in pages if (first / p).read_bytes() != (second / p).read_bytes()] == []
