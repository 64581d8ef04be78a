"""Unit tests for generator/render/charts/timeline.py: the maturity timeline and its list."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from generator.render.charts.timeline import maturity_timeline

from chartcheck import SVG_NS, assert_inert, small_context


@pytest.fixture()
def ctx():
    return small_context()


def test_maturity_timeline_lists_each_level_with_its_date(ctx):
    view = ctx.by_id["landing-zone"]
    root = ET.fromstring(maturity_timeline(view, ctx.model))
    items = ["".join(li.itertext()) for li in root.findall(".//ol/li")]
    assert items[0] == "from 1 June 2025: Emerging"
    assert items[-1].startswith("since ") and items[-1].endswith(f"{view.level.name} (current)")
    assert [t.get("datetime") for t in root.iter("time")] == [d.isoformat() for d, _ in view.timeline]
    desc = root.find(f"{SVG_NS}svg/{SVG_NS}desc").text
    assert desc.startswith("Step chart of the maturity level from 1 June 2025 to 26 November 2026.")
    assert root.find(f"{SVG_NS}svg").get("role") == "img"


def test_maturity_timeline_of_a_pattern_created_today(ctx):
    view = ctx.by_id["change-checks"]
    root = ET.fromstring(maturity_timeline(view, ctx.model))
    assert ["".join(li.itertext()) for li in root.findall(".//ol/li")] == ["since 26 November 2026: Emerging (current)"]
    assert_inert(maturity_timeline(view, ctx.model))
