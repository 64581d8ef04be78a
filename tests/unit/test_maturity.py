"""Maturity: the ladder in schema/maturity.yaml evaluated on a pattern's dated evidence."""

import datetime as dt
import json
import random
from pathlib import Path

import pytest
import yaml

from generator.errors import ConfigError
from generator.model.maturity import Count, MaturityModel, maturity_model
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
    # The strongest outcome carries the evidence level needed (one level lower when it falls short).
    count = need.get("outcomes", 0) if short == "outcomes" else max(need.get("outcomes", 0), "evidence" in need)
    outcomes = [("2026-03-01", 1)] * count
    if "evidence" in need and count:
        outcomes[0] = ("2026-03-01", max(need["evidence"], 1))
    return {"adoptions": adoptions, "outcomes": outcomes}


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
    assessment = maturity_model().assess(make_pattern(outcomes=[("2026-02-01", 2), ("2026-03-01", 4)],
                                                      adoptions=least_evidence("proven")["adoptions"][:4]), today)
    assert assessment.level.id == "reused"
    assert [c.shortfall for c in assessment.missing_for("proven")] == [
        "needs at least 5 other organisations using it in live service; 4 found: ZZ2, ZZ3, ZZ4, ZZ5"]


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
        "needs at least 1 other organisation using it in live service; 0 found"]


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
    outcomes = [(date_before(day, (day - created).days), rng.randint(1, 5)) for _ in range(rng.randint(0, 3))]
    fields = {"created": created.isoformat(), "last_reviewed": reviewed.isoformat(),
              "written_by": rng.choice(["originator", "adopter", "editors"]),
              "reviewed_by": rng.choice(["originator", "adopter", "editors"])}
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


# Evidence strength, reviews that count, and the reader's wording (issue 11).

def test_established_needs_an_outcome_with_data_showing_change_not_only_an_account(make_pattern, today):
    one_user = [("ZZ2", "in-use", "2026-02-01")]
    account = maturity_model().assess(make_pattern(adoptions=one_user, outcomes=[("2026-03-01", 1)]), today)
    assert account.level.id == "piloted"
    assert [c.shortfall for c in account.missing_for("established")] == [
        "needs an outcome whose evidence is at level 2 or higher (data showing change); "
        "the strongest recorded: level 1 (a clear account of why it should work)"]
    data = maturity_model().assess(make_pattern(adoptions=one_user, outcomes=[("2026-03-01", 2)]), today)
    assert data.level.id == "established"


def test_proven_needs_an_independent_evaluation_as_well_as_five_users(make_pattern, today):
    users = least_evidence("proven")["adoptions"]
    compared = make_pattern(adoptions=users, outcomes=[("2026-02-01", 3), ("2026-03-01", 3)])
    assert maturity_model().assess(compared, today).level.id == "reused"
    evaluated = make_pattern(adoptions=users, outcomes=[("2026-02-01", 3), ("2026-03-01", 4)])
    assert maturity_model().assess(evaluated, today).level.id == "proven"


@pytest.mark.parametrize("written_by, reviewed_by, counted", [
    ("originator", "originator", ["2026-01-05", "2026-04-01"]),
    ("adopter", "adopter", ["2026-01-05", "2026-04-01"]),
    ("editors", "originator", ["2026-04-01"]),
    ("originator", "editors", ["2026-01-05"]),
    ("editors", "editors", []),
])
def test_only_reviews_by_the_originator_or_an_adopter_count(make_pattern, written_by, reviewed_by, counted):
    pattern = make_pattern(created="2026-01-05", last_reviewed="2026-04-01", written_by=written_by,
                           reviewed_by=reviewed_by)
    assert [d.isoformat() for d in maturity_model().counted_reviews(pattern)] == counted


def test_a_review_by_the_editors_does_not_keep_a_level_that_needs_a_review(make_pattern, today):
    evidence = least_evidence("reused")
    by_originator = make_pattern(**evidence)
    assert maturity_model().assess(by_originator, today).level.id == "reused"
    by_editors = make_pattern(written_by="editors", reviewed_by="editors", **evidence)
    assessment = maturity_model().assess(by_editors, today)
    assert assessment.level.id == "established"
    assert [c.shortfall for c in assessment.missing_for("reused")] == [
        "needs a review by its originator or an adopter in the last 365 days; the latest: none"]


def test_an_entry_no_one_reviewed_has_no_review_date(make_pattern, today):
    pattern = make_pattern(reviewed_by="none", last_reviewed=None, written_by="editors")
    assert pattern.last_reviewed is None and pattern.latest_review == pattern.created
    assert maturity_model().counted_reviews(pattern) == []
    assert maturity_model().timeline(pattern, today)[0][1].id == "emerging"


@pytest.mark.parametrize("n, words", [(0, "0 organisations"), (1, "1 organisation"), (2, "2 organisations")])
def test_wording_picks_the_singular_or_plural_for_the_number(n, words):
    assert f"{Count(n)} {Count(n):organisation|organisations}" == words
    assert f"{Count(n):>3}" == f"{n:>3}"  # any other format is a number's


def test_no_wording_of_the_shipped_ladder_says_organisation_s():
    model = maturity_model()
    texts = [model.requirement(name, n) for level in model.levels for name, n in level.criteria]
    texts += [summary for summary in (level.summary for level in model.levels)]
    assert texts and not any("(s)" in text for text in texts)
    assert "1 other organisation piloting" in model.requirement("adopters", 1)


def test_the_emerging_summary_claims_nothing_about_who_described_it():
    assert "originator" not in maturity_model().levels[0].summary.lower()


@pytest.mark.parametrize("change, message", [
    ({"levels": [{"id": "x", "name": "X", "summary": "S.", "criteria": {"evidence": 6}}]}, "levels 1 to 5"),
    ({"reviews_that_count": ["originator", "auditor"]}, "auditor"),
])
def test_a_malformed_ladder_is_refused(change, message):
    with pytest.raises(ConfigError, match=message):
        MaturityModel({**load_maturity_config(), **change})


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
