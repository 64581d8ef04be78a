"""Unit tests for generator/render/wording.py: dates in <time> elements, counted nouns, and the
home page's plain statement and its tables, on FICTIONAL catalogues (ZZ codes)."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.dates import long_date
from generator.model.catalogue import Catalogue, Organisation
from generator.render.context import build_context
from generator.render.wording import holdings, home_tables, joined, plural, time_html

from fictional import adoption, make_pattern

TODAY = dt.date(2026, 11, 26)
ORGS = {code: Organisation(code, f"Fictional organisation {code}", "trust", "london") for code in ("ZZ1", "ZZ2", "ZZ3")}


def context(*patterns):
    return build_context(Catalogue({p.id: p for p in patterns}, dict(ORGS)), TODAY)


@pytest.mark.parametrize("day, text", [(dt.date(2026, 11, 26), "26 November 2026"),
                                       (dt.date(2025, 1, 1), "1 January 2025"),
                                       (dt.date(2024, 9, 9), "9 September 2024")])
def test_long_date_reads_day_month_year(day, text):
    assert long_date(day) == text


def test_time_html_carries_the_machine_date():
    assert time_html(dt.date(2026, 11, 26)) == '<time datetime="2026-11-26">26 November 2026</time>'
    assert time_html("2025-06-01") == '<time datetime="2025-06-01">1 June 2025</time>'


def test_plural_and_joined():
    assert [plural(n, "organisation") for n in (0, 1, 3)] == ["0 organisations", "1 organisation", "3 organisations"]
    assert plural(2, "entry", "entries") == "2 entries"
    assert [joined(x) for x in ([], ["a"], ["a", "b"], ["a", "b", "c"])] == ["", "a", "a and b", "a, b and c"]


def test_holdings_of_patterns_all_at_one_level_and_not_reused():
    ctx = context(*(make_pattern(f"p{i}") for i in range(9)))
    assert holdings(ctx) == ("The catalogue holds 9 patterns from 1 organisation, all at Emerging so far. "
                             "None is yet recorded as reused by another organisation.")


def test_holdings_of_one_pattern():
    assert holdings(context(make_pattern("only"))) == (
        "The catalogue holds 1 pattern from 1 organisation, at Emerging so far. "
        "It is not yet recorded as reused by another organisation.")


def test_holdings_of_mixed_levels_counts_each_level_and_the_reused():
    reused = make_pattern("reused", adoptions=[adoption("ZZ2", "in-use", "2026-01-01")])
    piloted = make_pattern("piloted", originator="ZZ2", adoptions=[adoption("ZZ3", "piloting", "2026-01-01")])
    ctx = context(reused, piloted, make_pattern("plain"))
    assert holdings(ctx) == ("The catalogue holds 3 patterns from 2 organisations: 1 at Emerging and 2 at Piloted. "
                             "1 of them is reused by at least one other organisation in live service.")


def test_holdings_of_an_empty_catalogue():
    assert holdings(context()) == "The catalogue holds no patterns yet."


def test_home_tables_are_hidden_when_they_carry_no_information():
    """Same creation date, nothing reused, nothing newer: every table would repeat the catalogue."""
    ctx = context(*(make_pattern(f"p{i}", created="2026-11-26", last_reviewed="2026-11-26") for i in range(9)))
    assert home_tables(ctx) == []


def test_home_tables_show_what_differs_and_drop_repeats():
    patterns = [make_pattern("old", created="2025-01-01", last_reviewed="2025-01-01"),
                make_pattern("new", created="2026-06-01", last_reviewed="2026-06-01"),
                make_pattern("reused", created="2025-03-01", last_reviewed="2025-03-01",
                             adoptions=[adoption("ZZ2", "in-use", "2025-04-01")])]
    tables = {t.heading: [v.id for v in t.views] for t in home_tables(context(*patterns))}
    assert tables["Most reused"] == ["reused"]
    assert tables["Newest"] == ["new", "reused", "old"]
    # Recently updated would list the same rows in the same order as Newest: left out.
    assert "Recently updated" not in tables
