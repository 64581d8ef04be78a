"""Reuse: distinct organisations other than the originator, by adoption status, optionally as of a date."""

import datetime as dt

from generator.model.reuse import adopter_changes, change_on, reuse_adoptions, reuse_of


def test_the_originator_is_not_reuse(make_pattern):
    reuse = reuse_of(make_pattern(originator="ZZ1", adoptions=[("ZZ1", "in-use", "2026-02-01")]))
    assert (reuse.count, reuse.in_use, reuse.adopters) == (0, (), ())


def test_reuse_counts_distinct_organisations_in_use(make_pattern):
    reuse = reuse_of(make_pattern(adoptions=[("ZZ3", "in-use", "2026-02-01"), ("ZZ2", "in-use", "2026-02-01"),
                                             ("ZZ2", "in-use", "2026-03-01")]))
    assert (reuse.count, reuse.in_use) == (2, ("ZZ2", "ZZ3"))


def test_piloting_is_shown_separately_and_not_counted(make_pattern):
    reuse = reuse_of(make_pattern(adoptions=[("ZZ2", "in-use", "2026-02-01"), ("ZZ3", "piloting", "2026-02-01"),
                                             ("ZZ2", "piloting", "2026-01-20")]))
    assert (reuse.count, reuse.piloting, reuse.adopters) == (1, ("ZZ3",), ("ZZ2", "ZZ3"))


def test_exploring_and_retired_are_kept_but_not_counted(make_pattern):
    reuse = reuse_of(make_pattern(adoptions=[("ZZ2", "exploring", "2026-02-01"), ("ZZ3", "retired", "2026-02-01")]))
    assert (reuse.count, reuse.adopters, reuse.exploring, reuse.retired) == (0, (), ("ZZ2",), ("ZZ3",))


def test_reuse_on_a_past_date_counts_only_adoptions_begun_by_then(make_pattern):
    pattern = make_pattern(adoptions=[("ZZ2", "in-use", "2026-02-01"), ("ZZ3", "in-use", "2026-04-01")])
    assert reuse_of(pattern, dt.date(2026, 1, 31)).count == 0
    assert reuse_of(pattern, dt.date(2026, 2, 1)).in_use == ("ZZ2",)
    assert reuse_of(pattern).count == reuse_of(pattern, dt.date(2026, 4, 1)).count == 2


def with_history(make_pattern, *adoptions):
    """A pattern whose adoptions are (code, [(status, date)...]) histories (FICTIONAL codes)."""
    pattern = make_pattern()
    data = dict(pattern.data)
    data["adoptions"] = [{"organisation": code, "history": [
        {"status": s, "date": d, **({"evidence": "https://example.org/story"} if s in ("piloting", "in-use") else {})}
        for s, d in changes]} for code, changes in adoptions]
    return type(pattern).from_data(data)


def test_an_adoption_has_the_status_of_its_latest_change_by_each_date(make_pattern):
    pattern = with_history(make_pattern, ("ZZ2", [("piloting", "2026-01-01"), ("in-use", "2026-03-01"),
                                                  ("retired", "2026-06-01")]))
    assert reuse_of(pattern, dt.date(2025, 12, 31)) == reuse_of(make_pattern())  # not begun
    assert reuse_of(pattern, dt.date(2026, 2, 1)).piloting == ("ZZ2",)
    assert reuse_of(pattern, dt.date(2026, 3, 1)).in_use == ("ZZ2",)
    # A since-retired adopter counts for the time it was in use, and not after.
    assert reuse_of(pattern, dt.date(2026, 5, 31)).count == 1
    after = reuse_of(pattern, dt.date(2026, 6, 1))
    assert (after.count, after.retired) == (0, ("ZZ2",))
    assert reuse_of(pattern) == after


def test_the_one_status_form_reads_as_a_history_of_one_change(make_pattern):
    one = make_pattern(adoptions=[("ZZ2", "in-use", "2026-02-01")])
    history = with_history(make_pattern, ("ZZ2", [("in-use", "2026-02-01")]))
    assert one.adoptions[0].history == history.adoptions[0].history
    for day in (dt.date(2026, 1, 31), dt.date(2026, 2, 1), None):
        assert reuse_of(one, day) == reuse_of(history, day)


def test_change_on_and_the_adoption_as_it_stood(make_pattern):
    pattern = with_history(make_pattern, ("ZZ2", [("piloting", "2026-01-01"), ("retired", "2026-04-01")]))
    adoption = pattern.adoptions[0]
    assert change_on(adoption, dt.date(2025, 1, 1)) is None
    assert change_on(adoption, dt.date(2026, 2, 1)).status == "piloting"
    [then] = reuse_adoptions(pattern, dt.date(2026, 2, 1))
    assert (then.status, then.since, then.evidence) == ("piloting", dt.date(2026, 1, 1), "https://example.org/story")


def test_adopter_changes_add_up_to_the_adoptions_in_force(make_pattern):
    pattern = with_history(make_pattern, ("ZZ2", [("exploring", "2025-12-01"), ("piloting", "2026-01-01"),
                                                  ("in-use", "2026-03-01"), ("retired", "2026-06-01")]),
                           ("ZZ3", [("in-use", "2026-02-01")]), ("ZZ1", [("in-use", "2026-02-01")]))
    steps = adopter_changes([pattern], dt.date(2026, 12, 31))
    # ZZ1 originated it; exploring is not adopting; piloting to in-use is no change in force.
    assert steps == [(dt.date(2026, 1, 1), 1), (dt.date(2026, 2, 1), 1), (dt.date(2026, 6, 1), -1)]
    assert adopter_changes([pattern], dt.date(2026, 1, 31)) == [(dt.date(2026, 1, 1), 1)]
