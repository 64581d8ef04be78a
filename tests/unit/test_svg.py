"""Unit tests for generator/render/svg.py: escaping, determinism, text alternatives, colour
contrast, both directions of relations, adoption series and output size.

Every organisation and pattern here is FICTIONAL (ZZ codes are not real ODS codes).
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from generator.model.catalogue import Catalogue, Organisation
from generator.render import svg
from generator.render.context import build_context

from fictional import adoption, make_pattern

TODAY = dt.date(2026, 11, 26)
HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(1)>'
SVG_NS = "{http://www.w3.org/2000/svg}"

ORGS = {
    "ZZ1": Organisation("ZZ1", "Fictional Northshire Hospitals NHS Trust", "trust", "north-west"),
    "ZZ2": Organisation("ZZ2", "Fictional Southmere Community Health NHS Trust", "trust", "south-east"),
    "ZZ3": Organisation("ZZ3", f"Fictional {HOSTILE} Integrated Care Board", "icb", "east-of-england"),
}


def small_catalogue() -> Catalogue:
    patterns = [
        make_pattern("hostile", title=HOSTILE, originator="ZZ3",
                     related=[{"pattern": "landing-zone", "relation": "complements"}],
                     adoptions=[adoption("ZZ1", "in-use", "2026-03-01")]),
        make_pattern("landing-zone", title="Fictional shared landing zone",
                     related=[{"pattern": "change-checks", "relation": "requires"}],
                     outcomes=[{"description": "Fictional accounts ready in two days.",
                                "source": "https://example.org/results", "date": "2025-08-15"}],
                     adoptions=[adoption("ZZ2", "in-use", "2025-09-01"),
                                adoption("ZZ3", "piloting", "2026-02-01"),
                                adoption("ZZ1", "in-use", "2025-07-01"),  # originator: not reuse
                                adoption("ZZ2", "exploring", "2025-07-15")]),
        make_pattern("change-checks", title="Fictional automated change checks", created="2026-11-26",
                     last_reviewed="2026-11-26",
                     adoptions=[adoption("ZZ2", "retired", "2026-01-10"),
                                adoption("ZZ3", "in-use", "2027-01-01")]),  # future: ignored
        make_pattern("lonely", title="Fictional pattern with no relations"),
    ]
    return Catalogue({p.id: p for p in patterns}, dict(ORGS))


@pytest.fixture()
def ctx():
    return build_context(small_catalogue(), today=TODAY)


# ---------------------------------------------------------------- helpers

class _Tags(HTMLParser):
    """Start tags and attributes as a browser's tokenizer would see them."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def assert_inert(markup: str) -> None:
    """No script, no injected element, no event-handler attribute; and well-formed XML."""
    lowered = markup.lower()
    assert "<script" not in lowered and "<img" not in lowered
    parser = _Tags()
    parser.feed(markup)
    for tag, attrs in parser.tags:
        assert tag not in {"script", "img", "iframe"}
        assert not [name for name in attrs if name.startswith("on")], (tag, attrs)
    ET.fromstring(markup)  # the figure is a single well-formed element


def assert_labelled_svgs(markup: str) -> None:
    """Every SVG has a role and aria-labelledby naming its own <title> and <desc>."""
    root = ET.fromstring(markup)
    svgs = list(root.iter(f"{SVG_NS}svg"))
    assert svgs
    for element in svgs:
        assert element.get("role") in ("img", "group")
        ids = element.get("aria-labelledby").split()
        by_id = {e.get("id"): e.tag for e in element.iter() if e.get("id")}
        assert [by_id.get(i) for i in ids] == [f"{SVG_NS}title", f"{SVG_NS}desc"]
        assert element.find(f"{SVG_NS}title").text and element.find(f"{SVG_NS}desc").text


def luminance(hex_colour: str) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def all_outputs(ctx) -> list[str]:
    incoming = svg.reverse_relations(ctx)
    out = [svg.bar_chart([(v.pattern.title, v.reuse.count) for v in ctx.patterns], HOSTILE, "reuse-board"),
           svg.bar_chart([(ctx.org_name("ZZ3"), 3)], "Organisations", HOSTILE),
           svg.adoptions_over_time(svg.adoption_series(ctx), HOSTILE, "adoptions")]
    for view in ctx.patterns:
        out.append(svg.relation_diagram(ctx, view, view.page, incoming))
        out.append(svg.relation_diagram(ctx, view, view.page, incoming, link_nodes=True))
        out.append(svg.maturity_timeline(view, ctx.model))
    return [o for o in out if o]


# ---------------------------------------------------------------- escaping and structure

def test_every_output_escapes_hostile_text_and_is_well_formed(ctx):
    outputs = all_outputs(ctx)
    assert len(outputs) >= 8
    for markup in outputs:
        assert_inert(markup)
    joined = "".join(outputs)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in joined


def test_hostile_text_survives_as_text(ctx):
    chart = svg.bar_chart([(HOSTILE, 2)], HOSTILE, "x")
    root = ET.fromstring(chart)
    assert root.find(f"{SVG_NS}svg/{SVG_NS}title").text == HOSTILE
    assert root.find("figcaption").text == HOSTILE
    assert root.find(".//tbody/tr/th").text == HOSTILE


def test_every_svg_is_labelled_by_its_title_and_desc(ctx):
    for markup in all_outputs(ctx):
        assert_labelled_svgs(markup)


def test_ids_come_from_the_prefix_and_are_sanitised():
    chart = svg.bar_chart([("A", 1)], "T", '9 "bad" prefix')
    assert 'id="c-9-bad-prefix-title"' in chart and 'id="c-9-bad-prefix-desc"' in chart
    assert 'aria-labelledby="c-9-bad-prefix-title c-9-bad-prefix-desc"' in chart


def test_outputs_are_deterministic(ctx):
    again = build_context(small_catalogue(), today=TODAY)
    assert all_outputs(ctx) == all_outputs(ctx) == all_outputs(again)


def test_fixed_colours_meet_contrast_against_white(ctx):
    colours = set(re.findall(r"#[0-9A-Fa-f]{6}\b", "".join(all_outputs(ctx))))
    assert colours  # the charts do use NHS Blue
    for colour in colours - {svg.ON_PRIMARY}:
        assert contrast(colour, "#FFFFFF") >= 4.5, colour  # text level, so graphics pass too
    assert contrast(svg.ON_PRIMARY, svg.PRIMARY) >= 4.5  # white text sits only on NHS Blue


# ---------------------------------------------------------------- bar chart

def test_bar_chart_has_figure_caption_table_and_values():
    chart = svg.bar_chart([("Emerging", 3), ("Evidenced", 0), ("Proven", 7)], "Maturity", "maturity",
                          headers=("Level", "Patterns"))
    root = ET.fromstring(chart)
    assert root.tag == "figure" and root.find("figcaption").text == "Maturity"
    rows = [(tr.find("th").text, tr.find("td").text) for tr in root.iter("tr") if tr.find("td") is not None]
    assert rows == [("Emerging", "3"), ("Evidenced", "0"), ("Proven", "7")]
    assert [th.text for th in root.iter("th") if th.get("scope") == "col"] == ["Level", "Patterns"]
    assert "Emerging: 3; Evidenced: 0; Proven: 7" in root.find(f"{SVG_NS}svg/{SVG_NS}desc").text
    assert len(root.findall(f".//{SVG_NS}rect")) == 2  # no bar for a zero value


def test_bar_chart_of_nothing_is_empty():
    assert svg.bar_chart([], "Nothing", "none") == ""


def test_bar_chart_with_twenty_rows_stays_small():
    chart = svg.bar_chart([(f"Fictional Organisation Number {i} NHS Trust", 20 - i) for i in range(20)],
                          "Reuse leaderboard", "leaderboard")
    assert len(chart.encode("utf-8")) < 10_000


# ---------------------------------------------------------------- adoptions over time

def test_adoption_series_counts_in_use_and_piloting_by_quarter(ctx):
    # landing-zone: ZZ2 in-use 2025-09-01, ZZ3 piloting 2026-02-01 (ZZ1 is its originator;
    # exploring does not count); hostile: ZZ1 in-use 2026-03-01; change-checks: retired and
    # future-dated adoptions do not count.
    assert svg.adoption_series(ctx) == [
        ("2025 Q3", 1), ("2025 Q4", 1), ("2026 Q1", 3), ("2026 Q2", 3), ("2026 Q3", 3), ("2026 Q4", 3)]


def test_adoption_series_by_month_runs_to_today(ctx):
    series = svg.adoption_series(ctx, "month")
    assert series[0] == ("2025-09", 1) and series[-1] == ("2026-11", 3) and len(series) == 15


def test_adoption_series_is_empty_without_adoptions():
    catalogue = Catalogue({"a": make_pattern("a")}, dict(ORGS))
    assert svg.adoption_series(build_context(catalogue, today=TODAY)) == []


def test_adoptions_over_time_has_table_and_single_point_works(ctx):
    chart = svg.adoptions_over_time(svg.adoption_series(ctx), "Adoptions over time", "adoptions")
    root = ET.fromstring(chart)
    assert [td.text for td in root.iter("td")] == ["1", "1", "3", "3", "3", "3"]
    assert "from 2025 Q3 (1) to 2026 Q4 (3)" in root.find(f"{SVG_NS}svg/{SVG_NS}desc").text
    assert_inert(svg.adoptions_over_time([("2026 Q4", 1)], "One", "one"))
    assert svg.adoptions_over_time([], "None", "none") == ""


# ---------------------------------------------------------------- relation diagram

def test_relation_diagram_shows_both_directions_with_links(ctx):
    view = ctx.by_id["landing-zone"]
    diagram = svg.relation_diagram(ctx, view, view.page)
    root = ET.fromstring(diagram)
    items = root.findall(".//ul/li")
    assert ["".join(li.itertext()) for li in items] == [
        "requires Fictional automated change checks;",
        f"is complemented by {HOSTILE}.",
    ]
    assert [li.find("a").get("href") for li in items] == ["../change-checks/", "../hostile/"]
    desc = root.find(f"{SVG_NS}svg/{SVG_NS}desc").text
    assert "This pattern requires Fictional automated change checks" in desc
    assert f"This pattern is complemented by {HOSTILE}" in desc
    assert root.find(f"{SVG_NS}svg").get("role") == "img"
    assert root.find(f".//{SVG_NS}a") is None  # no links inside a role=img (axe nested-interactive)


def test_relation_diagram_links_nodes_only_when_asked(ctx):
    view = ctx.by_id["landing-zone"]
    root = ET.fromstring(svg.relation_diagram(ctx, view, view.page, link_nodes=True))
    drawing = root.find(f"{SVG_NS}svg")
    assert drawing.get("role") == "group"
    assert sorted(a.get("href") for a in drawing.iter(f"{SVG_NS}a")) == ["../change-checks/", "../hostile/"]


def test_relation_diagram_reads_outgoing_from_the_other_side(ctx):
    view = ctx.by_id["change-checks"]
    root = ET.fromstring(svg.relation_diagram(ctx, view, view.page))
    assert ["".join(li.itertext()) for li in root.findall(".//ul/li")] == [
        "is required by Fictional shared landing zone."]


def test_relation_diagram_is_empty_without_relations(ctx):
    view = ctx.by_id["lonely"]
    assert svg.relation_diagram(ctx, view, view.page) == ""


def test_reverse_index_gives_the_same_diagram(ctx):
    incoming = svg.reverse_relations(ctx)
    assert incoming == {"change-checks": [("landing-zone", "requires")],
                        "landing-zone": [("hostile", "complements")]}
    for view in ctx.patterns:
        assert svg.relation_diagram(ctx, view, view.page, incoming) == svg.relation_diagram(ctx, view, view.page)


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
    diagram = svg.relation_diagram(ctx, view, view.page, svg.reverse_relations(ctx))
    assert len(ET.fromstring(diagram).findall(".//ul/li")) == 30
    assert len(diagram.encode("utf-8")) < 20_000


def test_relation_diagram_names_an_unknown_pattern_without_a_link(ctx):
    view = ctx.by_id["lonely"]
    view.pattern.related.append(("no-such-pattern", "complements"))
    root = ET.fromstring(svg.relation_diagram(ctx, view, view.page))
    item = root.find(".//ul/li")
    assert "".join(item.itertext()) == "complements no-such-pattern." and item.find("a") is None


# ---------------------------------------------------------------- maturity timeline

def test_maturity_timeline_lists_each_level_with_its_date(ctx):
    view = ctx.by_id["landing-zone"]
    root = ET.fromstring(svg.maturity_timeline(view, ctx.model))
    items = ["".join(li.itertext()) for li in root.findall(".//ol/li")]
    assert items[0] == "from 2025-06-01: Emerging"
    assert items[-1].startswith("since ") and items[-1].endswith(f"{view.level.name} (current)")
    assert [t.get("datetime") for t in root.iter("time")] == [d.isoformat() for d, _ in view.timeline]
    assert root.find(f"{SVG_NS}svg").get("role") == "img"


def test_maturity_timeline_of_a_pattern_created_today(ctx):
    view = ctx.by_id["change-checks"]
    root = ET.fromstring(svg.maturity_timeline(view, ctx.model))
    assert ["".join(li.itertext()) for li in root.findall(".//ol/li")] == ["since 2026-11-26: Emerging (current)"]
    assert_inert(svg.maturity_timeline(view, ctx.model))
