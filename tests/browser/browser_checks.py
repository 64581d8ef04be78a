"""Shared pieces of the browser tests: the demo catalogue's facts (read from its YAML), a static
server on 127.0.0.1, and the checks themselves as plain functions, so the negative controls can
run exactly the same checks on a deliberately broken copy of the site and see them fail.

Playwright and axe are imported inside the functions, so that a machine without them collects
these tests and skips them (see conftest.py) instead of erroring.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import http.server
import re
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import yaml

REPO_ROOT = Path(__file__).resolve().parents[2]
DEMO_ROOT = REPO_ROOT / "tests" / "fixtures" / "site" / "demo"
SOURCE_DATE_EPOCH = "1795651200"  # 2026-11-26, the demo's pinned build date
TODAY = dt.datetime.fromtimestamp(int(SOURCE_DATE_EPOCH), tz=dt.timezone.utc).date()

# One page of each type, by path from the site root.
PAGES = {
    "home": "",
    "catalogue": "patterns/",
    "pattern": "patterns/fictional-shared-booking-service/",
    "organisation": "organisations/ZZ1/",
    "stats": "stats/",
    "maturity": "maturity/",
    "reuse": "reuse/",
    "tags": "tags/",
    "data": "data/",
    "search": "search/?q=booking",
    "regions": "regions/",
    "region": "regions/london/",
    "icb": "regions/icb/ZZ7/",
    "closed organisation": "organisations/ZZ8/",
    "organisation with suggestions": "organisations/ZZ5/",
    "pattern by a closed organisation": "patterns/fictional-paper-referrals/",
}

AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
               # Every rule still runs and every violation is reported in full; this only stops axe
               # listing each passing node too, which took most of the run's time.
               "resultTypes": ["violations"]}
ROWS = "#pc-catalogue tbody tr"
# Measurements printed at the end of the run (conftest.py): the every-page checks' times, PDF pages.
REPORT: list[str] = []


# ---------------------------------------------------------------- the demo catalogue's facts

@functools.lru_cache(maxsize=None)
def demo_context():
    """The generator's view of the demo catalogue on the pinned build date: computed maturity
    and reuse, by the same rules the site is built with."""
    from generator.render.context import build_context
    from generator.validate.catalogue import validate_catalogue

    return build_context(validate_catalogue(DEMO_ROOT, today=TODAY).catalogue, TODAY)


@functools.lru_cache(maxsize=None)
def demo_patterns() -> tuple[dict, ...]:
    """Every demo pattern as its YAML data, plus the organisations the catalogue lists it under
    (originator and every adopter), their regions in the registry, and its computed maturity
    level and reuse count."""
    ctx = demo_context()
    registry = yaml.safe_load((DEMO_ROOT / "organisations.yaml").read_text(encoding="utf-8"))["organisations"]
    patterns = []
    for path in sorted((DEMO_ROOT / "patterns").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        view = ctx.by_id[data["id"]]
        data["orgs"] = {data["originator"], *(a["organisation"] for a in data.get("adoptions", []))}
        data["regions"] = {registry[code]["region"] for code in data["orgs"]}
        data["level"] = view.level.id
        data["reuse"] = view.reuse.count
        patterns.append(data)
    return tuple(patterns)


def ids_where(**wanted) -> set[str]:
    """Ids of the demo patterns the catalogue filters should show for these filter values."""
    def keep(p):
        return all({"category": lambda v: p["category"] == v, "maturity": lambda v: p["level"] == v,
                    "organisation": lambda v: v in p["orgs"], "region": lambda v: v in p["regions"],
                    "setting": lambda v: v in p.get("care_settings", []),
                    "wgll": lambda v: v in p.get("wgll", [])}[k](v) for k, v in wanted.items())
    return {p["id"] for p in demo_patterns() if keep(p)}


# ---------------------------------------------------------------- serving

class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


@contextlib.contextmanager
def serve(directory: Path):
    """Serve a folder on 127.0.0.1 on a free port in a background thread; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def synth_catalogue(root: Path, patterns: int, organisations: int, adoptions: int, **plugin_options) -> Path:
    """A FICTIONAL catalogue written by `catalogue synth` on the pinned date, with the plugin
    options given added to its mkdocs.yml."""
    subprocess.run([sys.executable, "-m", "generator", "synth", "--patterns", str(patterns), "--organisations",
                    str(organisations), "--adoptions", str(adoptions), "--as-of", TODAY.isoformat(), "--out", str(root)],
                   check=True, capture_output=True, env={"SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "PATH": ""})
    config = root / "mkdocs.yml"
    options = "".join(f"      {name}: {value}\n" for name, value in plugin_options.items())
    config.write_text(config.read_text(encoding="utf-8").replace("      root: .\n", "      root: .\n" + options),
                      encoding="utf-8")
    return root


# ---------------------------------------------------------------- page helpers

def pattern_id(href: str) -> str:
    match = re.search(r"/patterns/([^/]+)/", urlsplit(href).path)
    assert match, f"not a pattern page link: {href}"
    return match.group(1)


def row_ids(page, visible_only: bool = True) -> list[str]:
    """Pattern ids of the catalogue table's rows (only those a reader can see), in page order."""
    hrefs = page.eval_on_selector_all(ROWS, """(rows, visibleOnly) => rows
        .filter(r => !visibleOnly || (!r.hidden && r.getClientRects().length > 0))
        .map(r => r.querySelector('a').href)""", visible_only)
    return [pattern_id(h) for h in hrefs]


def query_of(page) -> dict[str, str]:
    return dict(parse_qsl(urlsplit(page.url).query))


# ---------------------------------------------------------------- checks

def check_filter_narrows(page, base_url: str, filters: dict[str, str]) -> None:
    """Open the catalogue, choose each filter as a reader would, and check that exactly the
    expected rows stay visible and that the address bar carries the filters."""
    from playwright.sync_api import expect

    page.goto(base_url + PAGES["catalogue"])
    total = len(demo_patterns())
    assert len(row_ids(page)) == total, f"before filtering, expected all {total} rows visible"
    for name, value in filters.items():
        select = page.locator(f"#pc-filters select[name={name}]")
        expect(select, f"the {name} filter should be shown").to_be_visible(timeout=2_000)
        select.select_option(value)
    expected = ids_where(**filters)
    assert len(expected) < total, f"{filters} must narrow the demo catalogue to be a useful check"
    shown = row_ids(page)
    assert sorted(shown) == sorted(expected), (
        f"visible rows after choosing {filters}: {sorted(shown)}; expected {sorted(expected)}")
    assert query_of(page) == filters, f"the address bar should carry {filters}: {page.url}"


def open_page(page, url: str, **goto):
    """Go to a page and wait until it is complete: on the search page, until the results for the
    query in its address are shown (they arrive after load, from the Pagefind index)."""
    response = page.goto(url, **goto)
    if "q=" in url and page.locator("#pc-search").count():
        page.wait_for_function("document.getElementById('pc-search-status').textContent !== ''"
                               " && !document.getElementById('pc-search-results').hasAttribute('aria-busy')")
    return response


def axe_violations(page) -> list[dict]:
    from axe_playwright_python.sync_playwright import Axe

    return Axe().run(page, options=AXE_OPTIONS).response["violations"]


@functools.lru_cache(maxsize=None)
def axe_source() -> str:
    """axe-core's script, as the axe-playwright-python package ships it."""
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


def preload_axe(context) -> None:
    """Put axe-core into every page the context opens, before the page's own scripts run, so a
    run over many pages does not inject it again on each."""
    context.add_init_script(axe_source())


def preloaded_axe_violations(page) -> list[dict]:
    """axe-core's violations on the page as it is, with axe put there by preload_axe."""
    return page.evaluate("options => axe.run(document, options).then(r => r.violations)", AXE_OPTIONS)


WIDER_THAN = """w => Array.from(document.querySelectorAll('body *'))
    .filter(e => e.getBoundingClientRect().right > w + 1)
    .slice(0, 8).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
        + (e.className && e.className.baseVal === undefined ? '.' + e.className.trim().split(/\\s+/).join('.') : ''))"""


def sideways_scroll(page) -> str | None:
    """Why the page scrolls sideways (its width and the elements wider than the window), or None."""
    scroll_width, inner_width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    if scroll_width <= inner_width:
        return None
    return f"the page is {scroll_width}px wide at {inner_width}px; wider elements: {page.evaluate(WIDER_THAN, inner_width)}"


STORAGE = "() => [document.cookie, Object.keys(localStorage), Object.keys(sessionStorage)]"


def stored_data(page) -> list[str]:
    """Cookies and browser storage the site has left behind (a privacy notice says there are none)."""
    cookie, local, session = page.evaluate(STORAGE)
    found = [f"cookie {c['name']}" for c in page.context.cookies()] + ([f"document.cookie {cookie!r}"] if cookie else [])
    return found + [f"localStorage {k}" for k in local] + [f"sessionStorage {k}" for k in session]


def format_violations(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']} [{v['helpUrl']}]")
        for node in v["nodes"]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {' > '.join(map(str, node['target']))}: {summary[:300]}")
    return "\n".join(lines)


def check_axe(page, label: str) -> None:
    """No WCAG 2.0/2.1/2.2 A or AA violation that axe-core can find on the page as it is."""
    violations = axe_violations(page)
    assert not violations, f"axe found {len(violations)} violation(s) on {label} ({page.url}):\n" \
                           + format_violations(violations)


class Recorder:
    """Everything a page did that a reader would not want: console errors, uncaught exceptions,
    dialogs, failed requests, error responses, and every URL it requested."""

    def __init__(self, page):
        self.urls: list[str] = []
        self.errors: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.errors.append(f"console: {m.text} ({m.location})"))
        page.on("pageerror", lambda e: self.errors.append(f"uncaught: {e}"))
        page.on("dialog", lambda d: (self.errors.append(f"dialog: {d.type} {d.message!r}"), d.dismiss()))
        page.on("request", lambda r: self.urls.append(r.url))
        page.on("requestfailed", lambda r: self.errors.append(f"request failed: {r.url} ({r.failure})"))
        page.on("response", lambda r: r.status >= 400 and self.errors.append(f"HTTP {r.status}: {r.url}"))

    def off_host(self) -> list[str]:
        """Requests to anything but the local test server (data: and blob: URLs stay in the page)."""
        return [u for u in self.urls
                if urlsplit(u).scheme not in ("data", "blob") and urlsplit(u).hostname != "127.0.0.1"]
