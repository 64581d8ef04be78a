"""`catalogue validate` end to end, in a subprocess: exit codes, formats, named files, --root."""

import json

import pytest

from generator.validate.loader import MAX_BYTES


@pytest.fixture
def broken(edit, catalogue):
    """The fixture catalogue with two broken files."""
    edit(catalogue / "patterns" / "paper-change-board.yaml", "summary:", "sumary:")
    edit(catalogue / "patterns" / "shared-landing-zone.yaml", "originator: ZZ3", "originator: ZZ9")
    return catalogue


def test_a_valid_catalogue_exits_0_with_only_a_summary(run_cli, catalogue, tmp_path):
    proc = run_cli("validate", "--root", catalogue, cwd=tmp_path)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "", "0 errors, 0 warnings in 5 files\n")


def test_every_broken_file_is_reported_in_one_run_and_exits_1(run_cli, broken):
    proc = run_cli("validate", cwd=broken)
    assert proc.returncode == 1
    assert [line.split(": [")[0] for line in proc.stdout.splitlines()] == [
        "patterns/paper-change-board.yaml:2:1: error",     # schema-required: summary
        "patterns/paper-change-board.yaml:4:1: error",     # schema-unknown-key: sumary
        "patterns/shared-landing-zone.yaml:22:13: error"]  # organisation-exists: ZZ9
    assert "did you mean 'summary'?" in proc.stdout
    assert proc.stderr == "3 errors, 0 warnings in 5 files\n"


def test_json_is_a_list_of_objects_with_the_documented_fields(run_cli, broken):
    proc = run_cli("validate", "--format", "json", cwd=broken)
    problems = json.loads(proc.stdout)
    assert proc.returncode == 1 and len(problems) == 3 and proc.stderr == ""
    for problem in problems:
        assert list(problem) == ["path", "line", "column", "severity", "rule", "message"]
    assert problems[2] == {"path": "patterns/shared-landing-zone.yaml", "line": 22, "column": 13,
                           "severity": "error", "rule": "organisation-exists", "message": problems[2]["message"]}


def test_github_format_writes_one_annotation_per_problem(run_cli, broken):
    lines = run_cli("validate", "--format", "github", cwd=broken).stdout.splitlines()
    assert len(lines) == 3
    assert lines[2].startswith("::error file=patterns/shared-landing-zone.yaml,line=22,col=13,"
                               "title=organisation-exists::organisation 'ZZ9'")


def test_a_named_file_reports_only_its_own_problems(run_cli, broken):
    proc = run_cli("validate", "patterns/shared-landing-zone.yaml", cwd=broken)
    assert proc.returncode == 1
    assert [line.split(":")[0] for line in proc.stdout.splitlines()] == ["patterns/shared-landing-zone.yaml"]
    assert run_cli("validate", "patterns/time-boxed-cloud-strategy.yaml", cwd=broken).returncode == 0


@pytest.mark.parametrize("args, message", [
    (["validate", "patterns/no-such-file.yaml"], "catalogue validate: error: no such file: patterns/no-such-file.yaml"),
    (["validate", "--root", "no-such-folder"], "catalogue validate: error: no-such-folder/patterns: no patterns folder"),
    (["validate", "../outside.yaml"], "catalogue validate: error: ../outside.yaml: not a file of the catalogue"),
    (["validate", "--format", "xml"], "argument --format: invalid choice: 'xml'"),
])
def test_usage_errors_exit_2_with_a_message_and_no_traceback(run_cli, catalogue, args, message):
    (catalogue.parent / "outside.yaml").write_text("id: outside\n", encoding="utf-8")
    proc = run_cli(*args, cwd=catalogue)  # run_cli also asserts that no traceback reached stderr
    assert proc.returncode == 2 and proc.stdout == ""
    assert message in proc.stderr


def test_a_file_over_one_mebibyte_is_reported_at_1_1(run_cli, catalogue):
    (catalogue / "patterns" / "fictional-big.yaml").write_bytes(b"id: fictional-big\n" + b"#" * MAX_BYTES)
    proc = run_cli("validate", cwd=catalogue)
    assert proc.returncode == 1
    assert proc.stdout.startswith("patterns/fictional-big.yaml:1:1: error: [file-too-large] file is 1,048,594 bytes")


def test_an_entry_saved_with_a_bom_and_crlf_line_endings_validates(run_cli, catalogue):
    path = catalogue / "patterns" / "shared-landing-zone.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    proc = run_cli("validate", "--root", catalogue)
    assert (proc.returncode, proc.stdout) == (0, "")
