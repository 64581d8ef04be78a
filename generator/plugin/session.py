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
from generator.progress import progress_printer
from generator.publish.searchindex import BUNDLE, SearchIndexer, search_document
from generator.render.pages import indexed
from generator.render.toc import anchor_ids, toc_tokens


class SiteBuild:
    """The generated pages, progress and search index of one MkDocs build."""

    def __init__(self, tree: dict[str, str], files, config, keep_documents: bool = False, shards: int = 1):
        self.generated: set[str] = set()
        # Under a preview: this build's search documents by page URL, and whether they are sent
        # only at the end (when the build converts only the pages that changed).
        self.documents: dict[str, str] | None = {} if keep_documents else None
        self.deferred = False
        self.bodies: dict[str, str] = {}
        for path, content in tree.items():
            if files.get_file_from_path(path) is not None:
                raise LayoutError(f"{path} is generated; remove it from {config.docs_dir}")
            files.append(File.generated(config, path, content=content))
            self.generated.add(path)
        self.total, self.converted, self.rendered = len(files.documentation_pages()), 0, 0
        self.show_converted = progress_printer("converted pages")
        self.show_rendered = progress_printer("rendered pages")
        self.language = config.theme.get("language") or "en"
        # Started after validation and rendering, which fork worker processes only while no other
        # thread runs (the indexer's reply reader is one).
        self.search: SearchIndexer | None = SearchIndexer(shards)

    def take_body(self, page, markdown: str) -> str:
        """A generated page's body is kept aside; Python-Markdown is given nothing to convert."""
        if page.file.src_uri not in self.generated:
            return markdown
        self.bodies[page.file.src_uri] = markdown
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
        if self.show_converted:
            self.show_converted(self.converted, self.total)
        if self.search and indexed(page.file.src_uri):
            document = search_document(page.title or "", html, page.meta.get("tags") or [], self.language)
            if self.documents is not None:
                self.documents["/" + page.url] = document
            if not self.deferred:
                self.search.add("/" + page.url, document)
        return html

    def rendered_page(self) -> None:
        self.rendered += 1
        if self.show_rendered:
            self.show_rendered(self.rendered, self.total)

    def write_index(self, site_dir: str, documents: list[tuple[str, str]] = (), folder: str = BUNDLE) -> None:
        """Every page is converted: have Pagefind write the index while the theme is rendered
        (after `documents`, the (URL, document) pairs held back by a deferred build)."""
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
