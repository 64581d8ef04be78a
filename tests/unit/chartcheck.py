"""Shared by the chart tests (test_charts_*.py): a small FICTIONAL catalogue with hostile text,
and checks that a chart's markup is inert, well-formed and labelled.

Every organisation and pattern here is FICTIONAL (ZZ codes are not real ODS codes).
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

from generator.model.catalogue import Catalogue, Organisation
from generator.render.context import SiteContext, build_context

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
                                "source": "https://example.org/results", "date": "2025-08-15",
                                "evidence": "data-showing-change"}],
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


def small_context() -> SiteContext:
    """The small catalogue's site context, on TODAY."""
    return build_context(small_catalogue(), today=TODAY)


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
