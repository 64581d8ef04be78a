"""Search index: Pagefind indexes the built site into site/pagefind/, a static index split into
chunks that the browser fetches only as a query needs them.

Why Pagefind and not Material's search plugin: at 5,000 patterns Material's lunr index is one
23 MB download built in the browser (about 7 s before the first query) and its plugin parses
every page in Python during the build; Pagefind's compiled indexer and chunked index measured
far better on both (docs/benchmarks.md, docs/performance.md).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from generator.errors import CatalogueError

BUNDLE = "pagefind"
# Only the page's article is indexed: not the navigation, header or footer repeated on every page.
ROOT_SELECTOR = "article"


class SearchIndexError(CatalogueError):
    """The search index could not be built."""


def pagefind_executable() -> Path:
    try:
        from pagefind_bin import get_executable
    except ImportError as exc:  # a broken install: pagefind[bin] is a dependency
        raise SearchIndexError("the Pagefind binary is not installed (pip install 'pagefind[bin]')") from exc
    return Path(get_executable())


def index_site(site_dir: Path, directory_urls: bool = True) -> None:
    """Write site_dir/pagefind/. With directory URLs every page is an index.html, so the glob
    leaves out 404.html, which is not something anyone searches for."""
    command = [str(pagefind_executable()), "--site", str(site_dir), "--output-subdir", BUNDLE,
               "--root-selector", ROOT_SELECTOR, "--silent"]
    if directory_urls:
        command += ["--glob", "**/index.html"]
    try:
        proc = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as exc:
        raise SearchIndexError(f"could not run Pagefind: {exc}") from exc
    if proc.returncode != 0:
        detail = (proc.stderr or proc.stdout).strip().splitlines()
        raise SearchIndexError("Pagefind could not index the site: " + (detail[-1] if detail else
                               f"exit status {proc.returncode}"))
