"""Plugin, navigation: the catalogue's category pages in the site menu, and the footer's links.
Which categories there are comes from the schema, and only those that hold a pattern are listed,
after the catalogue page wherever mkdocs.yml puts it; mkdocs.yml lists no category by hand. The
footer links to the About page, accessibility statement and privacy notice that the site has."""

from __future__ import annotations

from mkdocs.structure.pages import Page

CATALOGUE_PAGE = "patterns/index.md"
# The footer's links on every page (generator/theme/partials/footer.html), each when docs/ has it.
FOOTER_PAGES = (("about.md", "About"), ("accessibility.md", "Accessibility statement"), ("privacy.md", "Privacy"))


def footer_links(files, repo_url: str | None = None) -> list[tuple[str, str]]:
    """(title, URL) of the footer pages the site has, in FOOTER_PAGES' order, site-relative; then,
    when the catalogue's repository is known, "Report a problem" (its issue forms)."""
    found = ((title, files.get_file_from_path(src)) for src, title in FOOTER_PAGES)
    links = [(title, file.url) for title, file in found if file is not None]
    if repo_url:
        links.append(("Report a problem", repo_url.rstrip("/") + "/issues/new/choose"))
    return links


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
