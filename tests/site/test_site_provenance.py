"""Provenance and truthfulness on the built sites (issue 11): where each pattern comes from, at the
top of its page; who wrote and reviewed it; how strong each outcome's evidence is; the editors'
own reading kept apart from the sources; and what to do next, or an honest word that the source
does not say. Expected values are read from the YAML and the schema, not from the generator."""

from __future__ import annotations

import json
import re

import pytest

from generator.dates import long_date
import yaml

import sitehtml
from sitehtml import DEMO, REPO

SCHEMA = json.loads((REPO / "schema" / "pattern.schema.json").read_text(encoding="utf-8"))
KIND_NAMES = SCHEMA["$defs"]["source"]["properties"]["kind"]["x-names"]
WRITER_NAMES = SCHEMA["properties"]["written_by"]["x-names"]
REVIEWER_NAMES = SCHEMA["properties"]["reviewed_by"]["x-names"]
_EVIDENCE = SCHEMA["properties"]["outcomes"]["items"]["properties"]["evidence"]
LADDER = [(value, _EVIDENCE["x-names"][value]) for value in _EVIDENCE["enum"]]
EDITORS_LABEL = "The catalogue's editors' reading: not stated by the source."


def entries(root) -> dict[str, dict]:
    return {data["id"]: data for data in (yaml.safe_load(p.read_text(encoding="utf-8"))
                                          for p in sorted((root / "patterns").glob("*.yaml")))}


SHIPPED = entries(REPO)
DEMO_ENTRIES = entries(DEMO)


def before_first_h2(article: sitehtml.Element, element: sitehtml.Element) -> bool:
    """Whether `element` comes before the page's first h2 in document order (the first screenful:
    the lead, the notices and the key facts)."""
    order = list(article.iter())
    return order.index(element) < order.index(article.find("h2"))


def based_on(source: dict) -> str:
    """The words of one "Based on" line, as the brief words it: title (kind, publisher, date)."""
    date = source["date"] if isinstance(source["date"], str) else long_date(source["date"])
    return f"{source['title']} ({KIND_NAMES[source['kind']].lower()}, {source['publisher']}, {date})"


# ---------------------------------------------------------------- the shipped catalogue

@pytest.mark.parametrize("pid", sorted(SHIPPED))
def test_every_shipped_pattern_shows_its_source_kind_and_date_at_the_top(shipped_site, pid):
    entry, article = SHIPPED[pid], shipped_site.article(f"patterns/{pid}/")
    facts = article.one("dl", "pc-facts")
    shown = facts.find_all("dd", "pc-source")
    assert [dd.text() for dd in shown] == [based_on(s) for s in entry["sources"]]
    assert shown[0].text() == ("3 Lessons from the Frontline of NHS Digitalisation (supplier's article, "
                               "Nordcloud, undated)")
    assert shown[0].one("a").attrs["href"] == "https://nordcloud.com/blog-nhs-digitalisation/"
    assert all(before_first_h2(article, dd) for dd in shown)
    terms = [dt.text() for dt in facts.find_all("dt")]
    assert "Based on" in terms and "Written by" in terms
    written = facts.find_all("dd")[terms.index("Written by") + len(shown) - 1]
    assert written.text() == "The catalogue's editors, on 26 November 2026"


@pytest.mark.parametrize("pid", sorted(SHIPPED))
def test_shipped_patterns_claim_no_review_and_say_their_current_state_is_not_known(shipped_site, pid):
    article = shipped_site.article(f"patterns/{pid}/")
    assert "last_reviewed" not in SHIPPED[pid] and SHIPPED[pid]["reviewed_by"] == "none"
    review = article.one("dl", "pc-facts").find_all("dd")[-1]
    assert review.text().startswith("Not reviewed since it was written")
    notice = article.one("div", "pc-lifecycle-notice")
    assert notice.one("p", "admonition-title").text() == "Current state not known"
    assert before_first_h2(article, notice)
    assert "Last reviewed" not in article.one("div", "pc-contact").text()


@pytest.mark.parametrize("pid", sorted(SHIPPED))
def test_shipped_patterns_keep_the_editors_reading_apart_and_state_no_drawbacks(shipped_site, pid):
    entry, article = SHIPPED[pid], shipped_site.article(f"patterns/{pid}/")
    block = article.one("div", "pc-editors-reading")
    assert block.one("p").one("strong").text() == EDITORS_LABEL
    assert [li.text() for li in block.one("ul").find_all("li")] == [
        re.sub(r"\s+", " ", item) for item in entry["editors_reading"]]
    assert entry["consequences"]["liabilities"] == []
    consequences = article.find_all("div", "pc-prose")[3]
    assert consequences.text().endswith("Drawbacks The source states none.")


def test_no_shipped_page_says_the_originator_described_a_pattern(shipped_site):
    """The only source is a supplier's article: nothing may claim the originator described it."""
    for page in shipped_site.html_pages:
        text = sitehtml.parse(shipped_site.html(page)).text().lower()
        assert "described by its originator" not in text, page


@pytest.mark.parametrize("pid", sorted(SHIPPED))
def test_reuse_this_pattern_lists_prerequisites_and_first_steps_or_says_the_source_is_silent(shipped_site, pid):
    entry = SHIPPED[pid]
    box = shipped_site.article(f"patterns/{pid}/").one("div", "pc-reuse-steps")
    assert [h.text() for h in box.find_all("h3")] == ["Prerequisites", "First steps"]
    if entry.get("prerequisites"):
        assert [li.text() for li in box.one("ul").find_all("li")] == entry["prerequisites"]
    else:
        assert "The source does not say what needs to be in place first." in box.text()
    if entry.get("first_steps"):
        assert [li.text() for li in box.one("ol").find_all("li")] == entry["first_steps"]
    else:
        assert "The source does not say how to start." in box.text()


def test_the_shipped_catalogue_uses_the_steps_it_has(shipped_site):
    """At least one shipped pattern has first steps and one has prerequisites, so both lists show."""
    assert any(e.get("first_steps") for e in SHIPPED.values())
    assert any(e.get("prerequisites") for e in SHIPPED.values())


# ---------------------------------------------------------------- the demo (FICTIONAL)

@pytest.mark.parametrize("pid", sorted(DEMO_ENTRIES))
def test_each_outcome_shows_the_strength_of_its_evidence_in_words_and_as_a_number(demo_site, pid):
    entry = DEMO_ENTRIES[pid]
    article = demo_site.article(f"patterns/{pid}/")
    shown = [span.text() for span in article.find_all("span", "pc-evidence")]
    expected = []
    for outcome in sorted(entry.get("outcomes") or [], key=lambda o: o["date"]):
        level = [value for value, _ in LADDER].index(outcome["evidence"]) + 1
        expected.append(f"Strength of evidence: level {level} of 5, {LADDER[level - 1][1].lower()}")
    assert shown == expected
    for span in article.find_all("span", "pc-evidence"):
        assert span.one("a").attrs["href"].endswith("maturity/#the-evidence-ladder")


def test_the_demo_shows_every_level_of_the_evidence_ladder_it_uses(demo_site):
    used = {o["evidence"] for e in DEMO_ENTRIES.values() for o in e.get("outcomes") or []}
    assert {"data-showing-change", "comparison-showing-cause", "independent-evaluation"} <= used


@pytest.mark.parametrize("pid", sorted(DEMO_ENTRIES))
def test_who_wrote_and_who_reviewed_each_entry_is_shown(demo_site, maturity_config, pid):
    entry = DEMO_ENTRIES[pid]
    facts = demo_site.article(f"patterns/{pid}/").one("dl", "pc-facts")
    dds = facts.find_all("dd")
    written = next(dd for dd in dds if dd.text().endswith(f", on {long_date(entry['created'])}"))
    assert written.text().startswith(WRITER_NAMES[entry["written_by"]])
    review = dds[-1]
    if entry["reviewed_by"] == "none":
        assert review.text().startswith("Not reviewed since it was written")
        assert review.find("time") is None
    else:
        assert review.one("time").attrs["datetime"] == entry["last_reviewed"].isoformat()
        assert f"by {REVIEWER_NAMES[entry['reviewed_by']].lower()}" in review.text()
        counts = entry["reviewed_by"] in maturity_config["reviews_that_count"]
        assert ("does not count towards maturity" in review.text()) == (not counts)
    assert review.find("a").attrs["href"].endswith("maturity/#reviews-that-count")


def test_the_demo_exercises_every_provenance_field(demo_site):
    kinds = {s["kind"] for e in DEMO_ENTRIES.values() for s in e["sources"]}
    assert len(kinds) >= 5 and any(s["date"] == "undated" for e in DEMO_ENTRIES.values() for s in e["sources"])
    assert {e["written_by"] for e in DEMO_ENTRIES.values()} == set(WRITER_NAMES)
    assert {e["reviewed_by"] for e in DEMO_ENTRIES.values()} == set(REVIEWER_NAMES)
    for key in ("editors_reading", "prerequisites", "first_steps"):
        assert any(e.get(key) for e in DEMO_ENTRIES.values()), key
    assert any(e["lifecycle"] == "unknown" for e in DEMO_ENTRIES.values())


def test_a_pattern_with_two_sources_lists_both_and_its_steps_in_order(demo_site):
    pid = "fictional-shared-booking-service"
    entry, article = DEMO_ENTRIES[pid], demo_site.article(f"patterns/{pid}/")
    assert [dd.text() for dd in article.find_all("dd", "pc-source")] == [based_on(s) for s in entry["sources"]]
    box = article.one("div", "pc-reuse-steps")
    assert [li.text() for li in box.one("ol").find_all("li")] == entry["first_steps"]
    assert "sources do not say" not in box.text()
