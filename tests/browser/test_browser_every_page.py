"""Every page the build writes, of the demo and of the shipped catalogue, at desktop (1280 px) and
phone (390 px) widths: no WCAG 2.0, 2.1 or 2.2 A/AA violation that axe-core finds, no request to
another host, no console error or failed request, no cookie or browser storage (the privacy
notice says so), and on a phone no sideways scrolling of the page. Not a sample: every .html file.

One browser, one page per width, navigated from page to page, with axe-core put into each page
before its scripts run; a failure lists every page at fault by its path. The desktop window is
600 px high: on a short window Material's menu links had less than 24 px to themselves (axe
target-size), which a taller one hides."""

from __future__ import annotations

import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from browser_checks import (
    DEMO_ROOT, REPO_ROOT, REPORT, Recorder, format_violations, open_page, preload_axe,
    preloaded_axe_violations, serve, sideways_scroll, stored_data,
)

pytestmark = pytest.mark.browser

WIDTHS = {"desktop": {"width": 1280, "height": 600}, "phone": {"width": 390, "height": 844}}
SITES = {"demo": ("built_site", DEMO_ROOT), "shipped": ("shipped_built_site", REPO_ROOT)}


def served_folder(site: Path, root: Path, tmp_path: Path) -> tuple[Path, str]:
    """The folder to serve and the site's path on the server: the path of its site_url, so that
    404.html, whose links start from that path, finds its styles (the demo's is /catalogue/)."""
    from generator.siteconfig import read_mkdocs_yml

    path = urlsplit(read_mkdocs_yml(root / "mkdocs.yml").get("site_url") or "/").path.strip("/")
    if not path:
        return site, ""
    link = tmp_path / "www" / path
    link.parent.mkdir(parents=True)
    link.symlink_to(site, target_is_directory=True)
    return tmp_path / "www", path + "/"


def html_pages(site) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def check_page(page, recorder: Recorder, url: str, phone: bool) -> list[str]:
    """Everything wrong with one page, as lines of text (empty when nothing is)."""
    seen = len(recorder.errors)
    response = open_page(page, url)
    problems = [] if response is not None and response.ok else [f"HTTP {response and response.status}"]
    violations = preloaded_axe_violations(page)
    if violations:
        problems.append(format_violations(violations))
    wide = sideways_scroll(page) if phone else None
    if wide:
        problems.append(wide)
    # A request cut short because the test moved on (the search page's index) is not a fault;
    # a missing file shows as its HTTP status.
    return problems + [e for e in recorder.errors[seen:] if "net::ERR_ABORTED" not in e]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("catalogue", SITES)
def test_every_page_is_accessible_and_private(request, browser, tmp_path, catalogue, width):
    fixture, root = SITES[catalogue]
    site = request.getfixturevalue(fixture)
    pages = html_pages(site)
    assert len(pages) > 20 and "index.html" in pages and "404.html" in pages
    folder, under = served_folder(site, root, tmp_path)
    started = time.monotonic()
    with serve(folder) as server:
        base = server + under
        context = browser.new_context(viewport=WIDTHS[width])
        context.set_default_timeout(20_000)
        preload_axe(context)
        page = context.new_page()
        recorder = Recorder(page)
        try:
            failures = {path: found for path in pages
                        if (found := check_page(page, recorder, base + path, width == "phone"))}
            stored = stored_data(page)
        finally:
            context.close()
    seconds = time.monotonic() - started
    REPORT.append(f"every page, {catalogue} catalogue at {width} width: {len(pages)} pages in {seconds:.1f} s "
                  f"({seconds / len(pages):.2f} s a page, axe included)")
    report = [f"{path}:\n  " + "\n  ".join("\n".join(found).splitlines()) for path, found in failures.items()]
    assert not failures, (f"{len(failures)} of {len(pages)} pages of the {catalogue} site fail at {width} "
                          f"width:\n" + "\n".join(report))
    assert not recorder.off_host(), "requests to other hosts:\n" + "\n".join(recorder.off_host())
    assert not stored, f"the {catalogue} site left data in the browser: {stored}"
