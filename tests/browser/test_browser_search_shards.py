"""Search over a sharded index, in Chromium: a FICTIONAL synthetic catalogue (`catalogue synth`, 60
patterns) built twice, once with one index and once in shards of 40 pages (`search_shard_size`). The
search page merges the shards: every query finds exactly the pages the whole index finds, pages
of every shard among them; an exact title still ranks first; a missing shard list is reported."""

from __future__ import annotations

import json
import re

import pytest

from browser_checks import open_page, serve, synth_catalogue
from generator.publish.searchindex import SHARD_LIST, shard_of

pytestmark = pytest.mark.browser
PATTERNS, PER_SHARD = 60, 40
RESULTS = "#pc-search-results > li"
COUNT = re.compile(r"^(\d+) results? for")


@pytest.fixture(scope="module")
def sites(browser_available, build_pinned, tmp_path_factory):
    """The same catalogue's site with one index (whole/) and with shards (sharded/), served together."""
    base = tmp_path_factory.mktemp("shards")
    www = base / "www"
    build_pinned(synth_catalogue(base / "one", PATTERNS, 30, 200, search_shard_size=10_000), www / "whole")
    build_pinned(synth_catalogue(base / "three", PATTERNS, 30, 200, search_shard_size=PER_SHARD), www / "sharded")
    with serve(www) as url:
        yield www, url


def everything_found(page, url: str, query: str) -> tuple[int, list[str]]:
    """The announced count and every result's page, best first (Show more until it is gone)."""
    open_page(page, f"{url}search/?q={query}")
    page.wait_for_function("!document.getElementById('pc-search-results').hasAttribute('aria-busy')")
    count = int(COUNT.match(page.inner_text("#pc-search-status")).group(1))
    while page.locator("#pc-search-more").is_visible():
        shown = page.locator(RESULTS).count()
        page.click("#pc-search-more")
        page.wait_for_function(f"document.querySelectorAll('{RESULTS}').length > {shown} && "
                               "!document.getElementById('pc-search-results').hasAttribute('aria-busy')")
    links = page.eval_on_selector_all(f"{RESULTS} .pc-search__title a", "as => as.map(a => a.getAttribute('href'))")
    return count, links


def shards(www) -> int:
    return 1 + len(json.loads((www / "sharded" / "pagefind" / SHARD_LIST).read_text(encoding="utf-8")))


def test_the_sharded_site_has_the_shards_it_lists(sites):
    www, _ = sites
    bundle = www / "sharded" / "pagefind"
    records = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"]["en"]["page_count"]
    pages = records + sum(json.loads((bundle / f"shard-{n}" / "pagefind-entry.json").read_text(encoding="utf-8"))
                          ["languages"]["en"]["page_count"] for n in range(1, shards(www)))
    assert shards(www) == -(-pages // PER_SHARD) >= 3, (pages, shards(www))
    assert json.loads((bundle / SHARD_LIST).read_text(encoding="utf-8")) == [f"shard-{n}/" for n in range(1, shards(www))]
    whole = json.loads((www / "whole" / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert whole["languages"]["en"]["page_count"] == pages
    assert json.loads((www / "whole" / "pagefind" / SHARD_LIST).read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("query", ["synth", "fictional", "rota"])
def test_the_shards_find_exactly_what_one_index_finds(page, sites, query):
    www, url = sites
    whole_count, whole = everything_found(page, url + "whole/", query)
    count, found = everything_found(page, url + "sharded/", query)
    assert whole_count > 0 and (count, len(found)) == (whole_count, len(whole))
    pages = sorted(u.removeprefix("/sharded") for u in found)
    assert pages == sorted(u.removeprefix("/whole") for u in whole)
    if count >= 10:
        # Results come from every shard, not only the first one's.
        assert {shard_of(u, shards(www)) for u in pages} == set(range(shards(www)))


def test_an_exact_title_ranks_first_in_the_shards(page, sites):
    www, url = sites
    pattern = sorted((www / "sharded" / "patterns").glob("*/index.html"))[7].parent.name
    page.goto(f"{url}sharded/patterns/{pattern}/")
    title = page.inner_text("article h1")
    _, found = everything_found(page, url + "sharded/", title)
    assert found[0] == f"/sharded/patterns/{pattern}/", (title, found[:3])


def test_a_missing_shard_list_is_reported_not_a_partial_search(page, sites):
    from playwright.sync_api import expect

    _, url = sites
    page.route(f"**/{SHARD_LIST}", lambda route: route.fulfill(status=404, body="missing"))
    page.goto(url + "sharded/search/?q=synth")
    expect(page.locator("#pc-search-status")).to_contain_text("Search is not available")
