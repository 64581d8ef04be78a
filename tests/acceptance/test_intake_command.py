"""`catalogue intake --issue-body FILE`: the real command on issue bodies recorded exactly as GitHub
writes them (tests/fixtures/intake/, FICTIONAL), applied to a copy of the FICTIONAL valid catalogue
with the repository's own forms. Exit 0 applies the change (and only it), 1 changes nothing and
says what to fix, 2 is a body that is none of the forms; hostile bodies never get further."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BODIES = REPO / "tests" / "fixtures" / "intake"
ALLOWED = {"organisations.yaml"}  # and patterns/*.yaml: the only files intake may write


@pytest.fixture
def root(catalogue):
    """The FICTIONAL valid catalogue with the repository's issue forms."""
    shutil.copytree(REPO / ".github" / "ISSUE_TEMPLATE", catalogue / ".github" / "ISSUE_TEMPLATE")
    return catalogue


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under the root: its bytes and modification time (a file put back is touched)."""
    return {p.relative_to(root).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(root.rglob("*")) if p.is_file()}


def changed(before: dict, after: dict) -> set[str]:
    return {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}


@pytest.fixture
def intake(root, cli, tmp_path):
    """Run the command on a body (a fixture's name, or text); returns (code, stdout, stderr)."""
    def run(body: str | bytes, name: str = "body.md"):
        if isinstance(body, str) and body.endswith(".md") and "\n" not in body:
            path = BODIES / body
        else:
            path = tmp_path / name
            path.write_bytes(body if isinstance(body, bytes) else body.encode("utf-8"))
        return cli("intake", "--root", str(root), "--issue-body", str(path))
    return run


@pytest.mark.parametrize("fixture, files, title", [
    ("adoption-new-organisation.md", {"patterns/automated-change-checks.yaml", "organisations.yaml"},
     "Record ZZ8's adoption of \u201cAutomated change checks\u201d"),
    ("adoption-empty-optional-answers.md", {"patterns/shared-landing-zone.yaml"},
     "Record ZZ7's adoption of \u201cShared landing zone\u201d"),
    ("proposal.md", {"patterns/fictional-shared-rota-app.yaml"},
     "Add the pattern \u201cFictional shared rota app\u201d"),
    ("proposal-new-organisation.md", {"patterns/fictional-discharge-huddle.yaml", "organisations.yaml"},
     "Add the pattern \u201cFictional discharge huddle\u201d"),
])
def test_a_submission_changes_only_its_files_validates_and_is_not_applied_twice(root, intake, cli, fixture, files,
                                                                                 title):
    before = snapshot(root)
    code, out, err = intake(fixture)
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == title
    assert changed(before, snapshot(root)) == files
    assert cli("validate", "--root", str(root))[0] == 0
    # Again: an adoption is already recorded; a proposal's pattern now exists. Nothing changes.
    after = snapshot(root)
    code, out, _ = intake(fixture)
    assert code == (0 if fixture.startswith("adoption") else 1)
    assert out.startswith("Nothing to change:" if code == 0 else "The submission could not be applied")
    assert snapshot(root) == after


def test_an_adoption_from_a_new_organisation_adds_exactly_its_lines(root, intake):
    pattern, registry = root / "patterns" / "automated-change-checks.yaml", root / "organisations.yaml"
    old_pattern, old_registry = pattern.read_text(encoding="utf-8"), registry.read_text(encoding="utf-8")
    code, out, _ = intake("adoption-new-organisation.md")
    assert code == 0
    assert registry.read_text(encoding="utf-8") == old_registry + (
        "  ZZ8:\n    name: Fictional Fenwick Community Health NHS Trust\n    type: trust\n    region: east-of-england\n")
    assert pattern.read_text(encoding="utf-8") == old_pattern.replace(
        "    evidence: https://southmere.example.org/pilot\n",
        "    evidence: https://southmere.example.org/pilot\n  - organisation: ZZ8\n    status: in-use\n"
        "    since: 2026-05-01\n    evidence: https://fenwick.example.org/automated-checks\n"
        "    note: We run the checks for our own releases. The weekly board now meets monthly.\n")
    assert "- `organisations.yaml`: added ZZ8, Fictional Fenwick Community Health NHS Trust (Trust, East of England)" in out


def test_a_proposal_keeps_what_it_cannot_apply_for_the_pull_request(root, intake):
    code, out, _ = intake("proposal-new-organisation.md")
    assert code == 0
    assert "> Median discharge time moved from 4pm to 12:30pm" in out
    text = (root / "patterns" / "fictional-discharge-huddle.yaml").read_text(encoding="utf-8")
    assert "originator: ZZ8\n" in text and 'url: "https://fenwick.example.org/patient-flow"' in text
    assert "outcomes: []" in text


def test_every_problem_of_a_submission_is_listed_and_nothing_is_touched(root, intake):
    before = snapshot(root)
    code, out, err = intake("adoption-bad-code.md")
    assert (code, err) == (1, "")
    assert snapshot(root) == before
    assert out.splitlines()[0] == "The submission could not be applied: 5 things to put right"
    bullets = [line for line in out.splitlines() if line.startswith("- **")]
    assert [b.split("**")[1] for b in bullets] == ["Pattern", "Your organisation's ODS code", "Since",
                                                   "Evidence link", "Before you submit"]
    assert "Did you mean automated-change-checks?" in out


@pytest.mark.parametrize("fixture, message", [
    ("not-a-form.md", "the issue body is not one of the catalogue's forms"),
    ("report-problem.md", "the issue is a \u201cReport a problem\u201d form; intake applies only"),
])
def test_a_body_that_is_not_a_submission_exits_2(root, intake, fixture, message):
    before = snapshot(root)
    code, out, err = intake(fixture)
    assert (code, out) == (2, "")
    assert err.startswith(f"catalogue intake: error: {message}")
    assert snapshot(root) == before


def test_a_catalogue_without_the_forms_cannot_read_submissions(catalogue, cli):
    code, _, err = cli("intake", "--root", str(catalogue), "--issue-body", str(BODIES / "proposal.md"))
    assert code == 2 and "no record-adoption.yml or propose-pattern.yml form" in err


def adoption(**answers) -> str:
    """A record-adoption body as GitHub writes it, with some answers replaced."""
    text = (BODIES / "adoption-empty-optional-answers.md").read_text(encoding="utf-8")
    for label, value in answers.items():
        heading = f"### {label}\n\n"
        start = text.index(heading) + len(heading)
        end = text.find("\n\n###", start)
        text = text[:start] + value + (text[end:] if end != -1 else "")
    return text


@pytest.mark.parametrize("body, code, words", [
    (adoption(Note="<script>alert(1)</script>"), 1, "remove '\\<script\\>'"),  # escaped for Markdown
    (adoption(Pattern="../../organisations"), 1, "no pattern in the catalogue has that id or title"),
    (adoption(Pattern="/etc/passwd"), 1, "no pattern in the catalogue has that id or title"),
    (adoption(Pattern="shared-landing-zone\x00"), 1, "no pattern in the catalogue has that id or title"),
    (adoption(**{"Your organisation's ODS code": "ZZ\x1b[31m1"}), 1, "control character"),
    (adoption(Note="x" * 60_000), 1, "The answer is 60,000 characters; it must be at most 500"),
    ("x" * 65_537, 2, "longer than GitHub lets an issue body be (65,536 characters)"),
    ("\u00e9" * 200_000, 2, "longer than GitHub lets an issue body be"),  # cut mid-character when read
    (adoption() + "\n" + "y" * 70_000, 2, "longer than GitHub lets an issue body be"),
    ("\ufffe\x00" * 10, 2, "not one of the catalogue's forms"),
    (b"### Pattern\n\n\xff\xfe\n", 2, "not UTF-8 text"),
])
def test_hostile_bodies_exit_1_or_2_with_words_and_touch_nothing(root, intake, body, code, words):
    before = snapshot(root)
    got, out, err = intake(body)
    assert got == code
    assert words in (out if code == 1 else err)
    assert snapshot(root) == before


def test_a_change_the_catalogue_refuses_puts_the_registry_back(root, intake, edit):
    """The organisation is added first; when the adoption is then refused (here: the pattern's
    declared maturity lapsed with its review, an error in a file a change touches), the registry
    is put back as it was, byte for byte."""
    edit(root / "patterns" / "time-boxed-cloud-strategy.yaml", "last_reviewed: 2026-01-15", "last_reviewed: 2025-06-20")
    registry = (root / "organisations.yaml").read_bytes()
    body = (BODIES / "adoption-new-organisation.md").read_text(encoding="utf-8")
    code, out, _ = intake(body.replace("automated-change-checks", "time-boxed-cloud-strategy"))
    assert code == 1
    assert "[maturity-lapsed]" in out and "```" in out
    assert (root / "organisations.yaml").read_bytes() == registry
    assert "ZZ8" not in (root / "patterns" / "time-boxed-cloud-strategy.yaml").read_text(encoding="utf-8")


def test_the_installed_command_runs_it_in_a_subprocess(root, run_cli):
    proc = run_cli("intake", "--root", root, "--issue-body", BODIES / "adoption-empty-optional-answers.md")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("Record ZZ7's adoption")


def test_an_adoption_of_a_pattern_whose_file_has_errors_waits_for_a_maintainer(root, intake, edit):
    edit(root / "patterns" / "automated-change-checks.yaml", "category: delivery", "category: nonsense")
    before = snapshot(root)
    code, out, _ = intake("adoption-new-organisation.md")
    assert code == 1
    assert "the pattern automated-change-checks has errors, so an adoption cannot be added to it yet" in out
    assert snapshot(root) == before
