"""Render, charts: the relation diagram on each pattern page: the pattern at the centre, its
related patterns in both directions beside it, each edge labelled with the relation read from
the centre; its text alternative is a list of the same facts with links. reverse_relations
builds, once per build, the index of relations pointing at each pattern."""

from __future__ import annotations

import textwrap

from generator.render.charts.figure import ON_PRIMARY, PRIMARY, esc, figure, fit, id_base, label, num, svg

# From the centre pattern's point of view: "This pattern <phrase> <other>".
OUTGOING = {"complements": "complements", "alternative-to": "is an alternative to",
            "requires": "requires", "supersedes": "supersedes"}
INCOMING = {"complements": "is complemented by", "alternative-to": "is an alternative to",
            "requires": "is required by", "supersedes": "is superseded by"}

REL_W, REL_ROW, REL_PAD = 680, 36, 10
CENTRE_W, CENTRE_H, TRUNK_X, NODE_X, NODE_W = 180, 64, 210, 420, 250


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
    nodes = _nodes(relations)
    height = max(len(nodes) * REL_ROW, CENTRE_H) + 2 * REL_PAD
    body = _centre(view.pattern.title, height / 2) + _edges(nodes, height / 2) \
        + _node_boxes(ctx, nodes, from_page, link_nodes)
    title = f"Patterns related to {view.pattern.title}"
    desc = "Diagram. " + "; ".join(f"This pattern {p} {_title_of(ctx, o)}" for p, o in relations) + "."
    drawing = svg(base, (REL_W, height), title, desc, body, "catalogue-chart--relations",
               role="group" if link_nodes else "img")
    return figure("catalogue-figure--relations", drawing, title,
                   _relation_list(ctx, relations, from_page))


def _title_of(ctx, pattern_id: str) -> str:
    other = ctx.by_id.get(pattern_id)
    return other.pattern.title if other else pattern_id


def _centre(title: str, cy: float) -> str:
    """The centre pattern: a filled NHS Blue box with its title in white, up to three lines."""
    lines = textwrap.wrap(title, 22)[:3] or [title]
    if len(lines) == 3 and len(" ".join(lines)) < len(title):
        lines[2] = fit(lines[2] + " \u2026", 22)
    first_y = cy - (len(lines) - 1) * 9 + 5
    spans = "".join(f'<tspan x="{10 + CENTRE_W / 2:.0f}" y="{num(first_y + i * 18)}">{esc(line)}</tspan>'
                    for i, line in enumerate(lines))
    return (f'<rect class="catalogue-chart__centre" x="10" y="{num(cy - CENTRE_H / 2)}" '
            f'width="{CENTRE_W}" height="{CENTRE_H}" rx="6" fill="{PRIMARY}"/>'
            f'<text fill="{ON_PRIMARY}" text-anchor="middle" font-weight="bold">{spans}</text>')


def _row_y(i: int) -> float:
    return REL_PAD + i * REL_ROW + REL_ROW / 2


def _edges(nodes, cy: float) -> str:
    """A trunk from the centre, one branch per node, and each branch's relation label above it."""
    ys = [_row_y(i) for i in range(len(nodes))]
    d = f"M{10 + CENTRE_W} {num(cy)}H{TRUNK_X}M{TRUNK_X} {num(min(ys + [cy]))}V{num(max(ys + [cy]))}"
    d += "".join(f"M{TRUNK_X} {num(y)}H{NODE_X}" for y in ys)
    labels = "".join(label(TRUNK_X + 8, y - 6, ", ".join(phrases), 32)
                     for y, (_, phrases) in zip(ys, nodes))
    return (f'<path class="catalogue-chart__edges" fill="none" stroke="{PRIMARY}" '
            f'stroke-width="2" d="{d}"/><g class="catalogue-chart__relation" font-size="12">{labels}</g>')


def _node_boxes(ctx, nodes, from_page: str, link_nodes: bool) -> str:
    boxes, texts = [], []
    for i, (other, _) in enumerate(nodes):
        y = _row_y(i)
        boxes.append(f'<rect x="{NODE_X}" y="{num(y - 13)}" width="{NODE_W}" height="26" rx="4"/>')
        text = label(NODE_X + 8, y + 5, _title_of(ctx, other), 33)
        if link_nodes and other in ctx.by_id:
            text = f'<a href="{esc(ctx.url(from_page, ctx.by_id[other].page))}">{text}</a>'
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
