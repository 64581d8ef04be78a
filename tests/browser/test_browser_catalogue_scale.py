"""The catalogue page at scale, in Chromium: a FICTIONAL synthetic catalogue (`catalogue synth`,
300 patterns, 150 organisations, 1,500 adoptions) built with a page size of 20, so the page holds
20 rows and the rest come from patterns/index.json. Filters, sort, counts and "Show more" work
over every pattern; without JavaScript, the numbered list holds every pattern; the new pages are
axe clean; and text in the data file never becomes markup (a hostile title, on the demo site)."""

from __future__ import annotations

import json

import pytest

from browser_checks import ROWS, TODAY, check_axe, pattern_id, query_of, row_ids, serve, synth_catalogue

pytestmark = pytest.mark.browser
PAGE_SIZE = 20
TOTAL = 300


@pytest.fixture(scope="module")
def scale_root(browser_available, tmp_path_factory):
    return synth_catalogue(tmp_path_factory.mktemp("scale") / "catalogue", TOTAL, 150, 1500, page_size=PAGE_SIZE)


@pytest.fixture(scope="module")
def scale_url(scale_root, build_pinned):
    with serve(build_pinned(scale_root, scale_root.parent / "site")) as url:
        yield url


@pytest.fixture(scope="module")
def views(scale_root):
    """The generator's own view of the synthetic catalogue: the oracle for what filters show."""
    from generator.render.context import build_context
    from generator.validate.catalogue import validate_catalogue

    ctx = build_context(validate_catalogue(scale_root, today=TODAY).catalogue, TODAY)
    return [(v, set(ctx.pattern_regions(v.pattern)), {v.pattern.originator, *(a.organisation for a in v.pattern.adoptions)})
            for v in ctx.patterns]


def expected(views, sort="reuse", **wanted) -> list[str]:
    tests = {"category": lambda v, r, o, x: v.pattern.category == x, "maturity": lambda v, r, o, x: v.level.id == x,
             "region": lambda v, r, o, x: x in r, "organisation": lambda v, r, o, x: x in o}
    keys = {"reuse": lambda v: (-v.reuse.count, v.pattern.title.lower()), "title": lambda v: v.pattern.title.lower(),
            "newest": lambda v: (-v.pattern.created.toordinal(), v.pattern.title.lower())}
    kept = [v for v, r, o in views if all(tests[k](v, r, o, x) for k, x in wanted.items())]
    return [v.id for v in sorted(kept, key=keys[sort])]


def open_catalogue(page, url: str):
    page.goto(url)
    page.wait_for_selector("#pc-catalogue[data-ready]")


def show_all(page) -> None:
    while page.locator("#pc-more").is_visible():
        page.click("#pc-more")


def test_filters_work_over_every_pattern_not_only_the_first_rows(page, scale_url, views):
    from playwright.sync_api import expect

    open_catalogue(page, scale_url + "patterns/")
    assert row_ids(page) == expected(views)[:PAGE_SIZE], "the catalogue opens on its first rows, most reused first"
    first_rows = set(row_ids(page))
    # An organisation none of the first rows names: only the data file can find its patterns.
    code = next(o for o in sorted({o for _, _, orgs in views for o in orgs})
                if not any(o in orgs for v, _, orgs in views if v.id in first_rows))
    region = sorted({r for _, regions, _ in views for r in regions})[0]
    for filters in ({"organisation": code}, {"region": region}, {"region": region, "maturity": "emerging"}):
        page.click("#f-reset")
        for name, value in filters.items():
            page.select_option(f"#pc-filters select[name={name}]", value)
        want = expected(views, **filters)
        assert 0 < len(want) < TOTAL, f"{filters} must narrow the catalogue"
        expect(page.locator("#pc-count")).to_have_text(f"Showing {len(want)} of {TOTAL} patterns")
        assert row_ids(page) == want[:PAGE_SIZE]
        show_all(page)
        assert row_ids(page) == want, f"after Show more, every pattern matching {filters}, in order"
        assert query_of(page) == filters


def test_sort_and_a_shared_address_cover_every_pattern(page, scale_url, views):
    open_catalogue(page, scale_url + "patterns/?sort=title")
    assert row_ids(page) == expected(views, "title")[:PAGE_SIZE]
    page.select_option("#f-sort", "newest")
    show_all(page)
    assert row_ids(page) == expected(views, "newest")
    category = views[-1][0].pattern.category
    open_catalogue(page, scale_url + f"patterns/?category={category}&sort=title")
    show_all(page)
    assert row_ids(page) == expected(views, "title", category=category)


def test_show_more_moves_focus_to_the_first_new_pattern_and_says_how_many_are_shown(page, scale_url):
    from playwright.sync_api import expect

    open_catalogue(page, scale_url + "patterns/")
    # With every pattern loaded, the link to the numbered list has nothing more to offer.
    expect(page.locator("#pc-all-patterns")).to_be_hidden()
    expect(page.locator("#pc-more")).to_have_text(f"Show {PAGE_SIZE} more")
    expect(page.locator("#pc-more-status")).to_have_text(f"Showing the first {PAGE_SIZE} of {TOTAL} matching patterns.")
    page.click("#pc-more")
    focused = page.evaluate("document.activeElement.closest('tr') && "
                            "Array.prototype.indexOf.call(document.activeElement.closest('tbody').rows, "
                            "document.activeElement.closest('tr'))")
    assert focused == PAGE_SIZE, "focus moves to the first of the new rows"
    expect(page.locator("#pc-more-status")).to_have_text(f"Showing the first {2 * PAGE_SIZE} of {TOTAL} matching patterns.")
    assert page.locator("#pc-more-status").get_attribute("role") == "status"
    check_axe(page, "the catalogue page after Show more")


def test_without_javascript_the_numbered_list_holds_every_pattern(new_context, scale_url, views):
    from playwright.sync_api import expect

    page = new_context(java_script_enabled=False).new_page()
    page.goto(scale_url + "patterns/")
    expect(page.locator(ROWS)).to_have_count(PAGE_SIZE)
    link = page.get_by_role("link", name=f"See every pattern, {PAGE_SIZE} to a page")
    expect(link).to_be_visible()
    link.click()
    seen = []
    while True:
        seen += [pattern_id(h) for h in page.eval_on_selector_all(
            "article table.pc-table tbody tr td:first-child a", "links => links.map(a => a.href)")]
        following = page.locator(".pc-pager a[rel=next]").first
        if not following.count():
            break
        following.click()
    assert seen == expected(views), "every pattern, once, most reused first"


@pytest.mark.parametrize("path", ["patterns/all/page-2/", "organisations/index/page-2/"])
def test_numbered_pages_are_axe_clean(page, scale_url, path):
    page.goto(scale_url + path)
    assert page.locator(".pc-pager a[rel=prev]").count(), f"{path} links back to the page before"
    check_axe(page, path)


def test_a_hostile_title_in_the_data_file_stays_text(page, site_copy):
    """The data file is the script's input: a title with markup in it (as a tampered or broken
    file could carry) is shown as the characters it is, and nothing runs."""
    data_path = site_copy / "patterns" / "index.json"
    data = json.loads(data_path.read_text(encoding="utf-8"))
    at = {name: i for i, name in enumerate(data["fields"])}
    title = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'
    data["patterns"][0][at["title"]] = title
    data["patterns"][0][at["summary"]] = '<b onmouseover="window.__pwned=3">bold</b>'
    data["patterns"][0][at["note"]] = '"><svg onload="window.__pwned=4">'
    data["patterns"][0][at["link"]] = "javascript:window.__pwned=5"
    data_path.write_text(json.dumps(data), encoding="utf-8")
    with serve(site_copy) as url:
        open_catalogue(page, url + "patterns/")
        # The page opens on its own rows; a change of sort draws them from the data file.
        page.select_option("#f-sort", "title")
        page.select_option("#f-sort", "reuse")
        first = page.locator(ROWS).first
        assert first.locator("a").text_content() == title
        assert first.locator("img, script, b, svg").count() == 0
        assert first.locator("a").get_attribute("href") is None, "an address with a scheme is never a link"
        first.hover()
        assert page.evaluate("window.__pwned") is None


def test_rows_the_script_draws_are_the_rows_the_page_has(page, scale_url):
    """The page opens on its own rows (kept, not redrawn); rows the script draws from the data
    file after a change are the same markup, so nothing shifts or reads differently."""
    open_catalogue(page, scale_url + "patterns/")
    own = page.eval_on_selector_all(ROWS, "rows => rows.map(r => r.outerHTML)")
    page.select_option("#f-sort", "title")
    page.select_option("#f-sort", "reuse")
    drawn = page.eval_on_selector_all(ROWS, "rows => rows.map(r => r.outerHTML)")
    assert len(own) == PAGE_SIZE and drawn == own
