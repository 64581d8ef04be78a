"""Recording a use from a pattern page, in Chromium: the links are what the browser reads from the
page (a hostile title cannot add a link or leave the email link's address), and a pattern with no
adoption yet leads the reader to the way to record one. The axe checks in test_browser_pages.py
cover these controls' accessibility. FICTIONAL demo catalogue (repo_url and intake_email set)."""

from __future__ import annotations

import pytest

from browser_checks import open_page

pytestmark = pytest.mark.browser

LINKS = """box => [...box.querySelectorAll('a')].map(a => {
  const url = new URL(a.href);
  return {text: a.textContent.trim(), protocol: url.protocol, address: url.pathname,
          subject: url.searchParams.get('subject'), body: url.searchParams.get('body'),
          template: url.searchParams.get('template'), pattern: url.searchParams.get('pattern')};
})"""


def test_a_hostile_title_stays_inside_the_links_as_chromium_reads_them(page, site_url):
    open_page(page, site_url + "patterns/fictional-hostile-entry/")
    title = page.locator("article h1").inner_text()
    assert "javascript:" in title  # the demo's hostile entry: markup, quotes and a script link in its title
    links = page.locator(".pc-record-use").evaluate(LINKS)
    assert [link["text"] for link in links] == ["We use this pattern", "Tell us by email", "Edit this pattern"]
    form, email, _ = links
    assert (form["protocol"], form["template"], form["pattern"]) == ("https:", "record-adoption.yml",
                                                                     "fictional-hostile-entry")
    assert (email["protocol"], email["address"]) == ("mailto:", "patterns@example.org")
    assert email["subject"] == f"We use the pattern: {title}"
    assert email["body"].startswith(f"Pattern: fictional-hostile-entry ({title})\r\n")


def test_a_pattern_with_no_adoption_leads_to_the_way_to_record_one(page, site_url):
    open_page(page, site_url + "patterns/fictional-paper-referrals/")
    page.get_by_role("link", name="tell the catalogue").click()
    page.wait_for_function("location.hash === '#reuse-this-pattern'")
    button = page.get_by_role("link", name="We use this pattern")
    assert button.is_visible() and button.evaluate("e => e.getBoundingClientRect().top < innerHeight")
