"""Negative controls: the checks above must fail on a site that is broken in the way they guard
against, or a green run would prove nothing. Each breaks a copy of the built site."""

from __future__ import annotations

import shutil

import pytest

from browser_checks import check_axe, check_filter_narrows, serve

pytestmark = pytest.mark.browser

BROKEN_SCRIPTS = {
    # Shows the filters, then dies before wiring them: choosing a filter changes no row.
    "throws": 'document.getElementById("pc-filter-panel").hidden = false;\n'
              'document.getElementById("pc-filter-panel").open = true;\n'
              'document.getElementById("pc-filters").hidden = false;\n'
              'throw new Error("deliberately broken catalogue.js");\n',
    # No script at all: the filters stay hidden.
    "empty": "",
}


@pytest.mark.parametrize("script", BROKEN_SCRIPTS)
def test_filter_check_fails_when_the_catalogue_script_is_broken(page, site_copy, script):
    (site_copy / "assets" / "catalogue.js").write_text(BROKEN_SCRIPTS[script], encoding="utf-8")
    with serve(site_copy) as url:
        with pytest.raises(AssertionError) as failure:
            check_filter_narrows(page, url, {"maturity": "emerging"})
    expected = "visible rows after choosing" if script == "throws" else "the maturity filter should be shown"
    assert expected in str(failure.value), str(failure.value)


def test_axe_check_reports_an_image_without_alt(page, site_copy):
    home = site_copy / "index.html"
    html = home.read_text(encoding="utf-8")
    assert html.count("</article>") == 1
    home.write_text(html.replace("</article>", '<img src="assets/images/favicon.png"></article>'),
                    encoding="utf-8")
    with serve(site_copy) as url:
        page.goto(url)
        with pytest.raises(AssertionError, match="image-alt") as failure:
            check_axe(page, "the home page with an image without alt")
    assert "img" in str(failure.value), "the message should name the offending element"


def _every_page_check(browser, folder, paths, viewport):
    """The every-page check (test_browser_every_page.py) on some pages of a broken copy."""
    from test_browser_every_page import check_page

    from browser_checks import Recorder, preload_axe

    context = browser.new_context(viewport=viewport)
    preload_axe(context)
    page = context.new_page()
    recorder = Recorder(page)
    try:
        with serve(folder) as url:
            return {path: check_page(page, recorder, url + path, viewport["width"] < 500) for path in paths}
    finally:
        context.close()


def test_every_page_check_names_the_page_at_fault(browser, site_copy):
    stats = site_copy / "stats" / "index.html"
    stats.write_text(stats.read_text(encoding="utf-8").replace(
        "</article>", '<img src="../assets/images/favicon.png"></article>'), encoding="utf-8")
    found = _every_page_check(browser, site_copy, ["index.html", "stats/index.html"], {"width": 1280, "height": 600})
    assert found["index.html"] == []
    assert "image-alt" in "\n".join(found["stats/index.html"])


def test_every_page_check_finds_the_menus_small_targets_without_the_fix(browser, shipped_built_site, tmp_path):
    """Without the stylesheet's 24px menu links, a short desktop window fails axe target-size on
    pages inside a menu section (which ones depends on the menu's length: the guides and the
    How it works pages are checked, and at least one must fail)."""
    copy = tmp_path / "site"
    shutil.copytree(shipped_built_site, copy)
    css = copy / "assets" / "catalogue.css"
    text = css.read_text(encoding="utf-8")
    assert ".md-nav__link { min-height: 24px; }" in text
    paths = ["maturity/index.html", "reuse/index.html", "stats/index.html", "guide/writing-patterns/index.html",
             "guide/recording-a-use/index.html", "guide/validation/index.html", "guide/organisations/index.html"]
    desktop = {"width": 1280, "height": 600}
    assert _every_page_check(browser, copy, paths, desktop) == {path: [] for path in paths}
    css.write_text(text.replace(".md-nav__link { min-height: 24px; }", ""), encoding="utf-8")
    found = _every_page_check(browser, copy, paths, desktop)
    assert any("target-size" in "\n".join(lines) for lines in found.values()), found


def test_every_page_check_finds_an_unfocusable_scrolling_table(browser, site_copy):
    """A table too wide for a phone, in a hand-written page, scrolls inside Material's wrapper;
    without catalogue.js making it focusable, axe reports scrollable-region-focusable."""
    about = site_copy / "about" / "index.html"
    wide = "<table><tr>" + "".join(f"<td>fictional-wide-cell-{i}</td>" for i in range(12)) + "</tr></table>"
    about.write_text(about.read_text(encoding="utf-8").replace("</article>", wide + "</article>"), encoding="utf-8")
    phone = {"width": 390, "height": 844}
    assert _every_page_check(browser, site_copy, ["about/index.html"], phone)["about/index.html"] == []
    script = site_copy / "assets" / "catalogue.js"
    script.write_text(script.read_text(encoding="utf-8").replace('box.setAttribute("tabindex", "0");', ""),
                      encoding="utf-8")
    found = _every_page_check(browser, site_copy, ["about/index.html"], phone)["about/index.html"]
    assert "scrollable-region-focusable" in "\n".join(found), found


def test_chart_check_finds_overlapping_and_cut_text(page, site_url):
    """The relation diagram check (test_browser_charts.py) on a diagram broken in the browser: a
    relation label moved onto the boxes, a title pushed out of its box, a title cut short."""
    from test_browser_charts import MEASURE

    page.goto(site_url + "patterns/fictional-shared-booking-service/")
    assert page.evaluate(MEASURE)["problems"] == []
    page.evaluate("""() => {
      const svg = document.querySelector('.catalogue-figure--relations svg');
      const x = svg.querySelector('.catalogue-chart__nodes rect').getAttribute('x');
      svg.querySelectorAll('.catalogue-chart__relation tspan').forEach(t => t.setAttribute('x', x));
      const title = svg.querySelector('.catalogue-chart__node-titles tspan');
      title.textContent = title.textContent + ' and a much longer title that no box holds\\u2026';
    }""")
    problems = "\n".join(page.evaluate(MEASURE)["problems"])
    assert "overlaps a box" in problems and "is not inside its box" in problems and "cut short" in problems, problems
