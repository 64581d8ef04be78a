"""Generated pages reach the reader exactly as the generator rendered them: MkDocs takes each
page's front matter but never parses its body as Markdown (generator/plugin/plugin.py). So every
generated page's body appears verbatim inside the built page's <article>, and a contributor's
text that looks like Markdown or attr_list syntax after a blank line stays text (issue 10)."""

from __future__ import annotations

import shutil

import pytest
import yaml

import sitehtml
from sitehtml import DEMO


@pytest.fixture(scope="module")
def demo_tree(rendered_tree) -> dict[str, str]:
    """The demo's page tree as `catalogue render` wrote it (no MkDocs involved)."""
    folder, proc = rendered_tree
    assert proc.returncode == 0, proc.stderr
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != ".catalogue-output"}


def body_of(page: str) -> str:
    head, sep, body = page[4:].partition("\n---\n")
    assert page.startswith("---\n") and sep and yaml.safe_load(head)["title"]
    return body


def test_catalogue_render_writes_the_pages_mkdocs_gets(demo_site, demo_tree):
    """Every page `catalogue render` writes is in the built site byte for byte: the same options
    (repo_url, site_url from mkdocs.yml) reach both, through the one pipeline."""
    pages = {path: text for path, text in demo_tree.items() if path.endswith(".md")}
    assert len(pages) > 30
    for path, text in pages.items():
        url = path[:-3] + "/" if not path.endswith("index.md") else path[: -len("index.md")]
        built = demo_site.html(url)
        body = body_of(text)
        assert body.strip() and body in built, path
    data = [path for path in demo_tree if not path.endswith(".md")]
    assert {"feed.xml", "catalogue.json", "catalogue.csv"} <= set(data)
    for path in data:
        assert (demo_site.root / path).read_text(encoding="utf-8") == demo_tree[path], path


HOSTILE_TEXT = "Plain text.\n\n[x](javascript:alert(1))\n{: onmouseover=alert(1) }\n\n# Heading *em*\n\n"


def test_text_after_a_blank_line_is_never_read_as_markdown(tmp_path, session_env):
    """The class behind the stored XSS of issue 10: escaped text holding a blank line and then
    Markdown or attr_list syntax. Whatever field a future template prints, its rendered value
    reaches the reader as rendered; here a catalogue's own template prints such a text."""
    from generator.publish.build import build_site

    root = tmp_path / "catalogue"
    shutil.copytree(DEMO, root)
    (root / "overrides").mkdir()
    literal = HOSTILE_TEXT.replace("\n", "\\n")
    (root / "overrides" / "home.md.j2").write_text(
        '---\ntitle: "Fictional home"\n---\n\n<div id="custom">\n<p>{{ "' + literal + '" }}</p>\n</div>\n',
        encoding="utf-8")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(config.replace("      root: .\n", "      root: .\n      templates: overrides\n"),
                                     encoding="utf-8")
    site = build_site(root, tmp_path / "site")
    page = (site / "index.html").read_text(encoding="utf-8")
    tree = sitehtml.parse(page)
    custom = tree.one("div", id="custom")
    assert [el.tag for el in custom.iter()] == ["p"]  # no <a>, no <h1>, no <em>
    assert custom.text().split() == HOSTILE_TEXT.split()
    assert not sitehtml.unsafe_markup(custom, "index.html#custom")
    assert "onmouseover=" not in page.replace("{: onmouseover=alert(1) }", "")


def test_generated_pages_have_a_contents_list_from_their_headings(demo_site):
    toc = demo_site.tree("patterns/fictional-rota-app/").find("nav", "md-nav--secondary")
    anchors = [a.attrs["href"] for a in toc.find_all("a")]
    assert anchors[:5] == ["#problem", "#context", "#solution", "#consequences", "#outcomes"]
