"""Render, table of contents: the headings of a finished generated page, in the token shape MkDocs
builds a page's table of contents from. Generated pages reach MkDocs as finished HTML, which no
Markdown parser reads again, so their contents list comes from here instead of from Python-Markdown.

Only headings the templates make carry an id (the `h2` macro); headings in contributor prose lose
any id to the sanitiser, so they never enter the contents list, as before.
"""

from __future__ import annotations

import re

_HEADING = re.compile(r'<h([23]) id="([a-z0-9-]+)"[^>]*>(.*?)</h\1>', re.S)


def toc_tokens(html: str) -> list[dict]:
    """h2 and h3 headings with ids, h3 nested under the h2 before it."""
    tokens: list[dict] = []
    for level, anchor, text in _HEADING.findall(html):
        token = {"level": int(level), "id": anchor, "name": text, "children": []}
        if token["level"] == 3 and tokens:
            tokens[-1]["children"].append(token)
        else:
            tokens.append(token)
    return tokens


_ID = re.compile(r'\sid="([^"]+)"')


def anchor_ids(html: str) -> set[str]:
    """Every id in a finished page, so MkDocs can check links to its anchors."""
    return set(_ID.findall(html))
