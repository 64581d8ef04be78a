"""Benchmarks, the reader's catalogue page in a real browser: headless Chromium (Debian's
/usr/bin/chromium), the site served from this machine, each load a fresh browser context.

- Interactive: from navigation until the page's load event has ended and, on the catalogue page,
  until its script has loaded the data file and wired the filters (it sets the performance mark
  `pc-catalogue-ready`). The home page has no such script: its load event's end.
- Filter change: from a filter's change event until the frame after the table and the count
  were updated has been painted (two animation frames), for several filters; each must change
  the count, so a filter that does nothing cannot pass.
"""

from __future__ import annotations

import statistics
from pathlib import Path

from search_latency import ARGS, CHROMIUM, _serve

READY_JS = """() => new Promise(resolve => {
  const check = () => {
    const nav = performance.getEntriesByType('navigation')[0];
    const mark = performance.getEntriesByName('pc-catalogue-ready')[0];
    const wanted = !!document.getElementById('pc-catalogue');
    if (nav && nav.loadEventEnd > 0 && (!wanted || mark)) {
      resolve(Math.max(nav.loadEventEnd, mark ? mark.startTime : 0));
    } else { setTimeout(check, 5); }
  };
  check();
})"""

FILTER_JS = """([id, index]) => new Promise(resolve => {
  const select = document.getElementById(id);
  const count = document.getElementById('pc-count');
  const before = count.textContent;
  const start = performance.now();
  select.selectedIndex = index;
  select.dispatchEvent(new Event('change', {bubbles: true}));
  requestAnimationFrame(() => requestAnimationFrame(() =>
    resolve([performance.now() - start, before, count.textContent])));
})"""

# (select, option index): one category, one region, one maturity level, then back to all.
CHANGES = [("f-category", 1), ("f-region", 1), ("f-maturity", 1), ("f-category", 0)]


def measure_reader(site: Path, repeat: int = 5) -> dict:
    from playwright.sync_api import sync_playwright

    server = _serve(site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    home, catalogue, filters = [], [], []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for _ in range(repeat):
                for url, into in ((base, home), (base + "patterns/", catalogue)):
                    page = browser.new_context().new_page()
                    page.goto(url, wait_until="load")
                    into.append(page.evaluate(READY_JS))
                    if into is catalogue:
                        filters += [_change(page, change) for change in CHANGES]
                    page.close()
            browser.close()
    finally:
        server.shutdown()
    return {"home_ms": statistics.median(home), "catalogue_ms": statistics.median(catalogue),
            "filter_ms": statistics.median(filters), "filter_max_ms": max(filters),
            "catalogue_kb": (site / "patterns" / "index.html").stat().st_size / 1024,
            "data_kb": sum(p.stat().st_size for p in (site / "patterns").glob("*.json")) / 1024}


def _change(page, change) -> float:
    elapsed, before, after = page.evaluate(FILTER_JS, list(change))
    if before == after:
        raise RuntimeError(f"changing {change[0]} did not change the count ({before!r})")
    return elapsed
