"""Material's search box finds patterns by their text and ranks a title match first."""

from __future__ import annotations

import re
import time

import pytest
import yaml

from browser_checks import DEMO_ROOT, demo_patterns, pattern_id

pytestmark = pytest.mark.browser

RESULT_PAGES = """items => items.map(i => i.querySelector('a.md-search-result__link').href)"""


def prose(pattern: dict, field: str) -> str:
    return yaml.safe_dump(pattern.get(field, "")).lower()


def search(page, site_url: str, query: str) -> list[str]:
    """Type the query into the search box as a reader would; return the result pages' URLs, best
    first, once the list has stopped changing (results arrive while the query is typed)."""
    from playwright.sync_api import expect

    page.goto(site_url)
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=20)
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    previous, deadline = None, time.monotonic() + 5
    while time.monotonic() < deadline:
        current = page.eval_on_selector_all(".md-search-result__item", RESULT_PAGES)
        if current == previous:
            return current
        previous = current
        page.wait_for_timeout(250)
    raise AssertionError(f"search results for {query!r} never settled: {previous}")


def test_a_word_only_in_a_problem_statement_finds_that_pattern(page, site_url):
    from playwright.sync_api import expect

    word, target = "duplicated", "fictional-shared-booking-service"
    # The query must be a fair test: in the target's problem text and nowhere else in the demo.
    fields = {"orgs", "level", "reuse"}
    found = [(p["id"], f) for p in demo_patterns() for f in p if f not in fields and word in prose(p, f)]
    assert found == [(target, "problem")], found
    for other in [DEMO_ROOT / "organisations.yaml", *(DEMO_ROOT / "docs").rglob("*.md")]:
        assert word not in other.read_text(encoding="utf-8").lower(), other

    results = search(page, site_url, word)
    assert [pattern_id(u) for u in results] == [target], f"results for {word!r}: {results}"
    sections = page.eval_on_selector_all(".md-search-result__item a.md-search-result__link", "els => els.map(e => e.hash)")
    assert "#problem" in sections, f"the match should be shown in the Problem section: {sections}"

    page.locator(".md-search-result__item a.md-search-result__link").first.click()
    page.wait_for_url(re.compile(rf"/patterns/{target}/(#.*)?$"))
    title = next(p["title"] for p in demo_patterns() if p["id"] == target)
    expect(page.locator("article h1")).to_have_text(title)


def test_a_title_match_ranks_above_pages_that_mention_the_word(page, site_url):
    word = "rota"
    titled = [p["id"] for p in demo_patterns() if word in p["title"].lower()]
    mentioning = [p["id"] for p in demo_patterns()
                  if word not in p["title"].lower() and word in prose(p, "solution")]
    assert titled == ["fictional-rota-app"] and mentioning == ["fictional-shared-booking-service"]

    results = search(page, site_url, word)
    assert len(results) > 1, f"other pages mention {word!r} too: {results}"
    assert results[0] == site_url + "patterns/fictional-rota-app/", \
        f"the pattern titled with {word!r} should be the first result: {results}"
    others = [u for u in results if "/patterns/fictional-shared-booking-service/" in u]
    assert others, f"the pattern that merely mentions {word!r} should be found too: {results}"
