"""Render, contributor prose: Markdown to HTML, then an allow-list sanitiser (nh3), so no text a
contributor writes can put script, styles or foreign links into a reader's browser.

The dialect is GitHub Flavored Markdown, converted by cmark-gfm (GitHub's own C library, through
cmarkgfm): what contributors know from GitHub, and fifteen times quicker than Python-Markdown on
the catalogue's prose, which at 1,000 patterns was most of the build's rendering time
(docs/performance.md). MkDocs still converts the hand-written guides in docs/.
"""

from __future__ import annotations

import cmarkgfm
import nh3
from cmarkgfm.cmark import Options

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


# UNSAFE lets raw HTML through to the sanitiser, which keeps the allow-listed tags (abbr, sub,
# dl...) and removes the rest with their content; without it cmark would drop them all. GitHub's
# "tagfilter" extension is left out for the same reason: it would show a <script> as text on
# the page instead of letting the sanitiser remove it. The sanitiser has the last word.
_OPTIONS = Options.CMARK_OPT_UNSAFE
_EXTENSIONS = ["table", "strikethrough", "autolink"]


def render_markdown(text: str) -> str:
    """Contributor Markdown as safe HTML, with no blank line in it (see below)."""
    return _no_blank_lines(sanitise(cmarkgfm.markdown_to_html_with_extensions(text or "", _OPTIONS, _EXTENSIONS)))


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
