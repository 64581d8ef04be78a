"""Regenerate the README screenshots: home, catalogue, a pattern page and search results, at
desktop and mobile widths, taken in headless Chromium (Debian's /usr/bin/chromium) from a built site.

Usage: .venv/bin/python scripts/screenshots.py [--site site] [--out docs/screenshots] [--pattern ID]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = os.environ.get("CATALOGUE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SIZES = {"desktop": (1280, 900), "mobile": (390, 844)}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(site: Path) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", default="site", help="built site folder (make site)")
    parser.add_argument("--out", default="docs/screenshots", help="where to write the PNG files")
    parser.add_argument("--pattern", default="small-accountable-steps", help="pattern page to capture")
    parser.add_argument("--query", default="cloud", help="search to capture")
    args = parser.parse_args()
    site, out = Path(args.site), Path(args.out)
    if not (site / "index.html").is_file():
        print(f"{site}: no built site; run `make site` first", file=sys.stderr)
        return 2
    out.mkdir(parents=True, exist_ok=True)
    server = serve(site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    pages = {"home": "", "catalogue": "patterns/", "pattern": f"patterns/{args.pattern}/",
             "search": f"search/?q={args.query}"}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for size, (width, height) in SIZES.items():
            page = browser.new_page(viewport={"width": width, "height": height})
            for name, path in pages.items():
                page.goto(base + path, wait_until="networkidle")
                if name == "search":  # results arrive after load
                    page.wait_for_selector("#pc-search-results:not([aria-busy]) > li:not([hidden])")
                target = out / f"{name}-{size}.png"
                page.screenshot(path=str(target), full_page=False)
                print(f"wrote {target}")
            page.close()
        browser.close()
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
