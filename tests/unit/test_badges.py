"""Unit tests for generator/render/badges.py: a pattern's badge is a standalone SVG, well-formed
XML with no script or link, named by its title; the snippets to embed it. FICTIONAL catalogue."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from generator.render.badges import badge_path, badge_snippets, badge_svg
from generator.render.context import build_context

from chartcheck import HOSTILE, SVG_NS, TODAY, small_catalogue


def views(**options):
    ctx = build_context(small_catalogue(), TODAY, **options)
    return ctx, ctx.by_id


def test_a_badge_is_well_formed_svg_with_no_script_and_an_accessible_title():
    ctx, by_id = views()
    for view in by_id.values():
        raw = badge_svg(view)
        root = ET.fromstring(raw)
        assert root.tag == f"{SVG_NS}svg" and root.get("role") == "img"
        assert {el.tag.removeprefix(SVG_NS) for el in root.iter()} <= {"svg", "title", "rect", "g", "text"}
        assert not [a for el in root.iter() for a in el.attrib if a.startswith("on") or "href" in a]
        title = root.find(f"{SVG_NS}title").text
        assert title == root.get("aria-label") and title.startswith(view.pattern.title)
        assert f"maturity {view.level.name}" in title
    hostile = ET.fromstring(badge_svg(by_id["hostile"]))
    assert hostile.find(f"{SVG_NS}title").text.startswith(HOSTILE)  # as text, escaped in the file


def test_the_badge_says_the_level_and_the_reuse_count():
    ctx, by_id = views()
    view = by_id["landing-zone"]
    texts = [t.text for t in ET.fromstring(badge_svg(view)).iter(f"{SVG_NS}text")]
    assert texts == ["NHS pattern", f"{view.level.name} \u00b7 reused by {view.reuse.count}"]
    assert badge_path("landing-zone") == "badges/landing-zone.svg"


def test_snippets_use_the_site_address_when_known():
    ctx, by_id = views(site_url="https://example.org/catalogue/")
    snippet = badge_snippets(ctx, by_id["landing-zone"])
    assert snippet["absolute"] and snippet["markdown"].endswith(
        "(https://example.org/catalogue/badges/landing-zone.svg)](https://example.org/catalogue/patterns/landing-zone/)")
    assert snippet["html"].startswith('<a href="https://example.org/catalogue/patterns/landing-zone/"><img src=')
    ctx, by_id = views()
    assert badge_snippets(ctx, by_id["landing-zone"])["markdown"].endswith(
        "(/badges/landing-zone.svg)](/patterns/landing-zone/)")
    # No contributor text in a snippet: only the level, the count and addresses made from the id.
    assert HOSTILE not in badge_snippets(ctx, by_id["hostile"])["html"]
