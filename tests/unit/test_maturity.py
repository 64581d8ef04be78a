"""Maturity: the ladder in schema/maturity.yaml evaluated on a pattern's dated evidence."""

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml

from generator.maturity import MaturityModel, maturity_model
from generator.resources import load_maturity_config

SCHEMA = Path(__file__).resolve().parents[2] / "schema"
D = dt.date.fromisoformat
CODES = [f"ZZ{n}" for n in range(2, 10)]
LEVEL_IDS = [level.id for level in maturity_model().levels]


def least_evidence(level_id: str, short: str = "") -> dict:
    """make_pattern arguments with the least evidence that meets every level up to `level_id`,
    read from maturity.yaml; `short` names one criterion to fall one short of."""
    need: dict[str, int] = {}
    for level in maturity_model().levels[: LEVEL_IDS.index(level_id) + 1]:
        for name, n in level.criteria:
            need[name] = max(need.get(name, 0), n)
    if short:
        need[short] -= 1
    in_use = need.get("reuse", 0)
    piloting = max(need.get("adopters", 0) - in_use, 0)
    adoptions = [(code, "in-use", "2026-02-01") for code in CODES[:in_use]]
    adoptions += [(code, "piloting", "2026-02-01") for code in CODES[in_use:in_use + piloting]]
    return {"adoptions": adoptions, "outcomes": ["2026-03-01"] * need.get("outcomes", 0)}


def test_the_schema_maturity_enum_lists_the_levels_of_maturity_yaml_in_order():
    levels = yaml.safe_load((SCHEMA / "maturity.yaml").read_text(encoding="utf-8"))["levels"]
    enum = json.loads((SCHEMA / "pattern.schema.json").read_text(encoding="utf-8"))["properties"]["maturity"]["enum"]
    assert enum == [level["id"] for level in levels]


@pytest.mark.parametrize("level_id", LEVEL_IDS)
def test_the_least_evidence_for_each_level_reaches_it_and_one_less_does_not(make_pattern, today, level_id):
    model = maturity_model()
    assert model.assess(make_pattern(**least_evidence(level_id)), today).level.id == level_id
    for name, _ in model.level(level_id).criteria:
        if name != "reviewed_within_days":
            below = model.assess(make_pattern(**least_evidence(level_id, short=name)), today).level
            assert below.rank < model.level(level_id).rank, name


# The tests below describe the shipped ladder: emerging, piloted, established, reused, proven.

def test_proven_needs_five_reusers_and_names_them_when_short(make_pattern, today):
    assessment = maturity_model().assess(make_pattern(outcomes=["2026-02-01", "2026-03-01"],
                                                      adoptions=least_evidence("proven")["adoptions"][:4]), today)
    assert assessment.level.id == "reused"
    assert [c.shortfall for c in assessment.missing_for("proven")] == [
        "needs 5 organisations reusing it in use; 4 found: ZZ2, ZZ3, ZZ4, ZZ5"]


def test_levels_are_cumulative_so_reuse_without_an_outcome_stops_at_piloted(make_pattern, today):
    assessment = maturity_model().assess(make_pattern(adoptions=least_evidence("proven")["adoptions"]), today)
    assert (assessment.level.id, assessment.next_level.id) == ("piloted", "established")


def test_reused_lapses_when_the_last_review_is_over_365_days_old(make_pattern):
    pattern = make_pattern(**least_evidence("reused"))  # reviewed on 2026-01-05
    assert maturity_model().assess(pattern, D("2027-01-05")).level.id == "reused"
    assert maturity_model().assess(pattern, D("2027-01-06")).level.id == "established"


def test_maturity_on_a_past_date_ignores_evidence_dated_after_it(make_pattern):
    pattern = make_pattern(outcomes=["2026-02-01"], adoptions=[
        ("ZZ2", "in-use", "2026-03-01"), ("ZZ3", "in-use", "2026-05-01"), ("ZZ4", "in-use", "2026-05-01")])
    model = maturity_model()
    assert [model.assess(pattern, D(day)).level.id for day in ("2026-02-15", "2026-04-01", "2026-05-01")] == [
        "emerging", "established", "reused"]


def test_the_timeline_lists_each_date_the_level_changes(make_pattern):
    pattern = make_pattern(created="2024-01-01", last_reviewed="2024-01-01", outcomes=["2024-02-01"], adoptions=[
        ("ZZ2", "piloting", "2024-03-01"), ("ZZ3", "in-use", "2024-04-01"), ("ZZ4", "in-use", "2024-05-01"),
        ("ZZ5", "in-use", "2024-06-01")])
    timeline = maturity_model().timeline(pattern, until=D("2025-06-01"))
    assert [(day.isoformat(), level.id) for day, level in timeline] == [
        ("2024-01-01", "emerging"), ("2024-03-01", "piloted"), ("2024-04-01", "established"),
        ("2024-06-01", "reused"), ("2025-01-01", "established")]  # 2025-01-01: 366 days after the review


def test_an_assessment_is_explained_by_the_model_that_made_it(make_pattern, today):
    config = {**load_maturity_config(), "levels": [
        {"id": "listed", "name": "Listed", "summary": "In the catalogue.", "criteria": {}},
        {"id": "shared", "name": "Shared", "summary": "Used elsewhere.", "criteria": {"reuse": 1}}]}
    assessment = MaturityModel(config).assess(make_pattern(), today)
    assert [c.shortfall for c in assessment.missing_for("shared")] == [
        "needs 1 organisations reusing it in use; 0 found"]
