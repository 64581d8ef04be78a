"""`catalogue serve` rebuilds only what an edit changed (generator/plugin/preview.py), and the
result is the same, file for file and byte for byte, as a clean full build of the changed
catalogue: Pagefind's index included.

The builds run in this process exactly as MkDocs' dev server runs them (mkdocs/commands/serve.py):
on_startup(command="serve", dirty=True), then for each change a fresh config with site_url set to
the server's address and build(config, serve_url=..., dirty=True), with the same plugin object kept
across builds. The catalogue is FICTIONAL: written by `catalogue synth`.
"""

from __future__ import annotations

import filecmp
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from generator.synth import synth_catalogue

SERVE_URL = "http://127.0.0.1:8000/"


class Server:
    """MkDocs' serve builder on a catalogue, in this process."""

    def __init__(self, root: Path, site: Path):
        from mkdocs.config import load_config

        self.root, self.site = root, site
        self.config = load_config(str(root / "mkdocs.yml"), site_dir=str(site))
        self.config.plugins.on_startup(command="serve", dirty=True)
        self.plugin = self.config.plugins["catalogue"]

    def build(self):
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        config = load_config(str(self.root / "mkdocs.yml"), site_dir=str(self.site))
        config.site_url = SERVE_URL
        build(config, serve_url=SERVE_URL, dirty=True)
        self.plugin.preview.wait_for_index()  # written after the build, when only some pages were
        return self.plugin.preview

    def stop(self):
        self.config.plugins.on_shutdown()


def full_build(root: Path, site: Path) -> None:
    """A clean build as the dev server's first one, by a plugin with no previous build."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site))
    config.site_url = SERVE_URL
    build(config, serve_url=SERVE_URL)


def differences(one: Path, other: Path) -> list[str]:
    """Files missing on either side or with different bytes (relative paths)."""
    found = []

    def walk(cmp: filecmp.dircmp, at: str) -> None:
        found.extend(f"{at}{name} (only in one)" for name in cmp.left_only + cmp.right_only)
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        found.extend(f"{at}{name} ({_sizes(cmp, name)})" for name in mismatch + errors)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{at}{name}/")
    walk(filecmp.dircmp(one, other), "")
    return sorted(found)


def _sizes(cmp: filecmp.dircmp, name: str) -> str:
    """The two sizes, to tell a partly written file from a different one."""
    return " vs ".join(str((Path(side) / name).stat().st_size) if (Path(side) / name).exists() else "missing"
                       for side in (cmp.left, cmp.right))


def pattern_file(root: Path, index: int) -> Path:
    return sorted((root / "patterns").glob("*.yaml"))[index]


def edit(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def retitle(data):
    data["title"] = data["title"] + " (renamed)"


def new_text(data):
    data["solution"] = data["solution"] + "\n\nA new paragraph, added in a fictional edit."


def other_category(data):
    data["category"] = "governance" if data["category"] != "governance" else "data"


def one_adoption_fewer(data):
    data["adoptions"] = data.get("adoptions", [])[1:]
    data["maturity"] = "emerging"  # what less evidence still supports (a lower claim is allowed)


def new_summary(data):
    data["summary"] = data["summary"].rstrip(".") + ", fictionally revised."


CHANGES = [("text", new_text), ("summary", new_summary), ("title", retitle), ("category", other_category),
           ("adoption", one_adoption_fewer)]


@pytest.fixture(scope="module", params=[None, 6], ids=["whole lists", "lists in parts, index in shards"])
def catalogue(request, tmp_path_factory, session_env):
    """With the default page size and one search index, and with a page size so small that tag,
    category, region and organisation lists are split into parts (render/paging.py), which a
    preview keeps or renders again together, and the search index in shards of 40 pages
    (publish/searchindex.py), which a preview writes again whole."""
    root = tmp_path_factory.mktemp("preview") / "catalogue"
    synth_catalogue(root, 120, 40, seed=3)
    if request.param:
        config = root / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        assert "      root: .\n" in text
        config.write_text(text.replace("      root: .\n", f"      root: .\n      page_size: {request.param}\n"
                                                          "      search_shard_size: 40\n"), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def server(catalogue, tmp_path_factory, session_env):
    serving = Server(catalogue, tmp_path_factory.mktemp("served") / "site")
    assert serving.build().everything  # the first build makes every page
    yield serving
    serving.stop()


def check_same_as_full_build(server, tmp_path):
    reference = tmp_path / "reference"
    shutil.copytree(server.root, tmp_path / "copy")
    server_plugin = server.plugin.preview
    server.plugin.preview = None  # the same plugin object builds the reference, without a preview
    try:
        full_build(tmp_path / "copy", reference)
    finally:
        server.plugin.preview = server_plugin
    assert differences(server.site, reference) == []


@pytest.mark.parametrize("name, change", CHANGES, ids=[name for name, _ in CHANGES])
def test_an_edit_rebuilds_only_what_it_changed(server, tmp_path, name, change):
    edit(pattern_file(server.root, 7), change)
    preview = server.build()
    assert not preview.everything or name in {"title", "category"}, "a text change rebuilt every page"
    changed_patterns = {p for p in preview.changed if re.fullmatch(r"patterns/[^/]+\.md", p)}
    assert 1 <= len(changed_patterns) < 20, changed_patterns
    check_same_as_full_build(server, tmp_path)


def test_a_new_pattern_and_a_removed_one(server, tmp_path):
    source = pattern_file(server.root, 11)
    copy = source.with_name("fictional-copied-pattern.yaml")
    edit_copy = yaml.safe_load(source.read_text(encoding="utf-8"))
    edit_copy["id"] = "fictional-copied-pattern"
    copy.write_text(yaml.safe_dump(edit_copy, sort_keys=False, allow_unicode=True), encoding="utf-8")
    server.build()
    check_same_as_full_build(server, tmp_path / "added")
    copy.unlink()
    server.build()
    assert not (server.site / "patterns" / "fictional-copied-pattern").exists()
    check_same_as_full_build(server, tmp_path / "removed")


def test_the_index_is_in_shards_where_asked(server):
    """The case with shards does have them (else the comparisons would not cover them)."""
    sharded = "search_shard_size" in (server.root / "mkdocs.yml").read_text(encoding="utf-8")
    listed = json.loads((server.site / "pagefind" / "catalogue-shards.json").read_text(encoding="utf-8"))
    assert (len(listed) >= 3) if sharded else (listed == [])
    assert all((server.site / "pagefind" / folder / "pagefind-entry.json").is_file() for folder in listed)


def test_no_change_rebuilds_no_page(server, tmp_path):
    preview = server.build()
    assert preview.changed == set() and not preview.everything
    check_same_as_full_build(server, tmp_path)


def test_a_broken_edit_then_its_fix(server, tmp_path):
    """A half-typed file fails the build (as the dev server shows it); the next build, after the
    fix, rebuilds every page and matches a clean build."""
    from mkdocs.exceptions import Abort

    path = pattern_file(server.root, 23)
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace("title:", "title: [unclosed", 1), encoding="utf-8")
    with pytest.raises(Abort):
        server.build()
    path.write_text(good.replace("\nsolution: |\n", "\nsolution: |\n  Fixed, fictionally.\n", 1), encoding="utf-8")
    assert server.build().everything
    check_same_as_full_build(server, tmp_path)
