"""Dates: parsing entry dates, the one notion of "today" every rule and page uses, and how a
page writes a date for readers."""

from __future__ import annotations

import datetime as dt
import os
import re

# Exactly RFC 3339's full-date. date.fromisoformat alone also takes ISO week dates (2025-W01-1)
# and, from Python 3.11, other ISO 8601 forms, and int() takes non-ASCII digits.
_FULL_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")


def today() -> dt.date:
    """Today, or the day of SOURCE_DATE_EPOCH when set, so a build can be reproduced exactly."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date()
    return dt.date.today()


def parse_date(value) -> dt.date | None:
    """A YYYY-MM-DD string as a date, or None when it is not one (the schema reports that)."""
    match = _FULL_DATE.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        return None
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def long_date(day: dt.date) -> str:
    """A date as readers read it: "1 February 2023" (GOV.UK style, no leading zero)."""
    return f"{day.day} {day:%B %Y}"
