"""Search index: Pagefind indexes the site into site/pagefind/, a static index split into chunks
that the browser fetches only as a query needs them.

Why Pagefind and not Material's search plugin: at 5,000 patterns Material's lunr index is one
23 MB download built in the browser (about 7 s before the first query), and its plugin parses
every page in Python during the build; Pagefind's compiled indexer and chunked index measured
far better on both (docs/performance.md).

Pages are handed to a Pagefind process (publish/pagefind.py) as soon as MkDocs has converted
them, and the index is written while MkDocs renders the theme around them, so indexing runs on
another core instead of after the build. What Pagefind is given is what the theme puts in a
page's <article>: the title, the content and the tags.

A large site's index is split into shards: separate Pagefind indexes, each page in the one
a hash of its address picks, written one after another into pagefind/ (the first) and
pagefind/shard-N/. The search page merges them (Pagefind's mergeIndex), reading their list from
pagefind/catalogue-shards.json. Why: Pagefind's memory while it writes an index, and its ranking
time in the browser for a word on every page, grow with the pages in that index
(docs/performance.md, "National scale"). The cost: each shard ranks by its own word statistics,
so the order of close results can differ from one whole index's.
"""

from __future__ import annotations

import base64
import html
import json
import math
import threading
import zlib
from pathlib import Path

from generator.errors import ConfigError, SearchIndexError
from generator.publish.pagefind import PagefindService

BUNDLE = "pagefind"
SHARD_LIST = "catalogue-shards.json"
# Only the page's article is indexed: not the navigation, header or footer repeated on every page.
ROOT_SELECTOR = "article"
# Indexed pages per shard: one index up to this many, then one more shard for each this many more
# (the plugin's search_shard_size). 750 puts 5,000 patterns with 300 organisations in 8 shards,
# and with 7,000 organisations in 17: docs/performance.md.
SHARD_PAGES = 750


def shard_count(pages: int, per_shard: int = SHARD_PAGES) -> int:
    """How many shards an index of this many pages is written in."""
    if per_shard < 1:
        raise ConfigError(f"search_shard_size must be a whole number of pages, 1 or more, not {per_shard}")
    return max(1, math.ceil(pages / per_shard))


def shard_of(url: str, shards: int) -> int:
    """The shard a page goes to: stable from build to build (a preview's rebuild included)."""
    return zlib.crc32(url.encode("utf-8")) % shards if shards > 1 else 0


def shard_folder(number: int) -> str:
    return "" if number == 0 else f"shard-{number}"


def write_shard_list(bundle: Path, shards: int) -> None:
    """The folders, relative to the first, that the search page merges into it (none for one)."""
    folders = [shard_folder(n) + "/" for n in range(1, shards)]
    try:
        (bundle / SHARD_LIST).write_text(json.dumps(folders), encoding="utf-8")
    except OSError as exc:
        raise SearchIndexError(f"the search index could not be written to {bundle}: {exc}") from exc


def _merged_part(files: list[dict]) -> list[dict]:
    """What the search page reads from a merged shard: its entry file, metadata and chunks. The
    engine, its scripts and styles are the first shard's (Pagefind's mergeIndex loads no other)."""
    return [f for f in files if "/" in f["path"] or f["path"].endswith((".json", ".pf_meta"))]


def search_document(title: str, content: str, tags: list[str] = (), lang: str = "en") -> str:
    """The indexed part of a page: what the theme puts in its <article>, an h1 with the title
    (unless the content has its own), the content and the tags. The tags go last, where the theme
    has them first, so that a result's excerpt starts with the page's own words rather than with
    a row of tags. The title is HTML already (the theme prints it unescaped), as is the content."""
    heading = "" if "<h1" in content else f"<h1>{title}</h1>"
    chips = "".join(f"<span>{html.escape(str(tag))}</span> " for tag in tags)
    return (f'<!doctype html><html lang="{html.escape(lang)}"><body><article>{heading}'
            f'{content}{f"<p>{chips}</p>" if chips else ""}</article></body></html>')


def _write_bundle(bundle: Path, files: list[dict]) -> None:
    """The index's files, each written whole, into the bundle folder."""
    try:
        for file in files:
            path = bundle / file["path"]
            if bundle.resolve() not in path.resolve().parents:
                raise SearchIndexError(f"Pagefind named a file outside the index folder: {file['path']}")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(base64.b64decode(file["content"]))
    except (OSError, KeyError, TypeError, ValueError) as exc:
        raise SearchIndexError(f"the search index could not be written to {bundle}: {exc}") from exc


class SearchIndexer:
    """The site's search index: one Pagefind process holding one index per shard. `add()` does
    not wait for Pagefind; `write()` starts writing the bundle; `wait()` waits for it and reports
    the first error, if any."""

    def __init__(self, shards: int = 1):
        self._service = PagefindService()
        self._writer: threading.Thread | None = None
        self._failure: BaseException | None = None
        try:
            self._indexes = [self._service.new_index({"root_selector": ROOT_SELECTOR}) for _ in range(shards)]
        except BaseException:
            self.close()
            raise

    @property
    def _proc(self):
        return self._service.process

    def add(self, url: str, document: str) -> None:
        self._service.send({"type": "AddFile", "index_id": self._indexes[shard_of(url, len(self._indexes))],
                            "url": url, "file_contents": document, "file_path": None})

    def write(self, bundle_dir: Path) -> None:
        """Write the bundle once every page sent so far is indexed; returns at once. The shards
        are written one after another, each deleted from Pagefind once its files are on disk,
        so Pagefind builds one shard's index at a time (its peak memory is while it does)."""
        self._writer = threading.Thread(target=self._write_all, args=(Path(bundle_dir),),
                                        name="pagefind-writer", daemon=True)
        self._writer.start()

    def wait(self) -> None:
        """Wait until the bundle is written; raise on any page Pagefind could not index."""
        try:
            if self._writer is None:
                raise SearchIndexError("no search index was asked for (write() was not called)")
            self._writer.join()
            if self._failure is not None:
                raise self._failure
        finally:
            self.close()

    def cancel(self) -> None:
        """Stop at once, index unwritten (a preview's next build writes a new one)."""
        self._service.kill()
        self.close()

    def close(self) -> None:
        """End the process and its reader; safe to call twice."""
        self._service.close()

    def _write_all(self, bundle: Path) -> None:
        """Pagefind hands each shard's files over (GetFiles) and they are written whole here:
        with WriteFiles, bundles on a busy machine now and then held a file cut short (32,768 of
        41,830 bytes), or empty, after Pagefind had answered."""
        service = self._service
        try:
            asked = service.send({"type": "GetFiles", "index_id": self._indexes[0]})
            for number, index in enumerate(self._indexes):
                reply = service.wait(asked, every=True)
                error = service.first_error()
                if error is not None:
                    raise SearchIndexError(f"Pagefind could not index the site: {error}")
                files = reply.get("files")
                if not isinstance(files, list):
                    raise SearchIndexError(f"Pagefind did not hand over the index: {reply}")
                del reply
                # Pagefind lets go of this shard and builds the next while its files are written.
                deleted = service.send({"type": "DeleteIndex", "index_id": index})
                if number + 1 < len(self._indexes):
                    asked = service.send({"type": "GetFiles", "index_id": self._indexes[number + 1]})
                _write_bundle(bundle / shard_folder(number), files if number == 0 else _merged_part(files))
                del files
                service.wait(deleted)
            write_shard_list(bundle, len(self._indexes))
        except BaseException as exc:  # reported by wait(), in the thread that waits
            self._failure = exc if isinstance(exc, SearchIndexError) else SearchIndexError(
                f"the search index could not be written: {exc}")
