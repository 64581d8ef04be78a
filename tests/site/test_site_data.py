"""The data files published with the demo site (FICTIONAL): catalogue.json against its schema,
catalogue.csv with a row per pattern, and feed.xml as an Atom feed of new patterns and adoptions.
Expected values come from the fixture YAML."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import jsonschema
import pytest

import sitehtml
from sitehtml import REPO, TODAY

ATOM = "{http://www.w3.org/2005/Atom}"
SITE_URL = "https://example.org/catalogue/"


def in_use_others(entry, statuses=("in-use",)) -> set[str]:
    return {a["organisation"] for a in entry.get("adoptions") or []
            if a["status"] in statuses and a["organisation"] != entry["originator"] and a["since"] <= TODAY}


@pytest.fixture(scope="module")
def catalogue_json(demo_site) -> dict:
    return json.loads((demo_site.root / "catalogue.json").read_text(encoding="utf-8"))


def test_catalogue_json_validates_against_its_schema(demo_site, catalogue_json):
    schema = json.loads((REPO / "schema" / "catalogue.schema.json").read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(catalogue_json), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)
    assert catalogue_json["schema_version"] == schema["properties"]["schema_version"]["const"]
    # the site publishes the same schema next to the data
    published = json.loads((demo_site.root / "schema" / "catalogue.schema.json").read_text(encoding="utf-8"))
    assert published == schema


def test_catalogue_json_content(catalogue_json, demo_entries, demo_orgs):
    assert catalogue_json["generated_on"] == TODAY.isoformat()
    patterns = {p["id"]: p for p in catalogue_json["patterns"]}
    assert list(patterns) == sorted(demo_entries)
    for pid, entry in demo_entries.items():
        exported = patterns[pid]
        assert exported["reuse"]["count"] == len(in_use_others(entry))
        assert exported["maturity"]["level"] == entry["maturity"]
        assert exported["maturity"]["declared"] == entry["maturity"]
        assert exported["url"] == f"patterns/{pid}/"
    assert [o["code"] for o in catalogue_json["organisations"]] == sorted(demo_orgs)
    for org in catalogue_json["organisations"]:
        assert org["name"] == demo_orgs[org["code"]]["name"]
        assert org["page"] == f"organisations/{org['code']}/"


def test_catalogue_csv_has_one_row_per_pattern(demo_site, demo_entries):
    text = (demo_site.root / "catalogue.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == len(demo_entries)
    assert [r["id"] for r in rows] == sorted(demo_entries)
    for row in rows:
        entry = demo_entries[row["id"]]
        assert row["title"] == entry["title"]
        assert row["maturity"] == entry["maturity"]
        assert row["reuse_count"] == str(len(in_use_others(entry)))
        assert sitehtml.page_path(demo_site.root, row["url"]).is_file()


def test_feed_is_atom_listing_new_patterns_and_adoptions(demo_site, demo_entries, demo_orgs):
    root = ET.parse(demo_site.root / "feed.xml").getroot()
    assert root.tag == ATOM + "feed"
    for required in ("id", "title", "updated"):
        assert root.find(ATOM + required) is not None
    entries = root.findall(ATOM + "entry")
    ids = [e.findtext(ATOM + "id") for e in entries]
    assert len(ids) == len(set(ids))
    for e in entries:
        for required in ("id", "title", "updated", "published", "summary"):
            assert e.find(ATOM + required) is not None and e.findtext(ATOM + required)
        assert e.find(ATOM + "link").get("href").startswith(SITE_URL)
        assert e.find(ATOM + "author").findtext(ATOM + "name")
    titles = {e.findtext(ATOM + "title"): e for e in entries}
    expected_adoptions = 0
    for pid, entry in demo_entries.items():
        new = titles[f"New pattern: {entry['title']}"]
        assert new.find(ATOM + "link").get("href") == f"{SITE_URL}patterns/{pid}/"
        assert new.findtext(ATOM + "published") == f"{entry['created'].isoformat()}T00:00:00Z"
        for adoption in entry.get("adoptions") or []:
            if adoption["organisation"] == entry["originator"]:
                continue
            # Each change to piloting or in use, up to today, is announced once.
            changes = adoption.get("history") or [{"status": adoption["status"], "date": adoption["since"]}]
            for change in changes:
                if change["status"] in ("in-use", "piloting") and change["date"] <= TODAY:
                    expected_adoptions += 1
                    name = demo_orgs[adoption["organisation"]]["shown"]
                    assert any(t.startswith(name) and t.endswith(entry["title"]) for t in titles), pid
    kinds = [e.find(ATOM + "category").get("term") for e in entries]
    assert kinds.count("pattern") == len(demo_entries)
    # 11 adoptions in force today, and two earlier changes of an adoption since retired.
    assert kinds.count("adoption") == expected_adoptions == 13
    assert "Fictional Hillcrest Hospital NHS Trust began using Shared outpatient booking service" in titles
    published = [e.findtext(ATOM + "published") for e in entries]
    assert published == sorted(published, reverse=True)  # newest first
    assert root.findtext(ATOM + "updated") == published[0]
    assert published[0] <= f"{TODAY.isoformat()}T00:00:00Z"
