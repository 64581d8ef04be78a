"""Render, wording: how the site says things, in plain English (GOV.UK and NHS style). Dates in
<time> elements ("26 November 2026"), counted nouns ("1 organisation", "3 organisations"), and
the home page's plain statement of what the catalogue holds, with only the tables that tell a
reader something. Pure functions, registered as template filters and globals in pages.py and
used by the charts' text alternatives."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from markupsafe import Markup

from generator.dates import long_date

HOME_TABLE_ROWS = 5


def time_html(day: dt.date | str) -> Markup:
    """A date for a page: '<time datetime="2026-11-26">26 November 2026</time>'."""
    if isinstance(day, str):
        day = dt.date.fromisoformat(day)
    return Markup('<time datetime="{}">{}</time>').format(day.isoformat(), long_date(day))


def plural(n: int, singular: str, plural_form: str | None = None) -> str:
    """A count with its noun: "1 organisation", "3 organisations", "0 patterns"."""
    return f"{n} {singular if n == 1 else (plural_form or singular + 's')}"


def joined(items: list[str]) -> str:
    """Words in a list, as a sentence has them: "a", "a and b", "a, b and c"."""
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def holdings(ctx) -> str:
    """What the catalogue holds, plainly and computed from the data, for example "The catalogue
    holds 9 patterns from 1 organisation, all at Emerging so far. None is yet recorded as reused
    by another organisation." Nothing in it claims more than the recorded evidence."""
    n = len(ctx.patterns)
    if not n:
        return "The catalogue holds no patterns yet."
    originators = len({view.pattern.originator for view in ctx.patterns})
    at_level = [(level.name, sum(view.level.id == level.id for view in ctx.patterns)) for level in ctx.model.levels]
    at_level = [(name, k) for name, k in at_level if k]
    opening = f"The catalogue holds {plural(n, 'pattern')} from {plural(originators, 'organisation')}"
    if len(at_level) == 1:
        opening += f", {'all ' if n > 1 else ''}at {at_level[0][0]} so far."
    else:
        opening += ": " + joined([f"{k} at {name}" for name, k in at_level]) + "."
    reused = sum(1 for view in ctx.patterns if view.reuse.count)
    if not reused:
        return opening + (" None is" if n > 1 else " It is not") + " yet recorded as reused by another organisation."
    who = "All of them are" if reused == n and n > 1 else ("It is" if n == 1 else f"{reused} of them {'is' if reused == 1 else 'are'}")
    return f"{opening} {who} reused by at least one other organisation in live service."


@dataclass(frozen=True)
class HomeTable:
    heading: str
    caption: str
    views: list


def home_tables(ctx) -> list[HomeTable]:
    """The home page's short lists, each only when it tells a reader something: "Most reused"
    only when a pattern is reused; "Newest" and "Recently updated" only when their dates differ;
    and none that repeats the rows of one shown before it."""
    views = sorted(ctx.patterns, key=lambda v: v.id)
    candidates = [
        (HomeTable("Most reused", "The patterns reused by most organisations",
                   sorted((v for v in views if v.reuse.count), key=lambda v: -v.reuse.count)[:HOME_TABLE_ROWS]),
         True),
        (HomeTable("Newest", "The most recently added patterns",
                   sorted(views, key=lambda v: v.pattern.created, reverse=True)[:HOME_TABLE_ROWS]),
         len({v.pattern.created for v in views}) > 1),
        (HomeTable("Recently updated", "The patterns with the most recent evidence or review",
                   sorted(views, key=lambda v: v.updated, reverse=True)[:HOME_TABLE_ROWS]),
         len({v.updated for v in views}) > 1),
    ]
    shown: list[HomeTable] = []
    for table, informative in candidates:
        rows = [v.id for v in table.views]
        if informative and rows and all(rows != [v.id for v in other.views] for other in shown):
            shown.append(table)
    return shown

