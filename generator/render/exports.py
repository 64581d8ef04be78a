"""Render: the catalogue as data for other tools (JSON, CSV and an Atom feed).

Pure: a SiteContext in, a string out; no MkDocs, no file I/O. Deterministic: patterns sorted by
id, organisations by code, JSON keys sorted, and no build timestamp; the only date that does not
come from the entries is ctx.today, which a reproducible build pins with SOURCE_DATE_EPOCH.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
from dataclasses import dataclass
from urllib.parse import urljoin

from generator.model.reuse import adoption_events, change_on
from generator.model.vocabulary import names
from generator.render.context import page_url, relative_url
from generator.render.parts import pattern_parts

# 2.0: entries carry sources, written_by, reviewed_by and the evidence strength of each outcome,
# last_reviewed is absent from an entry no one has reviewed, and lifecycle may be "unknown".
SCHEMA_VERSION = "2.0"
FEED_LIMIT = 50

# Atom entry ids are tag: URIs (RFC 4151) that never contain the site address, so they stay the
# same if the site moves or site_url is unset; feed readers treat a changed id as a new entry.
# Changing either constant re-announces every entry.
TAG_AUTHORITY = "nhs-pattern-catalogue"
TAG_DATE = "2026"

# How the feed words a change of an adoption, for the statuses that make an adopter (model/reuse.py
# decides which changes those are; exploring is only interest): the change in force today, and
# an earlier one, since followed by another.
FEED_VERBS = {"in-use": "is using", "piloting": "is piloting"}
FEED_PAST_VERBS = {"in-use": "began using", "piloting": "began piloting"}

CSV_COLUMNS = ("id", "title", "summary", "category", "themes", "tags", "originator",
               "originator_name", "maturity", "reuse_count", "piloting_count", "lifecycle",
               "created", "last_reviewed", "url", "written_by", "reviewed_by", "based_on")

# Characters XML 1.0 forbids; one in a title would make the whole feed unparseable.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _page(ctx, view) -> str:
    """Page path relative to the site root, e.g. "patterns/<id>/"."""
    return page_url(view.page, ctx.directory_urls)


# ---------------------------------------------------------------- JSON

_PATTERNS_SLOT = "\x00patterns\x00"  # where the patterns go, in a document written without them


def catalogue_json(ctx) -> str:
    """The whole catalogue, with computed reuse and maturity; see schema/catalogue.schema.json.
    Byte for byte what json.dumps(document, sort_keys=True, indent=2) writes: the patterns'
    list is put together from each pattern's own part (JSON strings hold no raw newline), as
    that would indent it; under a preview, unchanged patterns' parts are kept (render/parts.py)."""
    document = {
        "schema_version": SCHEMA_VERSION,
        "generated_on": ctx.today.isoformat(),
        "patterns": _PATTERNS_SLOT,
        "organisations": [_organisation_json(ctx, o) for o in sorted(ctx.organisations,
                                                                    key=lambda o: o.organisation.code)],
        "maturity_model": _model_json(ctx.model),
    }
    text = script_safe(_dumps(document))
    slot = '\n  "patterns": ' + json.dumps(_PATTERNS_SLOT)
    parts = pattern_parts(ctx, "json", sorted(ctx.patterns, key=lambda v: v.id),
                          lambda view: script_safe(_dumps(_pattern_json(ctx, view))).replace("\n", "\n    "))
    listed = "[\n    " + ",\n    ".join(parts) + "\n  ]" if parts else "[]"
    return text.replace(slot, '\n  "patterns": ' + listed, 1) + "\n"


def _dumps(value) -> str:
    return json.dumps(value, sort_keys=True, indent=2, ensure_ascii=False, default=_json_default)


def _json_default(value):
    """Dates (should a caller's data hold date objects rather than strings) as YYYY-MM-DD."""
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot export {type(value).__name__} as JSON")


def script_safe(text: str) -> str:
    """Escape <, >, & and the JS line separators inside strings (the only place they can occur
    in JSON), so the file stays safe if a tool ever inlines it into an HTML <script>."""
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                       ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, code)
    return text


def _pattern_json(ctx, view) -> dict:
    """Every validated field, then the computed ones; "maturity" becomes an object that keeps
    the authors' claim as "declared"."""
    entry = dict(view.pattern.data)
    reuse = view.reuse
    entry["reuse"] = {"count": reuse.count, "in_use": list(reuse.in_use), "piloting": list(reuse.piloting),
                      "exploring": list(reuse.exploring), "retired": list(reuse.retired)}
    entry["maturity"] = _maturity_json(view)
    entry["url"] = _page(ctx, view)
    return entry


def _maturity_json(view) -> dict:
    assessment = view.assessment
    nxt = assessment.next_level
    needs = assessment.missing_for(nxt.id) if nxt else []
    return {
        "level": assessment.level.id,
        "name": assessment.level.name,
        "declared": view.pattern.declared_maturity,
        "met": [_check_json(c) for c in assessment.met()],
        "next_level": nxt.id if nxt else None,
        "next_needs": [dict(_check_json(c), shortfall=c.shortfall) for c in needs],
    }


def _check_json(check) -> dict:
    return {"level": check.level, "criterion": check.criterion, "threshold": check.threshold,
            "requirement": check.requirement}


def _organisation_json(ctx, view) -> dict:
    """The registry entry (optional fields only when set) plus its catalogue page."""
    org = view.organisation
    entry = {"code": org.code, "name": org.name, "type": org.type, "region": org.region,
             "url": org.url, "note": org.note, "page": page_url(view.page, ctx.directory_urls)}
    return {k: v for k, v in entry.items() if v is not None}


def _model_json(model) -> dict:
    return {
        "review_period_days": model.review_period_days,
        "reviews_that_count": sorted(model.reviewers),
        "evidence_ladder": [{"level": level, "id": value, "name": name}
                            for level, (value, name) in enumerate(names("evidence").items(), 1)],
        "levels": [{"id": lv.id, "name": lv.name, "summary": lv.summary, "rank": lv.rank,
                    "criteria": dict(lv.criteria),
                    "requirements": [model.requirement(k, n) for k, n in lv.criteria]}
                   for lv in model.levels],
    }


# ---------------------------------------------------------------- CSV

def catalogue_csv(ctx) -> str:
    """One row per pattern, for spreadsheets; lists are joined with semicolons."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    head = out.getvalue()
    return head + "".join(pattern_parts(ctx, "csv", sorted(ctx.patterns, key=lambda v: v.id),
                                        lambda view: _csv_line(ctx, view)))


def _csv_line(ctx, view) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow([_safe_cell(value) for value in _csv_row(ctx, view)])
    return out.getvalue()


def _csv_row(ctx, view) -> list:
    p = view.pattern
    return [p.id, p.title, p.summary, p.category, ";".join(p.themes), ";".join(p.tags),
            p.originator, ctx.org_name(p.originator), view.level.id, view.reuse.count,
            len(view.reuse.piloting), p.lifecycle, p.created.isoformat(),
            p.last_reviewed.isoformat() if p.last_reviewed else "", _page(ctx, view),
            p.written_by, p.reviewed_by, ";".join(s.url for s in p.sources)]


def _safe_cell(value):
    """Guard against CSV formula injection: spreadsheets run a cell that starts with =, +, -, @
    (or a tab or CR before one) as a formula, so such text gets a leading apostrophe, which
    makes them show it as text. Numbers are ours, never contributor text, and pass unchanged."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


# ---------------------------------------------------------------- Atom

@dataclass(frozen=True)
class _Entry:
    day: dt.date
    kind: str  # "pattern" or "adoption"; also the tag: URI's first segment
    key: str  # the rest of the tag: URI, unique per event
    title: str
    summary: str
    author: str
    page: str  # source page the entry links to


def atom_feed(ctx, site_url: str | None, *, feed_path: str = "feed.xml",
              title: str = "NHS pattern catalogue: new patterns and adoptions") -> str:
    """Atom 1.0 feed of new patterns (by `created`) and new adoptions (each change to piloting or
    in use, by its date), newest first, at most FEED_LIMIT entries, none dated after ctx.today.

    With site_url, links are absolute; without, they are relative to `feed_path` (where the
    feed is published in the site). `updated` is the newest entry's date, never the build time.
    """
    entries = sorted(_entries(ctx), key=lambda e: (e.day, e.kind, e.key), reverse=True)[:FEED_LIMIT]
    updated = entries[0].day if entries else ctx.today
    link = _linker(site_url, feed_path, ctx.directory_urls)
    head = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">',
        f"  <id>{_tag('feed')}</id>",
        f'  <title type="text">{_x(title)}</title>',
        f"  <updated>{_stamp(updated)}</updated>",
        f'  <link rel="self" type="application/atom+xml" href="{_x(link(feed_path))}"/>',
        f'  <link rel="alternate" type="text/html" href="{_x(link("index.md"))}"/>',
        "  <author><name>NHS pattern catalogue contributors</name></author>",
    ]
    body = [_entry_xml(e, link) for e in entries]
    return "\n".join(head + body + ["</feed>"]) + "\n"


def _entries(ctx):
    """Every announceable event up to today: each pattern's creation and each adoption (a
    preview keeps each unchanged pattern's: render/parts.py)."""
    for events in pattern_parts(ctx, "feed", ctx.patterns, lambda view: _pattern_entries(ctx, view)):
        yield from events


def _pattern_entries(ctx, view) -> list[_Entry]:
    p = view.pattern
    events = [_Entry(p.created, "pattern", p.id, f"New pattern: {p.title}", p.summary,
                     ctx.org_name(p.originator), view.page)] if p.created <= ctx.today else []
    return events + [_adoption_entry(ctx, view, adoption, change) for adoption, change in adoption_events(p, ctx.today)]


def _adoption_entry(ctx, view, adoption, change) -> _Entry:
    current = change_on(adoption, ctx.today) is change
    verb = (FEED_VERBS if current else FEED_PAST_VERBS)[change.status]
    org, p, day = ctx.org_name(adoption.organisation), view.pattern, change.date.isoformat()
    summary = f"{org} {verb} the pattern \u201c{p.title}\u201d {'since' if current else 'on'} {day}."
    if adoption.note:
        summary += f" {adoption.note}"
    key = f"{p.id}/{adoption.organisation}/{change.status}/{day}"
    return _Entry(change.date, "adoption", key, f"{org} {verb} {p.title}", summary, org, view.page)


def _entry_xml(entry: _Entry, link) -> str:
    stamp = _stamp(entry.day)
    label = "New pattern" if entry.kind == "pattern" else "New adoption"
    return "\n".join([
        "  <entry>",
        f"    <id>{_tag(entry.kind + '/' + entry.key)}</id>",
        f'    <title type="text">{_x(entry.title)}</title>',
        f'    <link rel="alternate" type="text/html" href="{_x(link(entry.page))}"/>',
        f"    <published>{stamp}</published>",
        f"    <updated>{stamp}</updated>",
        f"    <author><name>{_x(entry.author)}</name></author>",
        f'    <category term="{entry.kind}" label="{label}"/>',
        f'    <summary type="text">{_x(entry.summary)}</summary>',
        "  </entry>",
    ])


def _linker(site_url: str | None, feed_path: str, directory_urls: bool):
    """Turn a source path into the href the feed uses: absolute under site_url, else relative."""
    if site_url:
        root = site_url if site_url.endswith("/") else site_url + "/"
        return lambda src: urljoin(root, page_url(src, directory_urls))
    return lambda src: relative_url(feed_path, src, directory_urls)


def _tag(specific: str) -> str:
    return f"tag:{TAG_AUTHORITY},{TAG_DATE}:{specific}"


def _stamp(day: dt.date) -> str:
    """Atom needs a full RFC 3339 time; entries carry only a date, so midnight UTC."""
    return f"{day.isoformat()}T00:00:00Z"


def _x(text: str) -> str:
    """Escape for XML text or attribute values, after dropping characters XML cannot hold."""
    return html.escape(_XML_INVALID.sub("", str(text)), quote=True)
