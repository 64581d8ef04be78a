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
    assert items[0] == "from 2025-06-01: Emerging"
    assert items[-1].startswith("since ") and items[-1].endswith(f"{view.level.name} (current)")
    assert [t.get("datetime") for t in root.iter("time")] == [d.isoformat() for d, _ in view.timeline]
    assert root.find(f"{SVG_NS}svg").get("role") == "img"


def test_maturity_timeline_of_a_pattern_created_today(ctx):
    view = ctx.by_id["change-checks"]
    root = ET.fromstring(maturity_timeline(view, ctx.model))
    assert ["".join(li.itertext()) for li in root.findall(".//ol/li")] == ["since 2026-11-26: Emerging (current)"]
    assert_inert(maturity_timeline(view, ctx.model))
