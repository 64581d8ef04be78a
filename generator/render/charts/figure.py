"""Render, charts: the parts every chart's figure is built from: escaping, ids, coordinates,
labels, the <svg> and <figure> wrappers, and the data table that is a chart's text alternative.

All contributor text (titles, ids, organisation names) is escaped with html.escape(quote=True),
after dropping the characters XML forbids.

Colours: text and axes use currentColor, so they follow the page's text colour (and dark mode);
the only fixed colours are NHS Blue #005EB8 (6.4:1 on white) for data marks and white text on
that blue (6.4:1). Both pass 4.5:1 for text and 3:1 for graphics. Every mark carries a class, so
the site stylesheet can restyle it (CSS beats SVG presentation attributes).
"""

from __future__ import annotations

import html
import re

PRIMARY = "#005EB8"  # NHS Blue: 6.4:1 against white, enough for text (4.5:1) and graphics (3:1)
ON_PRIMARY = "#FFFFFF"  # white text on NHS Blue: 6.4:1

# Characters XML 1.0 forbids; stripped so an SVG copied out of a page still parses as XML.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def esc(value) -> str:
    """Escape any text for HTML and XML, attribute or content."""
    return html.escape(_XML_INVALID.sub("", str(value)), quote=True)


def id_base(prefix: str) -> str:
    """A valid, deterministic id stem from the caller's prefix (which may be contributor text)."""
    base = re.sub(r"[^A-Za-z0-9_-]+", "-", prefix).strip("-")
    return base if base[:1].isalpha() else f"c-{base}"


def num(x: float) -> str:
    """Compact coordinate: one decimal at most, so output is short and has no float noise."""
    return f"{x:.1f}".rstrip("0").rstrip(".")


def fit(text: str, max_chars: int) -> str:
    """Shorten text that would overflow its box; the full text is always in the alternative."""
    return text if len(text) <= max_chars else text[: max_chars - 1].rstrip() + "\u2026"


def label(x, y, text: str, max_chars: int, extra: str = "") -> str:
    """An SVG <text>, truncated to fit, with a hover <title> carrying the full text if cut."""
    shown = fit(text, max_chars)
    tip = f"<title>{esc(text)}</title>" if shown != text else ""
    return f'<text x="{num(x)}" y="{num(y)}"{extra}>{tip}{esc(shown)}</text>'


def svg(base: str, size: tuple[float, float], title: str, desc: str, body: str,
        cls: str, role: str = "img") -> str:
    """The <svg> element, named by its <title> and described by its <desc>."""
    w, h = num(size[0]), num(size[1])
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="catalogue-chart {cls}" '
            f'viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="{role}" '
            f'aria-labelledby="{base}-title {base}-desc" fill="currentColor" font-size="14">'
            f'<title id="{base}-title">{esc(title)}</title>'
            f'<desc id="{base}-desc">{esc(desc)}</desc>{body}</svg>')


def figure(cls: str, drawing: str, caption: str, alternative: str) -> str:
    """One figure per chart; no blank lines, so Markdown passes it through as a raw HTML block."""
    return (f'<figure class="catalogue-figure {cls}">{drawing}'
            f'<figcaption>{esc(caption)}</figcaption>{alternative}</figure>')


def data_table(caption: str, headers: tuple[str, str], rows) -> str:
    """The chart's numbers as a table, folded in a <details> so sighted readers see the chart first."""
    head = "".join(f'<th scope="col">{esc(h)}</th>' for h in headers)
    body = "".join(f'<tr><th scope="row">{esc(k)}</th><td>{esc(v)}</td></tr>' for k, v in rows)
    return ('<details class="catalogue-chart__data"><summary>Show the data as a table</summary>'
            f'<table><caption>{esc(caption)}</caption><thead><tr>{head}</tr></thead>'
            f'<tbody>{body}</tbody></table></details>')


def pairs_text(rows) -> str:
    """(key, value) rows as one sentence for a chart's <desc>: "a: 1; b: 2"."""
    return "; ".join(f"{k}: {v}" for k, v in rows)
