"""`catalogue new` end to end: it writes an entry that validates, and refuses what it cannot do."""

import pytest

NEW = ["new", "fictional-new-pattern", "--title", "Fictional new pattern", "--category", "delivery",
       "--originator", "ZZ1", "--no-input"]


def test_new_writes_an_entry_that_validates_with_only_placeholder_warnings(run_cli, catalogue):
    proc = run_cli(*NEW, cwd=catalogue)
    assert proc.returncode == 0 and proc.stdout.startswith("wrote patterns/fictional-new-pattern.yaml")
    text = (catalogue / "patterns" / "fictional-new-pattern.yaml").read_text(encoding="utf-8")
    # The fixture has no schema/ copy and no site_url: no modeline, never one into the installed package.
    assert text.startswith("id: fictional-new-pattern\n")
    proc = run_cli("validate", "patterns/fictional-new-pattern.yaml", cwd=catalogue)
    assert proc.returncode == 0 and proc.stdout
    assert all(": warning: [placeholder-text] " in line for line in proc.stdout.splitlines())


def test_new_refuses_an_id_that_is_already_used(run_cli, catalogue):
    path = catalogue / "patterns" / "paper-change-board.yaml"
    before = path.read_bytes()
    proc = run_cli("new", "paper-change-board", *NEW[2:], cwd=catalogue)
    assert proc.returncode == 2 and "already exists" in proc.stderr
    assert path.read_bytes() == before


@pytest.mark.parametrize("bad_id", ["Fictional_Pattern", "fictional--pattern", "fictional-"])
def test_new_refuses_an_id_that_is_not_kebab_case(run_cli, catalogue, bad_id):
    before = sorted(p.name for p in (catalogue / "patterns").iterdir())
    proc = run_cli("new", bad_id, *NEW[2:], cwd=catalogue)
    assert proc.returncode == 2 and f"the id {bad_id!r} is not valid: use lower-case letters" in proc.stderr
    assert sorted(p.name for p in (catalogue / "patterns").iterdir()) == before


LONG = "a" * 300


@pytest.mark.parametrize("args, message", [
    ([LONG], "the id is 300 characters; it must be at most 80"),
    (["fictional-x\n"], "the id 'fictional-x\\n' holds the control character U+000A: give it on one line"),
    (["../fictional-x"], "the id '../fictional-x' is not valid: use lower-case letters"),
    (["fictional-x", "--title", "T" * 300], "the title is 300 characters; it must be at most 100"),
    (["fictional-x", "--category", "nonsense"], "the category 'nonsense' is not one of strategy, delivery"),
    (["fictional-x", "--originator", "ZZ1\n"], "the originator 'ZZ1\\n' holds the control character U+000A"),
    (["fictional-x", "--originator", "zz1"], "the originator 'zz1' is not valid: use the organisation's ODS code"),
    (["fictional-x", "--title", "Fictional \u202e title"],
     "the title 'Fictional \\u202e title' is not valid: character 11 is an invisible character (U+202E"),
    (["fictional-x", "--title", "Fictional <b>"], "the title 'Fictional <b>' is not valid: a title is plain text"),
], ids=["long-id", "newline-id", "path-id", "long-title", "category", "newline-code", "lower-case-code",
        "bidi-title", "markup-title"])
def test_new_checks_every_argument_against_the_schema_before_writing(run_cli, catalogue, args, message):
    flags = {"--title": "Fictional new pattern", "--category": "delivery", "--originator": "ZZ1"}
    given = dict(zip(args[1::2], args[2::2]))
    argv = ["new", args[0], *[part for flag in flags for part in (flag, given.get(flag, flags[flag]))], "--no-input"]
    before = sorted(p.name for p in (catalogue / "patterns").iterdir())
    proc = run_cli(*argv, cwd=catalogue)
    assert proc.returncode == 2 and proc.stderr.startswith("catalogue new: error: ") and message in proc.stderr
    assert "internal error" not in proc.stderr
    assert sorted(p.name for p in (catalogue / "patterns").iterdir()) == before
    assert sorted(p.name for p in catalogue.parent.iterdir()) == ["catalogue"]
