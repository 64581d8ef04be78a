"""Report: the same problems as text lines, a JSON list, or GitHub workflow annotations."""

import json

import pytest

from generator.problems import Result
from generator.report import github_report, json_report, summary, text_report


@pytest.fixture
def result():
    result = Result(files_checked=3)
    result.warning("patterns/b.yaml", 4, 10, "placeholder-text", "summary still holds a TODO placeholder")
    result.error("patterns/a,b:c.yaml", 2, 1, "schema-required", "'contact' is required")
    result.error("patterns/b.yaml", 12, 3, "date-order", "last_reviewed 2025-12-31 is before created 2026-01-05")
    return result


def test_text_is_one_sorted_line_per_problem(result):
    assert text_report(result).splitlines()[1:] == [
        "patterns/b.yaml:4:10: warning: [placeholder-text] summary still holds a TODO placeholder",
        "patterns/b.yaml:12:3: error: [date-order] last_reviewed 2025-12-31 is before created 2026-01-05"]


def test_json_is_a_list_of_problem_objects(result):
    problems = json.loads(json_report(result))
    assert [sorted(p) for p in problems] == [["column", "line", "message", "path", "rule", "severity"]] * 3
    assert problems[2] == {"path": "patterns/b.yaml", "line": 12, "column": 3, "severity": "error",
                           "rule": "date-order", "message": "last_reviewed 2025-12-31 is before created 2026-01-05"}
    assert json.loads(json_report(Result())) == []


def test_github_annotations_escape_properties_and_data(result):
    result.error("patterns/a,b:c.yaml", 3, 1, "yaml-syntax", "50% done\nsecond line")
    lines = github_report(result).splitlines()
    assert lines[0] == "::error file=patterns/a%2Cb%3Ac.yaml,line=2,col=1,title=schema-required::'contact' is required"
    # A line break quoted in a message is already an escape (Result.add), so it cannot end the annotation.
    assert lines[1] == "::error file=patterns/a%2Cb%3Ac.yaml,line=3,col=1,title=yaml-syntax::50%25 done\\nsecond line"
    assert lines[2].startswith("::warning file=patterns/b.yaml,line=4,col=10,title=placeholder-text::")


def test_the_summary_counts_errors_warnings_and_files(result):
    assert summary(result) == "2 errors, 1 warning in 3 files"
    assert summary(Result(files_checked=1)) == "0 errors, 0 warnings in 1 file"
