"""The synthetic catalogue generator: deterministic, valid, plainly fictional, and safe to re-run."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
import yaml

from generator.siteconfig import read_mkdocs_yml
from generator.errors import CatalogueError
from generator.validate.loader import load_yaml
from generator.model.maturity import maturity_model
from generator.model.catalogue import Pattern
from generator.problems import Result
from generator.model.similarity import similarity_warnings
from generator.model.vocabulary import enum_values
from generator.errors import SynthError
from generator.synth import synth_catalogue, synth_data
from generator.validate.catalogue import validate_catalogue

REPO = Path(__file__).resolve().parents[2]

TODAY = dt.date(2026, 11, 26)
N_PATTERNS, N_ORGS = 30, 12
# The menu lists the fixed pages; the plugin adds the categories that hold a pattern (on_nav).
FIXED_PAGES = ["index.md", "patterns/index.md", "organisations/index.md", "maturity.md", "reuse.md",
               "stats.md", "data.md", "tags/index.md"]


def tree(root: Path) -> dict[str, bytes]:
    """Every file under root, as relative path -> bytes."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def load(path: Path) -> dict:
    result = Result()
    loaded = load_yaml(path, path.name, result)
    assert loaded is not None and not result.problems, result.problems
    return loaded.data


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("synth") / "catalogue"
    synth_catalogue(root, N_PATTERNS, N_ORGS, seed=7, today=TODAY)
    return root


@pytest.fixture(scope="module")
def entries(out) -> list[dict]:
    return [load(p) for p in sorted((out / "patterns").glob("*.yaml"))]


@pytest.fixture(scope="module")
def registry(out) -> dict[str, dict]:
    return load(out / "organisations.yaml")["organisations"]


def test_dates_are_relative_to_the_day_it_runs_by_default(tmp_path, monkeypatch):
    """Without a date the catalogue is written for today (SOURCE_DATE_EPOCH here), so it is valid on
    the day it is written, whichever day that is."""
    later = dt.date(2031, 2, 3)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2031, 2, 3, 12, tzinfo=dt.timezone.utc).timestamp())))
    synth_catalogue(tmp_path / "later", 40, 8, seed=4)
    assert validate_catalogue(tmp_path / "later", today=later).result.problems == []
    assert "as of 2031-02-03" in (tmp_path / "later" / "docs" / "about-this-catalogue.md").read_text(encoding="utf-8")


def test_same_arguments_write_byte_identical_files(out, tmp_path):
    again = tmp_path / "again"
    synth_catalogue(again, N_PATTERNS, N_ORGS, seed=7, today=TODAY)
    assert tree(again) == tree(out)


def test_another_seed_writes_another_catalogue(out, tmp_path):
    other = tmp_path / "other"
    synth_catalogue(other, N_PATTERNS, N_ORGS, seed=8, today=TODAY)
    assert tree(other)["organisations.yaml"] != tree(out)["organisations.yaml"]
    assert sorted(tree(other)) != sorted(tree(out))


def test_the_folder_is_a_complete_catalogue(out, entries, registry):
    assert len(list((out / "patterns").iterdir())) == N_PATTERNS
    assert len(entries) == N_PATTERNS and len(registry) == N_ORGS
    assert [p.name for p in (out / "docs").iterdir()] == ["about-this-catalogue.md"]
    for name in ("pattern.schema.json", "organisations.schema.json"):
        assert (out / "schema" / name).is_file()  # the files' yaml-language-server modelines resolve


def test_the_catalogue_validates_without_errors(out):
    validation = validate_catalogue(out, today=TODAY)
    assert validation.result.errors == []
    rules = {p.rule for p in validation.result.warnings}
    assert not rules & {"review-overdue", "similar-pattern", "adoption-originator", "placeholder-text"}
    assert len(validation.catalogue.patterns) == N_PATTERNS


def test_files_read_back_as_the_data_generated(out, entries, registry):
    """The small YAML emitter round-trips: the loader (which refuses anchors, aliases, tags and
    duplicate keys) reads exactly what synth_data built."""
    orgs, patterns = synth_data(N_PATTERNS, N_ORGS, seed=7, today=TODAY)
    assert registry == orgs
    assert sorted(entries, key=lambda d: d["id"]) == sorted(patterns, key=lambda d: d["id"])
    for path in (out / "patterns").glob("*.yaml"):
        assert path.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=")


def test_every_pattern_is_labelled_fictional(entries):
    for data in entries:
        assert data["summary"].startswith("Fictional: "), data["id"]
        assert "fictional" in data["context"].lower(), data["id"]
        assert "catalogue synth" in data["context"], data["id"]


def test_organisations_are_fictional_with_zz_codes(registry):
    for code, org in registry.items():
        assert code.startswith("ZZ") and re.fullmatch(r"[A-Z0-9]{3,6}", code), code
        assert org["name"].startswith("Fictional "), org["name"]
        assert "example.org" in org.get("url", "https://example.org/")
    assert len({org["name"] for org in registry.values()}) == len(registry)


def test_declared_maturity_never_exceeds_the_evidence(entries):
    model = maturity_model()
    for data in entries:
        computed = model.assess(Pattern.from_data(data), TODAY).level
        assert model.level(data["maturity"]).rank <= computed.rank, data["id"]


def test_entries_have_realistic_shape(entries, registry):
    ids = {d["id"] for d in entries}
    assert len({d["title"] for d in entries}) == len(entries)
    for d in entries:
        created = dt.date.fromisoformat(d["created"])
        reviewed = dt.date.fromisoformat(d.get("last_reviewed", d["created"]))
        assert TODAY - dt.timedelta(days=730) <= created <= reviewed <= TODAY
        assert (TODAY - reviewed).days < 365
        assert ("last_reviewed" in d) == (d["reviewed_by"] != "none")
        assert d["written_by"] in ("originator", "adopter", "editors")
        for source in d["sources"]:
            assert source["url"].startswith("https://example.org/") and source["title"].startswith("Fictional ")
            assert source["date"] == "undated" or dt.date.fromisoformat(source["date"]) <= TODAY
        for o in d["outcomes"]:
            assert o["evidence"] in enum_values("evidence")
        for field in ("problem", "context", "solution"):
            assert 55 <= len(d[field].split()) <= 155, (d["id"], field)
        assert 3 <= len(d["tags"]) <= 6
        assert len(d["outcomes"]) <= 3 and len(d["related"]) <= 4
        adopters = [a["organisation"] for a in d["adoptions"]]
        assert len(adopters) <= 12 and len(set(adopters)) == len(adopters)
        assert d["originator"] not in adopters and d["originator"] in registry
        for a in d["adoptions"]:
            assert created <= dt.date.fromisoformat(a["since"]) <= TODAY
            if a["status"] in ("piloting", "in-use"):
                assert a["evidence"].startswith("https://example.org/")
        for r in d["related"]:
            assert r["pattern"] in ids and r["pattern"] != d["id"]
        assert d["contact"]["url"].startswith("https://example.org/")
        if d["lifecycle"] == "superseded":
            assert d["superseded_by"] in ids and d["superseded_by"] != d["id"]
        else:
            assert "superseded_by" not in d


def test_a_larger_catalogue_mixes_statuses_lifecycles_and_levels():
    _, patterns = synth_data(400, 40, seed=3, today=TODAY)
    statuses = {a["status"] for d in patterns for a in d["adoptions"]}
    assert statuses == {"exploring", "piloting", "in-use", "retired"}
    assert {d["lifecycle"] for d in patterns} == {"active", "deprecated", "superseded"}
    assert {d["maturity"] for d in patterns} == {level.id for level in maturity_model().levels}
    assert any("\n- " in d["solution"] for d in patterns)  # the odd bullet list
    assert {d["reviewed_by"] for d in patterns} == {"originator", "adopter", "editors", "none"}
    assert {o["evidence"] for d in patterns for o in d["outcomes"]} == set(enum_values("evidence"))
    assert all(any(d.get(key) for d in patterns) for key in ("editors_reading", "prerequisites", "first_steps"))
    assert any(s["date"] == "undated" for d in patterns for s in d["sources"])
    assert sum(d["lifecycle"] == "active" for d in patterns) > 0.8 * len(patterns)


def test_titles_and_summaries_are_not_flagged_as_similar():
    _, patterns = synth_data(400, 40, seed=3, today=TODAY)
    assert similarity_warnings([(d["id"], d["title"], d["summary"]) for d in patterns]) == []


def test_mkdocs_config_matches_the_published_site(out):
    config = yaml.safe_load((out / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["docs_dir"] == "docs" and config["strict"] is True
    assert config["theme"]["name"] == "material" and config["theme"]["font"] is False
    assert config["theme"]["palette"] == {"primary": "custom", "accent": "custom"}
    assert config["plugins"] == [{"catalogue": {"root": "."}}]
    published = read_mkdocs_yml(REPO / "mkdocs.yml")  # as the tools read it: !ENV resolved
    assert [p if isinstance(p, str) else next(iter(p)) for p in published["plugins"]] == ["catalogue"]
    assert config["theme"]["features"] == published["theme"]["features"]

    def pages(nav):
        for item in nav:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            yield from pages(value) if isinstance(value, list) else [value]
    listed = list(pages(config["nav"]))
    assert sorted(listed) == sorted(FIXED_PAGES + ["about-this-catalogue.md"])
    assert not any(p.startswith("guide/") for p in listed)
    about = (out / "docs" / "about-this-catalogue.md").read_text(encoding="utf-8")
    assert "FICTIONAL" in about and "catalogue synth" in about and "No organisation or pattern" in about


def test_a_rerun_replaces_an_earlier_synthetic_catalogue(tmp_path):
    root = tmp_path / "cat"
    synth_catalogue(root, 20, 6, seed=1, today=TODAY)
    synth_catalogue(root, 5, 6, seed=2, today=TODAY)
    assert len(list((root / "patterns").iterdir())) == 5  # no stale entries left behind
    fresh = tmp_path / "fresh"
    synth_catalogue(fresh, 5, 6, seed=2, today=TODAY)
    assert tree(root) == tree(fresh)


def test_a_folder_holding_a_real_catalogue_is_refused_untouched(tmp_path, valid_root):
    root = tmp_path / "real"
    shutil.copytree(valid_root, root)
    before = tree(root)
    with pytest.raises(SynthError, match="did not write"):
        synth_catalogue(root, 5, 3, today=TODAY)
    assert tree(root) == before


@pytest.mark.parametrize("patterns, organisations", [(0, 5), (5, 0)])
def test_counts_must_be_positive(tmp_path, patterns, organisations):
    with pytest.raises(CatalogueError):
        synth_catalogue(tmp_path / "x", patterns, organisations, today=TODAY)
    assert not (tmp_path / "x").exists()


def test_one_organisation_is_enough(tmp_path):
    synth_catalogue(tmp_path / "one", 3, 1, today=TODAY)
    assert validate_catalogue(tmp_path / "one", today=TODAY).result.errors == []


def test_adoptions_sets_the_number_of_adoptions_and_tells_some_histories(tmp_path):
    out = tmp_path / "scaled"
    synth_catalogue(out, 40, 60, seed=3, today=TODAY, adoptions=400)
    validation = validate_catalogue(out, today=TODAY)
    assert validation.result.success, validation.result.errors[:5]
    adoptions = [a for p in validation.catalogue.patterns.values() for a in p.adoptions]
    assert len(adoptions) == 400
    assert any(len(a.history) > 1 for a in adoptions)
    assert any(a.status == "retired" and a.reason for a in adoptions if len(a.history) > 1)
    fewer = tmp_path / "fewer"
    synth_catalogue(fewer, 40, 60, seed=3, today=TODAY, adoptions=10)
    assert sum(len(p.adoptions) for p in validate_catalogue(fewer, today=TODAY).catalogue.patterns.values()) == 10


def test_adoptions_that_cannot_fit_are_refused(tmp_path):
    with pytest.raises(SynthError, match="do not fit"):
        synth_catalogue(tmp_path / "tight", 2, 3, today=TODAY, adoptions=100)
