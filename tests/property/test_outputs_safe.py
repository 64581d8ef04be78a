"""Property tests (Hypothesis): whatever text a contributor puts in any string field the schemas
define, a catalogue that validates renders to pages, SVG charts, feed, CSV and JSON with no event
handler, no javascript:/data:/vbscript: URL, no element or attribute outside the allow-list and
no raw control character; and validation itself never raises (issue 10).

Rendering is the pure render_site (what the plugin hands to MkDocs verbatim, as
tests/site/test_site_handover.py proves); tests/site/test_site_hostile_build.py builds one real
site with hostile text in every field at once. All data is FICTIONAL.
"""

from __future__ import annotations

import copy
import datetime as dt
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))

import hostile  # noqa: E402

from generator.render.context import build_context  # noqa: E402
from generator.render.pages import render_site  # noqa: E402
from generator.validate.catalogue import validate_catalogue  # noqa: E402

TODAY = dt.date(2026, 6, 30)
PATTERN_FIELDS = hostile.string_fields("pattern.schema.json")
REGISTRY_FIELDS = hostile.string_fields("organisations.schema.json")
# The plain text fields must be among what the walk finds, or the walk is broken.
assert {("title",), ("summary",), ("contact", "team"), ("resources", 0, "title"),
        ("outcomes", 0, "description"), ("adoptions", 0, "note")} <= {p for p, _ in PATTERN_FIELDS}
assert {("organisations", "*", "name"), ("organisations", "*", "note"), ("organisations", "**")} <= \
    {p for p, _ in REGISTRY_FIELDS}


def base():
    return [hostile.base_pattern("fictional-a", "fictional-b"), hostile.base_pattern("fictional-b", "fictional-a")], \
        copy.deepcopy(hostile.ORGANISATIONS)


@pytest.fixture(scope="module")
def allowed():
    with tempfile.TemporaryDirectory() as folder:
        patterns, orgs = base()
        hostile.write_catalogue(Path(folder), patterns, orgs)
        validation = validate_catalogue(Path(folder), today=TODAY)
        assert validation.result.success, validation.result.problems
        tree = render_site(build_context(validation.catalogue, TODAY, repo_url="https://example.org/repo",
                                         intake_email="patterns@example.org"))
        assert not hostile.output_problems(tree, hostile.allow_list(tree))
        return hostile.allow_list(tree)


@st.composite
def hostile_catalogue(draw):
    """The base catalogue with hostile text in one to three fields of either file."""
    patterns, orgs = base()
    for _ in range(draw(st.integers(1, 3))):
        if draw(st.booleans()):
            path, field = draw(st.sampled_from(PATTERN_FIELDS))
            hostile.put(patterns[0], path, draw(hostile.text_for(field)))
        else:
            path, field = draw(st.sampled_from(REGISTRY_FIELDS))
            registry = hostile.put({"organisations": orgs}, path, draw(hostile.text_for(field)))
            orgs = registry["organisations"]
    return patterns, orgs


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=hostile_catalogue())
def test_any_valid_catalogue_renders_safe_outputs(case, allowed):
    patterns, orgs = case
    with tempfile.TemporaryDirectory() as folder:
        hostile.write_catalogue(Path(folder), patterns, orgs)
        validation = validate_catalogue(Path(folder), today=TODAY)  # must never raise
        if not validation.result.success:
            assert validation.result.errors  # rejected with located errors: nothing to publish
            return
        ctx = build_context(validation.catalogue, TODAY, repo_url="https://example.org/repo",
                            site_url="https://example.org/catalogue/", intake_email="patterns@example.org")
        tree = render_site(ctx)
    assert not hostile.output_problems(tree, allowed)


def test_the_checks_catch_what_they_look_for(allowed):
    """Negative controls: each kind of problem, planted in a tree, is found."""
    planted = {
        "a.md": '---\ntitle: "x"\n---\n<p onclick="x">a</p>',
        "b.md": '---\ntitle: "x"\n---\n<a href=" jav&#x09;ascript:alert(1)">a</a>',
        "c.md": '---\ntitle: "x"\n---\n<marquee>a</marquee>',
        "d.md": '---\ntitle: "x"\n---\n<p>\x07</p>',
        "e.csv": "title\n=cmd\n",
        "f.json": '{"a": "<script>"}',
        "g.xml": '<feed><link href="data:text/html,x"/></feed>',
    }
    found = hostile.output_problems(planted, allowed)
    for name in planted:
        assert any(p.startswith(name) for p in found), name
