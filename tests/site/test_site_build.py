"""Building the site: strict, reproducible, atomic, self-contained (every internal link resolves),
light, and without writing into the catalogue. Uses the FICTIONAL demo catalogue and the
catalogue this repository ships.
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import sys
from pathlib import Path

import pytest

import sitehtml
from sitehtml import DEMO, REPO, TODAY

from generator.publish.outputdir import MARKER

PATTERN_IDS = sorted(p.stem for p in (DEMO / "patterns").glob("*.yaml"))
LOCATED = re.compile(r"^\S+:\d+:\d+: error: \[[a-z0-9-]+\] .+", re.M)


@pytest.fixture(scope="module", params=["demo", "shipped"])
def any_site(request):
    return request.getfixturevalue("demo_site" if request.param == "demo" else "shipped_site")


# ---------------------------------------------------------------- strict builds

def test_demo_builds_with_plain_mkdocs_strict(demo_site_mkdocs):
    """`mkdocs build --strict` finds the plugin through its entry point; the overdue review is
    reported but, being a warning of the catalogue and not of MkDocs, does not fail the build."""
    err = demo_site_mkdocs.proc.stderr
    assert re.search(r"fictional-paper-referrals\.yaml:\d+:\d+: warning: \[review-overdue\]", err), err
    assert not re.search(r"^(WARNING|ERROR)\b", err, re.M), err
    assert (demo_site_mkdocs.root / "index.html").is_file()


def test_catalogue_build_cli_builds_strict_and_leaves_no_staging_folder(demo_site_cli):
    assert demo_site_cli.proc.stdout.startswith("built ")
    assert "Traceback" not in demo_site_cli.proc.stderr
    assert sorted(os.listdir(demo_site_cli.root.parent)) == ["site"]


def test_shipped_catalogue_builds_strict(shipped_site):
    from generator.validate.catalogue import validate_catalogue

    assert "strict: true" in (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    patterns = validate_catalogue(REPO, today=TODAY).catalogue.patterns
    for pid in patterns:
        assert shipped_site.path(f"patterns/{pid}/").is_file(), pid
    rows = shipped_site.article("patterns/").one("table", id="pc-catalogue").one("tbody").find_all("tr")
    assert len(rows) == len(patterns)
    assert sorted(os.listdir(shipped_site.root.parent)) == ["site"]


# ---------------------------------------------------------------- every internal link resolves

def test_every_internal_link_resolves(any_site):
    problems, checked = [], 0
    for page in any_site.html_pages:
        tree = any_site.tree(page)
        for el in tree.iter():
            for name in ("href", "src"):
                url = el.attrs.get(name)
                if url is None or (el.tag == "link" and el.attrs.get("rel") == "canonical"):
                    continue
                resolved = sitehtml.resolve_internal(any_site.root, page, url, any_site.prefix)
                if resolved is None:
                    continue
                checked += 1
                target, fragment = resolved
                if not target.is_file():
                    problems.append(f"{page}:{el.line}: <{el.tag} {name}={url!r}> -> missing {target.relative_to(any_site.root)}")
                elif fragment and el.inside("article") and target.suffix == ".html":
                    if fragment not in sitehtml.ids_in(any_site.tree(target.relative_to(any_site.root).as_posix())):
                        problems.append(f"{page}:{el.line}: {url!r}: no #{fragment} on the target page")
    assert checked > 100
    assert not problems, "\n".join(problems)


def test_ids_are_unique_and_references_to_them_resolve(any_site):
    """aria-labelledby (the charts' names), label for= (the filters) and in-page links need one
    element per id."""
    problems = []
    for page in any_site.html_pages:
        tree = any_site.tree(page)
        ids = [el.attrs["id"] for el in tree.iter() if "id" in el.attrs]
        problems += [f"{page}: duplicate id {i!r}" for i in sorted({i for i in ids if ids.count(i) > 1})]
        article = tree.find("article")
        # in the content only: Material's own chrome has a label for its "__toc" toggle that it
        # leaves out on pages outside the nav (every pattern and organisation page)
        for el in (article.iter() if article is not None else []):
            refs = el.attrs.get("aria-labelledby", "").split() + el.attrs.get("aria-describedby", "").split()
            refs += [el.attrs["for"]] if el.tag == "label" and "for" in el.attrs else []
            problems += [f"{page}:{el.line}: <{el.tag}> refers to missing id {r!r}" for r in refs if r not in ids]
    assert not problems, "\n".join(problems)


def test_feed_and_sitemap_links_name_pages_of_the_site(demo_site):
    import xml.etree.ElementTree as ET

    base = "https://example.org/catalogue/"
    feed = ET.parse(demo_site.root / "feed.xml").getroot()
    links = [el.get("href") for el in feed.iter("{http://www.w3.org/2005/Atom}link")]
    sitemap = ET.parse(demo_site.root / "sitemap.xml").getroot()
    links += [el.text for el in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert len(links) > 20
    for link in links:
        assert link.startswith(base), link
        assert sitehtml.page_path(demo_site.root, link[len(base):]).is_file(), link


# ---------------------------------------------------------------- reproducible

def test_two_builds_are_byte_identical(demo_site, demo_site_cli, demo_site_mkdocs):
    first = sitehtml.snapshot(demo_site.root)
    assert {"sitemap.xml", "sitemap.xml.gz", "pagefind/pagefind-entry.json", "search/index.html", "feed.xml", "catalogue.json"} <= set(first)
    second = sitehtml.snapshot(demo_site_cli.root)
    assert first.keys() == second.keys()
    assert [p for p in first if first[p] != second[p]] == []
    # Plain `mkdocs build` marks its site_dir too (the plugin's on_pre_build).
    third = sitehtml.snapshot(demo_site_mkdocs.root)
    assert [p for p in first if first[p] != third.get(p)] == [] and first.keys() == third.keys()


def test_build_dates_come_from_source_date_epoch(demo_site):
    sitemap = (demo_site.root / "sitemap.xml").read_text(encoding="utf-8")
    assert set(re.findall(r"<lastmod>([^<]+)</lastmod>", sitemap)) == {TODAY.isoformat()}
    with gzip.open(demo_site.root / "sitemap.xml.gz") as fh:
        assert fh.read().decode("utf-8") == sitemap
    header = (demo_site.root / "sitemap.xml.gz").read_bytes()[:10]
    assert int.from_bytes(header[4:8], "little") in (0, 1795651200)  # gzip mtime pinned, not "now"


# ---------------------------------------------------------------- atomic: a failed build changes nothing

BREAKS = {
    # an invalid pattern: the catalogue's own validation fails the build
    "invalid-pattern": ("patterns/fictional-virtual-ward-dashboard.yaml", "category: data\n", "category: nonsense\n",
                        r"patterns/fictional-virtual-ward-dashboard\.yaml:5:11: error: \[schema-enum\] "),
    # a dead link in a hand-written page: MkDocs' strict mode fails the build
    "dead-link": ("docs/about.md", None, "\n[A missing page](missing.md)\n", r"missing\.md"),
    # a hand-written page where a generated one goes: the plugin refuses it
    "generated-clash": ("docs/maturity.md", None, "# Maturity\n", r"maturity\.md is generated"),
}


@pytest.fixture(scope="module")
def failed_builds(tmp_path_factory, jobs, demo_site) -> dict[str, dict]:
    """For each way of breaking it: copy the demo, break it, copy a previously built site into
    place, and start `catalogue build` over it (all three at once)."""
    started = {}
    for name, (rel, old, new, expected) in sorted(BREAKS.items()):
        work = tmp_path_factory.mktemp(f"broken-{name}")
        root = work / "catalogue"
        shutil.copytree(DEMO, root)
        target = root / rel
        if old is None:
            with target.open("a", encoding="utf-8") as fh:
                fh.write(new)
        else:
            text = target.read_text(encoding="utf-8")
            assert old in text
            target.write_text(text.replace(old, new), encoding="utf-8")
        out = work / "out"
        out.mkdir()
        shutil.copytree(demo_site.root, out / "site")
        started[name] = {"before": sitehtml.snapshot(out / "site"), "out": out, "expected": expected, "name": name}
        jobs.start(f"broken-{name}", [sys.executable, "-m", "generator", "build", "--root", root,
                                      "--site-dir", out / "site"], work)
    return started


@pytest.fixture(params=sorted(BREAKS))
def failed_build(request, jobs, failed_builds) -> dict:
    build = failed_builds[request.param]
    build["proc"] = jobs.wait(f"broken-{request.param}")
    return build


def test_failed_build_leaves_the_previous_site_untouched(failed_build):
    proc, out = failed_build["proc"], failed_build["out"]
    # Catalogue errors exit 1, as `catalogue validate` does; what only MkDocs finds exits 2.
    assert proc.returncode == (1 if failed_build["name"] == "invalid-pattern" else 2), proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr
    assert "the site was not built" in proc.stderr or LOCATED.search(proc.stderr)
    assert sitehtml.snapshot(out / "site") == failed_build["before"]
    assert sorted(os.listdir(out)) == ["site"]  # no .site-new-* or .site-old-* left behind


def test_failed_build_says_where_the_problem_is(failed_build):
    proc = failed_build["proc"]
    assert re.search(failed_build["expected"], proc.stderr), proc.stderr
    if failed_build["name"] == "invalid-pattern":
        assert LOCATED.search(proc.stderr), proc.stderr


def test_swap_puts_the_previous_site_back_if_the_new_one_cannot_be_moved_in(tmp_path, monkeypatch):
    from generator.publish import outputdir

    site, built = tmp_path / "site", tmp_path / ".site-new-x" / "site"
    site.mkdir()
    (site / "index.html").write_text("FICTIONAL previous site", encoding="utf-8")
    built.mkdir(parents=True)
    (built / "index.html").write_text("FICTIONAL new site", encoding="utf-8")
    real_replace = os.replace

    def failing_replace(src, dst):
        if Path(src) == built:
            raise OSError("FICTIONAL: the new site cannot be moved in")
        return real_replace(src, dst)

    monkeypatch.setattr(outputdir.os, "replace", failing_replace)
    with pytest.raises(OSError):
        outputdir.swap_into_place(built, site)
    monkeypatch.undo()
    assert (site / "index.html").read_text(encoding="utf-8") == "FICTIONAL previous site"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site-old-")]


# ---------------------------------------------------------------- render: the same tree, no MkDocs

def test_render_writes_the_tree_the_plugin_adds_without_mkdocs(rendered_tree, demo_site):
    """`catalogue render` runs the same pipeline with the options of the catalogue's mkdocs.yml."""
    from generator.publish.pipeline import SiteOptions, render_catalogue
    from generator.render.context import page_url

    out, proc = rendered_tree
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "NO-MKDOCS" in proc.stdout
    written = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}

    tree = render_catalogue(DEMO, SiteOptions.from_mkdocs_yml(DEMO / "mkdocs.yml"), TODAY).tree
    assert written == set(tree) | {MARKER}  # the marker lets the next render replace the tree
    assert f"wrote {len(tree)} files" in proc.stdout
    assert sorted(os.listdir(out.parent)) == ["tree"]
    # the plugin added exactly these: every page is in the built site, every data file too
    for path in tree:
        if path.endswith(".md"):
            assert sitehtml.page_path(demo_site.root, page_url(path)).is_file(), path
        else:
            assert (demo_site.root / path).read_bytes() == (out / path).read_bytes(), path
    for md in (p for p in written if p.endswith(".md")):
        assert (out / md).read_text(encoding="utf-8") == tree[md]


def test_nothing_is_written_into_the_catalogue(demo_site, demo_site_cli, demo_site_mkdocs, demo_before):
    assert sitehtml.snapshot(DEMO) == demo_before
    assert sorted(p.name for p in (DEMO / "docs").iterdir()) == ["about.md", "accessibility.md", "privacy.md"]
    assert not (DEMO / "site").exists()


# ---------------------------------------------------------------- the plugin's templates option

def test_plugin_uses_a_catalogues_own_templates(tmp_path, session_env, demo_site):
    from generator.publish.build import build_site

    root = tmp_path / "catalogue"
    shutil.copytree(DEMO, root)
    (root / "overrides").mkdir()
    (root / "overrides" / "home.md.j2").write_text(
        '---\ntitle: "Fictional home"\n---\n\n<p id="custom-home">FICTIONAL custom home: '
        '{{ ctx.patterns | length }} patterns, first {{ ctx.patterns[0].pattern.title }}</p>\n', encoding="utf-8")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("      root: .\n", "      root: .\n      templates: overrides\n")
    assert "templates: overrides" in config
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    site = build_site(root, tmp_path / "site")
    home = sitehtml.parse((site / "index.html").read_text(encoding="utf-8"))
    custom = home.one("p", id="custom-home")
    assert custom.text() == ('FICTIONAL custom home: 5 patterns, first Hostile entry [click](javascript:alert(1)) '
                             '& "quotes"')
    assert not [a for a in home.iter("a") if sitehtml.scheme_of(a.attrs.get("href", "")) == "javascript"]
    # every other page is the packaged one
    for page in ("patterns/index.html", "maturity/index.html", f"patterns/{PATTERN_IDS[0]}/index.html"):
        assert (site / page).read_bytes() == (demo_site.root / page).read_bytes(), page


# ---------------------------------------------------------------- page weight

def test_page_weight_and_search_index_size(demo_site, shipped_site):
    from test_site_safety import search_records

    for label, site in (("demo", demo_site), ("shipped", shipped_site)):
        pattern_pages = sorted(p for p in site.html_pages if re.fullmatch(r"patterns/[^/]+/index\.html", p))
        sizes = {p: (site.root / p).stat().st_size for p in pattern_pages}
        records = search_records(site)
        index = sum(f.stat().st_size for f in (site.root / "pagefind" / "index").iterdir())
        fragments = {f.name: f.stat().st_size for f in (site.root / "pagefind" / "fragment").iterdir()}
        sitehtml.REPORT.append(
            f"{label}: {len(pattern_pages)} pattern pages, HTML {min(sizes.values()):,}-{max(sizes.values()):,} bytes "
            f"(largest {max(sizes, key=sizes.get)}); Pagefind index {index:,} bytes for {len(records)} pages "
            f"= {index / len(records):,.0f} bytes/page, excerpt fragments {min(fragments.values()):,}-"
            f"{max(fragments.values()):,} bytes each")
        for page, size in sizes.items():
            assert size < 50 * 1024, f"{label} {page}: {size} bytes"
        assert index / len(records) < 4 * 1024
        # every page a reader would look for is indexed, and the 404 page is not
        assert {"/" + p.removesuffix("index.html") for p in pattern_pages} <= set(records)
        assert not [u for u in records if "404" in u]
        # nor the search page, nor the tags page (its lists are filled in after indexing)
        assert not {"/search/", "/tags/"} & set(records)
        assert not [u for u, r in records.items() if "tags.md:" in r["content"]]
        # the charts and the boilerplate sections are left out of the index (data-pagefind-ignore):
        # their text would double it without helping anyone find a pattern
        for url, record in records.items():
            assert "Step chart of the maturity level" not in record["content"], url
            assert "To reach" not in record["content"], url
            anchors = {a["id"] for a in record["anchors"]}
            assert not anchors & {"maturity", "related-patterns", "resources", "reuse-this-pattern"}, url
