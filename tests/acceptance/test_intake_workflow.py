"""The intake workflow end to end, against real git repositories in a temporary folder: for one
issue event, the `run:` steps of .github/workflows/intake.yml run as GitHub runs them (bash -e,
their `if:` conditions, $GITHUB_OUTPUT between steps) in a fresh clone of a FICTIONAL catalogue,
with `gh` replaced by a recorder. The real `catalogue intake` and scripts/intake-branch.sh push to
a real bare repository: a submission becomes a branch with one commit that validates and changes
only the pattern (and the registry for a new organisation); the same event again changes nothing.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
BODIES = REPO / "tests" / "fixtures" / "intake"
WORKFLOW = yaml.safe_load((REPO / ".github" / "workflows" / "intake.yml").read_text(encoding="utf-8"))
STEPS = WORKFLOW["jobs"]["intake"]["steps"]
PINNED = "1782820800"  # SOURCE_DATE_EPOCH of the tests' "today", 2026-06-30 (tests/conftest.py)
FAKE_GH = f"""#!{sys.executable}
# Records each call of `gh` (and the file a --body-file names) instead of calling GitHub.
import json, os, sys
args = sys.argv[1:]
call = {{"args": args}}
if "--body-file" in args:
    call["body"] = open(args[args.index("--body-file") + 1], encoding="utf-8").read()
with open(os.environ["GH_LOG"], "a", encoding="utf-8") as log:
    log.write(json.dumps(call) + "\\n")
"""


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


@pytest.fixture
def origin(tmp_path, git_repo) -> Path:
    """A bare repository whose main holds the FICTIONAL valid catalogue, the repository's forms,
    the intake workflow and its script: what the workflow checks out."""
    start = tmp_path / "start"
    shutil.copytree(REPO / "tests" / "fixtures" / "core" / "valid", start)
    shutil.copytree(REPO / ".github" / "ISSUE_TEMPLATE", start / ".github" / "ISSUE_TEMPLATE")
    (start / ".github" / "workflows").mkdir()
    shutil.copy(REPO / ".github" / "workflows" / "intake.yml", start / ".github" / "workflows")
    (start / "scripts").mkdir()
    shutil.copy2(REPO / "scripts" / "intake-branch.sh", start / "scripts")
    git_repo(start)
    bare = tmp_path / "origin.git"
    git("clone", "--quiet", "--bare", str(start), str(bare), cwd=tmp_path)
    return bare


class Run:
    """One run of the intake job for an issue event, in its own clone, runner folder and log."""

    def __init__(self, origin: Path, folder: Path, issue: int, body: str):
        self.origin, self.issue, self.body = origin, issue, body
        folder.mkdir(parents=True)
        self.clone, self.temp, self.bin = folder / "checkout", folder / "runner-temp", folder / "bin"
        git("clone", "--quiet", str(origin), str(self.clone), cwd=folder)
        self.temp.mkdir()
        self.bin.mkdir()
        (self.bin / "gh").write_text(FAKE_GH, encoding="utf-8")
        (self.bin / "gh").chmod(0o755)
        self.log = folder / "gh.jsonl"
        self.outputs: dict[str, dict[str, str]] = {}
        self.failed: list[str] = []

    def expand(self, value: str) -> str:
        """A step's `env:` value with the expressions this workflow uses filled in."""
        known = {"github.event.issue.body": self.body, "github.event.issue.number": str(self.issue),
                 "github.token": "fictional-token", "github.event.repository.default_branch": "main"}

        def one(match: re.Match) -> str:
            name = match.group(1).strip()
            step = re.fullmatch(r"steps\.(\w+)\.outputs\.(\w+)", name)
            return self.outputs.get(step[1], {}).get(step[2], "") if step else known[name]
        return re.sub(r"\$\{\{(.*?)\}\}", one, str(value))

    def condition(self, expression: str | None) -> bool:
        """An `if:` of comparisons of step outputs, joined by || and &&."""
        if expression is None:
            return True

        def compare(match: re.Match) -> str:
            value = self.outputs.get(match[1], {}).get(match[2], "")
            return str((value == match[4]) if match[3] == "==" else (value != match[4]))
        python = re.sub(r"steps\.(\w+)\.outputs\.(\w+) (==|!=) '([^']*)'", compare, expression)
        python = python.replace("||", " or ").replace("&&", " and ")
        assert re.fullmatch(r"[\sA-Za-z()]*", python) and set(python.split()) <= {"True", "False", "and", "or"}
        return eval(python)  # noqa: S307 - only True, False, and, or, as asserted

    def job(self) -> "Run":
        for step in STEPS:
            run = step.get("run")
            # The checkout is this clone; the runner's Python is this test's, with the tools installed.
            if run is None or run.startswith("pip install") or not self.condition(step.get("if")):
                continue
            output = self.temp / f"output-{len(self.outputs)}"
            output.touch()
            env = {**os.environ, "PATH": f"{self.bin}{os.pathsep}{Path(sys.executable).parent}{os.pathsep}"
                   f"{os.environ['PATH']}", "RUNNER_TEMP": str(self.temp), "GITHUB_OUTPUT": str(output),
                   "GITHUB_STEP_SUMMARY": str(self.temp / "summary.md"), "GH_LOG": str(self.log),
                   "SOURCE_DATE_EPOCH": PINNED, "INTAKE_GIT_NAME": "Fictional Bot",
                   "INTAKE_GIT_EMAIL": "bot@example.org"}
            env.update({key: self.expand(value) for key, value in (step.get("env") or {}).items()})
            done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", run], cwd=self.clone,
                                  env=env, capture_output=True, text=True, timeout=300)
            assert "Traceback" not in done.stderr, done.stderr
            if done.returncode:
                self.failed.append(step["name"])
            lines = output.read_text(encoding="utf-8").splitlines()
            self.outputs[step.get("id", step["name"])] = dict(line.split("=", 1) for line in lines if "=" in line)
        return self

    def gh(self) -> list[dict]:
        lines = self.log.read_text(encoding="utf-8").splitlines() if self.log.exists() else []
        return [json.loads(line) for line in lines]


@pytest.fixture
def event(origin, tmp_path):
    """Run the job for an issue event: event(issue number, fixture name or body text)."""
    count = iter(range(1000))

    def run(issue: int, body: str) -> Run:
        text = (BODIES / body).read_text(encoding="utf-8") if body.endswith(".md") else body
        return Run(origin, tmp_path / f"event-{next(count)}", issue, text).job()
    return run


def branch(origin: Path, name: str) -> str | None:
    found = git("branch", "--list", name, cwd=origin)
    return git("rev-parse", name, cwd=origin) if found else None


@pytest.mark.parametrize("fixture, files", [
    ("adoption-new-organisation.md", ["organisations.yaml", "patterns/automated-change-checks.yaml"]),
    ("adoption-empty-optional-answers.md", ["patterns/shared-landing-zone.yaml"]),
    ("proposal.md", ["patterns/fictional-shared-rota-app.yaml"]),
])
def test_a_submission_becomes_one_commit_on_a_branch_and_a_pull_request(origin, event, tmp_path, run_cli,
                                                                         fixture, files):
    run = event(7, fixture)
    assert run.failed == [] and run.outputs["intake"]["status"] == "0"
    assert run.outputs["branch"] == {"branch": "intake/issue-7", "result": "pushed"}
    # One commit on main, changing only the submission's files, its message from the issue.
    assert git("rev-list", "--count", "main..intake/issue-7", cwd=origin) == "1"
    assert git("rev-parse", "intake/issue-7^", cwd=origin) == git("rev-parse", "main", cwd=origin)
    assert git("diff", "--name-only", "main", "intake/issue-7", cwd=origin).splitlines() == files
    intake_output = (run.temp / "intake.md").read_text(encoding="utf-8")
    title = intake_output.splitlines()[0]
    assert git("log", "-1", "--format=%s%n%n%b", "intake/issue-7", cwd=origin) == f"{title}\n\nFrom #7."
    # The catalogue on the branch validates.
    checked = tmp_path / "checked"
    git("clone", "--quiet", "--branch", "intake/issue-7", str(origin), str(checked), cwd=tmp_path)
    assert run_cli("validate", "--root", checked).returncode == 0
    # The pull request: from the branch to main, titled by intake, closing the issue.
    calls = run.gh()
    assert [c["args"][:2] for c in calls] == [["auth", "setup-git"], ["pr", "list"], ["pr", "create"]]
    create = calls[-1]["args"]
    assert create[create.index("--head") + 1] == "intake/issue-7" and create[create.index("--base") + 1] == "main"
    assert create[create.index("--title") + 1] == title
    assert calls[-1]["body"].endswith("\nCloses #7\n") and calls[-1]["body"].startswith("Changes made from the form:")


def test_the_same_event_again_changes_nothing(origin, event):
    first = event(7, "adoption-new-organisation.md")
    pushed = branch(origin, "intake/issue-7")
    again = event(7, "adoption-new-organisation.md")
    assert again.outputs["branch"]["result"] == "same"
    assert branch(origin, "intake/issue-7") == pushed
    assert [c["args"][:2] for c in again.gh()] == [["auth", "setup-git"]]  # no pull request touched, no comment
    assert first.failed == again.failed == []


def test_an_edited_issue_updates_its_branch_and_pull_request(origin, event):
    event(7, "adoption-empty-optional-answers.md")
    before = branch(origin, "intake/issue-7")
    body = (BODIES / "adoption-empty-optional-answers.md").read_text(encoding="utf-8")
    run = event(7, body.replace("exploring", "retired"))
    assert run.outputs["branch"]["result"] == "pushed" and branch(origin, "intake/issue-7") != before
    assert git("rev-list", "--count", "main..intake/issue-7", cwd=origin) == "1"
    assert "status: retired" in git("show", "intake/issue-7:patterns/shared-landing-zone.yaml", cwd=origin)


def test_a_submission_with_problems_gets_them_as_a_comment_and_no_branch(origin, event):
    run = event(9, "adoption-bad-code.md")
    assert run.failed == [] and run.outputs["intake"]["status"] == "1"
    assert branch(origin, "intake/issue-9") is None
    calls = run.gh()
    assert [c["args"] for c in calls] == [["issue", "comment", "9", "--body-file", str(run.temp / "intake.md")]]
    assert calls[0]["body"].startswith("The submission could not be applied: 5 things to put right")


def test_an_adoption_already_in_main_gets_a_comment_saying_so(origin, event):
    event(7, "adoption-new-organisation.md")
    git("push", "--quiet", ".", "intake/issue-7:main", cwd=origin)  # the pull request was merged
    run = event(7, "adoption-new-organisation.md")
    assert run.outputs["branch"]["result"] == "none"
    comment = run.gh()[-1]
    assert comment["args"][:3] == ["issue", "comment", "7"] and comment["body"].startswith("Nothing to change:")


def test_a_body_that_is_no_form_gets_a_fixed_reply_and_fails_the_job(origin, event):
    run = event(10, "x\n### Pattern\n\n$(touch /tmp/intake-should-not-exist) `id` ${{ github.token }}\n")
    assert run.outputs["intake"]["status"] == "2"
    assert run.failed == ["Reply that the issue is not a form intake can read"]
    calls = run.gh()
    assert [c["args"][:3] for c in calls] == [["issue", "comment", "10"]]
    assert "could not be read as one of the catalogue's forms" in calls[0]["args"][4]
    assert not Path("/tmp/intake-should-not-exist").exists()
    assert branch(origin, "intake/issue-10") is None
