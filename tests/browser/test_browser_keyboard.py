"""Keyboard: Tab from the top of the catalogue reaches the search box, every filter and Clear
filters, and each shows a visible focus indicator that nothing covers (WCAG 2.1.1, 2.4.7, 2.4.11)."""

from __future__ import annotations

import pytest

from browser_checks import PAGES, open_page

pytestmark = pytest.mark.browser

# Each page's own controls: the catalogue's filters, and the search page's form and Show more
# (a query with more than ten results in the demo, so that Show more is there).
CASES = {
    "catalogue": (PAGES["catalogue"], ["#pc-header-q", "#f-category", "#f-setting", "#f-theme", "#f-wgll",
                                       "#f-region", "#f-maturity", "#f-lifecycle", "#f-organisation", "#f-sort",
                                       "#f-reset"]),
    "search": ("search/?q=fictional", ["#pc-header-q", "#pc-search-q", "#pc-search-form button", "#pc-search-more"]),
}

STYLE = """e => { const s = getComputedStyle(e);
  return {outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth), outlineColor: s.outlineColor,
          outlineOffset: s.outlineOffset, boxShadow: s.boxShadow}; }"""

FOCUSED = """targets => {
  const e = document.activeElement;
  const s = getComputedStyle(e);
  const r = e.getBoundingClientRect();
  // Focus not obscured: some of the control is on screen and not under other content.
  const points = [[0.5, 0.5], [0.1, 0.1], [0.9, 0.1], [0.1, 0.9], [0.9, 0.9]]
    .map(([x, y]) => [r.left + r.width * x, r.top + r.height * y]);
  const seen = points.some(([x, y]) => { const hit = document.elementFromPoint(x, y); return hit && (hit === e || e.contains(hit)); });
  return {
    target: targets.find(t => e.matches(t)) || null,
    name: e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.getAttribute('name') ? '[name=' + e.getAttribute('name') + ']' : ''),
    focusVisible: e.matches(':focus-visible'), seen: seen,
    style: {outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth), outlineColor: s.outlineColor,
            outlineOffset: s.outlineOffset, boxShadow: s.boxShadow},
  };
}"""


# Transitions finished: a check made mid-transition (a sidebar sliding, a focus ring fading in)
# would see the control "covered" or without its final style.
SETTLED = "() => document.getAnimations().every(a => a.playState !== 'running')"


def indicator(focused: dict, unfocused: dict) -> bool:
    """A focus indicator a reader can see: an outline of 2px or more, or a box shadow, that the
    control does not have when it is not focused."""
    outline = focused["outlineStyle"] not in ("none", "hidden") and focused["outlineWidth"] >= 2
    outline_new = outline and (unfocused["outlineStyle"] in ("none", "hidden")
                               or (focused["outlineWidth"], focused["outlineColor"])
                               != (unfocused["outlineWidth"], unfocused["outlineColor"]))
    shadow_new = focused["boxShadow"] != "none" and focused["boxShadow"] != unfocused["boxShadow"]
    return outline_new or shadow_new


@pytest.mark.parametrize("case", sorted(CASES))
def test_tab_reaches_every_control_with_a_visible_focus_indicator(page, site_url, case):
    path, TARGETS = CASES[case]
    open_page(page, site_url + path)
    reached, order = {}, []
    for _ in range(150):
        page.keyboard.press("Tab")
        page.wait_for_function(SETTLED, timeout=3_000)
        info = page.evaluate(FOCUSED, TARGETS)
        order.append(info["name"])
        if info["target"] and info["target"] not in reached:
            reached[info["target"]] = info
        if len(reached) == len(TARGETS):
            break
    missing = [t for t in TARGETS if t not in reached]
    assert not missing, f"Tab never reached {missing}; the tab order was: {order}"

    page.evaluate("document.activeElement.blur()")
    problems = []
    for target in TARGETS:
        info = reached[target]
        unfocused = page.eval_on_selector(target, STYLE)
        if not info["focusVisible"]:
            problems.append(f"{target}: not :focus-visible when reached with Tab")
        if not indicator(info["style"], unfocused):
            problems.append(f"{target}: no visible focus indicator (focused {info['style']}, "
                            f"unfocused {unfocused})")
        if not info["seen"]:
            problems.append(f"{target}: hidden under other content when focused")
    assert not problems, "\n".join(problems)
