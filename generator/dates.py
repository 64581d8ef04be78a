"""Dates: parsing entry dates and the one notion of "today" every rule and page uses."""

from __future__ import annotations

import datetime as dt
import os


def today() -> dt.date:
    """Today, or the day of SOURCE_DATE_EPOCH when set, so a build can be reproduced exactly."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date()
    return dt.date.today()


def parse_date(value) -> dt.date | None:
    """A YYYY-MM-DD string as a date, or None when it is not one (the schema reports that)."""
    if isinstance(value, str) and len(value) == 10:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None
