"""The catalogue this repository ships (patterns/ and organisations.yaml at its root) is valid today."""

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


def test_the_shipped_catalogue_validates(run_cli, tmp_path):
    proc = run_cli("validate", "--root", REPO_ROOT, cwd=tmp_path, today=None)
    assert proc.returncode == 0, proc.stdout + proc.stderr
