"""The calendar does not break builds: a catalogue that built yesterday and has not changed builds
today. What only time causes (a declared level lapsing with its review) is a warning in a full
run and an error only in the files a change touches. Through the real CLI and real MkDocs, on
copies of the shipped catalogue and of FICTIONAL ones, with SOURCE_DATE_EPOCH years ahead."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
LAPSED = REPO / "tests" / "fixtures" / "core" / "invalid" / "maturity-lapsed"
AHEAD = dt.date.today() + dt.timedelta(days=3 * 365 + 1)  # three years from the real today


def test_the_shipped_catalogue_validates_and_builds_three_years_ahead(run_cli, run_mkdocs, tmp_path):
    root = tmp_path / "shipped"
    shutil.copytree(REPO / "patterns", root / "patterns")
    shutil.copytree(REPO / "docs", root / "docs")
    for name in ("organisations.yaml", "mkdocs.yml"):
        shutil.copy(REPO / name, root / name)
    validate = run_cli("validate", cwd=root, today=AHEAD)
    assert validate.returncode == 0, validate.stdout
    assert run_cli("build", "--site-dir", tmp_path / "site", cwd=root, today=AHEAD).returncode == 0
    proc = run_mkdocs(root, tmp_path / "mkdocs-site", AHEAD)
    assert proc.returncode == 0, proc.stderr


@pytest.fixture
def lapsed(tmp_path, site_config, git_repo) -> Path:
    """The maturity-lapsed fixture (reused, whose review lapsed on 2026-05-02) in a git repository."""
    root = site_config(Path(shutil.copytree(LAPSED, tmp_path / "lapsed")))
    (root / "expected.txt").unlink()
    return git_repo(root)


def rules(stdout: str) -> list[str]:
    return [line.split(": [")[0].split(": ", 1)[1] + " " + line.split("[")[1].split("]")[0]
            for line in stdout.splitlines()]


def test_a_lapsed_level_warns_in_a_full_run_and_the_site_builds(run_cli, run_mkdocs, lapsed, tmp_path):
    proc = run_cli("validate", cwd=lapsed)
    assert proc.returncode == 0 and rules(proc.stdout) == ["warning review-overdue", "warning maturity-lapsed"]
    assert run_cli("build", "--site-dir", tmp_path / "site", cwd=lapsed).returncode == 0
    assert run_mkdocs(lapsed, tmp_path / "mkdocs-site").returncode == 0
    # The site shows the level the evidence supports today, and keeps the authors' claim apart.
    [pattern] = json.loads((tmp_path / "site" / "catalogue.json").read_text(encoding="utf-8"))["patterns"]
    assert (pattern["maturity"]["level"], pattern["maturity"]["declared"]) == ("established", "reused")


def test_a_lapsed_level_is_an_error_in_a_changed_file(run_cli, lapsed, edit):
    edit(lapsed / "patterns" / "fictional-example.yaml", "A fictional solution", "A fictional solution, revised")
    proc = run_cli("validate", "--changed-since", "main", cwd=lapsed)
    assert proc.returncode == 1 and rules(proc.stdout) == ["warning review-overdue", "error maturity-lapsed"]
    # Committed, the change still counts against the branch it left.
    subprocess.run(["git", "switch", "-q", "-c", "fictional-change"], cwd=lapsed, check=True)
    subprocess.run(["git", "-c", "user.name=F", "-c", "user.email=f@example.org", "commit", "-qam", "Revise"],
                   cwd=lapsed, check=True)
    assert run_cli("validate", "--changed-since", "main", cwd=lapsed).returncode == 1
    # PATH arguments name the files being changed, as pre-commit or an author would pass them.
    named = run_cli("validate", "patterns/fictional-example.yaml", cwd=lapsed)
    assert named.returncode == 1 and "error maturity-lapsed" in rules(named.stdout)


def test_a_change_elsewhere_does_not_make_an_untouched_file_fail(run_cli, lapsed, edit):
    edit(lapsed / "organisations.yaml", "name: Fictional Westbrook", "name: Fictional West Brook")
    proc = run_cli("validate", "--changed-since", "main", cwd=lapsed)
    assert (proc.returncode, proc.stdout) == (0, "")


def test_the_fix_the_message_offers_is_accepted(run_cli, lapsed, edit):
    edit(lapsed / "patterns" / "fictional-example.yaml", "maturity: reused", "maturity: established")
    proc = run_cli("validate", "--changed-since", "main", cwd=lapsed)
    assert proc.returncode == 0 and rules(proc.stdout) == ["warning review-overdue"]


def test_synth_is_valid_on_whatever_day_it_runs(run_cli, tmp_path):
    out = tmp_path / "ahead"
    assert run_cli("synth", "--patterns", "40", "--organisations", "8", "--out", out, today=AHEAD).returncode == 0
    proc = run_cli("validate", "--root", out, today=AHEAD)
    assert (proc.returncode, proc.stdout) == (0, "")
    assert run_cli("build", "--root", out, "--site-dir", tmp_path / "site", today=AHEAD).returncode == 0


def test_synth_as_of_writes_the_same_files_on_any_day_and_they_still_build_years_later(run_cli, tmp_path):
    def tree(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}

    args = ("synth", "--patterns", "120", "--organisations", "12", "--as-of", "2026-11-26")
    assert run_cli(*args, "--out", tmp_path / "one", today=dt.date(2026, 11, 26)).returncode == 0
    assert run_cli(*args, "--out", tmp_path / "two", today=AHEAD).returncode == 0
    assert tree(tmp_path / "one") == tree(tmp_path / "two")
    # The benchmark's case: written for one day, built three years later with nothing changed.
    proc = run_cli("validate", "--root", tmp_path / "one", today=AHEAD)
    assert proc.returncode == 0 and "warning: [maturity-lapsed]" in proc.stdout
    assert run_cli("build", "--root", tmp_path / "one", "--site-dir", tmp_path / "site", today=AHEAD).returncode == 0


def test_adopt_on_a_lapsed_pattern_says_what_to_put_right_first(run_cli, lapsed, edit):
    with (lapsed / "organisations.yaml").open("a", encoding="utf-8") as registry:
        registry.write("  ZZ5:\n    name: Fictional Lowfield Primary Care Network\n    type: primary-care\n"
                       "    region: midlands\n")
    args = ("adopt", "fictional-example", "--org", "ZZ5", "--status", "exploring", "--since", "2026-06-01")
    path = lapsed / "patterns" / "fictional-example.yaml"
    before = path.read_bytes()
    proc = run_cli(*args, cwd=lapsed)
    assert proc.returncode == 2 and "[maturity-lapsed]" in proc.stderr
    assert "set maturity to the level the message names" in proc.stderr and path.read_bytes() == before
    edit(path, "maturity: reused", "maturity: established")
    assert run_cli(*args, cwd=lapsed).returncode == 0
    assert run_cli("validate", "--changed-since", "main", cwd=lapsed).returncode == 0
