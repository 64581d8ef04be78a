"""Unit tests for generator/render/charts/adoptions.py: the cumulative series by quarter and by
month, and its line chart."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from generator.model.catalogue import Catalogue
from generator.render.charts.adoptions import adoption_series, adoptions_over_time
from generator.render.context import build_context

from chartcheck import ORGS, SVG_NS, TODAY, assert_inert, small_context
from fictional import make_pattern


@pytest.fixture()
def ctx():
    return small_context()


def test_adoption_series_counts_in_use_and_piloting_by_quarter(ctx):
    # landing-zone: ZZ2 in-use 2025-09-01, ZZ3 piloting 2026-02-01 (ZZ1 is its originator;
    # exploring does not count); hostile: ZZ1 in-use 2026-03-01; change-checks: retired and
    # future-dated adoptions do not count.
    assert adoption_series(ctx) == [
        ("2025 Q3", 1), ("2025 Q4", 1), ("2026 Q1", 3), ("2026 Q2", 3), ("2026 Q3", 3), ("2026 Q4", 3)]


def test_adoption_series_by_month_runs_to_today(ctx):
    series = adoption_series(ctx, "month")
    assert series[0] == ("2025-09", 1) and series[-1] == ("2026-11", 3) and len(series) == 15


def test_adoption_series_is_empty_without_adoptions():
    catalogue = Catalogue({"a": make_pattern("a")}, dict(ORGS))
    assert adoption_series(build_context(catalogue, today=TODAY)) == []


def test_adoptions_over_time_has_table_and_single_point_works(ctx):
    chart = adoptions_over_time(adoption_series(ctx), "Adoptions over time", "adoptions")
    root = ET.fromstring(chart)
    assert [td.text for td in root.iter("td")] == ["1", "1", "3", "3", "3", "3"]
    assert "from 2025 Q3 (1) to 2026 Q4 (3)" in root.find(f"{SVG_NS}svg/{SVG_NS}desc").text
    assert_inert(adoptions_over_time([("2026 Q4", 1)], "One", "one"))
    assert adoptions_over_time([], "None", "none") == ""
