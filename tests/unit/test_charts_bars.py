"""Unit tests for generator/render/charts/bars.py: the bar chart's figure, table and size."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from generator.render.charts.bars import bar_chart

from chartcheck import SVG_NS


def test_bar_chart_has_figure_caption_table_and_values():
    chart = bar_chart([("Emerging", 3), ("Evidenced", 0), ("Proven", 7)], "Maturity", "maturity",
                      headers=("Level", "Patterns"))
    root = ET.fromstring(chart)
    assert root.tag == "figure" and root.find("figcaption").text == "Maturity"
    rows = [(tr.find("th").text, tr.find("td").text) for tr in root.iter("tr") if tr.find("td") is not None]
    assert rows == [("Emerging", "3"), ("Evidenced", "0"), ("Proven", "7")]
    assert [th.text for th in root.iter("th") if th.get("scope") == "col"] == ["Level", "Patterns"]
    assert "Emerging: 3; Evidenced: 0; Proven: 7" in root.find(f"{SVG_NS}svg/{SVG_NS}desc").text
    assert len(root.findall(f".//{SVG_NS}rect")) == 2  # no bar for a zero value


def test_bar_chart_of_nothing_is_empty():
    assert bar_chart([], "Nothing", "none") == ""


def test_bar_chart_with_twenty_rows_stays_small():
    chart = bar_chart([(f"Fictional Organisation Number {i} NHS Trust", 20 - i) for i in range(20)],
                      "Reuse leaderboard", "leaderboard")
    assert len(chart.encode("utf-8")) < 10_000
