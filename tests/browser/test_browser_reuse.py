"""Adoption data in Chromium (issue 12): a pattern page shows adoption histories, lessons,
contacts and what users also use; an organisation page shows its history and the patterns
organisations like it use; the regions map is an accessible image; a badge loads as an image.
(axe, errors and phone width for these pages: test_browser_pages.py, through PAGES.) The demo
catalogue is FICTIONAL."""

from __future__ import annotations

import pytest

from browser_checks import open_page

pytestmark = pytest.mark.browser

BOOKING = "patterns/fictional-shared-booking-service/"


def visible_text(page, selector: str) -> str:
    locator = page.locator(selector).first
    assert locator.is_visible(), f"{selector} is not visible"
    return locator.inner_text()


def test_a_pattern_page_shows_histories_lessons_contacts_and_companions(page, site_url):
    open_page(page, site_url + BOOKING)
    lessons = visible_text(page, ".pc-lessons")
    assert "stopped on 1 January 2026, because: Fictional: our clinics moved to a regional booking hub" in lessons
    story = page.locator(".pc-story", has=page.locator("h4", has_text="Fictional Hillcrest Hospital NHS Trust"))
    assert story.locator("ol.pc-history li").all_inner_texts()[:2] == ["1 March 2025: Piloting (evidence)",
                                                                       "1 June 2025: In use (evidence)"]
    assert "may be out of date" in story.locator(".pc-contact-flag").inner_text()
    lakeside = page.locator(".pc-story", has=page.locator("h4", has_text="Fictional Lakeside Primary Care Network"))
    assert lakeside.locator('a[href="mailto:lakeside.digital@example.org"]').is_visible()
    assert "Virtual ward dashboard: 3 organisations use both" in visible_text(page, ".pc-recommendations")
    # The table of contents leads to the new sections.
    toc = page.locator(".md-sidebar--secondary").inner_text()
    assert "Tried and stopped" in toc and "Organisations that use this also use" in toc


def test_an_organisation_page_shows_its_history_and_suggestions(page, site_url):
    open_page(page, site_url + "organisations/ZZ8/")
    assert "merged into Fictional Hillcrest and Vale NHS Trust on 1 April 2026" in visible_text(page, ".pc-closed-notice")
    assert visible_text(page, ".pc-lesson").startswith("Tried it and stopped on 1 January 2026")
    open_page(page, site_url + "organisations/ZZ5/")
    suggestion = visible_text(page, ".pc-recommendations li")
    assert suggestion.startswith("Virtual ward dashboard: ") and "also use it" in suggestion
    page.locator(".pc-recommendations a", has_text="Virtual ward dashboard").click()
    assert page.url.endswith("patterns/fictional-virtual-ward-dashboard/")


def test_the_regions_map_is_an_image_with_a_name_and_its_figures_in_a_table(page, site_url):
    open_page(page, site_url + "regions/")
    svg = page.locator("svg.catalogue-chart--tiles")
    assert svg.get_attribute("role") == "img"
    name = page.evaluate("""() => { const svg = document.querySelector('svg.catalogue-chart--tiles');
        return svg.getAttribute('aria-labelledby').split(' ').map(id => document.getElementById(id).textContent); }""")
    assert name[0] == "Adoptions in force by NHS England region" and "London" in name[1]
    assert svg.locator("g.catalogue-chart__tile").count() == 7
    page.locator("summary", has_text="Show the data as a table").click()
    assert page.locator("details.catalogue-chart__data table").is_visible()
    page.locator("table.pc-table a", has_text="London").click()
    assert page.url.endswith("regions/london/")


def test_a_badge_loads_as_an_image_and_its_snippet_wraps_on_a_phone(new_context, site_url):
    page = new_context(viewport={"width": 390, "height": 844}).new_page()
    open_page(page, site_url + BOOKING)
    image = page.locator("img.pc-badge-preview")
    image.scroll_into_view_if_needed()
    width = page.evaluate("img => img.naturalWidth", image.element_handle())
    assert width > 100, "the badge did not load"
    for code in page.locator(".pc-badge-embed pre code").all():
        overflow = code.evaluate("el => el.scrollWidth - el.clientWidth")
        assert overflow <= 1, "the snippet scrolls sideways instead of wrapping"
