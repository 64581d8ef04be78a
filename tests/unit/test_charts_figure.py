"""Unit tests for generator/render/charts/figure.py, through every chart: escaping, labelling,
ids, determinism and colour contrast hold for all of them."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from generator.render import charts

from chartcheck import HOSTILE, SVG_NS, assert_inert, assert_labelled_svgs, small_context


@pytest.fixture()
def ctx():
    return small_context()


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
    incoming = charts.reverse_relations(ctx)
    out = [charts.bar_chart([(v.pattern.title, v.reuse.count) for v in ctx.patterns], HOSTILE, "reuse-board"),
           charts.bar_chart([(ctx.org_name("ZZ3"), 3)], "Organisations", HOSTILE),
           charts.adoptions_over_time(charts.adoption_series(ctx), HOSTILE, "adoptions")]
    for view in ctx.patterns:
        out.append(charts.relation_diagram(ctx, view, view.page, incoming))
        out.append(charts.relation_diagram(ctx, view, view.page, incoming, link_nodes=True))
        out.append(charts.maturity_timeline(view, ctx.model))
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
    chart = charts.bar_chart([(HOSTILE, 2)], HOSTILE, "x")
    root = ET.fromstring(chart)
    assert root.find(f"{SVG_NS}svg/{SVG_NS}title").text == HOSTILE
    assert root.find("figcaption").text == HOSTILE
    assert root.find(".//tbody/tr/th").text == HOSTILE


def test_every_svg_is_labelled_by_its_title_and_desc(ctx):
    for markup in all_outputs(ctx):
        assert_labelled_svgs(markup)


def test_ids_come_from_the_prefix_and_are_sanitised():
    chart = charts.bar_chart([("A", 1)], "T", '9 "bad" prefix')
    assert 'id="c-9-bad-prefix-title"' in chart and 'id="c-9-bad-prefix-desc"' in chart
    assert 'aria-labelledby="c-9-bad-prefix-title c-9-bad-prefix-desc"' in chart


def test_outputs_are_deterministic(ctx):
    again = small_context()
    assert all_outputs(ctx) == all_outputs(ctx) == all_outputs(again)


def test_fixed_colours_meet_contrast_against_white(ctx):
    colours = set(re.findall(r"#[0-9A-Fa-f]{6}\b", "".join(all_outputs(ctx))))
    assert colours  # the charts do use NHS Blue
    for colour in colours - {charts.ON_PRIMARY}:
        assert contrast(colour, "#FFFFFF") >= 4.5, colour  # text level, so graphics pass too
    assert contrast(charts.ON_PRIMARY, charts.PRIMARY) >= 4.5  # white text sits only on NHS Blue
