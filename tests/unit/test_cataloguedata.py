"""Unit tests for generator/render/cataloguedata.py and the catalogue page render_site writes
from it: the page's first rows in the default order, the data file with every pattern (compact,
safe to inline), and the numbered list for readers without JavaScript. FICTIONAL demo catalogue."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from generator.render.cataloguedata import DATA_FILE, ROW_FIELDS, default_order, lifecycle_note
from generator.render.context import build_context
from generator.render.pages import render_site

TODAY = dt.date(2026, 11, 26)


@pytest.fixture(scope="module")
def ctx(demo_catalogue):
    return build_context(demo_catalogue, TODAY)


def rows(page: str) -> list[str]:
    body = page.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return [line.split('href="', 1)[1].split('"', 1)[0] for line in body.splitlines() if line.startswith("<tr>")]


def test_the_data_file_has_every_pattern_in_the_default_order(ctx):
    data = json.loads(render_site(ctx)[DATA_FILE])
    assert data["fields"] == list(ROW_FIELDS)
    assert all(len(row) == len(ROW_FIELDS) for row in data["patterns"])
    at = {name: i for i, name in enumerate(ROW_FIELDS)}
    assert [row[at["link"]] for row in data["patterns"]] == [v.id + "/" for v in default_order(ctx)]
    reuse = [row[at["reuse"]] for row in data["patterns"]]
    assert reuse == sorted(reuse, reverse=True)
    hostile = next(row for row in data["patterns"] if row[at["link"]] == "fictional-hostile-entry/")
    assert hostile[at["note"]] == "(deprecated)"
    assert {code for code, _ in data["organisations"]} == {o.organisation.code for o in ctx.organisations}
    # Regions are numbers into the file's list of them.
    regions = data["codes"]["regions"]
    for row, view in zip(data["patterns"], default_order(ctx)):
        assert [regions[int(i)] for i in row[at["regions"]].split()] == ctx.pattern_regions(view.pattern)


def test_the_data_file_is_compact_and_safe_to_inline(ctx):
    text = render_site(ctx)[DATA_FILE]
    assert "\n" not in text.rstrip("\n") and ", " not in text.split('"patterns"')[0]
    for char in "<>&\u2028\u2029":
        assert char not in text


def test_the_page_shows_its_first_rows_and_links_every_pattern_without_javascript(ctx):
    tree = render_site(ctx, page_size=2)
    page = tree["patterns/index.md"]
    assert rows(page) == [v.id + "/" for v in default_order(ctx)][:2]
    assert '<p id="pc-all-patterns">This table shows the 2 most reused' in page and 'href="all/page-1/"' in page
    listed = [link for path in sorted(tree) if path.startswith("patterns/all/") for link in rows(tree[path])]
    assert sorted(link.rsplit("/", 2)[-2] for link in listed) == sorted(v.id for v in ctx.patterns)


def test_a_catalogue_that_fits_on_one_page_has_no_numbered_list(ctx):
    tree = render_site(ctx)
    assert "pc-all-patterns" not in tree["patterns/index.md"]
    assert not [path for path in tree if path.startswith("patterns/all/")]


def test_lifecycle_notes():
    assert lifecycle_note("active", "Active") == ""
    assert lifecycle_note("unknown", "Unknown") == "(current state not known)"
    assert lifecycle_note("retired", "Retired") == "(retired)"


def test_the_data_file_is_the_whole_documents_json_and_a_preview_keeps_unchanged_rows(demo_catalogue, monkeypatch):
    """Put together from each row's own text, it is byte for byte json.dumps of the whole
    document; under kept parts (as `catalogue serve` renders) a second build with one pattern
    retitled writes only that pattern's row again."""
    import dataclasses

    from generator.model.catalogue import Catalogue
    from generator.render import cataloguedata
    from generator.render.exports import script_safe
    from generator.render.parts import kept_parts

    names = {"active": "Active", "superseded": "Superseded", "deprecated": "Deprecated", "unknown": "Unknown"}

    def whole(ctx) -> str:
        regions = sorted({r for v in ctx.patterns for r in ctx.pattern_regions(v.pattern)})
        code = {region: str(i) for i, region in enumerate(regions)}
        document = {"fields": list(ROW_FIELDS), "codes": {"regions": regions},
                    "patterns": [cataloguedata._row(ctx, v, code, names) for v in default_order(ctx)],
                    "organisations": [[o.organisation.code, f"{o.organisation.name} ({o.organisation.code})"]
                                      for o in ctx.organisations]}
        return script_safe(json.dumps(document, ensure_ascii=False, separators=(",", ":"))) + "\n"
    parts: dict = {}
    first = build_context(demo_catalogue, TODAY)
    with kept_parts(parts):
        assert cataloguedata.catalogue_data(first, names) == whole(first)
    pid = sorted(demo_catalogue.patterns)[0]
    patterns = dict(demo_catalogue.patterns)
    patterns[pid] = dataclasses.replace(patterns[pid], title="A fictional <retitled> pattern")
    second = build_context(Catalogue(patterns, demo_catalogue.organisations), TODAY, previous=first)
    written = []
    real = cataloguedata._row
    monkeypatch.setattr(cataloguedata, "_row", lambda ctx, view, *a: written.append(view.id) or real(ctx, view, *a))
    with kept_parts(parts):
        text = cataloguedata.catalogue_data(second, names)
    assert written == [pid]
    monkeypatch.setattr(cataloguedata, "_row", real)
    assert text == whole(second) and "\\u003cretitled\\u003e" in text
