"""Every command given hostile or careless arguments (very long names, paths where an id goes,
line breaks in codes, bad dates) refuses with exit 2 and one clear message, never an internal
error, and leaves the FICTIONAL fixture catalogue exactly as it was."""

from __future__ import annotations

import pytest

LONG = "a" * 300
CASES = {
    "adopt-long-id": (["adopt", LONG, "--org", "ZZ2", "--status", "exploring"], "no pattern has id 'aaaa"),
    "adopt-path-id": (["adopt", "../catalogue/patterns/paper-change-board", "--org", "ZZ2", "--status", "exploring"],
                      "no pattern has id '../catalogue/patterns/paper-change-board': did you mean"),
    "adopt-newline-code": (["adopt", "paper-change-board", "--org", "ZZ2\n", "--status", "exploring"],
                           "[organisation-exists] organisation 'ZZ2\\n' is not in organisations.yaml"),
    "adopt-long-code": (["adopt", "paper-change-board", "--org", "Z" * 300, "--status", "exploring"],
                        "[schema-pattern] adoptions[0].organisation:"),
    "adopt-bad-since": (["adopt", "paper-change-board", "--org", "ZZ2", "--status", "exploring", "--since", "2026-02-30"],
                        "--since '2026-02-30' is not a date"),
    "adopt-long-root": (["adopt", "paper-change-board", "--root", LONG, "--org", "ZZ2", "--status", "exploring"],
                        "File name too long"),
    "new-long-root": (["new", "fictional-x", "--root", LONG, "--title", "Fictional x", "--category", "delivery",
                       "--originator", "ZZ1", "--no-input"], "File name too long"),
    "validate-long-root": (["validate", "--root", LONG], "File name too long"),
    "validate-long-path": (["validate", f"patterns/{LONG}.yaml"], "no such file: patterns/aaaa"),
    "validate-long-ref": (["validate", "--changed-since", LONG], "is not inside a git repository"),
    "render-long-out": (["render", "--out", f"../{LONG}"], "File name too long"),
    "build-long-site": (["build", "--site-dir", f"../{LONG}"], "File name too long"),
    "synth-long-out": (["synth", "--patterns", "2", "--organisations", "2", "--out", f"../{LONG}"], "File name too long"),
    "synth-bad-as-of": (["synth", "--patterns", "2", "--organisations", "2", "--out", "../s", "--as-of", "26-11-2026"],
                        "--as-of '26-11-2026' is not a date: write YYYY-MM-DD"),
}


def snapshot(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("case", sorted(CASES))
def test_an_edge_is_refused_with_exit_2_and_a_clear_message(run_cli, catalogue, site_config, case):
    args, message = CASES[case]
    site_config(catalogue)
    before = snapshot(catalogue)
    proc = run_cli(*args, cwd=catalogue)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert proc.stderr.startswith(f"catalogue {args[0]}: error: ") and message in proc.stderr, proc.stderr
    assert "internal error" not in proc.stderr
    assert snapshot(catalogue) == before
    assert sorted(p.name for p in catalogue.parent.iterdir()) == ["catalogue"]


@pytest.mark.parametrize("size", ["0", "-3"])
def test_a_search_shard_size_below_one_is_refused_before_any_work(run_cli, catalogue, site_config, edit, size):
    site_config(catalogue)
    edit(catalogue / "mkdocs.yml", "  - catalogue:\n", f"  - catalogue:\n      search_shard_size: {size}\n")
    before = snapshot(catalogue)
    proc = run_cli("build", cwd=catalogue)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert f"search_shard_size must be a whole number of pages, 1 or more, not {size}" in proc.stderr, proc.stderr
    assert proc.stderr.rstrip().splitlines()[-1].startswith("catalogue build: error: the site was not built")
    assert "internal error" not in proc.stderr and "Traceback" not in proc.stderr
    assert snapshot(catalogue) == before and not (catalogue / "site").exists()
