"""Unit tests for generator/render/charts/relations.py: both directions of relations, links,
the reverse index and the diagram's size."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from generator.model.catalogue import Catalogue
from generator.render.charts.relations import relation_diagram, reverse_relations
from generator.render.context import build_context

from chartcheck import HOSTILE, ORGS, SVG_NS, TODAY, small_context
from fictional import make_pattern


@pytest.fixture()
def ctx():
    return small_context()


def test_relation_diagram_shows_both_directions_with_links(ctx):
    view = ctx.by_id["landing-zone"]
    diagram = relation_diagram(ctx, view, view.page)
    root = ET.fromstring(diagram)
    items = root.findall(".//ul/li")
    assert ["".join(li.itertext()) for li in items] == [
        "requires Fictional automated change checks;",
        f"complements {HOSTILE}.",
    ]
    assert [li.find("a").get("href") for li in items] == ["../change-checks/", "../hostile/"]
    desc = root.find(f"{SVG_NS}svg/{SVG_NS}desc").text
    assert "This pattern requires Fictional automated change checks" in desc
    assert f"This pattern complements {HOSTILE}" in desc
    assert root.find(f"{SVG_NS}svg").get("role") == "img"
    assert root.find(f".//{SVG_NS}a") is None  # no links inside a role=img (axe nested-interactive)


def test_relation_diagram_links_nodes_only_when_asked(ctx):
    view = ctx.by_id["landing-zone"]
    root = ET.fromstring(relation_diagram(ctx, view, view.page, link_nodes=True))
    drawing = root.find(f"{SVG_NS}svg")
    assert drawing.get("role") == "group"
    assert sorted(a.get("href") for a in drawing.iter(f"{SVG_NS}a")) == ["../change-checks/", "../hostile/"]


def test_relation_diagram_reads_outgoing_from_the_other_side(ctx):
    view = ctx.by_id["change-checks"]
    root = ET.fromstring(relation_diagram(ctx, view, view.page))
    assert ["".join(li.itertext()) for li in root.findall(".//ul/li")] == [
        "is required by Fictional shared landing zone."]


def test_relation_diagram_is_empty_without_relations(ctx):
    view = ctx.by_id["lonely"]
    assert relation_diagram(ctx, view, view.page) == ""


def test_reverse_index_gives_the_same_diagram(ctx):
    incoming = reverse_relations(ctx)
    assert incoming == {"change-checks": [("landing-zone", "requires")],
                        "landing-zone": [("hostile", "complements")]}
    for view in ctx.patterns:
        assert relation_diagram(ctx, view, view.page, incoming) == relation_diagram(ctx, view, view.page)


def hub_catalogue(n_out: int = 15, n_in: int = 15) -> Catalogue:
    """One hub with n_out relations of its own and n_in patterns relating to it (30 in all)."""
    relations = ["complements", "alternative-to", "requires", "supersedes"]
    hub = make_pattern("hub", title="Fictional hub pattern with a fairly long descriptive title",
                       related=[{"pattern": f"out-{i:02d}", "relation": relations[i % 4]} for i in range(n_out)])
    others = [make_pattern(f"out-{i:02d}", title=f"Fictional outgoing related pattern number {i:02d}")
              for i in range(n_out)]
    others += [make_pattern(f"in-{i:02d}", title=f"Fictional incoming related pattern number {i:02d}",
                            related=[{"pattern": "hub", "relation": relations[i % 4]}]) for i in range(n_in)]
    return Catalogue({p.id: p for p in [hub, *others]}, dict(ORGS))


def test_relation_diagram_with_thirty_relations_stays_small():
    ctx = build_context(hub_catalogue(), today=TODAY)
    view = ctx.by_id["hub"]
    diagram = relation_diagram(ctx, view, view.page, reverse_relations(ctx))
    assert len(ET.fromstring(diagram).findall(".//ul/li")) == 30
    assert len(diagram.encode("utf-8")) < 20_000


def test_relation_diagram_names_an_unknown_pattern_without_a_link(ctx):
    view = ctx.by_id["lonely"]
    view.pattern.related.append(("no-such-pattern", "complements"))
    root = ET.fromstring(relation_diagram(ctx, view, view.page))
    item = root.find(".//ul/li")
    assert "".join(item.itertext()) == "complements no-such-pattern." and item.find("a") is None


def test_a_two_way_relation_is_listed_once(ctx):
    """A complements B and B complements A: one line, one node, one phrase, on both pages."""
    ctx.by_id["landing-zone"].pattern.related.append(("hostile", "complements"))
    incoming = reverse_relations(ctx)
    for pid, other in (("landing-zone", HOSTILE), ("hostile", "Fictional shared landing zone")):
        view = ctx.by_id[pid]
        root = ET.fromstring(relation_diagram(ctx, view, view.page, incoming))
        lines = ["".join(li.itertext()) for li in root.findall(".//ul/li")]
        assert sum(other in line for line in lines) == 1, lines
        phrases = [t for t in root.find(f"{SVG_NS}svg").itertext() if t.strip() == "complements"]
        assert phrases == ["complements"]


def test_relation_diagram_never_cuts_a_title():
    """Every word of every title is drawn: titles wrap onto more lines, their boxes grow."""
    ctx = build_context(hub_catalogue(3, 3), today=TODAY)
    view = ctx.by_id["hub"]
    drawing = ET.fromstring(relation_diagram(ctx, view, view.page)).find(f"{SVG_NS}svg")
    drawn = " ".join(" ".join(t.itertext()) for t in drawing.iter(f"{SVG_NS}text"))
    for other in ctx.patterns:
        for word in other.pattern.title.split():
            assert word in drawn
    assert "\u2026" not in drawn
