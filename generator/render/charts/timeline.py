"""Render, charts: the maturity timeline on each pattern page: a step chart of the pattern's
maturity level from its creation to the assessment date, with the same facts as a list."""

from __future__ import annotations

import datetime as dt

from generator.dates import long_date
from generator.render.charts.figure import PRIMARY, esc, figure, id_base, label, num, svg
from generator.render.wording import time_html

TL_W, TL_LEFT, TL_RIGHT, TL_ROW, TL_TOP = 600, 96, 584, 24, 8


def maturity_timeline(view, model, *, id_prefix: str | None = None) -> str:
    """A step chart of the pattern's maturity level from its creation to the assessment date
    (ctx.today), plus the same facts as a list: "from 1 June 2025: Emerging; since ...".

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
    desc = (f"Step chart of the maturity level from {long_date(points[0][0])} to {long_date(end)}. "
            + "; ".join(_period_text(points, i) for i in range(len(points))) + ".")
    base = id_base(id_prefix or f"maturity-{view.id}")
    drawing = svg(base, (TL_W, height), title, desc, body, "catalogue-chart--timeline")
    items = "".join(f"<li>{_period_html(points, i)}</li>" for i in range(len(points)))
    return figure("catalogue-figure--timeline", drawing, title,
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
    d = "".join(f"M{TL_LEFT} {num(_level_y(lv.rank, n))}H{TL_RIGHT}" for lv in levels)
    names = "".join(label(TL_LEFT - 8, _level_y(lv.rank, n) + 5, lv.name, 12, ' text-anchor="end"')
                    for lv in levels)
    return (f'<path class="catalogue-chart__grid" stroke="currentColor" stroke-width="1" '
            f'stroke-dasharray="2 4" d="{d}"/><g font-size="12">{names}</g>')


def _steps(points, end: dt.date, n_levels: int) -> str:
    """The level as a step line, with a dot where it changed."""
    start = points[0][0]
    xs = [_tl_x(day, start, end) for day, _ in points]
    ys = [_level_y(level.rank, n_levels) for _, level in points]
    d = f"M{num(xs[0])} {num(ys[0])}" + "".join(
        f"H{num(x)}V{num(y)}" for x, y in zip(xs[1:], ys[1:])) + f"H{TL_RIGHT}"
    dots = "".join(f'<circle cx="{num(x)}" cy="{num(y)}" r="4"/>' for x, y in zip(xs, ys))
    return (f'<path class="catalogue-chart__line" fill="none" stroke="{PRIMARY}" stroke-width="3" '
            f'd="{d}"/><g class="catalogue-chart__points" fill="{PRIMARY}">{dots}</g>')


def _date_labels(start: dt.date, end: dt.date, height: float) -> str:
    y = height - 8
    return (f'<g font-size="12"><text x="{TL_LEFT}" y="{y}">{long_date(start)}</text>'
            f'<text x="{TL_RIGHT}" y="{y}" text-anchor="end">{long_date(end)}</text></g>')


def _period_text(points, i: int) -> str:
    day, level = points[i]
    if i == len(points) - 1:
        return f"since {long_date(day)}: {level.name} (current)"
    return f"from {long_date(day)}: {level.name}"


def _period_html(points, i: int) -> str:
    """As _period_text, with the date in a <time> element."""
    day, level = points[i]
    when = time_html(day)
    if i == len(points) - 1:
        return f"since {when}: {esc(level.name)} (current)"
    return f"from {when}: {esc(level.name)}"
