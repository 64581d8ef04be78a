"""Plugin, preview: what `catalogue serve` keeps from one build to the next, so that an edit
rebuilds only the pages it changed and the site still matches a clean full build, file for file.

`catalogue serve` runs MkDocs' builds "dirty" (site_dir is not emptied, and a page whose File is
not modified is neither converted nor themed). This module decides what is modified:
- a generated page or data file when its text differs from the previous build's (the pipeline
  renders again only the pattern and organisation pages the change can alter: publish/preview.py);
- a hand-written page when MkDocs finds its source newer than its output;
- every page when the menu, the footer's links, the config or the theme changed, or on the first
  build, or after a failed one.
A page that is not rebuilt gets back what the previous build read from it (title, metadata,
contents list, anchors), so the menu and anchor checks of the rebuilt pages are as in a full build;
its search document is sent to Pagefind again, since Pagefind writes a whole index. Files of the
previous build that this one no longer makes are removed.

Pagefind takes far longer to index every page again than the rest of such a build (about 30 s
at 5,000 patterns on a busy 2-core machine), so a partial build does not wait for it: the pages'
documents are held (`hold`) and sent from a thread of their own once the build is over (sending
them during the build made it wait 3 to 7 s on Pagefind reading them), the index is written into
STAGING while the browser already shows the rebuilt pages, and swapped in for `pagefind/` when it
is complete. The next edit cancels an index still being written, and writes its own.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import shutil
import threading
from pathlib import Path

from generator.errors import SearchIndexError
from generator.publish.pipeline import Publication
from generator.publish.searchindex import BUNDLE, SearchIndexer
from generator.validate.kept import KeptRuns

log = logging.getLogger(f"mkdocs.plugins.{__name__}")
STAGING = ".pagefind-next"  # inside site_dir, so the swap is a rename on the same file system
COLLECT_AFTER = 1.0  # seconds after a build: the browser has reloaded its page by then

# What a page keeps from being read and converted, for pages skipped in the next build.
# (Not its links to other pages' anchors: they name the previous build's File objects.)
PAGE_STATE = ("markdown", "meta", "content", "toc", "present_anchor_ids", "_title_from_render")


class DirtyNotice(logging.Filter):
    """Drops MkDocs' warning that a dirty build gives inaccurate navigation: the preview rebuilds
    every page when the menu changes, and under `strict: true` the warning would fail the build."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


class Preview:
    """The previous build of a `catalogue serve` session."""

    def __init__(self, kept: KeptRuns | None = None):
        # What validation made of each file: safe by each file's status, so kept after a failed build.
        self.kept = kept or KeptRuns()
        self.indexing: tuple[threading.Thread, SearchIndexer] | None = None
        self.publication: Publication | None = None
        self.pages: dict[str, dict] = {}  # src_uri: PAGE_STATE values
        self.documents: dict[str, str] = {}  # page URL: search document
        self.written: set[str] = set()  # every output file's path
        self.menu: tuple = ()  # the menu and footer, as they were
        self.config = ""  # mkdocs.yml and the theme's own folders, as they were
        self.changed: set[str] = set()
        self.everything = True
        self.held: list[tuple[str, str]] | None = None  # documents to send after the build

    def reset(self) -> None:
        """After a failed build, or at the end: the next one rebuilds everything (and the
        collector runs as usual)."""
        self.cancel_index()
        gc.enable()
        self.__init__(self.kept)

    def start(self, publication: Publication, files, config) -> None:
        """A new build: note the generated files whose text changed, and make every file answer
        `is_modified()` by this build's decision."""
        self.cancel_index()
        previous = self.publication.tree if self.publication else {}
        self.changed = {path for path, text in publication.tree.items() if previous.get(path) != text}
        config_stamp = _config_stamp(config)
        self.everything = self.publication is None or config_stamp != self.config
        self.publication, self.config = publication, config_stamp
        generated = publication.tree.keys()
        for file in files:
            if file.src_uri in generated:
                file.is_modified = self._generated_check(file.src_uri)
            elif file.is_documentation_page():
                file.is_modified = self._page_check(file.is_modified)

    def _generated_check(self, src_uri: str):
        return lambda: self.everything or src_uri in self.changed

    def _page_check(self, by_time):
        return lambda: self.everything or by_time()

    def settle(self, nav, files, footer) -> None:
        """Every page is read: give skipped pages back their state, then theme every page again if
        the menu or the footer changed."""
        for file in files.documentation_pages():
            page = file.page
            if page is not None and page.markdown is None and file.src_uri in self.pages:
                for name, value in self.pages[file.src_uri].items():
                    setattr(page, name, value)
        menu = (_menu(nav.items), tuple(footer))
        if menu != self.menu:
            self.everything = True
        self.menu = menu
        self.pages = {file.src_uri: {name: getattr(file.page, name) for name in PAGE_STATE}
                      for file in files.documentation_pages() if file.page is not None}

    def search_documents(self, converted: dict[str, str], files) -> list[tuple[str, str]]:
        """(URL, document) for every indexed page, in the order a full build sends them: this
        build's conversion where it made one, the previous build's otherwise."""
        self.documents.update(converted)
        urls = ["/" + file.page.url for file in files.documentation_pages() if file.page is not None]
        self.documents = {url: self.documents[url] for url in urls if url in self.documents}
        return list(self.documents.items())

    def hold(self, documents: list[tuple[str, str]]) -> None:
        """A partial build's documents (every indexed page's), sent after it (index_later)."""
        self.held = documents

    def index_later(self, search: SearchIndexer | None, site_dir: str) -> None:
        """Send the held documents and wait for the index in the background, then put it in place
        of the previous one."""
        documents, self.held = self.held, None
        if search is None:
            return
        thread = threading.Thread(target=_index_aside, args=(search, documents, Path(site_dir)),
                                  name="pagefind-preview", daemon=True)
        self.indexing = (thread, search)
        thread.start()

    def wait_for_index(self) -> None:
        """Until the index of the last build is in place (for tests and measurements)."""
        if self.indexing:
            self.indexing[0].join()

    def cancel_index(self) -> None:
        """Stop an index still being written, and leave the one in place as it is."""
        self.held = None
        indexing, self.indexing = self.indexing, None
        if indexing and indexing[0].is_alive():
            indexing[1].cancel()
            indexing[0].join()

    def finish(self, files, site_dir: str) -> None:
        """Remove what the previous build wrote and this one did not; then collect the garbage
        cycles of the build, once the page is served."""
        written = {os.path.normpath(file.abs_dest_path) for file in files}
        for path in sorted(self.written - written):
            _remove(Path(path), Path(site_dir))
        self.written = written
        # A served catalogue keeps about a million objects from one build to the next, and
        # Python's collector went through them all (0.7 s at 5,000 patterns) about once in every
        # rebuild, whenever allocations piled up. From the first build on it runs once after
        # each build instead, a moment after it, while the reader looks at the page.
        gc.disable()
        collector = threading.Timer(COLLECT_AFTER, gc.collect)
        collector.daemon = True
        collector.start()


def _index_aside(search: SearchIndexer, documents: list[tuple[str, str]] | None, site_dir: Path) -> None:
    """Index the documents into STAGING (None: they were sent and the index asked for during the
    build), then swap it in for the index in place."""
    try:
        if documents is not None:
            for url, document in documents:
                search.add(url, document)
            search.write(site_dir / STAGING)
        search.wait()
    except SearchIndexError as exc:  # cancelled by the next edit, or Pagefind failed
        log.info("the search index of this preview was not updated: %s", exc)
        return
    clear_bundle(site_dir / BUNDLE)
    (site_dir / STAGING).rename(site_dir / BUNDLE)


def clear_bundle(bundle: Path) -> None:
    """Pagefind adds to a folder; the index is written whole, so the old one goes first."""
    shutil.rmtree(bundle, ignore_errors=True)


def _remove(path: Path, site_dir: Path) -> None:
    """Remove an output file, then the folders it leaves empty (up to site_dir)."""
    path.unlink(missing_ok=True)
    folder = path.parent
    while folder != site_dir and site_dir in folder.parents and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def _menu(items) -> tuple:
    """The menu as every page shows it: titles, addresses and sections, in order."""
    return tuple((type(item).__name__, item.title, getattr(item, "url", None), _menu(item.children or ()))
                 for item in items)


def _config_stamp(config) -> str:
    """mkdocs.yml's text and the theme's own folders (a catalogue's overrides), as a digest."""
    digest = hashlib.sha256()
    if config.config_file_path and os.path.isfile(config.config_file_path):
        digest.update(Path(config.config_file_path).read_bytes())
    for folder in config.theme.dirs:
        if "site-packages" in folder:
            continue  # installed themes change only with a new install
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file():
                digest.update(f"{path}:{path.stat().st_mtime_ns}".encode())
    return digest.hexdigest()
