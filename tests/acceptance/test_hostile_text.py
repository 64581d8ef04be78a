"""Hostile and careless text through the real CLI: each reproduction from issue 10 (control and
invisible characters, Python-only regex matches, an ISO week date, a link with a space) gives a
located error from `catalogue validate`, exit 1 and no traceback; the report stays one line per
problem whatever the text holds. Every catalogue here is a copy of the FICTIONAL valid fixture."""

from __future__ import annotations

import json

import pytest

PATTERN = "patterns/automated-change-checks.yaml"


@pytest.mark.parametrize("old, new, expected", [
    ("title: Automated change checks", r'title: "Automated \0 change checks"',
     "patterns/automated-change-checks.yaml:3:8: error: [schema-pattern] title: 'Automated \\x00 change checks' "
     "is not valid: character 11 is a control character (U+0000); write it on one line, without control "
     "characters or invisible characters (zero-width spaces, text-direction marks)"),
    ("title: Automated change checks", r'title: "Automated \a change checks"',
     "...: character 11 is a control character (U+0007); write it on one line, ..."),
    ("title: Automated change checks", r'title: "Automated \e[31m change checks"',
     "...: character 11 is a control character (U+001B); write it on one line, ..."),
    ("title: Automated change checks", r'title: "Automated change checks\u202Eelif"',
     "...: character 24 is an invisible character (U+202E RIGHT-TO-LEFT OVERRIDE); write it on one line, ..."),
    ("title: Automated change checks", r'title: "Automated\u200Bchange checks"',
     "...: character 10 is an invisible character (U+200B ZERO WIDTH SPACE); write it on one line, ..."),
    ("tags: [continuous-delivery]", r'tags: ["cloud\n"]',
     "patterns/automated-change-checks.yaml:7:8: error: [schema-pattern] tags[0]: 'cloud\\n' is not valid: "
     "character 6 is a line break (U+000A); write tags in kebab-case, e.g. cloud-migration"),
    ("created: 2026-01-05", "created: 2025-W01-1",
     "patterns/automated-change-checks.yaml:44:10: error: [schema-format] created: '2025-W01-1' is not valid: "
     "write the date as YYYY-MM-DD"),
    ("  url: https://national.example.org/delivery", "  url: https://national.example.org/our team",
     "patterns/automated-change-checks.yaml:42:8: error: [schema-format] contact.url: "
     "'https://national.example.org/our team' is not valid: character 33 is a space, which a link cannot "
     "hold: percent-encode it (a space is %20)"),
    ("  url: https://national.example.org/delivery", '  url: "https://national.example.org/a\\\\b"',
     "...: character 31 is '\\\\', which a link cannot hold: percent-encode it (a space is %20)"),
    ("problem: |\n  Every change waited for the weekly board, however small it was.",
     r'problem: "Every \e[31mchange waited for the weekly board."',
     "patterns/automated-change-checks.yaml:8:10: error: [schema-pattern] problem: 'Every \\x1b[31mchange waited "
     "for the weekly board.' is not valid: character 7 is a control character (U+001B); remove the control "
     "characters: only tabs and line breaks may be used"),
    ("summary: When a weekly",  # the rest of the old summary becomes a comment
     r'summary: "Plain text.\n\n[x](javascript:alert(1))\n{: onmouseover=alert(1) }\n\n" # When a weekly',
     "...: character 12 is a line break (U+000A); write it on one line, ..."),
])
def test_each_reproduction_is_a_located_error(cli, catalogue, edit, monkeypatch, old, new, expected):
    edit(catalogue / PATTERN, old, new)
    monkeypatch.chdir(catalogue)
    code, out, _ = cli("validate")
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 1, out
    head, _, tail = expected.partition("...")
    if not tail and not expected.startswith("..."):
        assert lines == [expected]
    else:
        assert lines[0].startswith(PATTERN) and head.rstrip(".") in lines[0] and tail.rstrip(".") in lines[0]


def test_a_raw_control_character_in_the_file_is_located_at_that_character(cli, catalogue, monkeypatch):
    path = catalogue / PATTERN
    path.write_text(path.read_text(encoding="utf-8").replace("waited for", "waited \x1b[31m for"), encoding="utf-8")
    monkeypatch.chdir(catalogue)
    code, out, _ = cli("validate", PATTERN)
    assert code == 1
    assert out.splitlines() == [f"{PATTERN}:9:23: error: [yaml-syntax] a control character (U+001B) cannot "
                                "stand in the file: remove it (only tabs and line breaks may)"]


def test_a_registry_key_with_a_trailing_newline_is_refused(cli, catalogue, edit, monkeypatch):
    edit(catalogue / "organisations.yaml", "  ZZ2:", '  "ZZ9\\n":\n    name: Fictional Nine\n    type: trust\n'
         "    region: london\n  ZZ2:")
    monkeypatch.chdir(catalogue)
    code, out, _ = cli("validate")
    assert code == 1
    assert out.splitlines() == [
        "organisations.yaml:9:3: error: [schema-key] organisations['ZZ9\\n']: key 'ZZ9\\n' is not valid: "
        "character 4 is a line break (U+000A); keys are ODS codes in capitals, e.g. RJ1"]


def test_every_reproduction_at_once_through_a_real_process(run_cli, catalogue, edit):
    """One catalogue holding all of them: one line per problem in text, JSON that parses, exit 1."""
    edit(catalogue / PATTERN, "title: Automated change checks", r'title: "Automated \0\a\e \u202E\u200B\uFEFF"')
    edit(catalogue / PATTERN, "tags: [continuous-delivery]", r'tags: ["cloud\n", "x\u2028"]')
    edit(catalogue / PATTERN, "created: 2026-01-05", "created: 2025-W01-1")
    edit(catalogue / PATTERN, "  url: https://national.example.org/delivery", "  url: https://example.org/a b<c>")
    edit(catalogue / PATTERN, "  - organisation: ZZ2", '  - organisation: "ZZ2\\n"')
    edit(catalogue / "organisations.yaml", "  ZZ2:", '  "ZZ9\\n":\n    name: "Nine\\u202E"\n    type: trust\n'
         "    region: london\n  ZZ2:")
    text = run_cli("validate", cwd=catalogue)
    assert text.returncode == 1
    lines = text.stdout.splitlines()
    assert all(line.isprintable() and ": error: [" in line for line in lines)
    where = [line.split(": error: ")[0] for line in lines]
    assert where == ["organisations.yaml:9:3", "organisations.yaml:10:11", f"{PATTERN}:3:8", f"{PATTERN}:7:8",
                     f"{PATTERN}:7:19", f"{PATTERN}:26:19", f"{PATTERN}:42:8", f"{PATTERN}:44:10"]
    report = run_cli("validate", "--format", "json", cwd=catalogue)
    assert report.returncode == 1 and len(json.loads(report.stdout)) == len(lines)
