"""Charts as Chromium draws them: on every pattern page of the demo and the shipped catalogues, no
text of a chart overlaps another (SVG getBBox on every <text>), and in the relation diagram each
title sits inside its own box, every relation label clear of every box, nothing outside the
drawing, and no title cut short. Text widths depend on the fonts the browser has, so this is
measured in the browser rather than estimated."""

from __future__ import annotations

import pytest

from browser_checks import serve

pytestmark = pytest.mark.browser

MEASURE = """() => {
  const box = e => { const b = e.getBBox(); return {x: b.x, y: b.y, r: b.x + b.width, b: b.y + b.height}; };
  const meets = (a, b) => a.x < b.r && b.x < a.r && a.y < b.b && b.y < a.b;
  const inside = (a, b) => a.x >= b.x && a.r <= b.r && a.y >= b.y && a.b <= b.b;
  const name = e => JSON.stringify(e.textContent.slice(0, 40));
  const problems = [];
  for (const svg of document.querySelectorAll('figure.catalogue-figure svg')) {
    const chart = svg.getAttribute('class');
    const texts = Array.from(svg.querySelectorAll('text')).filter(t => t.textContent.trim());
    const boxes = texts.map(box);
    for (let i = 0; i < texts.length; i++)
      for (let j = i + 1; j < texts.length; j++)
        if (meets(boxes[i], boxes[j])) problems.push(`${chart}: ${name(texts[i])} overlaps ${name(texts[j])}`);
    const view = svg.viewBox.baseVal, frame = {x: view.x, y: view.y, r: view.x + view.width, b: view.y + view.height};
    texts.forEach((t, i) => { if (!inside(boxes[i], frame)) problems.push(`${chart}: ${name(t)} is outside the drawing`); });
    if (!chart.includes('relations')) continue;
    const rects = Array.from(svg.querySelectorAll('.catalogue-chart__nodes rect')).map(box);
    const titles = Array.from(svg.querySelectorAll('.catalogue-chart__node-titles text'));
    titles.forEach((t, i) => { if (!inside(box(t), rects[i])) problems.push(`relations: title ${name(t)} is not inside its box`); });
    const centre = svg.querySelector('.catalogue-chart__centre');
    const centreText = centre.nextElementSibling;
    if (!inside(box(centreText), box(centre))) problems.push(`relations: the centre title ${name(centreText)} is not inside its box`);
    for (const label of svg.querySelectorAll('.catalogue-chart__relation text'))
      for (const rect of [...rects, box(centre)])
        if (meets(box(label), rect)) problems.push(`relations: label ${name(label)} overlaps a box`);
    if (svg.textContent.includes('\\u2026')) problems.push('relations: a title is cut short');
  }
  return {problems, charts: document.querySelectorAll('figure.catalogue-figure svg').length};
}"""


@pytest.mark.parametrize("catalogue", ["built_site", "shipped_built_site"])
def test_no_chart_text_overlaps_on_any_pattern_page(request, new_context, catalogue):
    site = request.getfixturevalue(catalogue)
    page = new_context().new_page()
    problems, charts = [], 0
    with serve(site) as base:
        for index in sorted((site / "patterns").glob("*/index.html")):
            page.goto(f"{base}patterns/{index.parent.name}/")
            found = page.evaluate(MEASURE)
            charts += found["charts"]
            problems += [f"{index.parent.name}: {p}" for p in found["problems"]]
    assert charts >= 5, f"only {charts} charts found: the check would prove little"
    assert not problems, "\n".join(problems)
