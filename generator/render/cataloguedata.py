"""Render, the catalogue page's data: at national scale the "All patterns" page cannot carry
every pattern as HTML (5,000 rows were 3.8 MB), so it shows the first page of rows, in its default
order, and its script (assets/catalogue.js) filters, sorts and shows more from a compact data file
beside it, patterns/index.json. Without the script, readers follow a link to every pattern on
numbered pages (patterns/all/page-N.md), kept out of the search index.

Each pattern is one array, in the order of ROW_FIELDS; lists are space-separated strings, as the
filters compare them. A pattern's regions (up to ten long names, the largest list at national
scale) are numbers into the file's "codes" list for them, which made the file 13% smaller. Display names (category, maturity level) are not repeated per row: the
script takes them from the filter's options on the page. Organisations are listed once, for the
organisation filter, instead of as 7,000 options in the page's HTML.
"""

from __future__ import annotations

import json

from generator.render.exports import script_safe
from generator.render.parts import pattern_parts

DATA_FILE = "patterns/index.json"
# Rows the catalogue page holds itself (at most; fewer when page_size is smaller), and adds at a
# time with "Show more": enough for the first screens. Measured at national scale, 50 rows rather
# than 100 made the page interactive about 100 ms sooner.
FIRST_ROWS = 50
CATALOGUE_PAGE = "patterns/index.md"
FALLBACK_FIRST = "patterns/all/page-1.md"
# The fields of each pattern's array, in order; catalogue.js reads them by the same names.
ROW_FIELDS = ("link", "title", "note", "summary", "category", "maturity", "reuse", "created", "lifecycle",
              "themes", "settings", "wgll", "regions", "orgs")


def default_order(ctx) -> list:
    """Patterns as the catalogue opens: most reused first, ties by title (as catalogue.js sorts)."""
    return sorted(ctx.patterns, key=lambda v: (-v.reuse.count, v.pattern.title.lower()))


def lifecycle_note(lifecycle: str, name: str) -> str:
    """What a catalogue row says after the title about a pattern that is not simply active
    (`name`: the lifecycle's display name)."""
    if lifecycle == "unknown":
        return "(current state not known)"
    return "" if lifecycle == "active" else f"({name.lower()})"


def catalogue_data(ctx, lifecycle_names: dict[str, str]) -> str:
    """The text of patterns/index.json: every pattern as a row, and the organisations to filter by.
    Byte for byte json.dumps of the whole document, the rows put in as each one's own text (a
    preview keeps each unchanged pattern's: render/parts.py)."""
    regions = sorted({r for view in ctx.patterns for r in ctx.pattern_regions(view.pattern)})
    code = {region: str(i) for i, region in enumerate(regions)}
    document = {"fields": list(ROW_FIELDS), "codes": {"regions": regions}, "patterns": _ROWS_SLOT,
                "organisations": [[o.organisation.code, f"{o.organisation.name} ({o.organisation.code})"]
                                  for o in ctx.organisations]}
    rows = pattern_parts(ctx, "data", default_order(ctx), lambda view: _dumps(_row(ctx, view, code, lifecycle_names)),
                         (tuple(regions), tuple(lifecycle_names.items())))
    text = _dumps(document).replace(f'"patterns":{json.dumps(_ROWS_SLOT)}', '"patterns":[' + ",".join(rows) + "]", 1)
    return script_safe(text) + "\n"


_ROWS_SLOT = "\x00rows\x00"  # where the rows go, in a document written without them


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _row(ctx, view, code: dict[str, str], lifecycle_names: dict[str, str]) -> list:
    p = view.pattern
    orgs = [p.originator, *(a.organisation for a in p.adoptions)]
    return [ctx.url(CATALOGUE_PAGE, view.page), p.title,
            lifecycle_note(p.lifecycle, lifecycle_names.get(p.lifecycle, p.lifecycle)), p.summary,
            p.category, view.level.id, view.reuse.count, p.created.isoformat(), p.lifecycle,
            " ".join(p.themes), " ".join(p.care_settings), " ".join(p.wgll),
            " ".join(code[r] for r in ctx.pattern_regions(p)), " ".join(orgs)]
