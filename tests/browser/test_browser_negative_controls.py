"""Negative controls: the checks above must fail on a site that is broken in the way they guard
against, or a green run would prove nothing. Each breaks a copy of the built site."""

from __future__ import annotations

import pytest

from browser_checks import check_axe, check_filter_narrows, serve

pytestmark = pytest.mark.browser

BROKEN_SCRIPTS = {
    # Shows the filters, then dies before wiring them: choosing a filter changes no row.
    "throws": 'document.getElementById("pc-filters").hidden = false;\n'
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
