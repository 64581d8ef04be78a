"""Render, kept parts: under `catalogue serve`, each pattern's part of catalogue.json, its row of
catalogue.csv and its events for the feed as the last build made them, so a build after an edit
makes again only the changed patterns' parts (the whole JSON file took about 1 s at 5,000 patterns). A preview lends the views
of unchanged patterns (render/context.py), and a view's part depends only on it, the address
style and the registry (the CSV names each originator).

Only a preview keeps parts (publish/pipeline.py opens `kept_parts`): a full build would hold a
second copy of the file in memory for nothing.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar

# {kind: (setting, {id(view): (view, text)})}; the view is held, so its id is not reused meanwhile.
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


def pattern_parts(ctx, kind: str, views, write, setting: tuple = ()) -> list:
    """`write(view)` for each view, or its kept part of this kind when the view is the one it was
    written from, in a build with the same address style, registry and `setting` (whatever else
    the parts read)."""
    parts = _PARTS.get()
    setting = (ctx.directory_urls, ctx.catalogue.organisations, setting)
    kept_setting, kept = parts.get(kind, (None, {})) if parts is not None else (None, {})
    if kept_setting != setting:
        kept = {}
    out, fresh = [], {}
    for view in views:
        entry = kept.get(id(view))
        text = entry[1] if entry is not None and entry[0] is view else write(view)
        out.append(text)
        fresh[id(view)] = (view, text)
    if parts is not None:  # this build's parts only
        parts[kind] = (setting, fresh)
    return out
