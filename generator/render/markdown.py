"""Render, contributor prose: Markdown to HTML, then an allow-list sanitiser (nh3), so no text a
contributor writes can put script, styles or foreign links into a reader's browser."""

from __future__ import annotations

import markdown as md
import nh3

# Headings start at h3: the page's own h1/h2 structure must stay intact for navigation and search.
ALLOWED_TAGS = {
    "p", "br", "hr", "em", "strong", "b", "i", "code", "pre", "blockquote", "ul", "ol", "li",
    "a", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "abbr", "sub", "sup",
    "del", "ins", "dl", "dt", "dd",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"align"}, "td": {"align"}}
URL_SCHEMES = {"http", "https", "mailto"}


def sanitise(html: str) -> str:
    """Keep only allow-listed tags and attributes; links only http(s)/mailto, opened without referrer."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


# One converter for the whole build: building Python-Markdown's extension registry costs more
# than converting a field, and there are several fields per pattern. reset() clears its state.
_CONVERTER = md.Markdown(extensions=["sane_lists", "tables", "fenced_code"],
                         extension_configs={"tables": {"use_align_attribute": True}}, output_format="html")


def render_markdown(text: str) -> str:
    """Contributor Markdown as safe HTML, with no blank line in it (see below)."""
    return _no_blank_lines(sanitise(_CONVERTER.reset().convert(text or "")))


def _no_blank_lines(html: str) -> str:
    """A blank line would end the HTML block a page embeds this in. The only place one can occur
    is inside <pre>, where the character reference &#10; is the same line break."""
    while "\n\n" in html:
        html = html.replace("\n\n", "&#10;\n")
    return html


def render_inline(text: str) -> str:
    """A one-line Markdown fragment (a benefit, a note) as safe inline HTML, without the <p> wrapper."""
    html = render_markdown(text).strip()
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return html
