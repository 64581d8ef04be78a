"""Each folder in fixtures/core/invalid/ is a catalogue that breaks one rule; `catalogue validate`
must print exactly the lines in its expected.txt (see tests/fixtures/README.md)."""

import re
from pathlib import Path

import pytest

from generator.ruleset import RULES

INVALID = Path(__file__).resolve().parent.parent / "fixtures" / "core" / "invalid"
CASES = sorted(p for p in INVALID.iterdir() if p.is_dir())
LINE = re.compile(r"(?P<where>[^:]+:\d+:\d+: (?:error|warning): \[[\w-]+\]) (?P<message>.*)")

# Made by the tests instead: a file too big to keep (test_validate_command.py), and links, named
# pipes and folders where a file should be, which git cannot hold portably (test_file_kinds.py).
GENERATED = {"file-too-large", "file-not-regular"}
# No fixture can break these: a file that cannot be read at all (tests/unit/test_loader.py makes
# one), and the catch-all for a schema keyword our schemas do not use.
UNREACHABLE_BY_FIXTURE = {"file-unreadable", "schema-invalid"}


def parse(text: str) -> list[tuple[str, str]]:
    lines = [line for line in text.splitlines() if line.strip()]
    parsed = [LINE.fullmatch(line) for line in lines]
    assert all(parsed), f"not a problem line: {lines[parsed.index(None)]!r}"
    return [(m["where"], m["message"]) for m in parsed]


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_invalid_catalogue_prints_the_expected_lines(case, cli, monkeypatch):
    expected = parse((case / "expected.txt").read_text(encoding="utf-8"))
    monkeypatch.chdir(case)
    # args.txt, when present, names what the case validates (e.g. the one new file).
    extra = (case / "args.txt").read_text(encoding="utf-8").split() if (case / "args.txt").is_file() else []
    code, out, err = cli("validate", *extra)
    actual = parse(out)
    assert [where for where, _ in actual] == [where for where, _ in expected]
    for (where, message), (_, wanted) in zip(actual, expected):
        if wanted.endswith("..."):
            assert message.startswith(wanted[:-3]), where
        else:
            assert message == wanted, where
    assert f"[{case.name}]" in "".join(where for where, _ in expected), "the folder is named after its rule"
    assert code == (1 if any(": error: " in where for where, _ in expected) else 0)


def test_every_rule_has_an_invalid_catalogue():
    # The ODS rules are about the files an import reads, tested in test_organisations_import.py.
    validation_rules = {rule_id for rule_id, rule in RULES.items() if rule.group != "ods"}
    assert {case.name for case in CASES} | GENERATED | UNREACHABLE_BY_FIXTURE == validation_rules
