"""Render, charts: the relation diagram on each pattern page: the pattern at the centre, its
related patterns in both directions beside it, each edge labelled with the relation read from
the centre; its text alternative is a list of the same facts with links. reverse_relations
builds, once per build, the index of relations pointing at each pattern."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from generator.render.charts.figure import ON_PRIMARY, PRIMARY, esc, figure, id_base, num, svg

# From the centre pattern's point of view: "This pattern <phrase> <other>".
OUTGOING = {"complements": "complements", "alternative-to": "is an alternative to",
            "requires": "requires", "supersedes": "supersedes"}
# "complements" reads the same both ways, so a two-way relation (A complements B, B complements A)
# is one phrase and is listed once.
INCOMING = {"complements": "complements", "alternative-to": "is an alternative to",
            "requires": "is required by", "supersedes": "is superseded by"}

# Layout, in SVG units (the figure scales to the page's width). Text is wrapped, never cut: a
# title takes as many lines as it needs and its box grows with it. Widths per character are
# generous estimates for the system sans-serif fonts (DejaVu Sans is among the widest), so text
# stays inside its box; tests/browser/test_browser_charts.py measures every text box in Chromium.
PAD, GAP = 10, 10
CENTRE_W, CENTRE_CHARS, CENTRE_LINE = 200, 20, 18  # bold 14px title, white on NHS Blue
NODE_W, NODE_CHARS, NODE_LINE = 260, 27, 17  # 14px titles of the related patterns
LABEL_CHAR, LABEL_LINE = 7.2, 15  # 12px relation phrases, one per line, above each branch
TRUNK_GAP, LABEL_PAD = 20, 8

def reverse_relations(ctx) -> dict[str, list[tuple[str, str]]]:
    """For every pattern id, the (other pattern id, relation) pairs that point at it.

    Computed once per build in O(all relations), so each diagram is O(its own relations).
    """
    incoming: dict[str, list[tuple[str, str]]] = {}
    for view in ctx.patterns:
        for target, relation in view.pattern.related:
            incoming.setdefault(target, []).append((view.id, relation))
    return {target: sorted(set(pairs)) for target, pairs in sorted(incoming.items())}


def _relations(ctx, view, incoming) -> list[tuple[str, str]]:
    """(phrase, other id) in reading order: the pattern's own list as written, then the
    patterns that point at it, sorted; duplicates dropped, self-references ignored."""
    if incoming is None:
        incoming = reverse_relations(ctx)
    found = [(OUTGOING.get(rel, f"is related ({rel}) to"), other) for other, rel in view.pattern.related]
    found += [(INCOMING.get(rel, f"is related ({rel}) to"), other)
              for other, rel in incoming.get(view.id, [])]
    seen: set[tuple[str, str]] = set()
    kept = []
    for item in found:
        if item[1] != view.id and item not in seen:
            seen.add(item)
            kept.append(item)
    return kept


def _nodes(relations) -> list[tuple[str, list[str]]]:
    """One diagram node per other pattern, with every phrase linking it to the centre."""
    nodes: dict[str, list[str]] = {}
    for phrase, other in relations:
        nodes.setdefault(other, []).append(phrase)
    return list(nodes.items())


def relation_diagram(ctx, view, from_page: str, incoming: dict | None = None, *,
                     id_prefix: str | None = None, link_nodes: bool = False) -> str:
    """The pattern at the centre, its related patterns (both directions) in a column beside it,
    each edge labelled with the relation read from the centre, plus a list of the same facts
    with links. Returns "" when the pattern has no relations.

    Pass `incoming` from `reverse_relations(ctx)` when drawing many pages; without it the
    reverse index is rebuilt on each call.

    Node links: a role="img" SVG presents its children as one image, so links inside it are
    focusable yet unnamed to screen readers (axe: nested-interactive). So by default the nodes
    are plain text and the links live in the list. `link_nodes=True` makes the nodes links too
    and gives the SVG role="group" instead, which keeps it accessible.
    """
    relations = _relations(ctx, view, incoming)
    if not relations:
        return ""
    base = id_base(id_prefix or f"relations-{view.id}")
    layout = _layout(ctx, view.pattern.title, _nodes(relations))
    body = _centre(layout) + _edges(layout) + _node_boxes(ctx, layout, from_page, link_nodes)
    title = f"Patterns related to {view.pattern.title}"
    desc = "Diagram. " + "; ".join(f"This pattern {p} {_title_of(ctx, o)}" for p, o in relations) + "."
    drawing = svg(base, (layout.width, layout.height), title, desc, body, "catalogue-chart--relations",
                  role="group" if link_nodes else "img")
    return figure("catalogue-figure--relations", drawing, title,
                  _relation_list(ctx, relations, from_page))


def _title_of(ctx, pattern_id: str) -> str:
    other = ctx.by_id.get(pattern_id)
    return other.pattern.title if other else pattern_id


@dataclass(frozen=True)
class _Row:
    """One related pattern: its id, title lines, relation phrases, and where its row sits."""

    other: str
    lines: list[str]
    phrases: list[str]
    top: float
    height: float

    @property
    def y(self) -> float:
        """The branch's height: the middle of the row."""
        return self.top + self.height / 2

    @property
    def box_height(self) -> float:
        return len(self.lines) * NODE_LINE + 10


@dataclass(frozen=True)
class _Layout:
    centre: list[str]
    rows: list[_Row]
    node_x: float
    width: float
    height: float

    @property
    def trunk_x(self) -> float:
        return PAD + CENTRE_W + TRUNK_GAP

    @property
    def centre_height(self) -> float:
        return len(self.centre) * CENTRE_LINE + 20


def _wrap(text: str, chars: int) -> list[str]:
    return textwrap.wrap(text, chars, break_on_hyphens=False) or [text]


def _layout(ctx, title: str, nodes) -> _Layout:
    """Rows stacked from the top, each as tall as its wrapped title or its phrases need (the
    phrases sit above the branch, so a row is twice their height); the label column as wide as
    the longest phrase; the centre box beside the middle of the rows."""
    label_w = max(len(p) for _, phrases in nodes for p in phrases) * LABEL_CHAR + 2 * LABEL_PAD
    rows, top = [], PAD
    for other, phrases in nodes:
        lines = _wrap(_title_of(ctx, other), NODE_CHARS)
        height = max(len(lines) * NODE_LINE + 10, 2 * (len(phrases) * LABEL_LINE + 6))
        rows.append(_Row(other, lines, phrases, top, height))
        top += height + GAP
    centre = _wrap(title, CENTRE_CHARS)
    content = max(top - GAP - PAD, len(centre) * CENTRE_LINE + 20)
    node_x = PAD + CENTRE_W + TRUNK_GAP + label_w
    return _Layout(centre, rows, node_x, node_x + NODE_W + PAD, content + 2 * PAD)


def _centre(layout: _Layout) -> str:
    """The centre pattern: a filled NHS Blue box with its whole title in white."""
    cy, h = layout.height / 2, layout.centre_height
    first_y = cy - (len(layout.centre) - 1) * CENTRE_LINE / 2 + 5
    spans = "".join(f'<tspan x="{num(PAD + CENTRE_W / 2)}" y="{num(first_y + i * CENTRE_LINE)}">{esc(line)}</tspan>'
                    for i, line in enumerate(layout.centre))
    return (f'<rect class="catalogue-chart__centre" x="{PAD}" y="{num(cy - h / 2)}" '
            f'width="{CENTRE_W}" height="{num(h)}" rx="6" fill="{PRIMARY}"/>'
            f'<text fill="{ON_PRIMARY}" text-anchor="middle" font-weight="bold">{spans}</text>')


def _edges(layout: _Layout) -> str:
    """A trunk from the centre, one branch per row, and each branch's relation phrases above it,
    one per line, in the column between the trunk and the boxes."""
    cy, trunk = layout.height / 2, layout.trunk_x
    ys = [row.y for row in layout.rows]
    d = f"M{PAD + CENTRE_W} {num(cy)}H{trunk}M{trunk} {num(min(ys + [cy]))}V{num(max(ys + [cy]))}"
    d += "".join(f"M{trunk} {num(y)}H{num(layout.node_x)}" for y in ys)
    labels = []
    for row in layout.rows:
        last = row.y - 6
        spans = "".join(f'<tspan x="{num(trunk + LABEL_PAD)}" y="{num(last - (len(row.phrases) - 1 - i) * LABEL_LINE)}">'
                        f"{esc(phrase)}</tspan>" for i, phrase in enumerate(row.phrases))
        labels.append(f"<text>{spans}</text>")
    return (f'<path class="catalogue-chart__edges" fill="none" stroke="{PRIMARY}" '
            f'stroke-width="2" d="{d}"/><g class="catalogue-chart__relation" font-size="12">{"".join(labels)}</g>')


def _node_boxes(ctx, layout: _Layout, from_page: str, link_nodes: bool) -> str:
    """A box per related pattern, tall enough for its whole title."""
    boxes, texts = [], []
    for row in layout.rows:
        top = row.y - row.box_height / 2
        boxes.append(f'<rect x="{num(layout.node_x)}" y="{num(top)}" width="{NODE_W}" '
                     f'height="{num(row.box_height)}" rx="4"/>')
        spans = "".join(f'<tspan x="{num(layout.node_x + 8)}" y="{num(top + 5 + (i + 1) * NODE_LINE - 4)}">'
                        f"{esc(line)}</tspan>" for i, line in enumerate(row.lines))
        text = f"<text>{spans}</text>"
        if link_nodes and row.other in ctx.by_id:
            text = f'<a href="{esc(ctx.url(from_page, ctx.by_id[row.other].page))}">{text}</a>'
        texts.append(text)
    return (f'<g class="catalogue-chart__nodes" fill="none" stroke="{PRIMARY}" stroke-width="2">'
            f'{"".join(boxes)}</g><g class="catalogue-chart__node-titles">{"".join(texts)}</g>')


def _relation_list(ctx, relations, from_page: str) -> str:
    """The text alternative: "This pattern complements X; is required by Y." with links."""
    items = []
    for n, (phrase, other) in enumerate(relations, 1):
        name = esc(_title_of(ctx, other))
        if other in ctx.by_id:
            name = f'<a href="{esc(ctx.url(from_page, ctx.by_id[other].page))}">{name}</a>'
        items.append(f"<li>{esc(phrase)} {name}{'.' if n == len(relations) else ';'}</li>")
    return ('<p class="catalogue-relations__intro">This pattern:</p>'
            f'<ul class="catalogue-relations__list">{"".join(items)}</ul>')
