"""Render, kept parts: under `catalogue serve`, each pattern's part of catalogue.json as the last
build wrote it, so a build after an edit writes again only the changed patterns' parts (the whole
file took about 1 s at 5,000 patterns). A preview lends the views of unchanged patterns
(render/context.py), and a view's part depends only on it and the address style.

Only a preview keeps parts (publish/pipeline.py opens `kept_parts`): a full build would hold a
second copy of the file in memory for nothing.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar

# {id(view): (view, directory_urls, text)}; the view is held, so its id is not reused meanwhile.
_PARTS: ContextVar[dict | None] = ContextVar("catalogue_json_parts", default=None)


@contextmanager
def kept_parts(parts: dict | None):
    """Within the block, pattern_parts takes unchanged patterns' parts from `parts` and leaves
    this build's there (None: every part is written, and none kept)."""
    token = _PARTS.set(parts)
    try:
        yield
    finally:
        _PARTS.reset(token)


def pattern_parts(ctx, views, write) -> list[str]:
    """`write(view)` for each view, or its kept part when the view is the one it was written from."""
    kept = _PARTS.get()
    known = kept if kept is not None else {}
    parts, fresh = [], {}
    for view in views:
        entry = known.get(id(view))
        if entry is not None and entry[0] is view and entry[1] == ctx.directory_urls:
            text = entry[2]
        else:
            text = write(view)
        parts.append(text)
        fresh[id(view)] = (view, ctx.directory_urls, text)
    if kept is not None:  # this build's parts only
        kept.clear()
        kept.update(fresh)
    return parts
