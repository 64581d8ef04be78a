"""Problems: the Result a run collects, without any I/O."""

from generator.problems import Result


def test_warnings_alone_are_a_success():
    result = Result()
    result.warning("a.yaml", 1, 1, "review-overdue", "old")
    assert result.success and result.warnings and not result.errors


def test_a_problem_found_twice_is_recorded_once_so_counts_match_reports():
    result = Result()
    for line in (10, 2, 10):
        result.error("b.yaml", line, 1, "schema-type", "x")
    result.error("a.yaml", 5, 1, "schema-type", "x")
    assert len(result.errors) == 3
    assert [(p.path, p.line) for p in result.sorted()] == [("a.yaml", 5), ("b.yaml", 2), ("b.yaml", 10)]


def test_only_keeps_the_named_files_and_their_errors():
    result = Result(files_checked=2)
    result.error("a.yaml", 1, 1, "schema-type", "x")
    result.warning("b.yaml", 1, 1, "placeholder-text", "y")
    kept = result.only({"b.yaml"})
    assert [p.path for p in kept.problems] == ["b.yaml"] and kept.success and kept.files_checked == 2
    assert result.has_errors("a.yaml") and not kept.has_errors("a.yaml")
