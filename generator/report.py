"""Report: turn a Result into text, JSON or GitHub workflow annotations. The only place that formats problems."""

from __future__ import annotations

import json

from generator.problems import Problem, Result


def format_problem(p: Problem) -> str:
    """One problem as a line: path:line:col: severity: [rule] message."""
    return f"{p.path}:{p.line}:{p.col}: {p.severity}: [{p.rule}] {p.message}"


def text_report(result: Result, indent: str = "") -> str:
    """One line per problem, sorted, each ending in a newline."""
    return "".join(f"{indent}{format_problem(p)}\n" for p in result.sorted())


def summary(result: Result) -> str:
    """One closing line for people, e.g. '2 errors, 1 warning in 12 files'."""
    e, w = len(result.errors), len(result.warnings)
    return (f"{e} error{'s' * (e != 1)}, {w} warning{'s' * (w != 1)} "
            f"in {result.files_checked} file{'s' * (result.files_checked != 1)}")


def json_report(result: Result) -> str:
    """A JSON list of problem objects (fields documented in docs/validation.md)."""
    return json.dumps([p.as_dict() for p in result.sorted()], indent=2, ensure_ascii=False) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_report(result: Result) -> str:
    """GitHub workflow commands, so each problem shows on the pull request's diff."""
    lines = []
    for p in result.sorted():
        props = ",".join([f"file={_escape_property(p.path)}", f"line={p.line}", f"col={p.col}",
                          f"title={_escape_property(p.rule)}"])
        lines.append(f"::{p.severity} {props}::{_escape_data(p.message)}\n")
    return "".join(lines)


FORMATS = {"text": text_report, "json": json_report, "github": github_report}
