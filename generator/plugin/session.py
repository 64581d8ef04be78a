"""Plugin, one build: what the plugin keeps between MkDocs events, so plugin.py only wires events.

- The generated pages: added as in-memory files, each body taken before Python-Markdown and
  given back as the page's content (finished HTML is never parsed as Markdown again).
- The progress lines on a terminal: pages converted, then pages rendered.
- The search index: Pagefind indexes each page as MkDocs converts it and writes the index while
  MkDocs renders the theme (publish/searchindex.py). Under a preview (plugin/preview.py) each
  page's document is also kept, and a build that converts only some pages sends every document
  once all are known, in the same order.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File
from mkdocs.structure.toc import get_toc

from generator.errors import LayoutError
from generator.heap import give_back
from generator.progress import progress_printer
from generator.publish.searchindex import BUNDLE, SHARD_PAGES, SearchIndexer, search_document, shard_count
from generator.render.pages import indexed
from generator.render.toc import anchor_ids, toc_tokens

# Pages written between two returns of freed memory to the system (generator/heap.py).
RELEASE_EVERY = 500


class SiteBuild:
    """The generated pages, progress and search index of one MkDocs build."""

    def __init__(self, tree: dict[str, str], files, config, keep_documents: bool = False,
                 shard_size: int = SHARD_PAGES):
        self.generated: set[str] = set()
        # Under a preview: this build's search documents by page URL, and whether they are sent
        # only at the end (when the build converts only the pages that changed).
        self.documents: dict[str, str] | None = {} if keep_documents else None
        self.deferred = False
        self.bodies: dict[str, str] = {}
        self.data_files: list[File] = []  # their text is let go of once MkDocs has copied them
        for path, content in tree.items():
            if files.get_file_from_path(path) is not None:
                raise LayoutError(f"{path} is generated; remove it from {config.docs_dir}")
            file = File.generated(config, path, content=content)
            files.append(file)
            self.generated.add(path)
            if not file.is_documentation_page():
                self.data_files.append(file)
        self.total, self.converted, self.rendered = len(files.documentation_pages()), 0, 0
        self.show_converted = progress_printer("converted pages")
        self.show_rendered = progress_printer("rendered pages")
        self.language = config.theme.get("language") or "en"
        # Started after validation and rendering, which fork worker processes only while no other
        # thread runs (the indexer's reply reader is one).
        pages = sum(1 for file in files.documentation_pages() if indexed(file.src_uri))
        self.search: SearchIndexer | None = SearchIndexer(shard_count(pages, shard_size))

    def take_body(self, page, markdown: str) -> str:
        """A generated page's body is kept aside; Python-Markdown is given nothing to convert."""
        if page.file.src_uri not in self.generated:
            return markdown
        self.bodies[page.file.src_uri] = markdown
        if self.documents is None:  # not kept for a next build: MkDocs has read it, so let it go
            page.file.content_string = ""
        return ""

    def converted_page(self, page, html: str) -> str:
        """The page's content (a generated page's own HTML, with a contents list from its
        headings), counted and handed to the search index."""
        body = self.bodies.pop(page.file.src_uri, None)
        if body is not None:
            html = body
            page.toc = get_toc(toc_tokens(body))
            page.present_anchor_ids = anchor_ids(body)
        self.converted += 1
        if self.documents is None and self.converted % RELEASE_EVERY == 0:
            give_back()  # the source text take_body let go of
        if self.show_converted:
            self.show_converted(self.converted, self.total)
        if self.search and indexed(page.file.src_uri):
            document = search_document(page.title or "", html, page.meta.get("tags") or [], self.language)
            if self.documents is not None:
                self.documents["/" + page.url] = document
            if not self.deferred:
                self.search.add("/" + page.url, document)
        return html

    def rendered_page(self, page) -> None:
        """A page is written: its content is let go too, unless a preview keeps it (at national
        scale the pages' text held until the end was 425 MB of the build's 730: performance.md)."""
        if self.documents is None and page.file.src_uri in self.generated:
            page.content = None
            if self.rendered % RELEASE_EVERY == 0:
                self._let_go_of_data_files()
                give_back()
        self.rendered += 1
        if self.show_rendered:
            self.show_rendered(self.rendered, self.total)

    def _let_go_of_data_files(self) -> None:
        """MkDocs has copied the generated data files (before it writes the first page)."""
        for file in self.data_files:
            file.content_bytes = b""
        self.data_files = []

    def write_index(self, site_dir: str, documents: list[tuple[str, str]] = (), folder: str = BUNDLE) -> None:
        """Every page is converted: have Pagefind write the index while the theme is rendered
        (after `documents`, the (URL, document) pairs held back by a deferred build)."""
        if self.documents is None:
            give_back()  # the pages' source text MkDocs has converted (take_body let it go)
        if self.search:
            for url, document in documents:
                self.search.add(url, document)
            self.search.write(Path(site_dir) / folder)

    def finish(self) -> None:
        """Wait for the search index to be written (raises SearchIndexError if it was not)."""
        search, self.search = self.search, None
        if search:
            search.wait()

    def hand_over(self) -> SearchIndexer | None:
        """The indexer, for a preview to wait for after the build (plugin/preview.py)."""
        search, self.search = self.search, None
        return search

    def abort(self) -> None:
        search, self.search = self.search, None
        if search:
            search.close()
