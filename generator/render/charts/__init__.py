"""Render, charts: build-time inline SVG charts and diagrams for the site's pages.

Every chart returns an HTML <figure> holding an SVG (role="img", named by its own <title> and
<desc>), a <figcaption>, and an HTML text alternative (a data table or a list with links), so
screen-reader users and readers without SVG get the same facts. Pure: data in, strings out; no
MkDocs, no file I/O, no randomness. Ids come from a caller-given prefix, so output is
byte-for-byte repeatable and two figures on a page never clash.

One module per kind of chart, all built from the parts in figure.py (escaping, ids, colours,
the <svg> and <figure> wrappers, data tables):
    bars.py        bar_chart: maturity levels, the reuse leaderboard
    adoptions.py   adoption_series and adoptions_over_time: cumulative adoptions per period
    relations.py   reverse_relations and relation_diagram: a pattern and its related patterns
    timeline.py    maturity_timeline: a pattern's maturity level over time
    regions.py     region_tile_map: the NHS England regions as tiles, shaded by adoptions
"""

from generator.render.charts.adoptions import adoption_series, adoptions_over_time
from generator.render.charts.bars import bar_chart
from generator.render.charts.figure import ON_PRIMARY, PRIMARY
from generator.render.charts.regions import region_tile_map
from generator.render.charts.relations import relation_diagram, reverse_relations
from generator.render.charts.timeline import maturity_timeline

__all__ = ["ON_PRIMARY", "PRIMARY", "adoption_series", "adoptions_over_time", "bar_chart",
           "maturity_timeline", "region_tile_map", "relation_diagram", "reverse_relations"]
