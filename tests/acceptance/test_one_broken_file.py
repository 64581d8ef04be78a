"""One broken file gives errors in that file only: the patterns that refer to it, or name an
organisation in a broken registry, are not blamed as well. Through the real CLI (in-process), on
copies of the FICTIONAL fixture catalogue, where each pattern is named by another one."""

from __future__ import annotations

import pytest

REFERRED_TO = ["automated-change-checks", "paper-change-board", "shared-landing-zone", "time-boxed-cloud-strategy"]

# Ways to break a file so that it cannot be read, or cannot be trusted: (rule, how).
BREAKS = {
    "yaml-syntax": lambda path: path.write_text(path.read_text(encoding="utf-8") + "broken: [\n", encoding="utf-8"),
    "file-encoding": lambda path: path.write_bytes(path.read_bytes() + b"note: \xff\n"),
    "file-empty": lambda path: path.write_text("# nothing left\n", encoding="utf-8"),
    "yaml-top-level": lambda path: path.write_text("- a list\n", encoding="utf-8"),
    "schema-type": lambda path: path.write_text(
        path.read_text(encoding="utf-8").replace(f"id: {path.stem}\n", "id: [not, text]\n"), encoding="utf-8"),
    "file-not-regular": lambda path: (path.unlink(), path.symlink_to(path.with_name("elsewhere.txt"))),
}


def rules_by_file(stdout: str) -> list[tuple[str, str]]:
    return [(line.split(":")[0], line.split("[")[1].split("]")[0]) for line in stdout.splitlines()]


@pytest.mark.parametrize("rule", sorted(BREAKS))
@pytest.mark.parametrize("pattern", REFERRED_TO)
def test_a_broken_pattern_is_the_only_file_with_an_error(cli, catalogue, monkeypatch, pattern, rule):
    path = catalogue / "patterns" / f"{pattern}.yaml"
    BREAKS[rule](path)
    monkeypatch.chdir(catalogue)
    code, out, _ = cli("validate")
    assert (code, rules_by_file(out)) == (1, [(f"patterns/{pattern}.yaml", rule)]), out


@pytest.mark.parametrize("rule", sorted(set(BREAKS) - {"schema-type"}))  # the registry has no id: see below
def test_a_broken_registry_is_the_only_file_with_an_error(cli, catalogue, monkeypatch, rule):
    BREAKS[rule](catalogue / "organisations.yaml")
    monkeypatch.chdir(catalogue)
    code, out, _ = cli("validate")
    assert (code, rules_by_file(out)) == (1, [("organisations.yaml", rule)]), out


def test_a_missing_registry_is_one_error(cli, catalogue, monkeypatch):
    (catalogue / "organisations.yaml").unlink()
    monkeypatch.chdir(catalogue)
    code, out, _ = cli("validate")
    assert (code, rules_by_file(out)) == (1, [("organisations.yaml", "registry-missing")])


def test_a_registry_with_one_bad_entry_does_not_blame_the_patterns_that_name_it(cli, catalogue, monkeypatch, edit):
    edit(catalogue / "organisations.yaml", "type: trust", "type: hospital")
    monkeypatch.chdir(catalogue)
    code, out, _ = cli("validate")
    assert (code, rules_by_file(out)) == (1, [("organisations.yaml", "schema-enum")])
