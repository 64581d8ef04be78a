"""Unit tests for generator/render/exports.py: the JSON export against its schema, the CSV with
its formula-injection guard, and the Atom feed; each escaped, ordered and deterministic.

Every organisation and pattern here is FICTIONAL (ZZ codes are not real ODS codes).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from generator.model.catalogue import Catalogue, Organisation
from generator.render import exports
from generator.render.context import build_context

from fictional import adoption, make_pattern

TODAY = dt.date(2026, 11, 26)
HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(1)>'
ATOM = "{http://www.w3.org/2005/Atom}"
SCHEMA = Path(__file__).resolve().parents[2] / "schema" / "catalogue.schema.json"

ORGS = {
    "ZZ1": Organisation("ZZ1", "Fictional Northshire Hospitals NHS Trust", "trust", "north-west",
                        url="https://northshire.example.org/"),
    "ZZ2": Organisation("ZZ2", "@Fictional Southmere Community Health NHS Trust", "trust", "south-east"),
    "ZZ3": Organisation("ZZ3", f"Fictional {HOSTILE} Integrated Care Board", "icb", "east-of-england",
                        note="A made-up body for tests."),
}


def small_catalogue() -> Catalogue:
    patterns = [
        make_pattern("hostile", title=HOSTILE, originator="ZZ3", created="2026-05-05",
                     summary='=HYPERLINK("https://evil.example/","click") fictional summary text'),
        make_pattern("landing-zone", title="Fictional shared landing zone", maturity="reused",
                     related=[{"pattern": "hostile", "relation": "complements"}],
                     outcomes=[{"description": "Fictional accounts ready in two days.",
                                "source": "https://example.org/results", "date": "2025-08-15",
                                "evidence": "data-showing-change"}],
                     adoptions=[adoption("ZZ2", "in-use", "2025-09-01"),
                                adoption("ZZ3", "piloting", "2026-02-01", note=f"Note {HOSTILE}"),
                                adoption("ZZ1", "in-use", "2025-07-01"),  # originator: not announced
                                adoption("ZZ2", "exploring", "2025-07-15")]),
        make_pattern("minus", title="-Fictional title starting with a minus", originator="ZZ2",
                     created="2026-01-20", adoptions=[adoption("ZZ3", "in-use", "2027-02-01")]),  # future
        make_pattern("plus", title="+Fictional title starting with a plus", created="2027-01-01"),  # future
    ]
    return Catalogue({p.id: p for p in patterns}, dict(ORGS))


@pytest.fixture()
def ctx():
    return build_context(small_catalogue(), today=TODAY)


# ---------------------------------------------------------------- JSON

def test_json_validates_against_the_catalogue_schema(ctx):
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(json.loads(exports.catalogue_json(ctx))), key=str)
    assert not errors, [e.message for e in errors]


def test_schema_rejects_a_wrong_version(ctx):
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    document = json.loads(exports.catalogue_json(ctx))
    document["schema_version"] = "1.0"
    assert not jsonschema.Draft202012Validator(schema).is_valid(document)


def test_json_is_deterministic_sorted_and_ends_with_a_newline(ctx):
    text = exports.catalogue_json(ctx)
    assert text == exports.catalogue_json(ctx) == exports.catalogue_json(build_context(small_catalogue(), today=TODAY))
    assert text.endswith("}\n") and not text.endswith("\n\n")
    document = json.loads(text)
    assert list(document) == sorted(document)
    assert document["schema_version"] == "2.0" and document["generated_on"] == "2026-11-26"
    assert [p["id"] for p in document["patterns"]] == ["hostile", "landing-zone", "minus", "plus"]
    assert [o["code"] for o in document["organisations"]] == ["ZZ1", "ZZ2", "ZZ3"]


def test_json_keeps_every_field_and_adds_the_computed_ones(ctx):
    document = json.loads(exports.catalogue_json(ctx))
    entry = next(p for p in document["patterns"] if p["id"] == "landing-zone")
    source = ctx.by_id["landing-zone"].pattern.data
    for key in set(source) - {"maturity"}:
        assert entry[key] == source[key], key
    assert entry["url"] == "patterns/landing-zone/"
    assert entry["reuse"] == {"count": 1, "in_use": ["ZZ2"], "piloting": ["ZZ3"], "exploring": ["ZZ2"], "retired": []}
    maturity = entry["maturity"]
    assert maturity["declared"] == "reused" and maturity["level"] == "established"
    assert maturity["next_level"] == "reused"
    assert [c["criterion"] for c in maturity["next_needs"]] == ["reuse"]
    assert "shortfall" in maturity["next_needs"][0]
    assert {c["criterion"] for c in maturity["met"]} == {"outcomes", "evidence", "adopters", "reuse"}


def test_json_carries_the_organisations_and_the_maturity_model(ctx):
    document = json.loads(exports.catalogue_json(ctx))
    assert document["organisations"][0] == {"code": "ZZ1", "name": "Fictional Northshire Hospitals NHS Trust",
                                            "type": "trust", "region": "north-west",
                                            "url": "https://northshire.example.org/", "page": "organisations/ZZ1/"}
    levels = document["maturity_model"]["levels"]
    assert [lv["id"] for lv in levels] == [lv.id for lv in ctx.model.levels]
    assert levels[-1]["criteria"] == {"outcomes": 2, "evidence": 4, "reuse": 5, "reviewed_within_days": 365}
    model = document["maturity_model"]
    assert model["reviews_that_count"] == ["adopter", "originator"]
    assert [(rung["level"], rung["name"]) for rung in model["evidence_ladder"]][:2] == [
        (1, "A clear account of why it should work"), (2, "Data showing change")]
    assert model["evidence_ladder"][3]["id"] == "independent-evaluation"


def test_json_round_trips_hostile_text_and_is_safe_to_inline(ctx):
    text = exports.catalogue_json(ctx)
    assert "<" not in text and ">" not in text and "&" not in text  # \u003c etc.
    document = json.loads(text)
    assert next(p for p in document["patterns"] if p["id"] == "hostile")["title"] == HOSTILE
    assert document["organisations"][2]["name"] == f"Fictional {HOSTILE} Integrated Care Board"


def whole_document_json(ctx) -> str:
    """catalogue.json as json.dumps writes the whole document in one go (before it was put
    together from each pattern's part)."""
    document = {"schema_version": exports.SCHEMA_VERSION, "generated_on": ctx.today.isoformat(),
                "patterns": [exports._pattern_json(ctx, v) for v in sorted(ctx.patterns, key=lambda v: v.id)],
                "organisations": [exports._organisation_json(ctx, o)
                                  for o in sorted(ctx.organisations, key=lambda o: o.organisation.code)],
                "maturity_model": exports._model_json(ctx.model)}
    return exports.script_safe(json.dumps(document, sort_keys=True, indent=2, ensure_ascii=False)) + "\n"


@pytest.mark.parametrize("catalogue", [small_catalogue, lambda: Catalogue({}, dict(ORGS))], ids=["small", "empty"])
def test_json_from_parts_is_the_whole_document_byte_for_byte(catalogue):
    ctx = build_context(catalogue(), today=TODAY)
    assert exports.catalogue_json(ctx) == whole_document_json(ctx)


def preview_twice(monkeypatch, export, writer: str, title: str):
    """The export under kept parts (as `catalogue serve` renders) for a first build, then for a
    second whose context lends the views of unchanged patterns, one pattern retitled: (the first
    text, the second, the ids whose part was written again, the kept parts)."""
    from generator.render.parts import kept_parts

    parts: dict = {}
    first = build_context(small_catalogue(), today=TODAY)
    with kept_parts(parts):
        before = export(first)
    changed = small_catalogue()
    changed.patterns["hostile"] = make_pattern("hostile", title=title, originator="ZZ3")
    second = build_context(changed, today=TODAY, previous=first)
    written = []
    real = getattr(exports, writer)
    monkeypatch.setattr(exports, writer, lambda ctx, view: written.append(view.id) or real(ctx, view))
    with kept_parts(parts):
        after = export(second)
    monkeypatch.setattr(exports, writer, real)
    return (first, before), (second, after), written, parts


def test_a_preview_writes_again_only_the_changed_patterns_parts(monkeypatch):
    """The file is still the whole document's, byte for byte."""
    (first, before), (second, after), written, parts = preview_twice(
        monkeypatch, exports.catalogue_json, "_pattern_json", "Fictional retitled pattern")
    assert before == whole_document_json(first)
    assert written == ["hostile"]
    assert after == whole_document_json(second)
    assert len(parts["json"][1]) == len(second.patterns)


# ---------------------------------------------------------------- CSV

def read_csv(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_has_the_columns_and_one_row_per_pattern(ctx):
    text = exports.catalogue_csv(ctx)
    assert text.splitlines()[0] == ",".join(exports.CSV_COLUMNS)
    assert "\r" not in text and text.endswith("\n")
    rows = read_csv(text)
    assert [r["id"] for r in rows] == ["hostile", "landing-zone", "minus", "plus"]
    zone = rows[1]
    assert zone["themes"] == "reusability;scalability" and zone["tags"] == "cloud;fictional"
    assert zone["originator_name"] == "Fictional Northshire Hospitals NHS Trust"
    assert (zone["maturity"], zone["reuse_count"], zone["piloting_count"]) == ("established", "1", "1")
    assert (zone["created"], zone["last_reviewed"], zone["url"]) == ("2025-06-01", "2026-04-20", "patterns/landing-zone/")
    assert (zone["written_by"], zone["reviewed_by"], zone["based_on"]) == (
        "originator", "originator", "https://northshire.example.org/account")


def test_csv_guards_against_formula_injection(ctx):
    rows = {r["id"]: r for r in read_csv(exports.catalogue_csv(ctx))}
    assert rows["hostile"]["summary"].startswith("'=HYPERLINK(")
    assert rows["minus"]["title"] == "'-Fictional title starting with a minus"
    assert rows["plus"]["title"] == "'+Fictional title starting with a plus"
    assert rows["minus"]["originator_name"] == "'@Fictional Southmere Community Health NHS Trust"
    assert rows["hostile"]["title"] == HOSTILE  # data, not HTML: kept exactly
    for risky in ("=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"):
        assert exports._safe_cell(risky) == "'" + risky
    assert exports._safe_cell("Fictional") == "Fictional" and exports._safe_cell(3) == 3


def test_a_preview_writes_again_only_the_changed_patterns_csv_rows(monkeypatch):
    (first, before), (second, after), written, _ = preview_twice(
        monkeypatch, exports.catalogue_csv, "_csv_row", "=Fictional retitled pattern")
    assert before == exports.catalogue_csv(build_context(small_catalogue(), today=TODAY))
    assert written == ["hostile"]
    assert after == exports.catalogue_csv(second)
    assert next(r for r in read_csv(after) if r["id"] == "hostile")["title"] == "'=Fictional retitled pattern"


def test_csv_is_deterministic(ctx):
    assert exports.catalogue_csv(ctx) == exports.catalogue_csv(build_context(small_catalogue(), today=TODAY))


# ---------------------------------------------------------------- Atom

def entries_of(feed: str) -> list[ET.Element]:
    return ET.fromstring(feed).findall(f"{ATOM}entry")


def test_feed_parses_and_is_newest_first(ctx):
    feed = exports.atom_feed(ctx, None)
    root = ET.fromstring(feed)
    assert root.tag == f"{ATOM}feed"
    entries = entries_of(feed)
    stamps = [e.find(f"{ATOM}updated").text for e in entries]
    assert stamps == sorted(stamps, reverse=True)
    assert root.find(f"{ATOM}updated").text == stamps[0] == "2026-05-05T00:00:00Z"  # newest entry, not build time
    titles = [e.find(f"{ATOM}title").text for e in entries]
    assert titles == [
        f"New pattern: {HOSTILE}",
        f"Fictional {HOSTILE} Integrated Care Board is piloting Fictional shared landing zone",
        "New pattern: -Fictional title starting with a minus",
        "@Fictional Southmere Community Health NHS Trust is using Fictional shared landing zone",
        "New pattern: Fictional shared landing zone",
    ]  # no future-dated entries, no exploring, no originator's own adoption


def test_feed_escapes_hostile_text(ctx):
    feed = exports.atom_feed(ctx, None)
    assert "<script" not in feed and "<img" not in feed
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in feed
    summaries = [e.find(f"{ATOM}summary").text for e in entries_of(feed)]
    assert any(s.endswith(f"Note {HOSTILE}") for s in summaries)


def test_feed_without_site_url_uses_relative_links_and_tag_ids(ctx):
    root = ET.fromstring(exports.atom_feed(ctx, None))
    assert root.find(f"{ATOM}id").text.startswith("tag:")
    for entry in root.findall(f"{ATOM}entry"):
        assert entry.find(f"{ATOM}id").text.startswith(f"tag:{exports.TAG_AUTHORITY},{exports.TAG_DATE}:")
        assert entry.find(f"{ATOM}link").get("href").startswith("patterns/")
    ids = [e.find(f"{ATOM}id").text for e in root.findall(f"{ATOM}entry")]
    assert len(ids) == len(set(ids))


def test_feed_with_site_url_uses_absolute_links_and_the_same_ids(ctx):
    relative = ET.fromstring(exports.atom_feed(ctx, None))
    absolute = ET.fromstring(exports.atom_feed(ctx, "https://catalogue.example.org/sub"))
    links = [e.find(f"{ATOM}link").get("href") for e in absolute.findall(f"{ATOM}entry")]
    assert "https://catalogue.example.org/sub/patterns/landing-zone/" in links
    assert all(link.startswith("https://catalogue.example.org/sub/patterns/") for link in links)
    self_link = absolute.find(f"{ATOM}link[@rel='self']").get("href")
    assert self_link == "https://catalogue.example.org/sub/feed.xml"
    ids = lambda root: [e.find(f"{ATOM}id").text for e in root.findall(f"{ATOM}entry")]  # noqa: E731
    assert ids(relative) == ids(absolute)  # ids do not move with the site


def test_a_preview_works_out_again_only_the_changed_patterns_events(monkeypatch):
    def feed(ctx):
        return exports.atom_feed(ctx, "https://example.org/catalogue/")
    (first, before), (second, after), written, _ = preview_twice(
        monkeypatch, feed, "_pattern_entries", "Fictional retitled pattern")
    assert before == feed(build_context(small_catalogue(), today=TODAY))
    assert written == ["hostile"]
    assert after == feed(second) and "Fictional retitled pattern" in after


def test_feed_is_deterministic(ctx):
    again = build_context(small_catalogue(), today=TODAY)
    assert exports.atom_feed(ctx, None) == exports.atom_feed(again, None)


def test_feed_keeps_at_most_fifty_entries_and_survives_control_characters():
    patterns = [make_pattern(f"p-{i:02d}", title=f"Fictional pattern {i:02d}\x0b with a control character",
                             created=(dt.date(2025, 1, 1) + dt.timedelta(days=7 * i)).isoformat())
                for i in range(60)]
    ctx = build_context(Catalogue({p.id: p for p in patterns}, dict(ORGS)), today=TODAY)
    entries = entries_of(exports.atom_feed(ctx, None))
    assert len(entries) == exports.FEED_LIMIT
    assert entries[0].find(f"{ATOM}id").text.endswith("pattern/p-59")
    assert entries[-1].find(f"{ATOM}id").text.endswith("pattern/p-10")


def test_feed_of_an_empty_catalogue_is_dated_today():
    ctx = build_context(Catalogue({}, dict(ORGS)), today=TODAY)
    root = ET.fromstring(exports.atom_feed(ctx, None))
    assert root.find(f"{ATOM}updated").text == "2026-11-26T00:00:00Z" and not root.findall(f"{ATOM}entry")
