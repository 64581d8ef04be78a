"""Handing generated HTML past Python-Markdown changes nothing but the time it takes: every
generated page converts to the same HTML with and without the stash (whitespace aside)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import markdown
import pytest

from generator.render.context import build_context
from generator.render.markdown import render_markdown
from generator.render.pages import render_site
from generator.render.stash import restore, stash
from generator.validate import validate_catalogue

DEMO = Path(__file__).resolve().parents[1] / "fixtures" / "site" / "demo"  # fictional
TODAY = dt.date(2026, 11, 26)
EXTENSIONS = ["admonition", "attr_list", "toc", "tables"]  # as the site's mkdocs.yml


def pages():
    ctx = build_context(validate_catalogue(DEMO, today=TODAY).catalogue, TODAY)
    tree = render_site(ctx)
    return {path: body.split("\n---\n", 1)[1] for path, body in tree.items() if path.endswith(".md")}


PAGES = pages()


def convert(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


def squash(html: str) -> str:
    return re.sub(r">\s+<", "><", html.replace("&#10;", "\n")).strip()


@pytest.mark.parametrize("path", sorted(PAGES))
def test_every_generated_page_converts_the_same_with_the_stash(path):
    body = PAGES[path]
    text, blocks = stash(body)
    if path != "tags.md":  # the tags page is one marker comment for Material's tags plugin
        assert blocks, "generated pages are mostly HTML blocks"
    assert squash(restore(convert(text), blocks)) == squash(convert(body))


def test_markdown_between_blocks_is_still_converted():
    text, blocks = stash("## Heading\n\n<div>*raw*</div>\n\nA *paragraph*.")
    html = restore(convert(text), blocks)
    assert "<div>*raw*</div>" in html and "<em>paragraph</em>" in html and "<h2" in html


def test_prose_with_blank_lines_in_code_stays_one_block():
    html = render_markdown("```\nfirst\n\n\nlast\n```")
    assert "\n\n" not in html
    text, blocks = stash(f"<div>{html}</div>")
    assert len(blocks) == 1 and "first&#10;&#10;\nlast" in blocks[0]


def test_comments_and_text_are_never_stashed():
    text, blocks = stash("<!-- material/tags -->\n\nplain text")
    assert blocks == [] and text == "<!-- material/tags -->\n\nplain text"
