"""Search (Pagefind, on the search page): the header box leads there; a word finds the pattern
that holds it and the section it is in; a title match ranks first; the query stays in the
address; contributor text in results is only ever text."""

from __future__ import annotations

import re
import shutil

import pytest
import yaml

from browser_checks import DEMO_ROOT, Recorder, demo_patterns, open_page, pattern_id, serve

pytestmark = pytest.mark.browser

RESULTS = "#pc-search-results > li"
RESULT_LINKS = """items => items.map(i => i.querySelector('.pc-search__title a').href)"""


def prose(pattern: dict, field: str) -> str:
    return yaml.safe_dump(pattern.get(field, "")).lower()


def results(page) -> list[str]:
    """The result pages' URLs, best first, once the whole batch is on the page (the count is
    announced first, and the list is aria-busy until every result's excerpt is in)."""
    page.wait_for_function("!document.getElementById('pc-search-results').hasAttribute('aria-busy')")
    return page.eval_on_selector_all(RESULTS, RESULT_LINKS)


def search(page, site_url: str, query: str) -> list[str]:
    """Open the search page for a query, as the header form does; return the results' page URLs,
    best first."""
    open_page(page, site_url + "search/?q=" + query)
    return results(page)


def test_the_header_box_on_any_page_leads_to_the_results(page, site_url):
    from playwright.sync_api import expect

    page.goto(site_url + "maturity/")
    box = page.locator("header #pc-header-q")
    box.fill("booking")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q=booking$"))
    expect(page.locator("#pc-search-status")).to_contain_text("for \u201cbooking\u201d")
    expect(page.locator("#pc-search-q")).to_have_value("booking")
    assert site_url + "patterns/fictional-shared-booking-service/" in results(page)


def test_a_word_only_in_a_problem_statement_finds_that_pattern(page, site_url):
    from playwright.sync_api import expect

    word, target = "duplicated", "fictional-shared-booking-service"
    # The query must be a fair test: in the target's problem text and nowhere else in the demo.
    fields = {"orgs", "level", "reuse"}
    found = [(p["id"], f) for p in demo_patterns() for f in p if f not in fields and word in prose(p, f)]
    assert found == [(target, "problem")], found
    for other in [DEMO_ROOT / "organisations.yaml", *(DEMO_ROOT / "docs").rglob("*.md")]:
        assert word not in other.read_text(encoding="utf-8").lower(), other

    found = search(page, site_url, word)
    assert [pattern_id(u) for u in found] == [target], f"results for {word!r}: {found}"
    expect(page.locator("#pc-search-status")).to_have_text("1 result for \u201cduplicated\u201d.")
    sections = page.eval_on_selector_all(".pc-search__sections a", "els => els.map(e => e.hash)")
    assert "#problem" in sections, f"the match should be shown in the Problem section: {sections}"
    assert page.locator(f"{RESULTS} mark").first.text_content().lower() == word

    page.locator(".pc-search__sections a[href$='#problem']").first.click()
    page.wait_for_url(re.compile(rf"/patterns/{target}/#problem$"))
    title = next(p["title"] for p in demo_patterns() if p["id"] == target)
    expect(page.locator("article h1")).to_have_text(title)


def test_a_title_match_ranks_above_pages_that_mention_the_word(page, site_url):
    word = "rota"
    titled = [p["id"] for p in demo_patterns() if word in p["title"].lower()]
    mentioning = [p["id"] for p in demo_patterns()
                  if word not in p["title"].lower() and word in prose(p, "solution")]
    assert titled == ["fictional-rota-app"] and mentioning == ["fictional-shared-booking-service"]

    found = search(page, site_url, word)
    assert len(found) > 1, f"other pages mention {word!r} too: {found}"
    assert found[0] == site_url + "patterns/fictional-rota-app/", \
        f"the pattern titled with {word!r} should be the first result: {found}"
    assert site_url + "patterns/fictional-shared-booking-service/" in found


def test_typing_updates_the_results_and_the_address(page, site_url):
    from playwright.sync_api import expect

    open_page(page, site_url + "search/")
    expect(page.locator("#pc-search-status")).to_have_text("")
    page.locator("#pc-search-q").press_sequentially("dashboard", delay=20)
    expect(page.locator("#pc-search-status")).to_contain_text("for \u201cdashboard\u201d")
    page.wait_for_url(re.compile(r"/search/\?q=dashboard$"))
    assert site_url + "patterns/fictional-virtual-ward-dashboard/" in results(page)

    page.locator("#pc-search-q").fill("qwertyuiop")
    expect(page.locator("#pc-search-status")).to_have_text("No results for \u201cqwertyuiop\u201d.")
    expect(page.locator(RESULTS)).to_have_count(0)
    page.reload()
    expect(page.locator("#pc-search-q")).to_have_value("qwertyuiop")


def test_show_more_adds_the_next_results_and_moves_focus_to_the_first_of_them(page, site_url):
    from playwright.sync_api import expect

    open_page(page, site_url + "search/?q=fictional")
    total = int(page.locator("#pc-search-status").text_content().split()[0])
    assert total > 10, "the demo needs more than ten results for this word"
    expect(page.locator(RESULTS)).to_have_count(10)
    page.locator("#pc-search-more").focus()
    page.keyboard.press("Enter")
    expect(page.locator(RESULTS)).to_have_count(min(total, 20))
    expect(page.locator("#pc-search-results")).not_to_have_attribute("aria-busy", "true")
    eleventh = page.locator(RESULTS).nth(10).locator("a").first
    expect(eleventh).to_be_focused()
    if total <= 20:
        expect(page.locator("#pc-search-more")).to_be_hidden()


def test_payloads_in_results_are_shown_as_text_and_never_run(page, site_url):
    """The hostile entry's title and summary carry markup (FICTIONAL payloads). In the results
    they must read exactly as typed, with no element made from them and nothing run."""
    from playwright.sync_api import expect

    recorder = Recorder(page)
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    entry = next(p for p in demo_patterns() if p["id"] == "fictional-hostile-entry")
    found = search(page, site_url, "onload")
    assert site_url + "patterns/fictional-hostile-entry/" in found, found
    item = page.locator(RESULTS).filter(has=page.locator("a[href$='/fictional-hostile-entry/']")).first
    expect(item.locator(".pc-search__title a")).to_have_text(entry["title"])
    assert "<svg onload=alert('summary')>" in item.inner_text()
    made = page.eval_on_selector_all(f"{RESULTS} *", "els => [...new Set(els.map(e => e.tagName.toLowerCase()))]")
    assert set(made) <= {"p", "a", "span", "mark", "ul", "li"}, made
    assert not page.eval_on_selector_all(f"{RESULTS} *", "els => els.flatMap(e => [...e.attributes].map(a => a.name)).filter(n => n.startsWith('on'))")
    page.wait_for_timeout(300)
    assert not dialogs and not recorder.errors, (dialogs, recorder.errors)


def test_a_missing_index_is_reported_not_silent(page, site_url):
    """If the index cannot be fetched (a site published without it), the page says so."""
    from playwright.sync_api import expect

    page.route("**/pagefind/pagefind.js", lambda route: route.fulfill(status=404, body="missing"))
    page.goto(site_url + "search/?q=booking")
    expect(page.locator("#pc-search-status")).to_contain_text("Search is not available")


def test_results_lead_to_their_pages_on_a_flat_site_under_a_sub_path(page, tmp_path, browser_available):
    """Built without directory URLs (pages end in .html) and published under a sub-path, as on
    a project's GitHub Pages: the result links and kinds must still be right."""
    from playwright.sync_api import expect

    from generator.publish.build import build_site

    root = tmp_path / "demo"
    shutil.copytree(DEMO_ROOT, root)
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "use_directory_urls: false\n", encoding="utf-8")
    build_site(root, tmp_path / "www" / "catalogue")
    with serve(tmp_path / "www") as base:
        open_page(page, base + "catalogue/search.html?q=duplicated")
        link = page.locator(f"{RESULTS} .pc-search__title a").first
        expect(link).to_have_attribute("href", "/catalogue/patterns/fictional-shared-booking-service.html")
        expect(page.locator(f"{RESULTS} .pc-search__kind").first).to_have_text("Pattern")
        link.click()
        expect(page.locator("article h1")).to_have_text(
            next(p["title"] for p in demo_patterns() if p["id"] == "fictional-shared-booking-service"))
