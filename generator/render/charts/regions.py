"""Render, charts: the tile map of the seven NHS England regions, each tile shaded by the
adoptions in force there. No boundary data: one labelled tile per region, placed roughly where
the region is (north at the top, London to the south east), so readers can find their own.

The shades are NHS Blue and its tints, each with text of enough contrast (4.5:1 or more) and a
dark outline (7.5:1 on white) so that even the palest tile stands out from the page; a legend
gives each shade's range, and the figure's table alternative holds the same figures.
"""

from __future__ import annotations

import math

from generator.render.charts.figure import data_table, esc, figure, id_base, num, pairs_text, svg

# Top-left corner of each region's tile, in pixels: a rough map of England.
TILES = {
    "north-west": (80, 0), "north-east-and-yorkshire": (240, 0),
    "midlands": (120, 100), "east-of-england": (280, 100),
    "south-west": (0, 200), "south-east": (160, 200), "london": (320, 200),
}
TILE_W, TILE_H, LEGEND_Y, WIDTH, HEIGHT = 150, 90, 310, 500, 340
OUTLINE = "#425563"  # NHS dark grey: 7.5:1 against white
# (fill, text colour) from no adoptions to the most; each text colour has 4.5:1 or more on its fill.
SHADES = [("#F0F4F5", "#212B32"), ("#C6DBF0", "#212B32"), ("#7FAEDF", "#212B32"), ("#005EB8", "#FFFFFF"),
          ("#003087", "#FFFFFF")]
LINE_CHARS = 17


def shade_ranges(top: int) -> list[tuple[int, int]]:
    """Each shade's (lowest, highest) count: none, then up to four equal steps up to `top` (as
    many as there are counts to tell apart, so the legend shows no range nobody reaches)."""
    steps = min(len(SHADES) - 1, top)
    edges = [0] + [math.ceil(top * i / steps) for i in range(1, steps + 1)]
    return [(0, 0)] + [(edges[i] + 1, edges[i + 1]) for i in range(steps)]


def _palette(ranges) -> list[tuple[str, str]]:
    """The shades for the ranges: none is the palest, and the steps spread up to the darkest."""
    steps = len(ranges) - 1
    return [SHADES[0]] + [SHADES[round(i * (len(SHADES) - 1) / steps)] for i in range(1, steps + 1)]


def _shade(value: int, ranges) -> int:
    return next((i for i, (low, high) in enumerate(ranges) if low <= value <= high), len(ranges) - 1)


def _lines(name: str) -> list[str]:
    """A region's name on at most two lines of about LINE_CHARS characters."""
    words, lines = name.split(), [""]
    for word in words:
        if lines[-1] and len(lines[-1]) + 1 + len(word) > LINE_CHARS and len(lines) < 2:
            lines.append(word)
        else:
            lines[-1] = f"{lines[-1]} {word}".strip()
    return lines


def _tile(x: float, y: float, name: str, value: int, shade: tuple[str, str]) -> str:
    fill, ink = shade
    lines = _lines(name)
    texts = "".join(f'<text x="{num(x + TILE_W / 2)}" y="{num(y + 28 + 17 * i)}" text-anchor="middle" '
                    f'font-weight="bold">{esc(line)}</text>' for i, line in enumerate(lines))
    count = "1 adoption" if value == 1 else f"{value} adoptions"
    texts += (f'<text x="{num(x + TILE_W / 2)}" y="{num(y + TILE_H - 14)}" text-anchor="middle">'
              f'{esc(count)}</text>')
    return (f'<g class="catalogue-chart__tile"><rect x="{num(x)}" y="{num(y)}" width="{TILE_W}" '
            f'height="{TILE_H}" rx="6" fill="{fill}" stroke="{OUTLINE}" stroke-width="1.5"/>'
            f'<g fill="{ink}">{texts}</g></g>')


def _legend(ranges) -> str:
    parts = [f'<text x="0" y="{LEGEND_Y + 14}">Adoptions:</text>']
    for i, ((low, high), (fill, _)) in enumerate(zip(ranges, _palette(ranges))):
        x = 92 + i * 80
        label = str(low) if low == high else f"{low}\u2013{high}"
        parts.append(f'<rect x="{x}" y="{LEGEND_Y}" width="18" height="18" fill="{fill}" stroke="{OUTLINE}"/>'
                     f'<text x="{x + 24}" y="{LEGEND_Y + 14}">{esc(label)}</text>')
    return f'<g class="catalogue-chart__legend">{"".join(parts)}</g>'


def region_tile_map(rows: list[tuple[str, str, int]], title: str, id_prefix: str) -> str:
    """The tile map from (region value, region name, adoptions in force) rows; rows for regions
    without a tile (outside NHS England) are in the table only. Returns "" with no tile to draw."""
    tiles = [(region, name, value) for region, name, value in rows if region in TILES]
    if not tiles:
        return ""
    base = id_base(id_prefix)
    ranges = shade_ranges(max(value for _, _, value in tiles))
    palette = _palette(ranges)
    body = "".join(_tile(*TILES[region], name, value, palette[_shade(value, ranges)])
                   for region, name, value in tiles)
    figures = [(name, value) for _, name, value in rows]
    desc = (f"Map of the NHS England regions as tiles, each shaded by the adoptions in force there "
            f"(darker is more). {pairs_text(figures)}.")
    drawing = svg(base, (WIDTH, HEIGHT), title, desc, body + _legend(ranges), "catalogue-chart--tiles")
    return figure("catalogue-figure--tiles", drawing, title, data_table(title, ("Region", "Adoptions"), figures))
