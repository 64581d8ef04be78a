"""Benchmarks, search in a real browser: on the site's own search page, in headless Chromium
(Debian's /usr/bin/chromium), how long until the Pagefind index is ready after navigation, and
how long one query takes from pressing Enter to the count and the best result on screen."""

from __future__ import annotations

import functools
import http.server
import os
import re
import statistics
import threading
from collections import Counter
from pathlib import Path

import yaml

CHROMIUM = os.environ.get("CATALOGUE_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

# Runs before the page's own scripts: note when the search page marks itself ready (data-ready:
# Pagefind's engine and the index's metadata loaded, which the page starts at load).
READY_INIT = """new MutationObserver((_, obs) => {
  const box = document.getElementById('pc-search');
  if (box && box.dataset.ready) { window.__readyAt = performance.now(); obs.disconnect(); }
}).observe(document, {subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready']});"""
READY_JS = "() => new Promise(r => { const t = () => window.__readyAt ? r(window.__readyAt) : setTimeout(t, 5); t(); })"

# Runs in the page: submit a query as pressing Enter does, and time until it is answered: the
# count announced and the best result on screen with its excerpt.
QUERY_JS = """(query) => new Promise(resolve => {
  const form = document.getElementById('pc-search-form');
  const status = document.getElementById('pc-search-status');
  const list = document.getElementById('pc-search-results');
  const start = performance.now();
  const done = () => status.textContent.includes(query) &&
    (status.textContent.startsWith('No results') || list.querySelector('li:not([hidden])'));
  new MutationObserver((_, obs) => {
    if (done()) {
      obs.disconnect();
      resolve([performance.now() - start, status.textContent]);
    }
  }).observe(document.getElementById('pc-search'), {childList: true, characterData: true, subtree: true, attributes: true});
  document.getElementById('pc-search-q').value = query;
  form.requestSubmit();
})"""


def _serve(site: Path):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass
    class Server(http.server.ThreadingHTTPServer):
        def handle_error(self, request, client_address):
            pass  # a tab closed while its excerpts were still loading: nothing to report
    server = Server(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def pick_queries(catalogue: Path) -> dict[str, str]:
    """Three one-word queries from the catalogue's own text, by how many patterns hold the word:
    narrow (about 0.2% of patterns), typical (about 2%) and the broadest word there is."""
    df: Counter = Counter()
    files = sorted((catalogue / "patterns").glob("*.yaml"))
    for path in files:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        text = " ".join(str(data.get(k, "")) for k in ("title", "summary", "problem", "context", "solution"))
        df.update(set(w for w in re.findall(r"[a-z]{5,}", text.lower())))
    ranked = sorted(df.items(), key=lambda kv: (kv[1], kv[0]))

    def nearest(share: float) -> str:
        goal = max(1, round(len(files) * share))
        return min(ranked, key=lambda kv: (abs(kv[1] - goal), kv[0]))[0]
    return {"narrow": nearest(0.002), "typical": nearest(0.02), "broadest": ranked[-1][0]}


def measure(site: Path, queries: dict[str, str], repeat: int = 5) -> dict:
    """Median ms from navigation to a ready index, and per query from Enter to results shown;
    each load is a fresh tab on the search page, so every query starts with a cold cache."""
    from playwright.sync_api import sync_playwright

    server = _serve(site)
    url = f"http://127.0.0.1:{server.server_address[1]}/search/"
    ready, answers = [], {name: [] for name in queries}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for _ in range(repeat):
                for name, query in queries.items():
                    page = browser.new_context().new_page()
                    page.add_init_script(READY_INIT)
                    page.goto(url, wait_until="load")
                    ready.append(page.evaluate(READY_JS))
                    answers[name].append(page.evaluate(QUERY_JS, query))
                    page.close()
            browser.close()
    finally:
        server.shutdown()
    return {"ready_ms": statistics.median(ready),
            "queries": {name: {"query": queries[name], "ms": statistics.median(a[0] for a in runs),
                               "status": runs[-1][1]}
                        for name, runs in answers.items()}}
