"""Long lists at scale: a FICTIONAL synthetic catalogue (`catalogue synth`, 300 patterns, 150
organisations, 1,500 adoptions) built with real MkDocs and a page size of 20 rows, so that the
catalogue, its categories, tags, organisations and regions all split into parts. Each list is
complete across its parts, each part is linked to the next, every page is still linked from
somewhere, the catalogue's data file holds every pattern, and the continuation pages stay out of
the search index."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
import yaml

import sitehtml
from test_site_build import test_every_internal_link_resolves as check_internal_links
from test_site_safety import search_records

PAGE_SIZE = 20


@pytest.fixture(scope="module")
def paged_site(tmp_path_factory, session_env, site_at):
    from generator.publish.build import build_site

    root = tmp_path_factory.mktemp("paged") / "catalogue"
    subprocess.run([sys.executable, "-m", "generator", "synth", "--patterns", "300", "--organisations", "150",
                    "--adoptions", "1500", "--as-of", "2026-11-26", "--out", str(root)],
                   check=True, env=dict(os.environ), capture_output=True)
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "      root: .\n" in text
    config.write_text(text.replace("      root: .\n", f"      root: .\n      page_size: {PAGE_SIZE}\n"), encoding="utf-8")
    out = root.parent / "site"
    build_site(root, out)
    return site_at(out)


def pattern_ids(root) -> set[str]:
    return {p.stem for p in (root.parent / "catalogue" / "patterns").glob("*.yaml")}


def parts(site, first: str) -> list[str]:
    """The site URLs of a split page's parts, following rel="next" from the first; checks that
    each part says where it is and links back with rel="prev"."""
    urls, url = [], first
    while url:
        urls.append(url)
        article = site.article(url)
        pager = article.find("nav", cls="pc-pager")
        if pager is None:
            assert len(urls) == 1, f"{url}: a later part without its pager"
            return urls
        links = {a.attrs.get("rel"): a.attrs["href"] for a in pager.find_all("a") if a.attrs.get("rel")}
        count = len(pager.find_all("li")) - len(links)
        assert pager.one("p").text() == f"Page {len(urls)} of {count}", url
        if len(urls) > 1:
            assert f"(page {len(urls)} of {count})" in article.one("h1").text(), url
            assert sitehtml.resolve_internal(site.root, sitehtml.page_path(site.root, url).relative_to(site.root).as_posix(),
                                             links["prev"])[0] == sitehtml.page_path(site.root, urls[-2])
        nxt = links.get("next")
        url = None if nxt is None else sitehtml.page_path(site.root, url).parent.joinpath(nxt).resolve() \
            .relative_to(site.root.resolve()).as_posix().removesuffix("index.html")
        if url is not None and not url.endswith("/"):
            url += "/"
    return urls


def rows_of(site, urls: list[str], caption_start: str = "") -> list[str]:
    """Link texts of the first cell of each row of the tables (whose caption starts so) on the parts."""
    found = []
    for url in urls:
        tables = [t for t in site.article(url).find_all("table") if t.one("caption").text().startswith(caption_start)]
        for table in tables:
            rows = table.one("tbody").find_all("tr")
            assert len(rows) <= PAGE_SIZE, f"{url}: {len(rows)} rows on one part"
            found += [row.find("a").attrs["href"].rstrip("/").rsplit("/", 1)[-1] for row in rows]
    return found


def test_the_catalogue_page_has_its_first_rows_and_the_data_file_every_pattern(paged_site):
    ids = pattern_ids(paged_site.root)
    table = paged_site.article("patterns/").one("table", id="pc-catalogue")
    assert len(table.one("tbody").find_all("tr")) == PAGE_SIZE
    assert table.attrs["data-src"] == "index.json"
    data = json.loads((paged_site.root / "patterns" / "index.json").read_text(encoding="utf-8"))
    link = data["fields"].index("link")
    assert {row[link].rstrip("/") for row in data["patterns"]} == ids
    reuse = data["fields"].index("reuse")
    assert [r[reuse] for r in data["patterns"]] == sorted((r[reuse] for r in data["patterns"]), reverse=True)
    assert len(data["organisations"]) == 150
    # The organisation filter's options come from the data file, not the page.
    assert len(paged_site.article("patterns/").one("select", id="f-organisation").find_all("option")) == 1


def test_without_javascript_every_pattern_is_on_the_numbered_list(paged_site):
    link = paged_site.article("patterns/").one("p", id="pc-all-patterns").one("a")
    assert link.attrs["href"] == "all/page-1/"
    urls = parts(paged_site, "patterns/all/page-1/")
    assert len(urls) == 300 // PAGE_SIZE
    listed = rows_of(paged_site, urls)
    assert sorted(listed) == sorted(pattern_ids(paged_site.root)) and len(listed) == len(set(listed))


def test_categories_tags_organisations_and_regions_are_split_and_complete(paged_site):
    root = paged_site.root.parent / "catalogue"
    entries = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in (root / "patterns").glob("*.yaml")]
    registry = yaml.safe_load((root / "organisations.yaml").read_text(encoding="utf-8"))["organisations"]
    category = max({e["category"] for e in entries}, key=lambda c: sum(e["category"] == c for e in entries))
    tag = max({t for e in entries for t in e.get("tags", [])}, key=lambda t: sum(t in e.get("tags", []) for e in entries))
    split = {
        f"categories/{category}/": {e["id"] for e in entries if e["category"] == category},
        f"tags/{tag}/": {e["id"] for e in entries if tag in e.get("tags", [])},
        "organisations/": set(registry),
    }
    for first, expected in split.items():
        urls = parts(paged_site, first)
        assert len(urls) > 1, f"{first} should split at {PAGE_SIZE} rows"
        listed = rows_of(paged_site, urls)
        assert sorted(listed) == sorted(expected), first
    urls = parts(paged_site, "tags/")
    listed = [a.text() for url in urls for a in paged_site.article(url).find_all("a", cls="pc-tag")]
    assert len(urls) > 1 and sorted(listed) == sorted({t for e in entries for t in e.get("tags", [])})
    region = max({o["region"] for o in registry.values()}, key=lambda r: sum(o["region"] == r for o in registry.values()))
    urls = parts(paged_site, f"regions/{region}/")
    listed = rows_of(paged_site, urls, "Organisations in")
    assert len(urls) > 1 and sorted(listed) == sorted(c for c, o in registry.items() if o["region"] == region)


def test_every_page_is_linked_and_every_link_resolves(paged_site):
    check_internal_links(paged_site)
    targets = set()
    for page in paged_site.html_pages:
        for el in paged_site.tree(page).iter("a"):
            resolved = sitehtml.resolve_internal(paged_site.root, page, el.attrs.get("href") or "", paged_site.prefix)
            if resolved and resolved[0] != paged_site.root / page:
                targets.add(resolved[0].relative_to(paged_site.root).as_posix())
    orphans = [p for p in paged_site.html_pages if p not in targets and p not in ("index.html", "404.html", "search/index.html")]  # search: the header form
    assert not orphans, f"pages no other page links to: {orphans[:10]}"


def test_continuation_pages_stay_out_of_the_search_index(paged_site):
    records = search_records(paged_site)
    assert "/categories/" + next(iter(sorted(p.split("/")[1] for p in paged_site.html_pages
                                             if re.match(r"categories/[^/]+/index\.html$", p)))) + "/" in records
    continuation = [u for u in records if re.search(r"/page-[0-9]+/$", u)]
    assert not continuation, continuation[:5]


def test_an_organisation_with_many_adoptions_is_split_and_complete(paged_site):
    root = paged_site.root.parent / "catalogue"
    entries = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in (root / "patterns").glob("*.yaml")]
    split = sorted(p.split("/")[1] for p in paged_site.html_pages if re.fullmatch(r"organisations/[A-Z0-9]+/page-2/index\.html", p))
    assert split, f"some organisation should have more than {PAGE_SIZE} adoptions"
    code = split[0]
    urls = parts(paged_site, f"organisations/{code}/")
    listed = rows_of(paged_site, urls, "Adoptions recorded for")
    assert sorted(listed) == sorted(e["id"] for e in entries for a in e.get("adoptions", []) if a["organisation"] == code)
    # Suggestions are for the first page only; the later parts carry only the lists.
    assert paged_site.article(urls[0]).find("h2", id="patterns-organisations-like-yours-use")
    assert not paged_site.article(urls[1]).find("h2", id="patterns-organisations-like-yours-use")
