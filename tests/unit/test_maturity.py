"""Maturity: the ladder in schema/maturity.yaml evaluated on a pattern's dated evidence."""

import datetime as dt
import json
import random
from pathlib import Path

import pytest
import yaml

from generator.model.maturity import MaturityModel, maturity_model
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


def test_a_level_earned_while_reviewed_lapses_the_day_after_the_review_period(make_pattern):
    pattern = make_pattern(maturity="reused", **least_evidence("reused"))  # reviewed on 2026-01-05
    model = maturity_model()
    assert model.lapse(pattern, D("2027-01-05")) is None  # the review still counts
    lapse = model.lapse(pattern, D("2027-01-06"))
    assert (lapse.declared.id, lapse.supported.id) == ("reused", "established")
    assert (lapse.reviewed, lapse.period_days, lapse.lapsed_on) == (D("2026-01-05"), 365, D("2027-01-06"))
    assert model.lapse(pattern, D("2031-01-01")).lapsed_on == D("2027-01-06")  # the same day, years on


def test_a_level_never_supported_while_reviewed_has_not_lapsed(make_pattern):
    """The third organisation came after the review had lapsed: the declared level was never
    earned, so this is not the calendar's doing (maturity-evidence, an error everywhere)."""
    evidence = least_evidence("reused")
    evidence["adoptions"][-1] = (evidence["adoptions"][-1][0], "in-use", "2027-03-01")
    pattern = make_pattern(maturity="reused", **evidence)
    assert maturity_model().assess(pattern, D("2027-06-01")).level.id == "established"
    assert maturity_model().lapse(pattern, D("2027-06-01")) is None


def test_a_level_short_of_more_than_a_review_has_not_lapsed(make_pattern):
    pattern = make_pattern(maturity="proven", **least_evidence("proven", short="reuse"))
    assert maturity_model().lapse(pattern, D("2027-06-01")) is None


def random_pattern(rng, make_pattern, day):
    """A FICTIONAL pattern with random dated evidence up to `day`, declaring what it had earned then."""
    def date_before(end, span=900):
        return (end - dt.timedelta(days=rng.randint(0, span))).isoformat()
    created = D(date_before(day))
    reviewed = D(date_before(day, (day - created).days))
    statuses = ["exploring", "piloting", "in-use", "in-use", "retired"]
    adoptions = [(code, rng.choice(statuses), date_before(day, (day - created).days))
                 for code in rng.sample(CODES, rng.randint(0, len(CODES)))]
    outcomes = [date_before(day, (day - created).days) for _ in range(rng.randint(0, 3))]
    fields = {"created": created.isoformat(), "last_reviewed": reviewed.isoformat()}
    earned = maturity_model().assess(make_pattern(adoptions, outcomes, **fields), day).level
    declared = rng.choice(maturity_model().levels[: earned.rank + 1]).id
    return make_pattern(adoptions, outcomes, maturity=declared, **fields)


def test_a_declared_level_supported_on_one_day_is_supported_or_lapsed_on_every_later_day(make_pattern):
    """The calendar alone never turns a valid entry into an invalid one: 3,000 random patterns,
    each valid on its day, checked on days up to four years later."""
    rng = random.Random(20261126)
    model = maturity_model()
    for _ in range(3000):
        day = D("2026-06-30") - dt.timedelta(days=rng.randint(0, 2000))
        pattern = random_pattern(rng, make_pattern, day)
        for later in sorted(rng.sample(range(1, 1500), 6)):
            on = day + dt.timedelta(days=later)
            declared = model.level(pattern.declared_maturity)
            assessment = model.assess(pattern, on)
            assert declared.rank <= assessment.level.rank or model.lapse(pattern, on, assessment), (pattern, on)


def test_maturity_on_past_dates_follows_an_adoption_history(make_pattern):
    """An adopter that used the pattern and then stopped supported its level while it was in use."""
    pattern = make_pattern(outcomes=["2026-01-15"])
    data = dict(pattern.data)
    data["adoptions"] = [{"organisation": "ZZ2", "history": [
        {"status": "in-use", "date": "2026-02-01", "evidence": "https://example.org/e"},
        {"status": "retired", "date": "2026-05-01", "reason": "Fictional: it did not fit our wards."}]}]
    pattern = type(pattern).from_data(data)
    model = maturity_model()
    assert model.assess(pattern, D("2026-01-31")).level.id == "emerging"
    assert model.assess(pattern, D("2026-03-01")).level.id == "established"
    assert model.assess(pattern, D("2026-05-01")).level.id == "emerging"
    # The timeline shows the rise and the fall, on the days of the changes.
    assert [(day, level.id) for day, level in model.timeline(pattern, D("2026-06-30"))] == [
        (D("2026-01-05"), "emerging"), (D("2026-02-01"), "established"), (D("2026-05-01"), "emerging")]
