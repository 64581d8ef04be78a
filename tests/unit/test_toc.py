"""Unit tests for generator/render/toc.py: the contents list of a finished generated page."""

from generator.render.toc import anchor_ids, toc_tokens


def test_h2_and_h3_with_ids_nest_in_order():
    html = ('<h2 id="problem">Problem</h2><p>x</p><h3 id="benefits">Benefits</h3>'
            '<h3 id="drawbacks" data-pagefind-ignore>Drawbacks</h3><h2 id="context">Context</h2>')
    assert toc_tokens(html) == [
        {"level": 2, "id": "problem", "name": "Problem", "children": [
            {"level": 3, "id": "benefits", "name": "Benefits", "children": []},
            {"level": 3, "id": "drawbacks", "name": "Drawbacks", "children": []}]},
        {"level": 2, "id": "context", "name": "Context", "children": []},
    ]


def test_headings_without_an_id_stay_out():
    """Contributor prose keeps h3-h6 but the sanitiser removes ids, so they never enter the list."""
    html = '<h2 id="solution">Solution</h2><div class="pc-prose"><h3>Step one</h3><h4>Detail</h4></div>'
    assert [t["id"] for t in toc_tokens(html)] == ["solution"]
    assert toc_tokens(html)[0]["children"] == []


def test_escaped_heading_text_in_contributor_text_is_not_a_heading():
    html = '<p>&lt;h2 id="fake"&gt;Fake&lt;/h2&gt;</p><p title="&lt;h2 id=&quot;x&quot;&gt;">t</p>'
    assert toc_tokens(html) == []


def test_anchor_ids_are_every_id_on_the_page():
    assert anchor_ids('<h2 id="a">A</h2><svg><title id="b-title">t</title></svg><p data-id="c">') == {"a", "b-title"}
