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
    assert proc.returncode == 2 and "must be kebab-case" in proc.stderr
    assert sorted(p.name for p in (catalogue / "patterns").iterdir()) == before
