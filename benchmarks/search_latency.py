"""Benchmarks, search in a real browser: how long Material's search takes to be ready after page
load, and to answer one query, in headless Chromium (Debian's /usr/bin/chromium)."""

from __future__ import annotations

import functools
import http.server
import os
import statistics
import threading
from pathlib import Path

CHROMIUM = os.environ.get("CATALOGUE_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

# Runs in the page: wait until the search worker has built its index (Material shows
# "Initializing search" until then) and report performance.now(), i.e. ms since navigation.
READY_JS = """() => new Promise(resolve => {
  const meta = document.querySelector('.md-search-result__meta');
  const check = () => {
    if (meta && meta.textContent.trim() && !/Initializing/i.test(meta.textContent)) {
      resolve(performance.now()); return true;
    }
    return false;
  };
  if (check()) return;
  new MutationObserver(() => check()).observe(meta, {childList: true, characterData: true, subtree: true});
})"""

# Runs in the page: type a query the way Material listens for it and time until results show.
QUERY_JS = """(query) => new Promise(resolve => {
  const input = document.querySelector('.md-search__input');
  const list = document.querySelector('.md-search-result__list');
  const meta = document.querySelector('.md-search-result__meta');
  list.replaceChildren();
  const start = performance.now();
  new MutationObserver((_, obs) => {
    if (list.children.length) { obs.disconnect(); resolve([performance.now() - start, meta.textContent]); }
  }).observe(list, {childList: true});
  input.value = query;
  input.dispatchEvent(new Event('input', {bubbles: true}));
  input.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true, key: query.slice(-1)}));
})"""


def _serve(site: Path):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _each_load(site: Path, repeat: int, probe) -> list:
    """Serve the site, load its home page `repeat` times in a fresh tab, and collect probe(page)."""
    from playwright.sync_api import sync_playwright

    server = _serve(site)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    results = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for _ in range(repeat):
                page = browser.new_page()
                page.goto(url, wait_until="load")
                results.append(probe(page))
                page.close()
            browser.close()
    finally:
        server.shutdown()
    return results


def _summary(results: list) -> dict:
    """Medians of (ready ms, query ms, hits) tuples; hits from the last load."""
    return {"ready_ms": statistics.median(r[0] for r in results),
            "query_ms": statistics.median(r[1] for r in results), "hits": str(results[-1][2]).strip()}


def measure(site: Path, query: str, repeat: int = 5) -> dict:
    """Material's search: median ms from navigation to a ready index, and for one query."""
    def probe(page):
        if page.is_visible(".md-search__input"):
            page.click(".md-search__input")
        ready = page.evaluate(READY_JS)
        ms, hits = page.evaluate(QUERY_JS, query)
        return ready, ms, hits
    return _summary(_each_load(site, repeat, probe))


# Runs in the page: load Pagefind's index entry point, then answer one query including the
# first result's excerpt (what its UI shows), timed the same way.
PAGEFIND_JS = """async (q) => {
  const pf = await import('/pagefind/pagefind.js');
  await pf.init();
  const ready = performance.now();
  const start = performance.now();
  const r = await pf.search(q);
  if (r.results.length) { await r.results[0].data(); }
  return [ready, performance.now() - start, r.results.length];
}"""


def measure_pagefind(site: Path, query: str, repeat: int = 5) -> dict:
    """The same two figures for a Pagefind index of the same site (site/pagefind/)."""
    results = _each_load(site, repeat, lambda page: page.evaluate(PAGEFIND_JS, query))
    return _summary(results) | {"hits": f"{results[-1][2]} matching pages"}
