"""Plugin, navigation: the catalogue's category pages in the site menu. Which categories there are
comes from the schema, and only those that hold a pattern are listed, after the catalogue page
wherever mkdocs.yml puts it; mkdocs.yml lists no category by hand."""

from __future__ import annotations

from mkdocs.structure.pages import Page

CATALOGUE_PAGE = "patterns/index.md"


def add_pages_after_catalogue(nav, files, sources: list[str]) -> None:
    """Insert the pages of `sources` after the catalogue page, in order (skipping any the config
    already lists), and keep the flat page list and previous/next links in step."""
    anchor = next((page for page in nav.pages if page.file.src_uri == CATALOGUE_PAGE), None)
    if anchor is None:
        return
    listed = {page.file.src_uri for page in nav.pages}
    siblings = anchor.parent.children if anchor.parent else nav.items
    new = [files.get_file_from_path(src).page for src in sources if src not in listed]
    at = siblings.index(anchor) + 1
    siblings[at:at] = new
    for page in new:
        page.parent = anchor.parent
    nav.pages[:] = list(_pages(nav.items))
    for before, page, after in zip([None, *nav.pages], nav.pages, [*nav.pages[1:], None]):
        page.previous_page, page.next_page = before, after


def _pages(items):
    for item in items:
        if isinstance(item, Page):
            yield item
        if item.children:
            yield from _pages(item.children)
