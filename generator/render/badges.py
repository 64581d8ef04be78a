"""Render, badges: a small SVG badge per pattern (`badges/<id>.svg`) with its maturity level and
reuse count, for an adopter to embed in an intranet page or a README, and the snippets a pattern
page offers to copy. A standalone SVG file: no script, no link, no external font or image; it is
named by its <title> (role="img"), so a screen reader says what the badge says.

White text on NHS Dark Grey (#425563, 7.5:1) and NHS Blue (#005EB8, 6.4:1). Text widths are
estimated (about 7 pixels a character at 11 pixels), generous so no text overflows its box.
"""

from __future__ import annotations

import posixpath

from generator.render.charts.figure import esc, num
from generator.render.context import page_url

LABEL = "NHS pattern"
LEFT, RIGHT = "#425563", "#005EB8"
CHAR_W, PAD, HEIGHT = 7.0, 8, 20


def badge_path(pattern_id: str) -> str:
    """Where a pattern's badge is in the site (ids are safe as file names: the schema's pattern)."""
    return f"badges/{pattern_id}.svg"


def badge_text(view) -> str:
    """What the badge says on its right: the level and the reuse count."""
    count = view.reuse.count
    return f"{view.level.name} \u00b7 reused by {count}"


def badge_title(view) -> str:
    """The badge's accessible name: the whole statement, with the pattern's title."""
    count = view.reuse.count
    others = "1 other organisation" if count == 1 else f"{count} other organisations"
    return (f"{view.pattern.title}: maturity {view.level.name}, in live service at {others}, "
            "in the NHS pattern catalogue")


def badge_svg(view) -> str:
    """The badge as a standalone SVG document."""
    text = badge_text(view)
    left_w = PAD * 2 + CHAR_W * len(LABEL)
    right_w = PAD * 2 + CHAR_W * len(text)
    width = left_w + right_w
    title = esc(badge_title(view))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{num(width)}" height="{HEIGHT}" '
            f'viewBox="0 0 {num(width)} {HEIGHT}" role="img" aria-label="{title}">'
            f'<title>{title}</title>'
            f'<rect width="{num(left_w)}" height="{HEIGHT}" fill="{LEFT}"/>'
            f'<rect x="{num(left_w)}" width="{num(right_w)}" height="{HEIGHT}" fill="{RIGHT}"/>'
            f'<g fill="#FFFFFF" font-family="Arial,Helvetica,sans-serif" font-size="11">'
            f'<text x="{num(left_w / 2)}" y="14" text-anchor="middle">{esc(LABEL)}</text>'
            f'<text x="{num(left_w + right_w / 2)}" y="14" text-anchor="middle">{esc(text)}</text>'
            "</g></svg>\n")


def badge_snippets(ctx, view) -> dict[str, str]:
    """Markdown and HTML to embed the badge, linking to the pattern's page: absolute addresses with
    the site's address (site_url), else addresses relative to the site's root, to complete."""
    base = (ctx.site_url or "").rstrip("/")
    path = page_url(view.page, ctx.directory_urls)
    page = posixpath.join(base, path) if base else f"/{path}"
    image = posixpath.join(base, badge_path(view.id)) if base else f"/{badge_path(view.id)}"
    alt = f"NHS pattern catalogue: {badge_text(view)}"
    return {
        "markdown": f"[![{alt}]({image})]({page})",
        "html": f'<a href="{page}"><img src="{image}" alt="{alt}"></a>',
        "absolute": bool(base),
    }
