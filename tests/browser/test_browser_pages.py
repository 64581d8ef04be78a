"""Every page type: loads without errors or outside requests, including the hostile pattern; the
maturity badges are legible; ids are unique and no link hides inside an image. (axe-core and the
phone's width are checked on every page by test_browser_every_page.py.)"""

from __future__ import annotations

import re

import pytest

from browser_checks import PAGES, Recorder, demo_context, open_page

pytestmark = pytest.mark.browser

# The pattern whose text tries to inject script: nothing of it may run or fetch anything.
HOSTILE = {"hostile pattern": "patterns/fictional-hostile-entry/"}


@pytest.mark.parametrize("name, path", {**PAGES, **HOSTILE}.items(), ids=[*PAGES, *HOSTILE])
def test_page_has_no_errors_and_no_outside_requests(page, site_url, name, path):
    recorder = Recorder(page)
    response = open_page(page, site_url + path, wait_until="networkidle")
    assert response is not None and response.ok, f"{name}: {response and response.status}"
    assert not recorder.errors, f"{name} ({page.url}):\n" + "\n".join(recorder.errors)
    outside = recorder.off_host()
    assert not outside, f"{name} requested other hosts than 127.0.0.1:\n" + "\n".join(outside)
    assert any(u.startswith(site_url + "assets/") for u in recorder.urls), "requests were not recorded"


# Every page's axe violations and sideways scrolling on a phone are checked, at both widths, by
# test_browser_every_page.py.


def _luminance(rgb: tuple[float, ...]) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_every_maturity_badge_is_legible(page, site_url):
    """The maturity page shows a badge for every level of the ladder. axe cannot judge a badge
    whose text is the colour of its background (it reports it as "needs review", not as a
    violation), so each badge's own background must be opaque and give its text 4.5:1."""
    page.goto(site_url + PAGES["maturity"])
    badges = page.eval_on_selector_all(".pc-badge", """els => els.map(e => [e.textContent.trim(),
        getComputedStyle(e).color, getComputedStyle(e).backgroundColor])""")
    levels = [level.name for level in demo_context().model.levels]
    assert sorted({name for name, _, _ in badges}) == sorted(levels), f"one badge per level: {badges}"
    problems = []
    for name, fg, bg in badges:
        fg_rgb, bg_rgb = ([float(x) for x in re.findall(r"[\d.]+", c)] for c in (fg, bg))
        if len(bg_rgb) == 4 and bg_rgb[3] < 1:
            problems.append(f"{name}: no opaque background of its own ({bg})")
            continue
        high, low = sorted((_luminance(fg_rgb), _luminance(bg_rgb)), reverse=True)
        ratio = (high + 0.05) / (low + 0.05)
        if ratio < 4.5:
            problems.append(f"{name}: {fg} on {bg} is {ratio:.2f}:1, under 4.5:1")
    assert not problems, "\n".join(problems)


STRUCTURE = """() => {
  const seen = {}, dupes = [];
  for (const e of document.querySelectorAll('[id]')) { if (seen[e.id]) dupes.push(e.id); seen[e.id] = true; }
  const focusable = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';
  const inImages = Array.from(document.querySelectorAll('[role="img"]'))
    .flatMap(img => Array.from(img.querySelectorAll(focusable)).map(e => (img.id || img.getAttribute('class')) + ' > ' + e.tagName.toLowerCase()));
  return {dupes, inImages};
}"""


def test_ids_are_unique_and_images_hold_no_links(page, site_url):
    """Ids that figures and labels point at must be unique on the page (a chart's aria-labelledby
    would otherwise name it wrongly), and an element with role="img" is one picture to a screen
    reader: a link inside it can be focused but not announced (the relation diagram's nodes)."""
    problems = []
    for name, path in {**PAGES, **HOSTILE}.items():
        open_page(page, site_url + path)
        found = page.evaluate(STRUCTURE)
        if found["dupes"]:
            problems.append(f"{name}: duplicate ids {sorted(set(found['dupes']))}")
        if found["inImages"]:
            problems.append(f"{name}: focusable content inside role=img: {found['inImages']}")
    assert not problems, "\n".join(problems)
