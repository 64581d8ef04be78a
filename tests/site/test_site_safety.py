"""Safety of the built site: the demo's fictional-hostile-entry.yaml carries script-injection
payloads (FICTIONAL), and none of them may reach a reader's browser as markup, anywhere in the
site: HTML pages, the search index, the feed and the JSON export. And no page
makes the browser contact a third-party host.
"""

from __future__ import annotations

import gzip
import json
import re
import xml.etree.ElementTree as ET

import pytest

import sitehtml
from sitehtml import DEMO

HOSTILE = "patterns/fictional-hostile-entry/"
NORMAL = "patterns/fictional-rota-app/"  # same depth, no payloads
ATOM = "{http://www.w3.org/2005/Atom}"
# Attributes that may hold contributor text verbatim because a browser never runs or fetches them.
INERT_ATTRS = {"data-title", "content", "title", "alt", "aria-label"}


@pytest.fixture(scope="module", params=["demo", "shipped", "hostile"])
def any_site(request):
    return request.getfixturevalue(f"{request.param}_site")


# The site's own forms and controls inside an article: (page, id of the form or control).
OWN_CONTROLS = {("patterns/index.html", "pc-filters"), ("search/index.html", "pc-search-form"),
                ("search/index.html", "pc-search-more"), ("patterns/index.html", "pc-more")}


def own_form(page: str):
    """The site's own forms: the search box in every page's header, the filters on the catalogue
    page and the form on the search page."""
    def allowed(el: sitehtml.Element) -> bool:
        if "pc-header-search" in el.classes and el.inside("header"):
            return True
        return (page, el.attrs.get("id")) in OWN_CONTROLS
    return allowed


def own_control(page: str, el: sitehtml.Element) -> bool:
    """A form control the site itself put in an article (a filter, the search box, Show more)."""
    if (page, el.attrs.get("id")) in OWN_CONTROLS:
        return True
    return el.inside("form") and any((page, f) in OWN_CONTROLS for f in ("pc-filters", "pc-search-form"))


def own_badge(page: str, el: sitehtml.Element) -> bool:
    """The one image the site itself puts in an article: a pattern page's own badge
    (render/badges.py), from the site's badges/ folder, named after the page's pattern."""
    pid = page.removeprefix("patterns/").split("/")[0]
    src = el.attrs.get("src", "")
    return (el.tag == "img" and "pc-badge-preview" in el.classes and page.startswith("patterns/")
            and re.fullmatch(rf"(\.\./)+badges/{re.escape(pid)}\.svg", src) is not None)


def script_signatures(site, page: str) -> set[str]:
    return {sitehtml.script_signature(s, page, site.prefix) for s in site.tree(page).find_all("script")}


# ---------------------------------------------------------------- the hostile pattern's page

def test_hostile_page_has_only_the_themes_scripts(demo_site):
    hostile = script_signatures(demo_site, HOSTILE + "index.html")
    assert hostile == script_signatures(demo_site, NORMAL + "index.html")
    assert len(hostile) >= 2  # the theme's bundle and our filter script at least
    assert not demo_site.article(HOSTILE).find_all("script")


def test_hostile_page_shows_the_payloads_as_text_only(demo_site, demo_entries):
    entry = demo_entries["fictional-hostile-entry"]
    article = demo_site.article(HOSTILE)
    assert article.one("h1").text() == entry["title"]
    assert article.one("p", "pc-lead").text() == entry["summary"]
    for name in ("script", "style", "img", "iframe", "form", "input"):
        found = [el for el in article.find_all(name) if not own_badge(HOSTILE + "index.html", el)]
        assert not found, f"<{name}> from contributor text reached the page"
    assert not [el for el in article.iter() if any(a.startswith("on") for a in el.attrs)]
    # the only SVGs are our own charts
    assert all("catalogue-chart" in svg.classes for svg in article.iter("svg"))
    # the safe link survives, without its handler, and opens without a referrer
    safe = article.one("a", href="https://example.org/safe")
    assert set(safe.attrs) == {"href", "rel"}
    assert {"noopener", "noreferrer"} <= set(safe.attrs["rel"].split())
    # the javascript: and data: links keep their words but lose their targets
    for words in ("a javascript link", "a data link"):
        link = next(a for a in article.iter("a") if a.text() == words)
        assert "href" not in link.attrs
    text = article.text()
    assert "Fictional <script>alert('team')</script> Team" in text  # contact team, escaped


def test_titles_and_descriptions_are_escaped_in_the_head(demo_site, demo_entries):
    entry = demo_entries["fictional-hostile-entry"]
    html = demo_site.html(HOSTILE)
    raw_title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert "<" not in raw_title and '"' not in raw_title
    assert demo_site.tree(HOSTILE).one("head").one("title").text() == f"{entry['title']} - Fictional Demo Catalogue"
    raw_meta = re.search(r'<meta name="description" content="([^"]*)">', html).group(1)
    assert "<" not in raw_meta and ">" not in raw_meta
    assert demo_site.tree(HOSTILE).one("meta", name="description").attrs["content"] == entry["summary"]
    # nowhere in the site is a title escaped twice ("&amp;amp;", "&amp;quot;" show as entities)
    for page in demo_site.html_pages:
        assert not re.search(r"&amp;(amp|quot|lt|gt|#\d+|#x[0-9a-f]+);", demo_site.html(page)), page


# ---------------------------------------------------------------- every page of the site

def test_no_executable_markup_in_any_page(any_site):
    reference = script_signatures(any_site, next(p for p in any_site.html_pages
                                                 if re.fullmatch(r"patterns/[^/]+/index\.html", p)))
    problems = []
    for page in any_site.html_pages:
        tree = any_site.tree(page)
        problems += sitehtml.unsafe_markup(tree, page, allow_form=own_form(page))
        extra = script_signatures(any_site, page) - reference
        problems += [f"{page}: unexpected script {s[:120]}" for s in extra]
        for el in tree.iter():
            for name, value in el.attrs.items():
                # An https link may hold any text in its path (percent-encoded); its scheme is
                # what makes a link dangerous, and unsafe_markup checks that.
                if "alert(" in value and name not in INERT_ATTRS and not (
                        name in sitehtml.URL_ATTRS and sitehtml.scheme_of(value) == "https"):
                    problems.append(f"{page}:{el.line}: contributor payload in <{el.tag} {name}={value!r}>")
        for script in tree.iter("script"):
            assert "alert(" not in script.raw_text(), page
    assert not problems, "\n".join(problems)


def test_no_contributor_markup_inside_any_article(any_site):
    problems = []
    for page in any_site.html_pages:
        article = any_site.tree(page).find("article")
        if article is None:
            continue
        for el in article.iter():
            if el.tag in ("script", "style", "img", "iframe", "object", "embed", "link", "meta", "base") \
                    and not own_badge(page, el):
                problems.append(f"{page}:{el.line}: <{el.tag}> inside the content")
            if el.tag in ("form", "input", "select", "button", "textarea") and not own_control(page, el):
                problems.append(f"{page}:{el.line}: <{el.tag}> inside the content")
            if el.tag == "svg" and "catalogue-chart" not in el.classes:
                problems.append(f"{page}:{el.line}: an <svg> that is not one of our charts")
            if "style" in el.attrs:
                problems.append(f"{page}:{el.line}: style attribute on <{el.tag}>")
    assert not problems, "\n".join(problems)


def test_external_links_in_content_open_without_opener_or_referrer(any_site):
    problems = []
    for page in any_site.html_pages:
        article = any_site.tree(page).find("article")
        for a in (article.iter("a") if article is not None else []):
            if sitehtml.is_external(a.attrs.get("href", "")):
                rel = set(a.attrs.get("rel", "").split())
                if not {"noopener", "noreferrer"} <= rel:
                    problems.append(f"{page}:{a.line}: {a.attrs['href']} has rel={sorted(rel)}")
    assert not problems, "\n".join(problems)


# ---------------------------------------------------------------- the other files

def fragment_problems(html: str, where: str) -> list[str]:
    tree = sitehtml.parse(html)
    problems = sitehtml.unsafe_markup(tree, where, allow_scripts=False)
    problems += [f"{where}: <{el.tag}>" for el in tree.iter()
                 if el.tag in ("script", "style", "img", "iframe", "form", "svg", "input", "object", "embed")]
    return problems


def search_records(site) -> dict[str, dict]:
    """Pagefind's per-page records (pagefind/fragment/*.pf_fragment: gzip, a signature, JSON), by URL."""
    records = {}
    for path in (site.root / "pagefind" / "fragment").glob("*.pf_fragment"):
        raw = gzip.decompress(path.read_bytes())
        assert raw.startswith(b"pagefind_dcd"), path
        record = json.loads(raw[len(b"pagefind_dcd"):])
        records[record["url"]] = record
    return records


def test_search_index_holds_contributor_text_as_text(demo_site, demo_entries):
    """Pagefind stores the text a reader sees, not markup: the payloads are in it as the words the
    contributor typed (the search page shows them with textContent; tests/browser checks that)."""
    records = search_records(demo_site)
    hostile = records.get("/" + HOSTILE)
    assert hostile, f"the hostile page is searchable: {sorted(records)}"
    entry = demo_entries["fictional-hostile-entry"]
    assert hostile["meta"]["title"] == entry["title"]
    assert entry["summary"] in hostile["content"]


def test_feed_carries_payloads_as_plain_text(demo_site, demo_entries):
    raw = (demo_site.root / "feed.xml").read_text(encoding="utf-8")
    assert not re.search(r"<\s*(script|svg|iframe|img)\b", raw, re.I)
    root = ET.fromstring(raw.encode("utf-8"))
    assert all(el.tag.startswith(ATOM) for el in root.iter())
    for el in root.iter():
        if el.tag in (ATOM + "title", ATOM + "summary"):
            assert el.get("type") == "text"
    titles = [e.findtext(ATOM + "title") for e in root.iter(ATOM + "entry")]
    assert "New pattern: " + demo_entries["fictional-hostile-entry"]["title"] in titles


def test_json_export_escapes_angle_brackets_and_round_trips(demo_site, demo_entries):
    raw = (demo_site.root / "catalogue.json").read_text(encoding="utf-8")
    assert "<" not in raw and ">" not in raw
    data = json.loads(raw)
    hostile = next(p for p in data["patterns"] if p["id"] == "fictional-hostile-entry")
    entry = demo_entries["fictional-hostile-entry"]
    for key in ("title", "summary", "problem", "context", "solution"):
        assert hostile[key] == entry[key]


# ---------------------------------------------------------------- no third-party requests

def test_no_request_to_third_party_hosts(any_site):
    problems = []
    site_url = "https://example.org/catalogue/" if any_site.prefix == "/catalogue/" else None
    for page in any_site.html_pages:
        tree = any_site.tree(page)
        html = any_site.html(page)
        for host in ("fonts.googleapis.com", "fonts.gstatic.com", "api.github.com", "unpkg.com", "cdn.jsdelivr.net"):
            if host in html:
                problems.append(f"{page}: mentions {host}")
        for el in tree.iter():
            attr = sitehtml.FETCHING.get(el.tag)
            for name in ([attr] if attr else []) + (["srcset", "xlink:href"] if el.tag in ("img", "source", "image", "use") else []):
                if sitehtml.is_external(el.attrs.get(name, "")):
                    problems.append(f"{page}:{el.line}: <{el.tag} {name}={el.attrs[name]!r}> fetches from another host")
            if el.tag == "link" and sitehtml.is_external(el.attrs.get("href", "")):
                rels = set(el.attrs.get("rel", "").lower().split())
                # rel=canonical names the page's own address and is never fetched
                if rels != {"canonical"} or not (site_url and el.attrs["href"].startswith(site_url)):
                    problems.append(f"{page}:{el.line}: <link rel={sorted(rels)} href={el.attrs['href']!r}>")
            if el.tag == "style" and re.search(r"@import|url\(\s*['\"]?(https?:)?//", el.raw_text()):
                problems.append(f"{page}:{el.line}: <style> loads from another host")
            if re.search(r"url\(\s*['\"]?(https?:)?//", el.attrs.get("style", "")):
                problems.append(f"{page}:{el.line}: style attribute loads from another host")
            if el.attrs.get("data-md-component") == "source":
                problems.append(f"{page}:{el.line}: Material's repository widget calls the GitHub API")
            if "mermaid" in el.classes:
                problems.append(f"{page}:{el.line}: a Mermaid diagram loads its library from a CDN")
    for css in any_site.root.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        if re.search(r"@import\s+(url\()?['\"]?(https?:)?//|url\(\s*['\"]?(https?:)?//", text):
            problems.append(f"{css.relative_to(any_site.root)}: loads from another host")
    assert not problems, "\n".join(problems)


def test_the_demo_config_keeps_repo_url_away_from_material():
    """Material fetches repository facts from the GitHub API for MkDocs' repo_url; the catalogue
    takes its repository from the plugin option instead."""
    import yaml

    text = (DEMO / "mkdocs.yml").read_text(encoding="utf-8")
    config = yaml.safe_load(text)
    assert "repo_url" not in config
    assert config["theme"]["font"] is False


# ---------------------------------------------------------------- the checks themselves

def test_the_checks_catch_what_they_look_for():
    """Guard against checks that pass because they look at nothing."""
    bad = ('<p onclick="x()">a</p><a href=" JaVa\tScRiPt:alert(1)">b</a><a href="data:text/html,x">c</a>'
           '<iframe src="https://example.org"></iframe><form action="/x"></form><script>x</script>'
           '<img srcset="ok.png 1x, javascript:alert(1) 2x"><div style="background:url(https://x.example)">d</div>')
    problems = sitehtml.unsafe_markup(sitehtml.parse(bad), "snippet", allow_scripts=False)
    for expected in ("event handler onclick", "JaVa", "data:text/html", "<iframe>", "unexpected <form",
                     "<script> is not allowed", "srcset", "style loads"):
        assert any(expected in p for p in problems), (expected, problems)
    assert sitehtml.unsafe_markup(sitehtml.parse('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'), "ok") == []
    assert sitehtml.is_external("//cdn.example.org/x.js") and sitehtml.is_external("HTTPS://x.example")
    assert not sitehtml.is_external("../assets/x.js") and not sitehtml.is_external("mailto:a@example.org")
    tree = sitehtml.parse("<div><p>one</div><p>two</p></b>")  # tolerant of bad nesting
    assert [p.text() for p in tree.iter("p")] == ["one", "two"]
