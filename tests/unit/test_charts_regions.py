"""Unit tests for generator/render/charts/regions.py: the tile map of the NHS England regions, its
shades, legend and table alternative. Region names and counts are the schema's and FICTIONAL."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from generator.render.charts.regions import SHADES, TILES, region_tile_map, shade_ranges

from chartcheck import SVG_NS, assert_inert, assert_labelled_svgs

ROWS = [("east-of-england", "East of England", 0), ("london", "London", 12), ("midlands", "Midlands", 3),
        ("north-east-and-yorkshire", "North East and Yorkshire", 1), ("north-west", "North West", 7),
        ("south-east", "South East", 5), ("south-west", "South West", 9), ("national", "National", 4)]


def tiles(root):
    return [g for g in root.iter(f"{SVG_NS}g") if g.get("class") == "catalogue-chart__tile"]


def test_one_labelled_tile_per_nhs_england_region_and_every_row_in_the_table():
    root = ET.fromstring(region_tile_map(ROWS, "Adoptions by region", "regions"))
    svg = root.find(f"{SVG_NS}svg")
    assert svg.get("role") == "img" and svg.get("aria-labelledby") == "regions-title regions-desc"
    assert svg.find(f"{SVG_NS}title").text == "Adoptions by region"
    assert "London: 12" in svg.find(f"{SVG_NS}desc").text
    assert len(tiles(root)) == len(TILES) == 7
    texts = ["".join(t.itertext()) for t in tiles(root)]
    assert any(t.startswith("North East and") and t.endswith("1 adoption") for t in texts)
    # National has no tile, but is in the table with the same figures.
    rows = [(tr.find("th").text, tr.find("td").text) for tr in root.iter("tr") if tr.find("td") is not None]
    assert rows == [(name, str(n)) for _, name, n in ROWS]


def test_more_adoptions_are_darker_and_every_shade_keeps_its_text_legible():
    root = ET.fromstring(region_tile_map(ROWS, "Adoptions by region", "regions"))
    fills = {t.find(f".//{SVG_NS}text").text: t.find(f"{SVG_NS}rect").get("fill") for t in tiles(root)}
    order = [fill for fill, _ in SHADES]
    assert order.index(fills["London"]) > order.index(fills["Midlands"]) > order.index(fills["East of England"])
    assert fills["East of England"] == SHADES[0][0]  # none is the palest


def test_shade_ranges_never_show_a_range_nobody_reaches():
    assert shade_ranges(0) == [(0, 0)]
    assert shade_ranges(2) == [(0, 0), (1, 1), (2, 2)]
    assert shade_ranges(9) == [(0, 0), (1, 3), (4, 5), (6, 7), (8, 9)]
    for top in range(1, 60):
        ranges = shade_ranges(top)
        assert ranges[-1][1] == top and all(low <= high for low, high in ranges)
        assert all(ranges[i][1] + 1 == ranges[i + 1][0] for i in range(len(ranges) - 1))


def test_no_region_of_england_draws_nothing():
    assert region_tile_map([("wales", "Wales", 3)], "Adoptions", "x") == ""


def test_the_map_is_inert_and_labelled():
    chart = region_tile_map(ROWS, "Adoptions by region", "regions")
    assert_inert(chart)
    assert_labelled_svgs(chart)
