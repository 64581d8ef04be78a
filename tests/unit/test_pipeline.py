"""Unit tests for generator/publish/pipeline.py: one function from a catalogue root to pages, the
options a catalogue's mkdocs.yml gives it, and a validation made before MkDocs taken once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.errors import ConfigError, InvalidCatalogueError
from generator.publish.pipeline import SiteOptions, prevalidated, render_catalogue
from generator.validate.catalogue import validate_catalogue

DEMO = Path(__file__).resolve().parents[1] / "fixtures" / "site" / "demo"
DEMO_DAY = dt.date(2026, 11, 26)


def test_options_come_from_the_catalogues_mkdocs_yml():
    options = SiteOptions.from_mkdocs_yml(DEMO / "mkdocs.yml")
    assert options == SiteOptions(repo_url="https://github.com/example-org/fictional-catalogue",
                                  intake_email="patterns@example.org", site_url="https://example.org/catalogue/")


def test_options_of_a_catalogue_without_mkdocs_yml_are_the_defaults(tmp_path):
    assert SiteOptions.from_mkdocs_yml(tmp_path / "mkdocs.yml") == SiteOptions()


def test_options_read_templates_and_flat_urls(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: Fictional\nuse_directory_urls: false\nplugins:\n"
                                         "  - catalogue:\n      templates: overrides\n      edit_branch: trunk\n")
    options = SiteOptions.from_mkdocs_yml(tmp_path / "mkdocs.yml")
    assert (options.directory_urls, options.edit_branch, options.templates) == (False, "trunk", tmp_path / "overrides")


def test_the_pipeline_renders_every_page_with_the_options():
    publication = render_catalogue(DEMO, SiteOptions.from_mkdocs_yml(DEMO / "mkdocs.yml"), DEMO_DAY)
    assert publication.validation.result.success
    assert publication.context.repo_url and publication.context.site_url == "https://example.org/catalogue/"
    assert {"index.md", "patterns/index.md", "feed.xml"} <= set(publication.tree)
    assert "https://example.org/catalogue/" in publication.tree["feed.xml"]


def test_an_invalid_catalogue_raises_with_its_problems(catalogue, edit, today):
    edit(catalogue / "organisations.yaml", "  ZZ7:", "  zz7:")
    with pytest.raises(InvalidCatalogueError) as caught:
        render_catalogue(catalogue, SiteOptions(), today)
    assert [p.rule for p in caught.value.result.errors] == ["schema-key"]


def test_a_build_reads_the_catalogue_once(catalogue, valid_root, today, monkeypatch):
    """`catalogue build` validates before MkDocs starts and lends that validation to the pipeline."""
    from generator.publish import pipeline

    first = validate_catalogue(catalogue, today=today)
    calls = []
    monkeypatch.setattr(pipeline, "validate_catalogue", lambda *a, **k: calls.append(a) or first)
    with prevalidated(first):
        assert render_catalogue(catalogue, SiteOptions(), today).validation is first
        assert render_catalogue(catalogue / "patterns" / "..", SiteOptions(), today).validation is first
        assert calls == []
        render_catalogue(valid_root, SiteOptions(), today)  # another root: read again
        render_catalogue(catalogue, SiteOptions(), today + dt.timedelta(days=1))  # another day
    assert len(calls) == 2
    render_catalogue(catalogue, SiteOptions(), today)
    assert len(calls) == 3


@pytest.mark.parametrize("address", ["not an address", "patterns@example.org?cc=x@example.org",
                                     "a@example.org\nBcc: b@example.org", 5])
def test_an_intake_email_that_is_not_a_mailbox_is_a_config_error(address):
    with pytest.raises(ConfigError, match="intake_email"):
        render_catalogue(DEMO, SiteOptions(intake_email=address), DEMO_DAY)


def test_the_issue_forms_are_read_only_for_a_catalogue_that_links_to_them(tmp_path, catalogue, today):
    """A catalogue with neither repo_url nor intake_email never reads .github/ (a broken form there
    cannot break its build); one with either reads the forms, and a broken one is named."""
    forms = catalogue / ".github" / "ISSUE_TEMPLATE"
    forms.mkdir(parents=True)
    (forms / "record-adoption.yml").write_text("body: [unclosed\n", encoding="utf-8")
    assert render_catalogue(catalogue, SiteOptions(), today).context.forms == {}
    with pytest.raises(ConfigError, match="record-adoption.yml: cannot read the issue form"):
        render_catalogue(catalogue, SiteOptions(intake_email="patterns@example.org"), today)


@pytest.mark.parametrize("size", [0, -5, "100", True, 2.5])
def test_a_page_size_that_is_not_a_whole_number_of_rows_is_a_config_error(size):
    with pytest.raises(ConfigError, match="page_size"):
        render_catalogue(DEMO, SiteOptions(page_size=size), DEMO_DAY)


def test_page_size_comes_from_the_catalogues_mkdocs_yml(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("plugins:\n  - catalogue:\n      page_size: 25\n", encoding="utf-8")
    assert SiteOptions.from_mkdocs_yml(tmp_path / "mkdocs.yml").page_size == 25
    assert SiteOptions.from_mkdocs_yml(tmp_path / "missing.yml").page_size == 100


def test_a_preview_after_the_page_size_changed_matches_a_clean_render(monkeypatch):
    """A page split for another page size is never reused (the fictional demo catalogue)."""
    demo = DEMO
    monkeypatch.chdir(demo)
    before = render_catalogue(demo, SiteOptions(page_size=1))
    preview = render_catalogue(demo, SiteOptions(page_size=100), previous=before)
    assert preview.tree == render_catalogue(demo, SiteOptions(page_size=100)).tree
    assert any("/page-2.md" in path for path in before.tree)  # the first build did split lists
