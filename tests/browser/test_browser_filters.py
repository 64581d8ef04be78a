"""The catalogue page's filters, sort and shareable address, and the table without JavaScript.
Expected rows come from the demo catalogue's YAML (see browser_checks.demo_patterns)."""

from __future__ import annotations

import pytest

from browser_checks import PAGES, ROWS, check_filter_narrows, demo_patterns, ids_where, query_of, row_ids

pytestmark = pytest.mark.browser

FILTERS = [
    {"maturity": "emerging"},
    {"category": "platform"},
    {"organisation": "ZZ5"},
    {"organisation": "ZZ5", "maturity": "reused"},
    {"setting": "community"},
    {"wgll": "improve-care"},
    {"region": "london"},
    {"setting": "acute", "region": "north-west"},
]
DEFAULTS = {"category": "", "setting": "", "theme": "", "wgll": "", "region": "", "maturity": "", "lifecycle": "",
            "organisation": "", "sort": "reuse"}


def expected_order(sort: str) -> list[str]:
    """Row order for a sort, as the page promises it: ties broken by title."""
    title = {p["id"]: p["title"].lower() for p in demo_patterns()}
    keys = {
        "title": lambda p: title[p["id"]],
        "newest": lambda p: (-p["created"].toordinal(), title[p["id"]]),
        "reuse": lambda p: (-p["reuse"], title[p["id"]]),
    }
    return [p["id"] for p in sorted(demo_patterns(), key=keys[sort])]


def select_values(page) -> dict[str, str]:
    return page.eval_on_selector_all("#pc-filters select", "els => Object.fromEntries(els.map(e => [e.name, e.value]))")


@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: ",".join(f"{k}={v}" for k, v in f.items()))
def test_filter_narrows_rows_and_a_reload_restores_it(page, site_url, filters):
    from playwright.sync_api import expect

    check_filter_narrows(page, site_url, filters)
    shown = row_ids(page)
    expect(page.locator("#pc-count")).to_have_text(f"Showing {len(shown)} of {len(demo_patterns())} patterns")

    page.reload()
    assert select_values(page) == {**DEFAULTS, **filters}, "a reload should restore the chosen filters"
    assert row_ids(page) == shown, "a reload should show the same rows in the same order"
    assert query_of(page) == filters


def test_sort_reorders_rows(page, site_url):
    page.goto(site_url + PAGES["catalogue"])
    assert row_ids(page) == expected_order("reuse"), "the catalogue opens sorted by reuse"
    for sort in ("title", "newest", "reuse"):
        page.select_option("#f-sort", sort)
        assert row_ids(page) == expected_order(sort), f"rows sorted by {sort}"
        # Most reused is the default order, so it is left out of the address.
        assert query_of(page) == ({} if sort == "reuse" else {"sort": sort})
    assert expected_order("title") != expected_order("newest") != expected_order("reuse"), \
        "the demo data must tell the three orders apart"


def test_clear_filters_resets_everything(page, site_url):
    from playwright.sync_api import expect

    page.goto(site_url + PAGES["catalogue"] + "?category=governance&maturity=emerging&sort=title")
    assert set(row_ids(page)) == ids_where(category="governance", maturity="emerging")
    assert len(row_ids(page)) < len(demo_patterns())

    page.click("#f-reset")
    expect(page.locator("#pc-count")).to_have_text(f"{len(demo_patterns())} patterns")
    assert select_values(page) == DEFAULTS
    assert row_ids(page) == expected_order("reuse")
    assert query_of(page) == {}, f"the address should lose its filters: {page.url}"


def test_without_javascript_the_table_lists_every_pattern(new_context, site_url):
    from playwright.sync_api import expect

    page = new_context(java_script_enabled=False).new_page()
    page.goto(site_url + PAGES["catalogue"])
    rows = page.locator(ROWS)
    expect(rows).to_have_count(len(demo_patterns()))
    for i in range(rows.count()):
        expect(rows.nth(i)).to_be_visible()
    assert sorted(row_ids(page)) == sorted(p["id"] for p in demo_patterns())
    # Filters need the script, so they stay hidden rather than doing nothing.
    expect(page.locator("#pc-filters")).to_be_hidden()


PHONE = {"width": 390, "height": 844}


def test_on_a_phone_the_filters_fold_behind_one_control(new_context, site_url):
    """At 390 px the first screen shows patterns, not nine filters: they sit behind one "Filter
    patterns" control, which opens them; chosen filters still work, and the control says how
    many are chosen, also after a reload."""
    from playwright.sync_api import expect

    page = new_context(viewport=PHONE).new_page()
    page.goto(site_url + PAGES["catalogue"])
    toggle = page.locator("#pc-filter-panel > summary")
    expect(toggle).to_be_visible()
    expect(toggle).to_have_text("Filter patterns")
    expect(page.locator("#f-category")).to_be_hidden()
    first_row = page.locator(ROWS).first.bounding_box()
    assert first_row["y"] < PHONE["height"], f"the first pattern starts at {first_row['y']}px, below the first screen"
    box = toggle.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 300, f"the control is a small target: {box}"

    toggle.click()
    expect(page.locator("#f-setting")).to_be_visible()
    page.select_option("#f-setting", "community")
    assert sorted(row_ids(page)) == sorted(ids_where(setting="community"))
    assert query_of(page) == {"setting": "community"}
    expect(toggle).to_have_text("Filter patterns (1 chosen)")

    page.reload()
    expect(page.locator("#f-setting")).to_be_hidden()  # folded again, the choice kept
    expect(toggle).to_have_text("Filter patterns (1 chosen)")
    assert sorted(row_ids(page)) == sorted(ids_where(setting="community"))


def test_on_a_wide_screen_the_filters_are_open_and_the_control_is_not_shown(page, site_url):
    from playwright.sync_api import expect

    page.goto(site_url + PAGES["catalogue"])
    expect(page.locator("#pc-filter-panel > summary")).to_be_hidden()
    for name in DEFAULTS:
        expect(page.locator(f"#pc-filters select[name={name}]")).to_be_visible()
    # Narrowed to a phone's width, the panel folds; widened again, it opens.
    page.set_viewport_size(PHONE)
    expect(page.locator("#f-category")).to_be_hidden()
    page.set_viewport_size({"width": 1280, "height": 900})
    expect(page.locator("#f-category")).to_be_visible()
