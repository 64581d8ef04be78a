"""Results: the problems found in a run, collected without any I/O; reporters turn them into text."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.characters import printable


@dataclass(frozen=True, order=True)
class Problem:
    """One located problem: `path:line:col: severity: [rule] message`."""

    path: str
    line: int
    col: int
    severity: str  # "error" or "warning"
    rule: str
    message: str

    def as_dict(self) -> dict:
        """Plain dict for the JSON report (its shape is documented in docs/validation.md)."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.col,
            "severity": self.severity,
            "rule": self.rule,
            "message": self.message,
        }


@dataclass
class Result:
    """Problems collected over a run; files checked are counted so reports can say so."""

    problems: list[Problem] = field(default_factory=list)
    files_checked: int = 0
    error_paths: set[str] = field(default_factory=set)
    _seen: set[Problem] = field(default_factory=set, repr=False, compare=False)

    def add(self, path, line, col, severity, rule, message) -> None:
        """Record one problem; the same problem found twice is recorded once, so counts match reports.
        Contributor text quoted in a message or a file name cannot break the report's one line."""
        problem = Problem(printable(str(path)), line, col, severity, rule, printable(message))
        if problem in self._seen:
            return
        self._seen.add(problem)
        self.problems.append(problem)
        if severity == "error":
            self.error_paths.add(str(path))

    def has_errors(self, path: str) -> bool:
        """True when the file at `path` (as displayed) has at least one error."""
        return path in self.error_paths

    def only(self, paths: set[str]) -> "Result":
        """A copy holding only the problems in `paths`."""
        kept = Result(files_checked=self.files_checked)
        paths = {printable(str(path)) for path in paths}  # as add() records them
        for p in self.problems:
            if p.path in paths:
                kept.add(p.path, p.line, p.col, p.severity, p.rule, p.message)
        return kept

    def error(self, path, line, col, rule, message) -> None:
        """Record an error."""
        self.add(path, line, col, "error", rule, message)

    def warning(self, path, line, col, rule, message) -> None:
        """Record a warning."""
        self.add(path, line, col, "warning", rule, message)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def success(self) -> bool:
        """True when there is no error (warnings allowed)."""
        return not self.errors

    def sorted(self) -> list[Problem]:
        """Problems in a stable order: by file, then position, then rule."""
        return sorted(set(self.problems))
