"""Dates: one notion of today (SOURCE_DATE_EPOCH wins) and strict YYYY-MM-DD parsing."""

import datetime as dt

import pytest

from generator.dates import parse_date, today


def test_today_is_the_day_of_source_date_epoch_when_set(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1782820800")  # 2026-06-30 12:00 UTC
    assert today() == dt.date(2026, 6, 30)


@pytest.mark.parametrize("value", ["", "soon", "-5"])
def test_an_unusable_source_date_epoch_is_ignored(monkeypatch, value):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    assert today() == dt.date.today()


@pytest.mark.parametrize("value, day", [("2025-01-18", dt.date(2025, 1, 18)), ("2025-02-30", None),
                                        ("2025-1-18", None), ("18/01/2025", None), (None, None),
                                        ("2025-W01-1", None), ("2025-001", None)])
def test_parse_date_reads_only_real_yyyy_mm_dd_dates(value, day):
    assert parse_date(value) == day
