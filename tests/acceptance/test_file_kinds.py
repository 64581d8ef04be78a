"""Only regular files inside the catalogue root are read: a link (to a file outside the root or
inside it), a named pipe or a folder where a file belongs gets one located `file-not-regular`
error, through the real CLI, and is never opened (a named pipe would hang the run). A link in
place of the patterns folder is a layout error (exit 2). FICTIONAL fixture catalogue."""

from __future__ import annotations

import os
import stat

import pytest

NOT_REGULAR = "1:1: error: [file-not-regular] this is "
OUTSIDE_TEXT = "Fictional secret text from outside the catalogue"


@pytest.fixture
def outside(tmp_path, valid_root):
    """A valid pattern file outside the catalogue (a copy, its title marked), to link to."""
    text = (valid_root / "patterns" / "shared-landing-zone.yaml").read_text(encoding="utf-8")
    path = tmp_path / "outside" / "fictional-outside.yaml"
    path.parent.mkdir()
    path.write_text(text.replace("id: shared-landing-zone", "id: fictional-outside")
                    .replace("title: ", f"title: {OUTSIDE_TEXT} ", 1), encoding="utf-8")
    return path


def make(kind: str, path, outside, catalogue):
    """Put `kind` of thing at `path` in place of a regular file."""
    if kind == "link-outside":
        path.symlink_to(outside)
    elif kind == "link-inside":
        path.symlink_to(catalogue / "patterns" / "paper-change-board.yaml")
    elif kind == "dangling-link":
        path.symlink_to(catalogue / "no-such-file.yaml")
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "device":
        try:  # the character device /dev/null is: reading it would give an empty "file"
            os.mknod(path, stat.S_IFCHR | 0o600, os.makedev(1, 3))
        except (PermissionError, AttributeError):
            pytest.skip("making a device node needs privileges this system does not give")
    elif kind == "folder":
        path.mkdir()
        (path / "README").write_text("A folder named like a pattern file.\n", encoding="utf-8")


KINDS = {"link-outside": "a symbolic link (to ", "link-inside": "a symbolic link (to ",
         "dangling-link": "a symbolic link (to ", "fifo": "a named pipe", "folder": "a folder", "device": "a device"}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_a_pattern_that_is_not_a_regular_file_is_one_located_error(run_cli, catalogue, outside, kind):
    make(kind, catalogue / "patterns" / "fictional-outside.yaml", outside, catalogue)
    proc = run_cli("validate", cwd=catalogue)  # a named pipe opened for reading would hang here
    assert proc.returncode == 1
    assert proc.stdout.splitlines() == [proc.stdout.splitlines()[0]]
    assert proc.stdout.startswith(f"patterns/fictional-outside.yaml:{NOT_REGULAR}{KINDS[kind]}")
    assert "put the file itself here" in proc.stdout


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_the_registry_must_be_a_regular_file_too(run_cli, catalogue, outside, kind, tmp_path):
    registry = catalogue / "organisations.yaml"
    moved = tmp_path / "outside" / "organisations.yaml"
    registry.rename(moved)
    make(kind, registry, moved, catalogue)
    proc = run_cli("validate", cwd=catalogue)
    # One error, on the registry: the patterns are not each blamed for codes it cannot vouch for.
    assert (proc.returncode, len(proc.stdout.splitlines())) == (1, 1)
    assert proc.stdout.startswith(f"organisations.yaml:{NOT_REGULAR}{KINDS[kind]}")


def test_a_linked_pattern_is_never_published(run_cli, catalogue, outside, tmp_path, site_config):
    site_config(catalogue)
    (catalogue / "patterns" / "fictional-outside.yaml").symlink_to(outside)
    proc = run_cli("build", "--site-dir", tmp_path / "site", cwd=catalogue)
    assert proc.returncode == 1 and "[file-not-regular]" in proc.stderr
    assert not (tmp_path / "site").exists()


def test_a_named_link_is_reported_not_followed(run_cli, catalogue, outside):
    link = catalogue / "patterns" / "fictional-outside.yaml"
    link.symlink_to(outside)
    proc = run_cli("validate", "patterns/fictional-outside.yaml", cwd=catalogue)
    assert proc.returncode == 1 and proc.stdout.startswith(f"patterns/fictional-outside.yaml:{NOT_REGULAR}")


def test_a_linked_patterns_folder_is_a_layout_error(run_cli, catalogue, tmp_path):
    real = tmp_path / "elsewhere"
    (catalogue / "patterns").rename(real)
    (catalogue / "patterns").symlink_to(real)
    proc = run_cli("validate", cwd=catalogue)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.startswith("catalogue validate: error: patterns is a symbolic link (to ")
    assert "reads only a real folder inside its root" in proc.stderr


def test_adopt_refuses_a_linked_pattern_and_leaves_its_target_alone(run_cli, catalogue, outside):
    (catalogue / "patterns" / "fictional-outside.yaml").symlink_to(outside)
    before = outside.read_bytes()
    proc = run_cli("adopt", "fictional-outside", "--org", "ZZ2", "--status", "exploring", cwd=catalogue)
    assert proc.returncode == 2 and "a symbolic link" in proc.stderr
    assert outside.read_bytes() == before
    assert (catalogue / "patterns" / "fictional-outside.yaml").is_symlink()


def test_new_does_not_write_through_a_dangling_link(run_cli, catalogue, tmp_path):
    target = tmp_path / "written-through.yaml"
    (catalogue / "patterns" / "fictional-outside.yaml").symlink_to(target)
    proc = run_cli("new", "fictional-outside", "--title", "Fictional outside", "--category", "delivery",
                   "--originator", "ZZ1", "--no-input", cwd=catalogue)
    assert proc.returncode == 2 and "already exists" in proc.stderr
    assert not target.exists()


def test_a_file_swapped_for_a_pipe_after_listing_is_refused_without_waiting(load_text, tmp_path):
    """The loader itself refuses what is not a regular file (the listing may be out of date)."""
    from generator.validate.loader import load_yaml
    from generator.problems import Result

    pipe = tmp_path / "fictional-pipe.yaml"
    os.mkfifo(pipe)
    result = Result()
    assert load_yaml(pipe, "fictional-pipe.yaml", result) is None
    assert [(p.rule, p.line, p.col) for p in result.problems] == [("file-not-regular", 1, 1)]
    link = tmp_path / "fictional-link.yaml"
    link.symlink_to(pipe)
    assert load_yaml(link, "fictional-link.yaml", result) is None
    assert "a symbolic link" in result.problems[-1].message
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)


def test_a_link_added_on_a_branch_fails_the_changed_files_check(run_cli, catalogue, git_repo, tmp_path):
    git_repo(catalogue)
    (catalogue / "patterns" / "fictional-outside.yaml").symlink_to(tmp_path / "gone.yaml")  # dangling
    proc = run_cli("validate", "--changed-since", "main", cwd=catalogue)
    assert proc.returncode == 1 and proc.stdout.startswith(f"patterns/fictional-outside.yaml:{NOT_REGULAR}")
