"""Render, hand-over: generated pages are mostly HTML blocks the renderer already built and
sanitised. Python-Markdown would parse each again with its (slow, pure Python) HTML block parser
only to pass it through unchanged, so the plugin swaps each block for a placeholder before
conversion and puts it back after. The Markdown tree that `catalogue render` writes is unchanged.
"""

from __future__ import annotations

import re

_PLACEHOLDER = "pcstash{:06d}x"
_RESTORE = re.compile(r"<p>pcstash(\d{6})x</p>")


def stash(markdown: str) -> tuple[str, list[str]]:
    """Replace every top-level HTML block (a blank-line separated chunk that starts with a tag)
    by a placeholder paragraph; return the new text and the blocks."""
    blocks: list[str] = []
    out = []
    for chunk in markdown.split("\n\n"):
        head = chunk.lstrip("\n")
        if head.startswith("<") and not head.startswith("<!--"):
            out.append(_PLACEHOLDER.format(len(blocks)))
            blocks.append(chunk)
        else:
            out.append(chunk)
    return "\n\n".join(out), blocks


def restore(html: str, blocks: list[str]) -> str:
    """Put the stashed blocks back where Markdown left their placeholders."""
    return _RESTORE.sub(lambda m: blocks[int(m.group(1))], html)
