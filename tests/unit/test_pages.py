"""Unit tests for generator/render/pages.py: render_site's tree of pages and data files, front
matter that stays plain text, and a catalogue's own templates overriding the
packaged ones by name. Uses the FICTIONAL demo catalogue; no MkDocs involved."""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

import pytest
import yaml

from generator.render.context import build_context
from generator.model.vocabulary import enum_values
from generator.render.pages import front_matter_string, render_site

DEMO = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "site" / "demo"
TODAY = dt.date(2026, 11, 26)
REPO_URL = "https://github.com/example-org/fictional-catalogue"
PATTERN_IDS = sorted(p.stem for p in (DEMO / "patterns").glob("*.yaml"))
HOSTILE = "patterns/fictional-hostile-entry.md"


@pytest.fixture(scope="module")
def catalogue(demo_catalogue):
    return demo_catalogue  # tests/unit/conftest.py


@pytest.fixture(scope="module")
def ctx(catalogue):
    return build_context(catalogue, TODAY, repo_url=REPO_URL, site_url="https://example.org/catalogue/")


@pytest.fixture(scope="module")
def tree(ctx):
    return render_site(ctx)


def front_matter(page: str) -> dict:
    assert page.startswith("---\n")
    head, _, _ = page[4:].partition("\n---\n")
    return yaml.safe_load(head)


def test_render_site_keys(tree):
    expected = {"index.md", "patterns/index.md", "patterns/index.json", "organisations/index.md", "maturity.md", "reuse.md",
                "stats.md", "data.md", "tags/index.md", "search.md", "catalogue.json", "catalogue.csv", "feed.xml",
                "schema/catalogue.schema.json", "schema/pattern.schema.json",
                "assets/catalogue.css", "assets/catalogue.js"}
    expected |= {f"categories/{c}.md" for c in enum_values("category")}
    expected |= {f"patterns/{p}.md" for p in PATTERN_IDS}
    expected |= {f"organisations/ZZ{n}.md" for n in range(1, 10)}
    expected |= {f"badges/{p}.svg" for p in PATTERN_IDS}
    # A page per NHS England region and per ICB an organisation names (regions/index.md: the map).
    expected |= {"regions/index.md", "regions/icb/ZZ7.md", "regions/icb/ZZQ2.md"}
    expected |= {f"regions/{r}.md" for r in ("east-of-england", "london", "midlands", "north-east-and-yorkshire",
                                             "north-west", "south-east", "south-west")}
    tags = {tag for pid in PATTERN_IDS
            for tag in yaml.safe_load((DEMO / "patterns" / f"{pid}.yaml").read_text()).get("tags", [])}
    assert tags  # the demo has tagged patterns, so tag pages are checked
    expected |= {f"tags/{tag}.md" for tag in tags}
    assert set(tree) == expected
    assert all(isinstance(text, str) and text for text in tree.values())


def test_render_site_is_deterministic(ctx, tree):
    assert render_site(ctx) == tree


def test_front_matter_is_valid_yaml_with_escaped_titles(tree, catalogue):
    for path, text in tree.items():
        if not path.endswith(".md"):
            continue
        meta = front_matter(text)
        assert isinstance(meta["title"], str) and meta["title"], path
        assert "<" not in meta["title"] and '"' not in meta["title"], path
    hostile = catalogue.patterns["fictional-hostile-entry"]
    meta = front_matter(tree[HOSTILE])
    assert meta["title"] == html.escape(hostile.title, quote=True)
    assert meta["title"] == "Hostile entry [click](javascript:alert(1)) &amp; &quot;quotes&quot;"
    assert meta["description"] == html.escape(hostile.summary, quote=True)
    assert front_matter(tree["organisations/ZZ7.md"])["title"] == "Fictional Riverside &amp; Vale ICB"
    assert front_matter(tree["categories/people-and-skills.md"])["title"] == "People and skills"
    assert front_matter(tree["patterns/fictional-shared-booking-service.md"])["tags"] == ["booking", "shared-service"]


@pytest.mark.parametrize("text", [
    'Plain', 'colon: and # hash', '- a list marker', '[brackets] and {braces}', "it's \"quoted\"",
    "*star &amp; ampersand", "line\nbreak", "\u2028separator", "trailing space ", "ünïcödé ✓", "yes", "null", "1.0",
])
def test_front_matter_string_round_trips_through_yaml(text):
    value = yaml.safe_load(f"title: {front_matter_string(text)}\n")["title"]
    assert value == html.escape(text, quote=True)


def test_contributor_text_is_escaped_in_page_bodies(tree):
    body = tree[HOSTILE].split("\n---\n", 1)[1]
    assert "<script" not in body and "<svg onload" not in body and "onerror=" not in body
    assert "javascript:alert('link')" not in body
    # the title never reaches the body as Markdown link syntax outside an HTML block
    for line in body.splitlines():
        if "[click](javascript:alert(1))" in line:
            assert line.lstrip().startswith("<"), line


def test_pages_without_repo_url_or_email_say_whom_to_ask(catalogue):
    """No dead end: without a form or a mailbox, the page says in words how a use gets recorded."""
    page = render_site(build_context(catalogue, TODAY))["patterns/fictional-rota-app.md"]
    assert "Edit this pattern" not in page and "We use this pattern" not in page
    assert "Ask the people who run this catalogue to record it" in page


def test_links_follow_the_directory_urls_option(catalogue):
    flat = render_site(build_context(catalogue, TODAY, directory_urls=False))
    assert 'href="patterns/index.html"' in flat["index.md"]
    assert 'href="../organisations/ZZ4.html"' in flat["patterns/fictional-rota-app.md"]
    nested = render_site(build_context(catalogue, TODAY))
    assert 'href="../../organisations/ZZ4/"' in nested["patterns/fictional-rota-app.md"]


def test_data_files_are_in_the_tree(tree):
    assert tree["catalogue.json"].startswith("{")
    assert tree["catalogue.csv"].splitlines()[0].startswith("id,title,")
    assert len(tree["catalogue.csv"].splitlines()) == 1 + len(PATTERN_IDS)
    assert tree["feed.xml"].startswith('<?xml version="1.0" encoding="utf-8"?>')
    assert "https://example.org/catalogue/patterns/" in tree["feed.xml"]  # absolute links with a site_url


# ---------------------------------------------------------------- a catalogue's own templates

def test_override_template_replaces_the_packaged_one_by_name(ctx, tree, tmp_path):
    (tmp_path / "home.md.j2").write_text(
        '{% from "_macros.j2" import badge %}\n---\ntitle: "Fictional home"\n---\n\n'
        '<p id="custom">FICTIONAL custom home: {{ ctx.patterns | length }} patterns; '
        '{{ ctx.by_id["fictional-hostile-entry"].pattern.title }}; '
        '{{ badge(ctx.by_id["fictional-rota-app"].level) }}; <a href="{{ link("maturity.md") }}">m</a></p>\n',
        encoding="utf-8")
    custom = render_site(ctx, tmp_path)
    home = custom["index.md"]
    assert home.startswith("---\ntitle: \"Fictional home\"\n---\n")
    assert "FICTIONAL custom home: 5 patterns; " in home
    # autoescape still applies to a catalogue's own templates
    assert "Hostile entry [click](javascript:alert(1)) &amp; &#34;quotes&#34;" in home
    assert 'class="pc-badge pc-badge--piloted"' in home  # packaged macros still importable
    assert '<a href="maturity/">m</a>' in home
    assert {k: v for k, v in custom.items() if k != "index.md"} == {k: v for k, v in tree.items() if k != "index.md"}


def test_override_dir_without_the_template_falls_back(ctx, tree, tmp_path):
    (tmp_path / "unrelated.md.j2").write_text("FICTIONAL, unused\n", encoding="utf-8")
    assert render_site(ctx, tmp_path) == tree


def test_override_of_a_macro_applies_everywhere(ctx, tmp_path):
    packaged = (Path(__file__).resolve().parents[2] / "generator" / "templates" / "_macros.j2").read_text(encoding="utf-8")
    (tmp_path / "_macros.j2").write_text(packaged.replace('class="pc-badge ', 'class="pc-badge fictional-badge '),
                                         encoding="utf-8")
    custom = render_site(ctx, tmp_path)
    assert "fictional-badge" in custom["patterns/fictional-rota-app.md"]
    assert "fictional-badge" in custom["patterns/index.md"]
