"""Render, charts: adoptions over time. adoption_series buckets the days organisations began or
stopped piloting or using a pattern (from model/reuse.py) into quarters or months and adds them
up, so the series is the number of adoptions in force at the end of each period;
adoptions_over_time draws it as a line chart with a table alternative."""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter

from generator.model.reuse import adopter_changes
from generator.render.charts.figure import PRIMARY, data_table, esc, figure, id_base, num, pairs_text, svg

LINE_W, LINE_H, PLOT = 600, 224, (56, 16, 568, 184)  # plot: left, top, right, bottom; room for labels


def adoptions_over_time(points: list[tuple[str, int]], title: str, id_prefix: str, *,
                        headers: tuple[str, str] = ("Period", "Adoptions in force")) -> str:
    """Line chart of a running total, one point per period, as `adoption_series` returns it.

    Returns "" for an empty series.
    """
    if not points:
        return ""
    base = id_base(id_prefix)
    left, top, right, bottom = PLOT
    top_value = max(max(v for _, v in points), 1)
    step = (right - left) / max(len(points) - 1, 1)
    xy = [(left + i * step if len(points) > 1 else (left + right) / 2,
           bottom - (bottom - top) * max(v, 0) / top_value) for i, (_, v) in enumerate(points)]
    body = (_axes(top_value) + _x_labels(points, xy)
            + f'<polyline class="catalogue-chart__line" fill="none" stroke="{PRIMARY}" '
              f'stroke-width="3" points="{" ".join(f"{num(x)},{num(y)}" for x, y in xy)}"/>'
            + f'<g class="catalogue-chart__points" fill="{PRIMARY}">'
            + "".join(f'<circle cx="{num(x)}" cy="{num(y)}" r="4"/>' for x, y in xy) + "</g>")
    first, last = points[0], points[-1]
    desc = (f"Line chart of adoptions in force from {first[0]} ({first[1]}) "
            f"to {last[0]} ({last[1]}). {pairs_text(points)}.")
    drawing = svg(base, (LINE_W, LINE_H), title, desc, body, "catalogue-chart--line")
    return figure("catalogue-figure--line", drawing, title, data_table(title, headers, points))


def _axes(top_value: int) -> str:
    """Baseline, top line and their values: enough scale to read the line against."""
    left, top, right, bottom = PLOT
    return (f'<path class="catalogue-chart__axis" stroke="currentColor" fill="none" '
            f'd="M{left} {bottom}H{right}M{left} {top}H{right}"/>'
            f'<text x="{left - 8}" y="{bottom + 5}" text-anchor="end">0</text>'
            f'<text x="{left - 8}" y="{top + 5}" text-anchor="end">{esc(top_value)}</text>')


def _x_labels(points, xy) -> str:
    """Period names under the axis: at most about eight, always the first and the last."""
    every = max(1, math.ceil(len(points) / 8))
    keep = sorted({0, len(points) - 1} | set(range(0, len(points), every)))
    if len(keep) > 1 and keep[-1] - keep[-2] < every:
        keep.pop(-2)  # the last label would collide with its neighbour
    bottom = PLOT[3]
    return "".join(f'<text x="{num(xy[i][0])}" y="{bottom + 24}" text-anchor="middle" '
                   f'font-size="12">{esc(points[i][0])}</text>' for i in keep)


def adoption_series(ctx, period: str = "quarter") -> list[tuple[str, int]]:
    """Adoptions in force (organisations piloting or using a pattern they did not originate) at the
    end of each quarter (or "month"), from the first adoption up to ctx.today, from each adoption's
    history (model/reuse.py): an organisation that stopped no longer counts from that day. Periods
    with no change are kept, so the x axis is even in time."""
    steps = adopter_changes([view.pattern for view in ctx.patterns], ctx.today)
    if not steps:
        return []
    change = Counter()
    for day, step in steps:
        change[_period(day, period)] += step
    series, total = [], 0
    for key in _periods(_period(steps[0][0], period), _period(ctx.today, period), period):
        total += change[key]
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
