"""Reuse: distinct organisations other than the originator, by adoption status, optionally as of a date."""

import datetime as dt

from generator.model.reuse import reuse_of


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
