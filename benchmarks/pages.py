"""Benchmarks, page weight: the largest HTML page of each kind a build writes (pattern pages, the
catalogue page, organisation, category, tag and region pages, their indexes...), so that no page
a reader opens grows with the whole catalogue."""

from __future__ import annotations

from pathlib import Path

# Kinds of page by where they live; a kind's index page and its member pages are apart, since an
# index lists the members (and grows with them) while a member page should not.
NAMES = {
    "": "home page",
    "patterns": "catalogue page (all patterns)",
    "patterns/*": "pattern pages",
    "patterns/all": "every pattern without JavaScript (numbered pages)",
    "organisations": "organisations index",
    "organisations/*": "organisation pages",
    "categories": "categories index",
    "categories/*": "category pages",
    "tags": "tags index",
    "tags/*": "tag pages",
    "regions": "regions overview",
    "regions/*": "region and ICB pages",
}


def kind_of(page: Path, site: Path) -> str:
    """'patterns', 'patterns/*', ...: the first folder, and /* for anything below it."""
    parts = page.relative_to(site).parts[:-1]  # the folders, without index.html
    if not parts:
        return ""
    if parts[:2] == ("patterns", "all"):  # the no-JavaScript list, not pattern pages
        return "patterns/all"
    return parts[0] if len(parts) == 1 else parts[0] + "/*"


def largest_pages(site: Path) -> dict[str, tuple[int, float, str]]:
    """For each kind of page: (number of pages, largest in KB, that page's path)."""
    found: dict[str, tuple[int, float, str]] = {}
    for page in site.rglob("*.html"):
        if page.name != "index.html" or (site / "pagefind") in page.parents:
            continue
        kind = kind_of(page, site)
        size = page.stat().st_size / 1024
        count, largest, where = found.get(kind, (0, -1.0, ""))
        if size > largest:
            largest, where = size, "/" + page.parent.relative_to(site).as_posix().strip(".") + ("/" if page.parent != site else "")
        found[kind] = (count + 1, largest, where)
    return found


def name_of(kind: str) -> str:
    return NAMES.get(kind, f"{kind.replace('/*', '')} pages" if kind.endswith("/*") else f"{kind}/ page")
