"""Print: a trust takes a pattern to its board. Every shipped pattern page, printed to PDF by
Chromium on A4 (Playwright's page.pdf), fits on at most three pages, carries none of the menu's,
header's, search's, contents list's or footer's words, and prints each link's address after it.
The PDF's text is read back with pypdf."""

from __future__ import annotations

import io
import re

import pytest

from browser_checks import REPORT, serve

pytestmark = pytest.mark.browser

MAX_PAGES = 3
A4_POINTS = (595, 842)  # 210 x 297 mm
# Words of the page's frame, not its content: menu and contents-list labels, the header's search,
# the footer's links. Those the article itself also uses (a category's name) are left out.
FRAME_WORDS = """() => {
  const article = document.querySelector('article').innerText;
  const words = Array.from(document.querySelectorAll(
      '.md-sidebar a, .md-sidebar label, .md-header label, .md-footer a, .md-footer nav'))
    .map(e => e.textContent.trim()).filter(t => t.length > 3 && !t.includes('\\n'));
  return Array.from(new Set(words)).filter(t => !article.includes(t));
}"""


def printed(page) -> tuple[int, str, tuple[float, float]]:
    """The page printed as Chromium prints it: (number of pages, text, first page's size in points)."""
    from pypdf import PdfReader

    page.emulate_media(media="print")
    reader = PdfReader(io.BytesIO(page.pdf(format="A4", prefer_css_page_size=True)))
    box = reader.pages[0].mediabox
    return len(reader.pages), "\n".join(p.extract_text() for p in reader.pages), (float(box.width), float(box.height))


def shipped_patterns(site) -> list[str]:
    return sorted(p.parent.name for p in (site / "patterns").glob("*/index.html"))


def test_every_shipped_pattern_prints_on_a4_without_the_menus(shipped_built_site, new_context):
    page = new_context().new_page()
    problems, counts = [], {}
    with serve(shipped_built_site) as base:
        for pid in shipped_patterns(shipped_built_site):
            page.goto(f"{base}patterns/{pid}/")
            frame = page.evaluate(FRAME_WORDS)
            assert len(frame) >= 10, f"{pid}: too few frame words to check: {frame}"
            pages, text, size = printed(page)
            counts[pid] = pages
            flat = re.sub(r"\s+", "", text)
            if pages > MAX_PAGES:
                problems.append(f"{pid}: {pages} pages, more than {MAX_PAGES}")
            if tuple(round(x) for x in size) != A4_POINTS:
                problems.append(f"{pid}: page size {size}, not A4")
            leaked = [w for w in frame if w in text]
            if leaked:
                problems.append(f"{pid}: the printout carries the page frame's words {leaked}")
            if page.locator("h1").inner_text() not in text:
                problems.append(f"{pid}: the title is not printed")
            # Link addresses after link text: the source (another site) and a page of this site.
            for address in ("(https://nordcloud.com/blog-nhs-digitalisation/)", f"({base}maturity/)"):
                if address not in flat:
                    problems.append(f"{pid}: no {address} after its link")
    assert counts, "no shipped pattern found"
    REPORT.append("printed on A4: " + ", ".join(f"{pid} {n}" for pid, n in counts.items())
                  + f" (pages; at most {max(counts.values())})")
    assert not problems, "\n".join(problems)
