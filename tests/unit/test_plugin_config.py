"""Unit tests for the MkDocs plugin's options (generator/plugin/config.py) and how the plugin
reads them: defaults, type checks, the entry point, paths resolved against mkdocs.yml, and the
events run by hand on the FICTIONAL demo catalogue (no site is built here)."""

from __future__ import annotations

import os
import re
import shutil
from importlib.metadata import entry_points
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import get_files

from generator.plugin.config import CatalogueConfig
from generator.plugin.plugin import CataloguePlugin

DEMO = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "site" / "demo"
EPOCH = "1795651200"  # 2026-11-26T00:00Z


@pytest.fixture(autouse=True)
def pinned_day(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")


def test_option_defaults():
    config = CatalogueConfig()
    config.load_dict({})
    errors, warnings = config.validate()
    assert (errors, warnings) == ([], [])
    assert config.root == "."
    assert config.templates is None
    assert config.repo_url is None
    assert config.intake_email is None
    assert config.edit_branch == "main"
    assert config.page_size == 100
    assert config.get("enabled", True) is True


def test_page_size_must_be_a_whole_number():
    config = CatalogueConfig()
    config.load_dict({"page_size": "many"})
    errors, _ = config.validate()
    assert [name for name, _ in errors] == ["page_size"]


def test_plugin_uses_its_config_class_and_checks_types():
    plugin = CataloguePlugin()
    errors, warnings = plugin.load_config({"repo_url": 5, "unknown_option": 1})
    assert [name for name, _ in errors] == ["repo_url"]
    assert [name for name, _ in warnings] == ["unknown_option"]
    errors, _ = CataloguePlugin().load_config({"edit_branch": ["x"]})
    assert [name for name, _ in errors] == ["edit_branch"]
    errors, _ = CataloguePlugin().load_config({"intake_email": ["patterns@example.org"]})
    assert [name for name, _ in errors] == ["intake_email"]
    plugin = CataloguePlugin()
    errors, _ = plugin.load_config({"root": "catalogue", "templates": "overrides",
                                    "repo_url": "https://github.com/example-org/fictional-catalogue",
                                    "edit_branch": "trunk"})
    assert errors == []
    assert isinstance(plugin.config, CatalogueConfig)
    assert (plugin.config.root, plugin.config.templates, plugin.config.edit_branch) == ("catalogue", "overrides", "trunk")


def test_plugin_is_registered_under_the_name_catalogue():
    found = [ep for ep in entry_points(group="mkdocs.plugins") if ep.name == "catalogue"]
    assert len(found) == 1
    assert found[0].load() is CataloguePlugin


def run_events(config_file: Path):
    """Load a mkdocs.yml and run on_config and on_files as a build would (nothing is written).
    The build goes no further, so it is ended as a failed build is: that stops the search
    indexer on_files started (its process and reader thread would otherwise outlive the test)."""
    config = load_config(str(config_file))
    config = config.plugins.on_config(config)
    files = get_files(config)
    try:
        files = config.plugins.on_files(files, config=config)
    finally:
        config.plugins.on_build_error(error=RuntimeError("test stops after on_files"))
    return config, files


@pytest.mark.parametrize("custom_dir", [False, True])
def test_theme_overrides_come_after_the_catalogues_own_custom_dir(tmp_path, custom_dir):
    """The catalogue's header and navigation partials override Material's, but a catalogue's own
    custom_dir (its own overrides) must still win over them."""
    from generator.plugin.plugin import THEME_DIR

    root = tmp_path / "demo"
    shutil.copytree(DEMO, root)
    if custom_dir:
        (root / "overrides").mkdir()
        config_file = root / "mkdocs.yml"
        config_file.write_text(config_file.read_text(encoding="utf-8").replace(
            "  name: material\n", "  name: material\n  custom_dir: overrides\n"), encoding="utf-8")
    config = load_config(str(root / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    dirs = [Path(d).resolve() for d in config.theme.dirs]
    if custom_dir:
        assert dirs[0] == (root / "overrides").resolve()
    assert dirs[1 if custom_dir else 0] == THEME_DIR.resolve()
    assert dirs.index(THEME_DIR.resolve()) < min(i for i, d in enumerate(dirs) if "material" in d.parts)


def test_paths_resolve_against_mkdocs_yml_not_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    config = load_config(str(DEMO / "mkdocs.yml"))
    plugin = config.plugins["catalogue"]
    assert plugin.config.repo_url == "https://github.com/example-org/fictional-catalogue"
    config = config.plugins.on_config(config)
    assert plugin.root == DEMO.resolve()
    assert plugin.options.templates is None
    assert plugin.options.intake_email == "patterns@example.org"  # `catalogue render` reads the same option
    assert "assets/catalogue.css" in config.extra_css
    assert "assets/catalogue.js" in [str(s) for s in config.extra_javascript]


def test_on_files_adds_every_generated_page_in_memory(tmp_path, monkeypatch):
    from generator.dates import today
    from generator.render.context import build_context
    from generator.render.pages import render_site
    from generator.validate.catalogue import validate_catalogue

    monkeypatch.chdir(tmp_path)
    before = sorted(p.relative_to(DEMO).as_posix() for p in DEMO.rglob("*"))
    config, files = run_events(DEMO / "mkdocs.yml")
    expected = render_site(build_context(validate_catalogue(DEMO).catalogue, today()))
    for path in expected:
        added = files.get_file_from_path(path)
        assert added is not None, path
        assert added.generated_by == "catalogue" or added.generated_by  # an in-memory file, not one in docs/
    assert files.get_file_from_path("about.md") is not None  # the hand-written page is still there
    assert sorted(p.relative_to(DEMO).as_posix() for p in DEMO.rglob("*")) == before
    assert os.listdir(tmp_path) == []


def copy_demo(tmp_path: Path) -> Path:
    root = tmp_path / "catalogue"
    shutil.copytree(DEMO, root)
    return root


def test_templates_option_resolves_against_mkdocs_yml(tmp_path, monkeypatch):
    root = copy_demo(tmp_path)
    (root / "overrides").mkdir()
    (root / "overrides" / "home.md.j2").write_text('---\ntitle: "Fictional"\n---\n\nFICTIONAL override\n',
                                                   encoding="utf-8")
    cfg = (root / "mkdocs.yml").read_text(encoding="utf-8").replace("      root: .\n", "      root: .\n      templates: overrides\n")
    (root / "mkdocs.yml").write_text(cfg, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    config, files = run_events(root / "mkdocs.yml")
    assert config.plugins["catalogue"].options.templates == (root / "overrides").resolve()
    assert "FICTIONAL override" in files.get_file_from_path("index.md").content_string


def test_invalid_catalogue_fails_with_located_messages(tmp_path, monkeypatch):
    root = copy_demo(tmp_path)
    path = root / "patterns" / "fictional-rota-app.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("category: people-and-skills", "category: nonsense"),
                    encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(PluginError) as caught:
        run_events(root / "mkdocs.yml")
    assert re.search(r"^\S*patterns/fictional-rota-app\.yaml:5:11: error: \[schema-enum\] ", str(caught.value), re.M)


def test_a_hand_written_page_cannot_shadow_a_generated_one(tmp_path, monkeypatch):
    root = copy_demo(tmp_path)
    (root / "docs" / "stats.md").write_text("# FICTIONAL\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(PluginError, match=r"stats\.md is generated"):
        run_events(root / "mkdocs.yml")


def test_enabled_false_turns_the_plugin_off(tmp_path, monkeypatch):
    """The plugin declares its own `enabled` option, so MkDocs leaves it to the plugin to honour."""
    root = copy_demo(tmp_path)
    cfg = (root / "mkdocs.yml").read_text(encoding="utf-8").replace("      root: .\n", "      root: .\n      enabled: false\n")
    (root / "mkdocs.yml").write_text(cfg, encoding="utf-8")
    (root / "organisations.yaml").unlink()  # would fail the build if the plugin ran
    monkeypatch.chdir(tmp_path)
    config, files = run_events(root / "mkdocs.yml")
    assert files.get_file_from_path("patterns/index.md") is None
    assert "assets/catalogue.css" not in config.extra_css
