"""The contributor workflow files: GitHub workflows and issue forms validate against
check-jsonschema's built-in GitHub schemas, the pre-commit hook runs `catalogue validate`, the
editor settings point at the schemas, and CONTRIBUTING.md states the maturity ladder that
schema/maturity.yaml defines."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.model.maturity import words

REPO = Path(__file__).resolve().parents[2]
GITHUB = REPO / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
FORMS = sorted(p for p in (GITHUB / "ISSUE_TEMPLATE").glob("*.yml") if p.name != "config.yml")
BROKEN = REPO / "tests" / "fixtures" / "workflow"


def check_jsonschema(schema: str, *files: Path) -> subprocess.CompletedProcess:
    """Run check-jsonschema with one of its vendored schemas (no network needed)."""
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema,
                           *map(str, files)], capture_output=True, text=True, timeout=120)


def load(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def runs(workflow: dict) -> str:
    return "\n".join(step.get("run", "") for step in steps(workflow))


def uses(workflow: dict) -> list[str]:
    return [step["uses"] for step in steps(workflow) if "uses" in step]


def test_the_expected_files_exist():
    assert {p.name for p in WORKFLOWS} >= {"ci.yml", "publish.yml", "intake.yml"}
    assert {p.name for p in FORMS} == {"propose-pattern.yml", "record-adoption.yml", "report-problem.yml"}
    for name in ("pull_request_template.md", "CODEOWNERS.example", "ISSUE_TEMPLATE/config.yml"):
        assert (GITHUB / name).is_file(), name


def test_workflows_match_the_github_workflow_schema():
    done = check_jsonschema("vendor.github-workflows", *WORKFLOWS)
    assert done.returncode == 0, done.stdout + done.stderr


def test_issue_forms_match_the_github_issue_forms_schema():
    done = check_jsonschema("vendor.github-issue-forms", *FORMS)
    assert done.returncode == 0, done.stdout + done.stderr


def test_issue_template_config_matches_its_schema():
    done = check_jsonschema("vendor.github-issue-config", GITHUB / "ISSUE_TEMPLATE" / "config.yml")
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("schema, path", [
    ("vendor.github-workflows", BROKEN / "invalid-workflow" / "ci.yml"),
    ("vendor.github-issue-forms", BROKEN / "invalid-issue-form" / "form.yml"),
])
def test_the_schema_checks_catch_broken_files(schema, path):
    done = check_jsonschema(schema, path)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Schema validation errors" in done.stdout


def test_ci_validates_tests_builds_and_keeps_the_site():
    ci = load(GITHUB / "workflows" / "ci.yml")
    triggers = ci[True] if True in ci else ci["on"]  # PyYAML reads the key `on` as true
    assert "pull_request" in triggers and "push" in triggers
    commands = runs(ci)
    for command in ('CATALOGUE_CHROMIUM=$(command -v google-chrome || command -v chromium)', "pip install -e '.[test]'",
                    "catalogue validate --format github", "python -m pytest",
                    "catalogue build --strict --site-dir site"):
        assert command in commands, command
    # In that order: validate (annotations), then tests, then the build.
    order = [commands.index(c) for c in ("catalogue validate", "pytest", "catalogue build")]
    assert order == sorted(order)
    actions = uses(ci)
    assert any(a.startswith("actions/checkout@") for a in actions)
    assert any(a.startswith("actions/upload-artifact@") for a in actions)
    setup = next(s for s in steps(ci) if s.get("uses", "").startswith("actions/setup-python@"))
    assert str(setup["with"]["python-version"]) == "3.11"
    upload = next(s for s in steps(ci) if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"].rstrip("/") == "site"


def test_publish_deploys_main_to_pages_with_the_right_permissions():
    publish = load(GITHUB / "workflows" / "publish.yml")
    triggers = publish[True] if True in publish else publish["on"]
    assert triggers["push"]["branches"] == ["main"]
    assert "catalogue build --strict --site-dir site" in runs(publish)
    actions = uses(publish)
    assert any(a.startswith("actions/upload-pages-artifact@") for a in actions)
    assert any(a.startswith("actions/deploy-pages@") for a in actions)
    deploy = next(job for job in publish["jobs"].values()
                  if any(s.get("uses", "").startswith("actions/deploy-pages@") for s in job["steps"]))
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert publish["permissions"] == {"contents": "read"}
    # The site's address reaches the build, for the sitemap and the feed (mkdocs.yml's SITE_URL).
    build = next(job for job in publish["jobs"].values()
                 if any("catalogue build" in s.get("run", "") for s in job["steps"]))
    pages = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/configure-pages@"))
    step = next(s for s in build["steps"] if "catalogue build" in s.get("run", ""))
    assert step["env"]["SITE_URL"] == "${{ steps.%s.outputs.base_url }}/" % pages["id"]
    assert build["permissions"] == {"contents": "read", "pages": "read"}
    assert "!ENV [SITE_URL]" in (REPO / "mkdocs.yml").read_text(encoding="utf-8")


def test_actions_are_pinned_to_a_major_version():
    for workflow in WORKFLOWS:
        for action in uses(load(workflow)):
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@v\d+", action), f"{workflow.name}: {action}"


def test_pre_commit_hook_runs_catalogue_validate():
    hooks = load(REPO / ".pre-commit-hooks.yaml")
    hook = next(h for h in hooks if h["id"] == "catalogue-validate")
    assert hook["entry"] == "catalogue validate"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False
    files = re.compile(hook["files"])
    for path in ("patterns/cloud-centre-of-excellence.yaml", "organisations.yaml"):
        assert files.search(path), path
    for path in ("README.md", "patterns/notes.txt", "schema/pattern.schema.json", "docs/organisations.yaml"):
        assert not files.search(path), path


def test_pre_commit_config_uses_the_local_hook():
    config = load(REPO / ".pre-commit-config.yaml")
    local = next(r for r in config["repos"] if r["repo"] == "local")
    hook = next(h for h in local["hooks"] if h["id"] == "catalogue-validate")
    assert hook["entry"].endswith("catalogue validate")
    assert hook["pass_filenames"] is False


def test_vscode_settings_point_at_the_schemas():
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    schemas = settings["yaml.schemas"]
    assert schemas["./schema/pattern.schema.json"] == ["patterns/*.yaml"]
    assert schemas["./schema/organisations.schema.json"] == ["organisations.yaml"]
    for schema in schemas:
        assert (REPO / schema).is_file(), schema
    extensions = json.loads((REPO / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]


def test_issue_form_choices_match_the_schema():
    """The forms offer exactly the categories, themes and statuses the schema allows."""
    schema = json.loads((REPO / "schema" / "pattern.schema.json").read_text(encoding="utf-8"))

    def options(form: str, field: str) -> list[str]:
        body = load(GITHUB / "ISSUE_TEMPLATE" / form)["body"]
        return next(item["attributes"]["options"] for item in body if item.get("id") == field)

    assert options("propose-pattern.yml", "category") == schema["properties"]["category"]["enum"]
    assert options("propose-pattern.yml", "themes") == schema["properties"]["themes"]["items"]["enum"]
    assert options("record-adoption.yml", "status") == schema["$defs"]["adoption"]["properties"]["status"]["enum"]
    registry = json.loads((REPO / "schema" / "organisations.schema.json").read_text(encoding="utf-8"))
    organisation = registry["$defs"]["organisation"]["properties"]
    for form in ("record-adoption.yml", "propose-pattern.yml"):
        assert options(form, "organisation_type") == organisation["type"]["enum"]
        assert options(form, "organisation_region") == organisation["region"]["enum"]


def test_intake_runs_on_the_forms_issues_with_the_least_permissions():
    """The intake workflow: opened or edited issues that carry a form's label; write access to
    contents, pull requests and issues and nothing else; never pull_request_target."""
    intake = load(GITHUB / "workflows" / "intake.yml")
    triggers = intake[True] if True in intake else intake["on"]
    assert triggers == {"issues": {"types": ["opened", "edited"]}}
    assert intake["permissions"] == {"contents": "write", "pull-requests": "write", "issues": "write"}
    job = intake["jobs"]["intake"]
    assert "permissions" not in job
    form_labels = {label for form in ("record-adoption.yml", "propose-pattern.yml")
                   for label in load(GITHUB / "ISSUE_TEMPLATE" / form)["labels"]}
    assert set(re.findall(r"labels\.\*\.name, '([^']+)'", job["if"])) == form_labels
    for workflow in WORKFLOWS:
        assert "pull_request_target" not in workflow.read_text(encoding="utf-8"), workflow.name


def test_intake_never_puts_issue_text_into_a_shell_command():
    """Expressions are expanded into a step's script before the shell reads it, so issue text
    there would be code: it goes through an environment variable into a file instead."""
    intake = load(GITHUB / "workflows" / "intake.yml")
    for step in steps(intake):
        assert "${{" not in step.get("run", ""), step["name"]
    body_steps = [s for s in steps(intake) if "github.event.issue.body" in json.dumps(s)]
    assert [s["env"] for s in body_steps] == [{"ISSUE_BODY": "${{ github.event.issue.body }}"}]
    commands = runs(intake)
    assert 'catalogue intake --issue-body "$RUNNER_TEMP/issue-body.md"' in commands
    assert 'scripts/intake-branch.sh "$ISSUE" "$RUNNER_TEMP/intake.md"' in commands
    script = REPO / "scripts" / "intake-branch.sh"
    assert script.stat().st_mode & 0o111, "scripts/intake-branch.sh must be executable"


def test_contributing_states_the_maturity_ladder_of_maturity_yaml():
    """CONTRIBUTING.md must not invent or keep stale numbers: every level and every criterion,
    as schema/maturity.yaml words it, appears in its maturity table, and nothing else does."""
    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = text[text.index("## How maturity is earned"):]
    rows = [line for line in section.splitlines() if line.startswith("| **")]
    config = load(REPO / "schema" / "maturity.yaml")
    assert len(rows) == len(config["levels"])
    for row, level in zip(rows, config["levels"]):
        assert row.startswith(f"| **{level['name']}** |"), row
        for name, n in (level.get("criteria") or {}).items():
            requirement = words(config["criteria"][name]["requirement"], n)
            assert requirement in row, f"{level['name']}: {requirement!r} missing"
        numbers = re.findall(r"\d+", row)
        assert sorted(map(int, numbers)) == sorted(int(n) for n in (level.get("criteria") or {}).values()), row


def test_contributing_documents_the_commands():
    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for phrase in ("make site", ".venv/bin/catalogue validate", ".venv/bin/catalogue adopt",
                   "--org", "--status in-use", "--since", "--evidence", "--note", ".venv/bin/catalogue new",
                   "--changed-since", "catalogue build --strict --site-dir", "path:line:col",
                   "organisations.yaml", "schema/pattern.schema.json"):
        assert phrase in text, phrase


def test_contributing_puts_the_form_route_first_and_the_git_route_second():
    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    order = [text.index(heading) for heading in ("## The quickest way: a form", "## No GitHub account? Email",
                                                 "## The git route", "## Record an adoption")]
    assert order == sorted(order)
    form_route = text[order[0]:order[2]]
    for phrase in ("We use this pattern", "Propose a pattern", "Tell us by email", "pull request", "Edit the issue"):
        assert phrase in form_route, phrase
