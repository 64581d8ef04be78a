"""Unit tests for generator/render/markdown.py: contributor Markdown becomes HTML that keeps
only allow-listed tags and attributes, links only to http(s) and mailto, and opens links
without an opener or referrer. No MkDocs involved."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from generator.render.markdown import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, URL_SCHEMES, render_inline, render_markdown, sanitise


class Tags(HTMLParser):
    """Every start tag with its attributes."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def tags_of(html: str) -> set[str]:
    return {tag for tag, _ in Tags(html).found}


def links_of(html: str) -> list[dict]:
    return [attrs for tag, attrs in Tags(html).found if tag == "a"]


# ---------------------------------------------------------------- the allow-list

def test_allow_list_is_small_and_has_no_dangerous_entries():
    assert not ALLOWED_TAGS & {"script", "style", "iframe", "img", "form", "input", "svg", "math", "object",
                               "embed", "link", "meta", "base", "div", "span", "h1", "h2", "button", "video"}
    for attrs in ALLOWED_ATTRIBUTES.values():
        assert not {a for a in attrs if a.startswith("on")} and not attrs & {"style", "class", "id", "src"}
    assert URL_SCHEMES == {"http", "https", "mailto"}


@pytest.mark.parametrize("html, gone", [
    ("<script>alert('x')</script>text", "alert"),
    ("<style>body{display:none}</style>text", "display"),
    ('<iframe src="https://example.org"></iframe>text', "iframe"),
    ('<img src="x" onerror="alert(1)">text', "onerror"),
    ('<form action="https://example.org"><input name="q"></form>text', "form"),
    ("<svg onload=alert(1)><circle/></svg>text", "svg"),
    ("<math><mi>x</mi></math>text", "math"),
    ('<object data="x.swf"></object>text', "object"),
    ('<embed src="x.swf">text', "embed"),
    ('<link rel="stylesheet" href="https://example.org/x.css">text', "stylesheet"),
    ('<meta http-equiv="refresh" content="0;url=https://example.org">text', "refresh"),
    ('<base href="https://example.org/">text', "base"),
    ("<svg><script>alert(1)</script></svg>text", "alert"),
    ('<video src="x.mp4"></video>text', "video"),
])
def test_dangerous_markup_is_removed(html, gone):
    out = render_markdown(html)
    assert gone not in out
    assert "text" in out
    assert tags_of(out) <= ALLOWED_TAGS


def test_wrappers_are_unwrapped_keeping_their_text():
    out = render_markdown('<div onmouseover="alert(1)" class="x">in a div</div>\n\n<span style="color:red">span</span>')
    assert "in a div" in out and "span" in out
    assert tags_of(out) <= {"p"}
    assert "onmouseover" not in out and "style" not in out and "class" not in out


def test_page_headings_are_reserved():
    """Contributor headings never become h1/h2 (the page's own structure); h3 and below stay."""
    out = render_markdown("# One\n\n## Two\n\n### Three\n\n#### Four")
    assert not tags_of(out) & {"h1", "h2"}
    assert {"h3", "h4"} <= tags_of(out)
    assert "One" in out and "Two" in out


@pytest.mark.parametrize("text, tag", [
    ("**bold**", "strong"), ("*em*", "em"), ("`code`", "code"), ("```\ncode\n```", "pre"),
    ("> quoted", "blockquote"), ("- a\n- b", "ul"), ("1. a\n2. b", "ol"), ("a\n\n---\n\nb", "hr"),
    ("| a | b |\n|---|---|\n| 1 | 2 |", "table"), ("H<sub>2</sub>O", "sub"), ("x<sup>2</sup>", "sup"),
    ("<del>old</del> <ins>new</ins>", "del"), ("<dl><dt>t</dt><dd>d</dd></dl>", "dl"),
])
def test_allowed_markup_is_kept(text, tag):
    assert tag in tags_of(render_markdown(text))


def test_allowed_attributes_are_kept_and_others_dropped():
    out = render_markdown('<abbr title="National Health Service" class="x">NHS</abbr> '
                          '<a href="https://example.org/" title="A title" id="i" style="color:red">x</a>')
    found = dict(Tags(out).found[1:])
    assert found["abbr"] == {"title": "National Health Service"}
    assert found["a"] == {"href": "https://example.org/", "title": "A title", "rel": "noopener noreferrer"}


def test_code_blocks_show_markup_as_text():
    out = render_markdown("```\n<script>alert(1)</script>\n```")
    assert "&lt;script&gt;" in out and "<script" not in out


def test_comments_are_stripped():
    assert "secret" not in render_markdown("<!-- secret --> visible")


def test_sanitise_is_idempotent():
    text = render_markdown('Fictional <a href="https://example.org">x</a> and <b>y</b> <script>z</script>')
    assert sanitise(text) == text


# ---------------------------------------------------------------- link schemes and rel

@pytest.mark.parametrize("href", [
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java&#x09;script:alert(1)",
    "&#106;avascript:alert(1)", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)", "file:///etc/passwd", "ftp://example.org/file",
])
def test_links_with_other_schemes_lose_their_target(href):
    out = render_markdown(f'<a href="{href}">words</a>')
    assert "words" in out
    assert all("href" not in attrs for attrs in links_of(out))


def test_markdown_link_syntax_cannot_make_a_javascript_link():
    for text in ("[x](javascript:alert(1))", "[x](<javascript:alert(1)>)", "<javascript:alert(1)>",
                 "[x][r]\n\n[r]: javascript:alert(1)"):
        out = render_markdown(text)
        assert not re.search(r'href="\s*javascript', out, re.I), (text, out)


@pytest.mark.parametrize("href", ["https://example.org/a?b=1&c=2", "http://example.org/", "mailto:team@example.org"])
def test_allowed_schemes_are_kept(href):
    links = links_of(render_markdown(f"[words]({href})"))
    assert [a["href"] for a in links] == [href]


def test_every_link_opens_without_opener_or_referrer():
    text = ('<a href="https://example.org/" rel="opener" target="_blank">one</a> '
            '[two](https://example.org/two) <https://example.org/three>')
    links = links_of(render_markdown(text))
    assert len(links) == 3
    for attrs in links:
        assert set(attrs["rel"].split()) == {"noopener", "noreferrer"}
        assert "target" not in attrs


# ---------------------------------------------------------------- inline

def test_render_inline_drops_the_paragraph_of_a_one_line_fragment():
    assert render_inline("A *fictional* note.") == "A <em>fictional</em> note."
    assert render_inline("") == render_inline(None) == ""
    assert render_inline("one\n\ntwo").count("<p>") == 2  # more than one paragraph stays as it is


def test_render_inline_after_removed_markup():
    assert render_inline("<script>alert('note')</script> exploring") == "exploring"
    assert render_inline("<!-- aside --> exploring") == "exploring"


def test_table_column_alignment_survives():
    out = render_markdown("| a | b |\n|:--|--:|\n| 1 | 2 |")
    assert 'align="right"' in out
