"""Render: build-time inline SVG charts and diagrams for the site's pages.

Every function returns an HTML <figure> holding an SVG (role="img", named by its own <title> and
<desc>), a <figcaption>, and an HTML text alternative (a data table or a list with links), so
screen-reader users and readers without SVG get the same facts. Pure: data in, strings out; no
MkDocs, no file I/O, no randomness. Ids come from a caller-given prefix, so output is
byte-for-byte repeatable and two figures on a page never clash. All contributor text (titles,
ids, organisation names) is escaped with html.escape(quote=True).

Colours: text and axes use currentColor, so they follow the page's text colour (and dark mode);
the only fixed colours are NHS Blue #005EB8 (6.4:1 on white) for data marks and white text on
that blue (6.4:1). Both pass 4.5:1 for text and 3:1 for graphics. Every mark carries a class, so
the site stylesheet can restyle it (CSS beats SVG presentation attributes).
"""

from __future__ import annotations

import datetime as dt
import html
import math
import re
import textwrap
from collections import Counter

from generator.model.reuse import first_adoptions

PRIMARY = "#005EB8"  # NHS Blue: 6.4:1 against white, enough for text (4.5:1) and graphics (3:1)
ON_PRIMARY = "#FFFFFF"  # white text on NHS Blue: 6.4:1


# From the centre pattern's point of view: "This pattern <phrase> <other>".
OUTGOING = {"complements": "complements", "alternative-to": "is an alternative to",
            "requires": "requires", "supersedes": "supersedes"}
INCOMING = {"complements": "is complemented by", "alternative-to": "is an alternative to",
            "requires": "is required by", "supersedes": "is superseded by"}

# Characters XML 1.0 forbids; stripped so an SVG copied out of a page still parses as XML.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


# ---------------------------------------------------------------- shared helpers

def _esc(value) -> str:
    """Escape any text for HTML and XML, attribute or content."""
    return html.escape(_XML_INVALID.sub("", str(value)), quote=True)


def _id_base(prefix: str) -> str:
    """A valid, deterministic id stem from the caller's prefix (which may be contributor text)."""
    base = re.sub(r"[^A-Za-z0-9_-]+", "-", prefix).strip("-")
    return base if base[:1].isalpha() else f"c-{base}"


def _num(x: float) -> str:
    """Compact coordinate: one decimal at most, so output is short and has no float noise."""
    return f"{x:.1f}".rstrip("0").rstrip(".")


def _fit(text: str, max_chars: int) -> str:
    """Shorten text that would overflow its box; the full text is always in the alternative."""
    return text if len(text) <= max_chars else text[: max_chars - 1].rstrip() + "\u2026"


def _label(x, y, text: str, max_chars: int, extra: str = "") -> str:
    """An SVG <text>, truncated to fit, with a hover <title> carrying the full text if cut."""
    shown = _fit(text, max_chars)
    tip = f"<title>{_esc(text)}</title>" if shown != text else ""
    return f'<text x="{_num(x)}" y="{_num(y)}"{extra}>{tip}{_esc(shown)}</text>'


def _svg(base: str, size: tuple[float, float], title: str, desc: str, body: str,
         cls: str, role: str = "img") -> str:
    """The <svg> element, named by its <title> and described by its <desc>."""
    w, h = _num(size[0]), _num(size[1])
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="catalogue-chart {cls}" '
            f'viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="{role}" '
            f'aria-labelledby="{base}-title {base}-desc" fill="currentColor" font-size="14">'
            f'<title id="{base}-title">{_esc(title)}</title>'
            f'<desc id="{base}-desc">{_esc(desc)}</desc>{body}</svg>')


def _figure(cls: str, svg: str, caption: str, alternative: str) -> str:
    """One figure per chart; no blank lines, so Markdown passes it through as a raw HTML block."""
    return (f'<figure class="catalogue-figure {cls}">{svg}'
            f'<figcaption>{_esc(caption)}</figcaption>{alternative}</figure>')


def _data_table(caption: str, headers: tuple[str, str], rows) -> str:
    """The chart's numbers as a table, folded in a <details> so sighted readers see the chart first."""
    head = "".join(f'<th scope="col">{_esc(h)}</th>' for h in headers)
    body = "".join(f'<tr><th scope="row">{_esc(k)}</th><td>{_esc(v)}</td></tr>' for k, v in rows)
    return ('<details class="catalogue-chart__data"><summary>Show the data as a table</summary>'
            f'<table><caption>{_esc(caption)}</caption><thead><tr>{head}</tr></thead>'
            f'<tbody>{body}</tbody></table></details>')


def _pairs_text(rows) -> str:
    return "; ".join(f"{k}: {v}" for k, v in rows)


# ---------------------------------------------------------------- bar chart

BAR_ROW, BAR_TOP, BAR_AREA, LABEL_CHARS = 28, 8, 300, 40


def bar_chart(rows: list[tuple[str, int]], title: str, id_prefix: str, *,
              headers: tuple[str, str] = ("Item", "Count")) -> str:
    """Horizontal bars with their values printed, e.g. maturity levels or a reuse leaderboard.

    Returns "" when there are no rows, so a page can omit an empty chart.
    """
    if not rows:
        return ""
    base = _id_base(id_prefix)
    label_w = 16 + 7.5 * min(max(len(str(k)) for k, _ in rows), LABEL_CHARS)
    scale = BAR_AREA / max(max(v for _, v in rows), 1)
    labels, bars = [], []
    for i, (key, value) in enumerate(rows):
        y = BAR_TOP + i * BAR_ROW
        width = max(value, 0) * scale
        labels.append(_label(label_w - 8, y + 19, str(key), LABEL_CHARS, ' text-anchor="end"'))
        labels.append(f'<text x="{_num(label_w + width + 6)}" y="{y + 19}">{_esc(value)}</text>')
        if width:
            bars.append(f'<rect x="{_num(label_w)}" y="{y + 5}" width="{_num(width)}" height="18"/>')
    body = (f'<g class="catalogue-chart__bars" fill="{PRIMARY}">{"".join(bars)}</g>'
            f'<g class="catalogue-chart__labels">{"".join(labels)}</g>')
    size = (label_w + BAR_AREA + 48, 2 * BAR_TOP + len(rows) * BAR_ROW)
    desc = f"Horizontal bar chart. {_pairs_text(rows)}."
    svg = _svg(base, size, title, desc, body, "catalogue-chart--bars")
    return _figure("catalogue-figure--bars", svg, title, _data_table(title, headers, rows))


# ---------------------------------------------------------------- adoptions over time

LINE_W, LINE_H, PLOT = 600, 224, (56, 16, 568, 184)  # plot: left, top, right, bottom; room for labels


def adoptions_over_time(points: list[tuple[str, int]], title: str, id_prefix: str, *,
                        headers: tuple[str, str] = ("Period", "Adoptions to date")) -> str:
    """Line chart of a cumulative series, one point per period, as `adoption_series` returns it.

    Returns "" for an empty series.
    """
    if not points:
        return ""
    base = _id_base(id_prefix)
    left, top, right, bottom = PLOT
    top_value = max(max(v for _, v in points), 1)
    step = (right - left) / max(len(points) - 1, 1)
    xy = [(left + i * step if len(points) > 1 else (left + right) / 2,
           bottom - (bottom - top) * max(v, 0) / top_value) for i, (_, v) in enumerate(points)]
    body = (_axes(top_value) + _x_labels(points, xy)
            + f'<polyline class="catalogue-chart__line" fill="none" stroke="{PRIMARY}" '
              f'stroke-width="3" points="{" ".join(f"{_num(x)},{_num(y)}" for x, y in xy)}"/>'
            + f'<g class="catalogue-chart__points" fill="{PRIMARY}">'
            + "".join(f'<circle cx="{_num(x)}" cy="{_num(y)}" r="4"/>' for x, y in xy) + "</g>")
    first, last = points[0], points[-1]
    desc = (f"Line chart of cumulative adoptions from {first[0]} ({first[1]}) "
            f"to {last[0]} ({last[1]}). {_pairs_text(points)}.")
    svg = _svg(base, (LINE_W, LINE_H), title, desc, body, "catalogue-chart--line")
    return _figure("catalogue-figure--line", svg, title, _data_table(title, headers, points))


def _axes(top_value: int) -> str:
    """Baseline, top line and their values: enough scale to read the line against."""
    left, top, right, bottom = PLOT
    return (f'<path class="catalogue-chart__axis" stroke="currentColor" fill="none" '
            f'd="M{left} {bottom}H{right}M{left} {top}H{right}"/>'
            f'<text x="{left - 8}" y="{bottom + 5}" text-anchor="end">0</text>'
            f'<text x="{left - 8}" y="{top + 5}" text-anchor="end">{_esc(top_value)}</text>')


def _x_labels(points, xy) -> str:
    """Period names under the axis: at most about eight, always the first and the last."""
    every = max(1, math.ceil(len(points) / 8))
    keep = sorted({0, len(points) - 1} | set(range(0, len(points), every)))
    if len(keep) > 1 and keep[-1] - keep[-2] < every:
        keep.pop(-2)  # the last label would collide with its neighbour
    bottom = PLOT[3]
    return "".join(f'<text x="{_num(xy[i][0])}" y="{bottom + 24}" text-anchor="middle" '
                   f'font-size="12">{_esc(points[i][0])}</text>' for i in keep)


def adoption_series(ctx, period: str = "quarter") -> list[tuple[str, int]]:
    """Cumulative adoptions per quarter (or "month") from the first adoption up to ctx.today:
    each pattern and organisation piloting or using it counted once, from its earliest adoption
    (model/reuse.py). Periods with no new adoptions are kept, so the x axis is even in time."""
    firsts = first_adoptions([view.pattern for view in ctx.patterns], ctx.today)
    if not firsts:
        return []
    new = Counter(_period(day, period) for day in firsts.values())
    series, total = [], 0
    for key in _periods(_period(min(firsts.values()), period), _period(ctx.today, period), period):
        total += new[key]
        series.append((_period_label(key, period), total))
    return series


def _period(day: dt.date, period: str) -> tuple[int, int]:
    if period == "month":
        return day.year, day.month
    if period == "quarter":
        return day.year, (day.month - 1) // 3 + 1
    raise ValueError(f"period must be 'quarter' or 'month', not {period!r}")


def _periods(start: tuple[int, int], end: tuple[int, int], period: str):
    per_year = 12 if period == "month" else 4
    year, n = start
    while (year, n) <= end:
        yield year, n
        year, n = (year + 1, 1) if n == per_year else (year, n + 1)


def _period_label(key: tuple[int, int], period: str) -> str:
    return f"{key[0]}-{key[1]:02d}" if period == "month" else f"{key[0]} Q{key[1]}"


# ---------------------------------------------------------------- relation diagram

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
    base = _id_base(id_prefix or f"relations-{view.id}")
    nodes = _nodes(relations)
    height = max(len(nodes) * REL_ROW, CENTRE_H) + 2 * REL_PAD
    body = _centre(view.pattern.title, height / 2) + _edges(nodes, height / 2) \
        + _node_boxes(ctx, nodes, from_page, link_nodes)
    title = f"Patterns related to {view.pattern.title}"
    desc = "Diagram. " + "; ".join(f"This pattern {p} {_title_of(ctx, o)}" for p, o in relations) + "."
    svg = _svg(base, (REL_W, height), title, desc, body, "catalogue-chart--relations",
               role="group" if link_nodes else "img")
    return _figure("catalogue-figure--relations", svg, title,
                   _relation_list(ctx, relations, from_page))


def _title_of(ctx, pattern_id: str) -> str:
    other = ctx.by_id.get(pattern_id)
    return other.pattern.title if other else pattern_id


def _centre(title: str, cy: float) -> str:
    """The centre pattern: a filled NHS Blue box with its title in white, up to three lines."""
    lines = textwrap.wrap(title, 22)[:3] or [title]
    if len(lines) == 3 and len(" ".join(lines)) < len(title):
        lines[2] = _fit(lines[2] + " \u2026", 22)
    first_y = cy - (len(lines) - 1) * 9 + 5
    spans = "".join(f'<tspan x="{10 + CENTRE_W / 2:.0f}" y="{_num(first_y + i * 18)}">{_esc(line)}</tspan>'
                    for i, line in enumerate(lines))
    return (f'<rect class="catalogue-chart__centre" x="10" y="{_num(cy - CENTRE_H / 2)}" '
            f'width="{CENTRE_W}" height="{CENTRE_H}" rx="6" fill="{PRIMARY}"/>'
            f'<text fill="{ON_PRIMARY}" text-anchor="middle" font-weight="bold">{spans}</text>')


def _row_y(i: int) -> float:
    return REL_PAD + i * REL_ROW + REL_ROW / 2


def _edges(nodes, cy: float) -> str:
    """A trunk from the centre, one branch per node, and each branch's relation label above it."""
    ys = [_row_y(i) for i in range(len(nodes))]
    d = f"M{10 + CENTRE_W} {_num(cy)}H{TRUNK_X}M{TRUNK_X} {_num(min(ys + [cy]))}V{_num(max(ys + [cy]))}"
    d += "".join(f"M{TRUNK_X} {_num(y)}H{NODE_X}" for y in ys)
    labels = "".join(_label(TRUNK_X + 8, y - 6, ", ".join(phrases), 32)
                     for y, (_, phrases) in zip(ys, nodes))
    return (f'<path class="catalogue-chart__edges" fill="none" stroke="{PRIMARY}" '
            f'stroke-width="2" d="{d}"/><g class="catalogue-chart__relation" font-size="12">{labels}</g>')


def _node_boxes(ctx, nodes, from_page: str, link_nodes: bool) -> str:
    boxes, texts = [], []
    for i, (other, _) in enumerate(nodes):
        y = _row_y(i)
        boxes.append(f'<rect x="{NODE_X}" y="{_num(y - 13)}" width="{NODE_W}" height="26" rx="4"/>')
        text = _label(NODE_X + 8, y + 5, _title_of(ctx, other), 33)
        if link_nodes and other in ctx.by_id:
            text = f'<a href="{_esc(ctx.url(from_page, ctx.by_id[other].page))}">{text}</a>'
        texts.append(text)
    return (f'<g class="catalogue-chart__nodes" fill="none" stroke="{PRIMARY}" stroke-width="2">'
            f'{"".join(boxes)}</g><g class="catalogue-chart__node-titles">{"".join(texts)}</g>')


def _relation_list(ctx, relations, from_page: str) -> str:
    """The text alternative: "This pattern complements X; is required by Y." with links."""
    items = []
    for n, (phrase, other) in enumerate(relations, 1):
        name = _esc(_title_of(ctx, other))
        if other in ctx.by_id:
            name = f'<a href="{_esc(ctx.url(from_page, ctx.by_id[other].page))}">{name}</a>'
        items.append(f"<li>{_esc(phrase)} {name}{'.' if n == len(relations) else ';'}</li>")
    return ('<p class="catalogue-relations__intro">This pattern:</p>'
            f'<ul class="catalogue-relations__list">{"".join(items)}</ul>')


# ---------------------------------------------------------------- maturity timeline

TL_W, TL_LEFT, TL_RIGHT, TL_ROW, TL_TOP = 600, 96, 584, 24, 8


def maturity_timeline(view, model, *, id_prefix: str | None = None) -> str:
    """A step chart of the pattern's maturity level from its creation to the assessment date
    (ctx.today), plus the same facts as a list: "from 2025-06-01: Emerging; since ...".

    Returns "" when the pattern has no timeline (e.g. it is dated after today).
    """
    points = view.timeline
    if not points:
        return ""
    end = view.assessment.on
    levels = model.levels
    height = TL_TOP + len(levels) * TL_ROW + 28
    body = _level_grid(levels) + _steps(points, end, len(levels)) + _date_labels(points[0][0], end, height)
    title = f"Maturity of {view.pattern.title} over time"
    desc = (f"Step chart of the maturity level from {points[0][0].isoformat()} to {end.isoformat()}. "
            + "; ".join(_period_text(points, i) for i in range(len(points))) + ".")
    base = _id_base(id_prefix or f"maturity-{view.id}")
    svg = _svg(base, (TL_W, height), title, desc, body, "catalogue-chart--timeline")
    items = "".join(f"<li>{_period_html(points, i)}</li>" for i in range(len(points)))
    return _figure("catalogue-figure--timeline", svg, title,
                   f'<ol class="catalogue-timeline__list">{items}</ol>')


def _level_y(rank: int, n_levels: int) -> float:
    """Highest level at the top."""
    return TL_TOP + (n_levels - 1 - rank) * TL_ROW + TL_ROW / 2


def _tl_x(day: dt.date, start: dt.date, end: dt.date) -> float:
    span = max((end - start).days, 1)
    return TL_LEFT + (TL_RIGHT - TL_LEFT) * (day - start).days / span


def _level_grid(levels) -> str:
    """A faint guide line and a name for every level of the ladder."""
    n = len(levels)
    d = "".join(f"M{TL_LEFT} {_num(_level_y(lv.rank, n))}H{TL_RIGHT}" for lv in levels)
    names = "".join(_label(TL_LEFT - 8, _level_y(lv.rank, n) + 5, lv.name, 12, ' text-anchor="end"')
                    for lv in levels)
    return (f'<path class="catalogue-chart__grid" stroke="currentColor" stroke-width="1" '
            f'stroke-dasharray="2 4" d="{d}"/><g font-size="12">{names}</g>')


def _steps(points, end: dt.date, n_levels: int) -> str:
    """The level as a step line, with a dot where it changed."""
    start = points[0][0]
    xs = [_tl_x(day, start, end) for day, _ in points]
    ys = [_level_y(level.rank, n_levels) for _, level in points]
    d = f"M{_num(xs[0])} {_num(ys[0])}" + "".join(
        f"H{_num(x)}V{_num(y)}" for x, y in zip(xs[1:], ys[1:])) + f"H{TL_RIGHT}"
    dots = "".join(f'<circle cx="{_num(x)}" cy="{_num(y)}" r="4"/>' for x, y in zip(xs, ys))
    return (f'<path class="catalogue-chart__line" fill="none" stroke="{PRIMARY}" stroke-width="3" '
            f'd="{d}"/><g class="catalogue-chart__points" fill="{PRIMARY}">{dots}</g>')


def _date_labels(start: dt.date, end: dt.date, height: float) -> str:
    y = height - 8
    return (f'<g font-size="12"><text x="{TL_LEFT}" y="{y}">{start.isoformat()}</text>'
            f'<text x="{TL_RIGHT}" y="{y}" text-anchor="end">{end.isoformat()}</text></g>')


def _period_text(points, i: int) -> str:
    day, level = points[i]
    if i == len(points) - 1:
        return f"since {day.isoformat()}: {level.name} (current)"
    return f"from {day.isoformat()}: {level.name}"


def _period_html(points, i: int) -> str:
    """As _period_text, with the date in a <time> element."""
    day, level = points[i]
    when = f'<time datetime="{day.isoformat()}">{day.isoformat()}</time>'
    if i == len(points) - 1:
        return f"since {when}: {_esc(level.name)} (current)"
    return f"from {when}: {_esc(level.name)}"
