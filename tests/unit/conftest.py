"""Fixtures shared by the unit tests of the rendering steps: the FICTIONAL demo catalogue,
validated once on its pinned day (tests/fixtures/site/demo, 2026-11-26)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

DEMO = Path(__file__).resolve().parents[1] / "fixtures" / "site" / "demo"
DEMO_DAY = dt.date(2026, 11, 26)


@pytest.fixture(scope="session")
def demo_catalogue():
    """The demo catalogue's model (read only)."""
    from generator.validate.catalogue import validate_catalogue

    validation = validate_catalogue(DEMO, today=DEMO_DAY)
    assert validation.result.success
    return validation.catalogue
