"""Unit tests for generator/plugin/session.py, MkDocs' steps run by hand on the FICTIONAL demo
catalogue's config: a build lets go of each generated page's text once MkDocs has used it (the
source once converted, the content once the page is written, the data files once copied), so a
large build does not hold every page twice; a preview, which reuses them, keeps them."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.structure.pages import Page

from generator.plugin.session import SiteBuild

DEMO = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "site" / "demo"
TREE = {"fictional/a.md": "---\ntitle: Fictional A\n---\n<h2 id=\"x\">Fictional</h2><p>Body of A.</p>\n",
        "fictional/data.json": "{\"fictional\": true}\n"}


@pytest.fixture
def started(tmp_path, monkeypatch):
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(DEMO / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins._current_plugin = "catalogue"  # as while MkDocs runs the plugin's on_files
    builds = []

    def start(keep: bool):
        files = get_files(config)
        build = SiteBuild(TREE, files, config, keep_documents=keep)
        builds.append(build)
        page = Page(None, files.get_file_from_path("fictional/a.md"), config)
        page.read_source(config)
        return build, page, files.get_file_from_path("fictional/data.json")
    yield start
    for build in builds:
        build.abort()


def run_page(build: SiteBuild, page: Page) -> tuple[str, str]:
    """take_body, converted_page and rendered_page, as the plugin's events call them; returns
    the page's source text and content as they were just before the page was written."""
    page.markdown = build.take_body(page, page.markdown)
    page.content = build.converted_page(page, "")
    source, content = page.file.content_string, page.content
    build.rendered_page(page)
    return source, content


def test_a_build_lets_go_of_each_pages_text_once_used(started):
    build, page, data = started(keep=False)
    source, content = run_page(build, page)
    assert source == "" and content == '<h2 id="x">Fictional</h2><p>Body of A.</p>\n'
    assert page.content is None, "the page is written: its content is let go"
    assert data.content_bytes == b"", "MkDocs copied the data files before the first page"
    assert [t.id for t in page.toc] == ["x"], "what the theme and the anchor checks need stays"


def test_a_preview_keeps_every_text_for_its_next_build(started):
    build, page, data = started(keep=True)
    source, content = run_page(build, page)
    assert source == TREE["fictional/a.md"] and page.content == content != ""
    assert data.content_string == TREE["fictional/data.json"]
