"""Render, charts: the horizontal bar chart, used for the maturity distribution and the reuse
leaderboard on the statistics page. Its text alternative is a table of the same rows."""

from __future__ import annotations

from generator.render.charts.figure import (
    PRIMARY, data_table, esc, figure, id_base, label, num, pairs_text, svg,
)

BAR_ROW, BAR_TOP, BAR_AREA, LABEL_CHARS = 28, 8, 300, 40


def bar_chart(rows: list[tuple[str, int]], title: str, id_prefix: str, *,
              headers: tuple[str, str] = ("Item", "Count")) -> str:
    """Horizontal bars with their values printed, e.g. maturity levels or a reuse leaderboard.

    Returns "" when there are no rows, so a page can omit an empty chart.
    """
    if not rows:
        return ""
    base = id_base(id_prefix)
    label_w = 16 + 7.5 * min(max(len(str(k)) for k, _ in rows), LABEL_CHARS)
    scale = BAR_AREA / max(max(v for _, v in rows), 1)
    labels, bars = [], []
    for i, (key, value) in enumerate(rows):
        y = BAR_TOP + i * BAR_ROW
        width = max(value, 0) * scale
        labels.append(label(label_w - 8, y + 19, str(key), LABEL_CHARS, ' text-anchor="end"'))
        labels.append(f'<text x="{num(label_w + width + 6)}" y="{y + 19}">{esc(value)}</text>')
        if width:
            bars.append(f'<rect x="{num(label_w)}" y="{y + 5}" width="{num(width)}" height="18"/>')
    body = (f'<g class="catalogue-chart__bars" fill="{PRIMARY}">{"".join(bars)}</g>'
            f'<g class="catalogue-chart__labels">{"".join(labels)}</g>')
    size = (label_w + BAR_AREA + 48, 2 * BAR_TOP + len(rows) * BAR_ROW)
    desc = f"Horizontal bar chart. {pairs_text(rows)}."
    drawing = svg(base, size, title, desc, body, "catalogue-chart--bars")
    return figure("catalogue-figure--bars", drawing, title, data_table(title, headers, rows))
