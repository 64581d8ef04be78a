"""Every page type of the built demo site (tests/fixtures/site/demo, FICTIONAL) shows what it
promises. Expected values are worked out here from the fixture YAML and schema/maturity.yaml,
independently of the generator; only the maturity level is also compared with generator.model.maturity.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

import sitehtml
from sitehtml import DEMO, REPO, REPO_URL, TODAY

PATTERN_IDS = sorted(p.stem for p in (DEMO / "patterns").glob("*.yaml"))
CATEGORIES = {"strategy": "Strategy", "delivery": "Delivery", "platform": "Platform",
              "operations": "Operations", "data": "Data", "people-and-skills": "People and skills",
              "governance": "Governance"}
STATUS_NAMES = {"in-use": "In use", "piloting": "Piloting", "exploring": "Exploring", "retired": "Retired"}
SITE_NAME = "Fictional Demo Catalogue"
# The evidence ladder, lowest first, with its words, read from the schema (not through the generator).
_EVIDENCE = json.loads((sitehtml.REPO / "schema" / "pattern.schema.json").read_text(encoding="utf-8"))[
    "properties"]["outcomes"]["items"]["properties"]["evidence"]
LADDER = [(value, _EVIDENCE["x-names"][value]) for value in _EVIDENCE["enum"]]


# ---------------------------------------------------------------- independent expectations

def others(entry: dict, statuses) -> set[str]:
    """Distinct organisations other than the originator with an adoption in one of `statuses`,
    in force today."""
    return {a["organisation"] for a in entry.get("adoptions") or []
            if a["status"] in statuses and a["organisation"] != entry["originator"] and a["since"] <= TODAY}


def reuse_count(entry: dict, maturity_config: dict) -> int:
    return len(others(entry, maturity_config["reuse"]["counted"]))


def piloting_only(entry: dict, maturity_config: dict) -> set[str]:
    return others(entry, ["piloting"]) - others(entry, maturity_config["reuse"]["counted"])


def level_from_yaml(entry: dict, cfg: dict) -> str:
    """The maturity ladder of schema/maturity.yaml applied to the entry, written out afresh."""
    dated = [o for o in entry.get("outcomes") or [] if o["date"] <= TODAY]
    found = {
        "adopters": len(others(entry, ["in-use", "piloting"])),
        "reuse": reuse_count(entry, cfg),
        "outcomes": len(dated),
        "evidence": max((evidence_level(o) for o in dated), default=0),
    }
    # Only reviews by those reviews_that_count names count, and the creation only when one of them wrote it.
    reviews = [entry["created"]] if entry["written_by"] in cfg["reviews_that_count"] else []
    reviews += [entry["last_reviewed"]] if entry["reviewed_by"] in cfg["reviews_that_count"] else []
    reached = cfg["levels"][0]["id"]
    for level in cfg["levels"]:
        for name, n in (level.get("criteria") or {}).items():
            ok = (bool(reviews) and (TODAY - max(reviews)).days <= n if name == "reviewed_within_days"
                  else found[name] >= n)
            if not ok:
                return reached
        reached = level["id"]
    return reached


def evidence_level(outcome: dict) -> int:
    """An outcome's place on the evidence ladder, 1 to 5."""
    return [value for value, _ in LADDER].index(outcome["evidence"]) + 1


def worded(template: str, n: int) -> str:
    """A criterion's wording for threshold n, as maturity.yaml documents its placeholders."""
    text = re.sub(r"\{n:([^|}]*)\|([^}]*)\}", lambda m: m[1] if n == 1 else m[2], template)
    evidence = LADDER[n - 1][1].lower() if 0 < n <= len(LADDER) else ""
    return text.replace("{n}", str(n)).replace("{evidence}", evidence)


def criteria_up_to(level_id: str, cfg: dict) -> list[str]:
    """Reader's wording of every criterion of `level_id` and the levels below it."""
    out = []
    for level in cfg["levels"]:
        out += [worded(cfg["criteria"][name]["requirement"], n)
                for name, n in (level.get("criteria") or {}).items()]
        if level["id"] == level_id:
            return out
    raise AssertionError(level_id)


def related_ids(pid: str, entries: dict) -> set[str]:
    """Patterns related to pid in either direction."""
    out = {r["pattern"] for r in entries[pid].get("related") or []}
    out |= {other for other, e in entries.items() for r in e.get("related") or [] if r["pattern"] == pid}
    return out - {pid}


def adopters(entry: dict) -> set[str]:
    """Organisations other than the originator piloting or using a pattern today."""
    return others(entry, ("in-use", "piloting"))


def companions_expected(pid: str, entries: dict) -> bool:
    """Whether a pattern page lists what its users also use: some organisation using it uses
    another pattern that is neither deprecated nor superseded."""
    return any(adopters(entries[pid]) & adopters(other) for oid, other in entries.items()
               if oid != pid and other["lifecycle"] not in ("deprecated", "superseded"))


def suggestions_expected(code: str, entries: dict, orgs: dict) -> bool:
    """Whether an organisation's page suggests patterns: it is open, and an active pattern it
    neither uses nor started is used by an organisation that shares a pattern with it, or by one
    of its type in its region."""
    if orgs[code].get("closed"):
        return False
    mine = {pid for pid, e in entries.items() if code in adopters(e) or e["originator"] == code}
    neighbours = {o for pid in mine for o in adopters(entries[pid])} - {code}
    peers = {c for c, o in orgs.items() if c != code and (o["type"], o["region"]) ==
             (orgs[code]["type"], orgs[code]["region"])}
    return any(adopters(e) & (neighbours | peers) for pid, e in entries.items()
               if pid not in mine and e["lifecycle"] not in ("deprecated", "superseded"))


def overdue(entry: dict, cfg: dict) -> bool:
    return (TODAY - entry.get("last_reviewed", entry["created"])).days > cfg["review_period_days"]


@pytest.fixture(scope="module")
def computed_levels() -> dict[str, str]:
    """Maturity of each demo pattern as generator.model.maturity computes it on the pinned day."""
    from generator.model.maturity import maturity_model
    from generator.validate.catalogue import validate_catalogue

    validation = validate_catalogue(DEMO, today=TODAY)
    assert validation.result.success
    model = maturity_model()
    return {pid: model.assess(p, TODAY).level.id for pid, p in validation.catalogue.patterns.items()}


def href_target(site, page: str, el: sitehtml.Element) -> Path:
    """The file an internal <a> on `page` (site URL) points at; asserts it exists."""
    resolved = sitehtml.resolve_internal(site.root, str(site.path(page).relative_to(site.root).as_posix()),
                                         el.attrs["href"], site.prefix)
    assert resolved is not None, f"{page}: {el.attrs['href']} is not an internal link"
    assert resolved[0].is_file(), f"{page}: {el.attrs['href']} -> {resolved[0]} does not exist"
    return resolved[0]


def long_date(day) -> str:
    """A date as the pages write it: "1 March 2024" (strftime's English month names)."""
    return f"{day.day} {day.strftime('%B %Y')}"


def page_of(site, target: Path) -> str:
    """Site URL of a page file: patterns/x/index.html -> patterns/x/."""
    rel = target.relative_to(site.root).as_posix()
    return rel[: -len("index.html")] if rel.endswith("index.html") else rel


# ---------------------------------------------------------------- the fixture itself

def test_the_demo_has_one_pattern_at_each_level_its_comments_name(demo_entries, maturity_config, computed_levels):
    levels = [lv["id"] for lv in maturity_config["levels"]]
    named_levels = set()
    for pid, entry in demo_entries.items():
        assert "FICTIONAL" in entry["_comment"]
        named = re.match(r"# FICTIONAL test entry: (\w+) \(", entry["_comment"])
        if named and named.group(1) in levels:  # "# FICTIONAL test entry: proven (five other ...)"
            assert named.group(1) == computed_levels[pid], (pid, entry["_comment"])
            named_levels.add(named.group(1))
    assert named_levels == {"piloted", "reused", "proven"}  # the two emerging ones say what else they test
    present = set(computed_levels.values())
    assert {"emerging", "piloted", "reused", "proven"} <= present
    assert sum(1 for e in demo_entries.values() if e["lifecycle"] == "superseded") == 1
    assert sum(1 for e in demo_entries.values() if e["lifecycle"] == "deprecated") == 1
    assert [pid for pid, e in demo_entries.items() if overdue(e, maturity_config)] == ["fictional-paper-referrals"]


def test_maturity_in_the_site_equals_generator_maturity_and_the_yaml(demo_site, demo_entries, maturity_config,
                                                                     computed_levels):
    for pid in PATTERN_IDS:
        badge = demo_site.article(f"patterns/{pid}/").one("dl", "pc-facts").one("span", "pc-badge")
        shown = {c[len("pc-badge--"):] for c in badge.classes if c.startswith("pc-badge--")}
        assert shown == {computed_levels[pid]}, pid
        assert computed_levels[pid] == level_from_yaml(demo_entries[pid], maturity_config) \
            == demo_entries[pid]["maturity"], pid


# ---------------------------------------------------------------- home

def test_home_states_plainly_what_the_catalogue_holds(demo_site, demo_entries, maturity_config, computed_levels):
    """The heading is not "Home", and the lead says what the catalogue holds, counted from the
    entries here, independently of the generator: nothing above what is recorded."""
    article = demo_site.article("")
    assert article.one("h1").text() == "Find and reuse practice from NHS organisations"
    levels = [(lv["name"], sum(1 for pid in demo_entries if computed_levels[pid] == lv["id"]))
              for lv in maturity_config["levels"]]
    levels = [f"{n} at {name}" for name, n in levels if n]
    reused = sum(1 for e in demo_entries.values() if reuse_count(e, maturity_config))
    originators = len({e["originator"] for e in demo_entries.values()})
    assert reused == 2  # the shared booking service and the virtual ward dashboard
    assert article.one("p", "pc-holdings").text() == (
        f"The catalogue holds {len(demo_entries)} patterns from {originators} organisations: "
        f"{', '.join(levels[:-1])} and {levels[-1]}. "
        f"{reused} of them are reused by at least one other organisation in live service.")
    assert "Proven practice" not in article.text()


def test_home_lists_most_reused_newest_and_recent(demo_site, demo_entries, maturity_config):
    article = demo_site.article("")
    tables = article.find_all("table", "pc-table")
    assert [t.one("caption").text() for t in tables] == [
        "The patterns reused by most organisations", "The most recently added patterns",
        "The patterns with the most recent evidence or review"]
    most = [page_of(demo_site, href_target(demo_site, "", a)) for a in tables[0].one("tbody").find_all("a")]
    by_reuse = sorted((pid for pid in demo_entries if reuse_count(demo_entries[pid], maturity_config)),
                      key=lambda pid: (-reuse_count(demo_entries[pid], maturity_config), pid))
    assert most == [f"patterns/{pid}/" for pid in by_reuse]  # only patterns that are reused
    newest = [page_of(demo_site, href_target(demo_site, "", a)) for a in tables[1].one("tbody").find_all("a")]
    by_created = sorted(demo_entries, key=lambda pid: (demo_entries[pid]["created"], pid), reverse=True)
    assert newest[0] == f"patterns/{by_created[0]}/"
    assert article.find("a", href="patterns/") and article.find("a", href="maturity/")


def test_the_shipped_home_page_does_not_oversell(shipped_site):
    """Nine patterns, all Emerging, none reused, all added on one day: the page says so, and shows
    none of the short tables, which would only repeat the catalogue in another order."""
    import yaml

    entries = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in (sitehtml.REPO / "patterns").glob("*.yaml")]
    assert {e["maturity"] for e in entries} == {"emerging"} and not any(e.get("adoptions") for e in entries)
    article = shipped_site.article("")
    assert article.one("p", "pc-holdings").text() == (
        f"The catalogue holds {len(entries)} patterns from 1 organisation, all at Emerging so far. "
        "None is yet recorded as reused by another organisation.")
    assert article.find_all("table") == []
    assert "Proven practice" not in article.text()


# ---------------------------------------------------------------- catalogue index

def test_catalogue_index_has_a_row_per_pattern(demo_site, demo_entries, maturity_config, computed_levels):
    table = demo_site.article("patterns/").one("table", id="pc-catalogue")
    rows = table.one("tbody").find_all("tr")
    assert len(rows) == len(demo_entries)
    # What the filter script reads: one array per pattern in the data file beside the page.
    assert table.attrs["data-src"] == "index.json"
    data = json.loads((demo_site.root / "patterns" / "index.json").read_text(encoding="utf-8"))
    by_link = {row[0]: dict(zip(data["fields"], row)) for row in data["patterns"]}
    seen = []
    for row in rows:
        link = row.one("a")
        pid = page_of(demo_site, href_target(demo_site, "patterns/", link)).split("/")[1]
        seen.append(pid)
        entry = demo_entries[pid]
        cells = row.find_all("td")
        assert link.text() == entry["title"]
        assert entry["summary"] in cells[0].text()
        assert cells[1].text() == CATEGORIES[entry["category"]]
        assert f"pc-badge--{computed_levels[pid]}" in cells[2].one("span", "pc-badge").classes
        assert cells[3].text() == str(reuse_count(entry, maturity_config))
        a = by_link[link.attrs["href"]]
        assert a["category"] == entry["category"] and a["title"] == entry["title"]
        assert a["themes"].split() == entry["themes"]
        assert a["maturity"] == computed_levels[pid]
        assert a["lifecycle"] == entry["lifecycle"]
        assert set(a["orgs"].split()) == {entry["originator"]} | {x["organisation"] for x in entry.get("adoptions") or []}
        assert a["reuse"] == reuse_count(entry, maturity_config)
        assert a["created"] == entry["created"].isoformat()
        if entry["lifecycle"] == "unknown":
            assert "(current state not known)" in cells[0].text()
        elif entry["lifecycle"] != "active":
            assert f"({entry['lifecycle']})" in cells[0].text()
    assert sorted(seen) == PATTERN_IDS
    assert seen == sorted(seen, key=lambda pid: (-reuse_count(demo_entries[pid], maturity_config), pid))


def test_catalogue_index_has_the_filter_form_with_labels(demo_site, demo_orgs, maturity_config):
    article = demo_site.article("patterns/")
    form = article.one("form", id="pc-filters")
    assert "hidden" in form.attrs  # shown by the script; the table is complete without it
    assert form.attrs.get("aria-label")
    labels = {label.attrs["for"]: label.text() for label in form.find_all("label")}
    selects = {s.attrs["id"]: s for s in form.find_all("select")}
    assert set(labels) == set(selects) == {"f-category", "f-setting", "f-theme", "f-wgll", "f-region", "f-maturity",
                                           "f-lifecycle", "f-organisation", "f-sort"}
    assert all(labels.values())
    panel = article.one("details", id="pc-filter-panel")
    assert "hidden" in panel.attrs and panel.one("summary").text() == "Filter patterns"

    def values(select_id):
        return [o.attrs["value"] for o in selects[select_id].find_all("option") if o.attrs["value"]]

    assert values("f-category") == list(CATEGORIES)
    assert values("f-maturity") == [lv["id"] for lv in maturity_config["levels"]]
    # Organisations (7,000 at national scale) come with the data file, not as options in the page.
    assert values("f-organisation") == []
    data = json.loads((demo_site.root / "patterns" / "index.json").read_text(encoding="utf-8"))
    assert [code for code, _ in data["organisations"]] == sorted(demo_orgs)
    assert set(values("f-lifecycle")) == {"active", "deprecated", "superseded", "unknown"}
    # Care settings and What Good Looks Like: every value the readers expect; regions: those of
    # the registry's organisations, in the schema's order.
    assert values("f-setting") == ["acute", "mental-health", "community", "primary-care", "ambulance",
                                   "commissioning", "national"]
    assert values("f-wgll") == ["well-led", "smart-foundations", "safe-practice", "support-people",
                                "empower-citizens", "improve-care", "healthy-populations"]
    assert set(values("f-region")) == {o["region"] for o in demo_orgs.values()}
    assert form.find("button", type="reset")
    assert article.one("p", id="pc-count").attrs.get("role") == "status"
    scripts = [s.attrs.get("src", "") for s in demo_site.tree("patterns/").find_all("script")]
    assert any(src.endswith("assets/catalogue.js") for src in scripts)


# ---------------------------------------------------------------- pattern pages

@pytest.mark.parametrize("pid", PATTERN_IDS)
def test_pattern_page_head(demo_site, demo_entries, demo_orgs, maturity_config, computed_levels, pid):
    entry, page = demo_entries[pid], f"patterns/{pid}/"
    tree, article = demo_site.tree(page), demo_site.article(page)
    assert article.one("h1").text() == entry["title"]
    assert tree.one("head").one("title").text() == f"{entry['title']} - {SITE_NAME}"
    assert tree.one("meta", name="description").attrs["content"] == entry["summary"]
    assert article.one("p", "pc-lead").text() == entry["summary"]

    facts = article.one("dl", "pc-facts")
    assert f"pc-badge--{computed_levels[pid]}" in facts.one("span", "pc-badge").classes
    assert facts.one("strong", "pc-reuse-count").text() == str(reuse_count(entry, maturity_config))
    piloting = piloting_only(entry, maturity_config)
    assert (f"{len(piloting)} piloting" in facts.text()) == bool(piloting)
    links = {a.text(): a for a in facts.find_all("a")}
    originator = href_target(demo_site, page, links[demo_orgs[entry["originator"]]["shown"]])
    assert page_of(demo_site, originator) == f"organisations/{entry['originator']}/"
    category = href_target(demo_site, page, links[CATEGORIES[entry["category"]]])
    assert page_of(demo_site, category) == f"categories/{entry['category']}/"
    review = facts.find_all("dd")[-1]
    if entry.get("last_reviewed"):
        assert review.one("time").attrs["datetime"] == entry["last_reviewed"].isoformat()
    else:
        assert review.text().startswith("Not reviewed since it was written")


@pytest.mark.parametrize("pid", PATTERN_IDS)
def test_pattern_page_sections(demo_site, demo_entries, pid):
    entry, page = demo_entries[pid], f"patterns/{pid}/"
    article = demo_site.article(page)
    ids = [h.attrs.get("id") for h in article.find_all("h2")]
    expected = ["problem", "context", "solution", "consequences"]
    expected += ["the-editors-reading"] if entry.get("editors_reading") else []
    expected += ["outcomes", "maturity", "adoptions"]
    expected += ["related-patterns"] if related_ids(pid, demo_entries) else []
    expected += ["resources"] if entry.get("resources") else []
    expected += ["reuse-this-pattern", "show-that-you-use-it"]
    if companions_expected(pid, demo_entries):
        expected.insert(expected.index("adoptions") + 1, "organisations-that-use-this-also-use")
    assert ids == expected
    text = article.text()
    if pid != "fictional-hostile-entry":  # its prose is checked by the safety tests
        for section in ("problem", "context", "solution"):
            first_line = entry[section].strip().splitlines()[0].replace("**", "")
            assert " ".join(first_line.split()) in text, (section, first_line)
        for item in entry["consequences"]["benefits"] + entry["consequences"]["liabilities"]:
            assert item in text
    if not entry["consequences"]["liabilities"]:
        assert "Drawbacks The source states none." in text
    outcomes = article.find_all("div", "pc-prose")[5 if entry.get("editors_reading") else 4]
    if entry.get("outcomes"):
        sources = [a.attrs["href"] for a in outcomes.find_all("a") if sitehtml.is_external(a.attrs["href"])]
        assert sources == [o["source"] for o in sorted(entry["outcomes"], key=lambda o: o["date"])]
        for o in entry["outcomes"]:
            assert o["description"] in outcomes.text()
    else:
        assert "No measured outcome recorded yet" in outcomes.text()
    for r in entry.get("resources") or []:
        assert article.find("a", href=r["url"]).text() == r["title"]


@pytest.mark.parametrize("pid", PATTERN_IDS)
def test_pattern_page_adoptions_table(demo_site, demo_entries, demo_orgs, pid):
    entry, page = demo_entries[pid], f"patterns/{pid}/"
    box = demo_site.article(page).one("div", "pc-adoptions")
    adoptions = sorted(entry.get("adoptions") or [], key=lambda a: a["organisation"])
    if not adoptions:
        assert "No other organisation has recorded an adoption yet" in box.text()
        return
    rows = box.one("tbody").find_all("tr")
    assert len(rows) == len(adoptions)
    for row, adoption in zip(rows, adoptions):
        cells = row.find_all("td")
        org_link = cells[0].one("a")
        assert org_link.text() == demo_orgs[adoption["organisation"]]["shown"]
        target = href_target(demo_site, page, org_link)
        assert page_of(demo_site, target) == f"organisations/{adoption['organisation']}/"
        assert cells[1].text() == STATUS_NAMES[adoption["status"]]
        assert cells[2].one("time").attrs["datetime"] == adoption["since"].isoformat()
        if adoption.get("evidence"):
            evidence = cells[3].one("a")
            assert evidence.attrs["href"] == adoption["evidence"]
            assert {"noopener", "noreferrer"} <= set(evidence.attrs.get("rel", "").split())
        else:
            assert cells[3].text() == "none"
        if adoption.get("note") and pid != "fictional-hostile-entry":
            assert cells[4].text() == adoption["note"]


@pytest.mark.parametrize("pid", PATTERN_IDS)
def test_pattern_page_maturity_section(demo_site, demo_entries, maturity_config, computed_levels, pid):
    from generator.model.maturity import maturity_model
    from generator.validate.catalogue import validate_catalogue

    level = computed_levels[pid]
    box = demo_site.article(f"patterns/{pid}/").one("div", "pc-maturity")
    levels = [lv["id"] for lv in maturity_config["levels"]]
    summary = maturity_config["levels"][levels.index(level)]["summary"]
    assert summary in box.text()
    lists = [ul for ul in box.find_all("ul") if not ul.inside("figure")]
    met = criteria_up_to(level, maturity_config)
    if met:
        assert "Criteria met:" in box.text()
        assert {li.text() for li in lists[0].find_all("li")} == set(met)
    else:
        assert "Criteria met:" not in box.text()
    if level == levels[-1]:
        assert "This is the top of the ladder." in box.text()
    else:
        nxt = levels[levels.index(level) + 1]
        intro = next(p for p in box.find_all("p") if p.text().startswith("To reach"))
        assert f"pc-badge--{nxt}" in intro.one("span", "pc-badge").classes
        needs = [li.text() for li in lists[-1].find_all("li")]
        pattern = validate_catalogue(DEMO, today=TODAY).catalogue.patterns[pid]
        assessment = maturity_model().assess(pattern, TODAY)
        assert needs == [c.shortfall for c in assessment.missing_for(nxt)]
        unmet = [name for name, n in (maturity_config["levels"][levels.index(nxt)].get("criteria") or {}).items()]
        assert 1 <= len(needs) <= len(unmet)
        assert all(item.startswith("needs ") for item in needs)
    # the timeline, once the level has changed: an SVG named by its title and desc, and the same
    # facts as a list
    if len(maturity_model().timeline(validate_catalogue(DEMO, today=TODAY).catalogue.patterns[pid], TODAY)) < 2:
        assert box.find("div", "pc-timeline") is None
        return
    timeline = box.one("div", "pc-timeline")
    figure = timeline.one("figure")
    svg_named(figure)
    steps = figure.one("ol", "catalogue-timeline__list").find_all("li")
    assert steps and steps[-1].text().endswith(f"{maturity_config['levels'][levels.index(level)]['name']} (current)")
    assert steps[0].one("time").attrs["datetime"] == demo_entries[pid]["created"].isoformat()


def test_criteria_met_are_listed_once(demo_site):
    box = demo_site.article("patterns/fictional-shared-booking-service/").one("div", "pc-maturity")
    met = [li.text() for li in box.find_all("ul")[0].find_all("li")]
    assert len(met) == len(set(met)), met


def svg_named(figure: sitehtml.Element) -> sitehtml.Element:
    """The figure's SVG has role=img and is named by a <title> and described by a <desc> inside it;
    the figure has a caption. Returns the svg."""
    svg = figure.one("svg")
    assert svg.attrs.get("role") == "img"
    label_ids = svg.attrs["aria-labelledby"].split()
    named = {el.attrs.get("id"): el for el in svg.iter() if el.attrs.get("id") in label_ids}
    assert [named[i].tag for i in label_ids] == ["title", "desc"]
    assert all(named[i].text() for i in label_ids)
    assert figure.one("figcaption").text()
    return svg


@pytest.mark.parametrize("pid", PATTERN_IDS)
def test_pattern_page_relation_diagram(demo_site, demo_entries, pid):
    page = f"patterns/{pid}/"
    expected = related_ids(pid, demo_entries)
    box = demo_site.article(page).find("div", "pc-related")
    if not expected:
        assert box is None
        return
    figure = box.one("figure")
    svg = svg_named(figure)
    assert svg.find("a") is None  # nodes are plain text; the links are in the list
    listed = {page_of(demo_site, href_target(demo_site, page, a)).split("/")[1]
              for a in figure.one("ul", "catalogue-relations__list").find_all("a")}
    assert listed == expected
    desc = svg.one("desc").text()
    for other in expected:
        assert demo_entries[other]["title"] in desc


@pytest.mark.parametrize("pid", PATTERN_IDS)
def test_pattern_page_notices(demo_site, demo_entries, maturity_config, pid):
    entry, page = demo_entries[pid], f"patterns/{pid}/"
    article = demo_site.article(page)
    notice = article.find("div", "pc-lifecycle-notice")
    if entry["lifecycle"] == "superseded":
        assert notice.one("p", "admonition-title").text() == "Superseded"
        successor = href_target(demo_site, page, notice.one("a"))
        assert page_of(demo_site, successor) == f"patterns/{entry['superseded_by']}/"
        assert notice.one("a").text() == demo_entries[entry["superseded_by"]]["title"]
    elif entry["lifecycle"] == "deprecated":
        assert notice.one("p", "admonition-title").text() == "Deprecated"
        assert "no longer recommended" in notice.text()
    elif entry["lifecycle"] == "unknown":
        assert notice.one("p", "admonition-title").text() == "Current state not known"
        assert notice.text().endswith("Whether it is still followed is not known.")
    else:
        assert notice is None
    review = article.find("div", "pc-review-notice")
    if overdue(entry, maturity_config):
        assert review.one("p", "admonition-title").text() == "Review overdue"
        assert long_date(entry.get("last_reviewed", entry["created"])) in review.text()
    else:
        assert review is None


@pytest.mark.parametrize("pid", PATTERN_IDS)
def test_pattern_page_contact_and_contribution_links(demo_site, demo_entries, pid):
    entry = demo_entries[pid]
    box = demo_site.article(f"patterns/{pid}/").one("div", "pc-contact")
    assert entry["contact"]["team"] in box.text()
    if entry["contact"].get("email"):
        assert box.find("a", href=f"mailto:{entry['contact']['email']}")
    if entry["contact"].get("url"):
        assert box.find("a", href=entry["contact"]["url"])
    buttons = {a.text(): a for a in box.find_all("a", "md-button")}
    # The demo has repo_url and intake_email: the form first, the email second, editing after them.
    assert list(buttons) == ["We use this pattern", "Tell us by email", "Edit this pattern"]
    assert buttons["Edit this pattern"].attrs["href"] == f"{REPO_URL}/edit/main/patterns/{pid}.yaml"
    adopt = urlsplit(buttons["We use this pattern"].attrs["href"])
    assert f"{adopt.scheme}://{adopt.netloc}{adopt.path}" == f"{REPO_URL}/issues/new"
    assert parse_qs(adopt.query) == {"template": ["record-adoption.yml"], "pattern": [pid]}
    email = urlsplit(buttons["Tell us by email"].attrs["href"])
    assert (email.scheme, email.path) == ("mailto", "patterns@example.org")
    fields = {k: v[0] for k, v in parse_qs(email.query, strict_parsing=True).items()}
    assert fields["subject"] == f"We use the pattern: {entry['title']}"
    assert f"Pattern: {pid} ({entry['title']})" in fields["body"]
    for text in ("We use this pattern", "Edit this pattern"):
        assert {"noopener", "noreferrer"} <= set(buttons[text].attrs["rel"].split())
    assert f"Added {long_date(entry['created'])}." in box.text()


@pytest.mark.parametrize("pid", PATTERN_IDS)
def test_pattern_page_tags_are_at_its_foot_and_link_to_each_tag_page(demo_site, demo_entries, pid):
    page = f"patterns/{pid}/"
    tags = demo_entries[pid].get("tags") or []
    article = demo_site.article(page)
    nav = article.find("nav", "pc-tags")
    if not tags:
        assert nav is None
        return
    assert article.find("nav", "md-tags") is None  # not Material's chips above the title
    assert article.children.index(nav) > article.children.index(article.find("div", "pc-contact"))
    links = nav.find_all("a", "pc-tag")
    assert [a.text() for a in links] == tags  # in the author's order
    for tag, a in zip(tags, links):
        assert page_of(demo_site, href_target(demo_site, page, a)) == f"tags/{tag}/"


# ---------------------------------------------------------------- organisations

def test_organisations_index(demo_site, demo_entries, demo_orgs):
    rows = demo_site.article("organisations/").one("tbody").find_all("tr")
    assert len(rows) == len(demo_orgs)
    names = []
    for row in rows:
        cells = row.find_all("td")
        code = cells[1].text()
        org = demo_orgs[code]
        names.append(org["shown"])
        assert cells[0].one("a").text() == org["shown"]
        assert cells[0].text() == org["shown"] + (" (closed)" if org.get("closed") else "")
        assert page_of(demo_site, href_target(demo_site, "organisations/", cells[0].one("a"))) == f"organisations/{code}/"
        assert cells[3].text() == str(sum(e["originator"] == code for e in demo_entries.values()))
        in_use = sum(1 for e in demo_entries.values() for a in e.get("adoptions") or []
                     if a["organisation"] == code and a["status"] == "in-use")
        assert cells[4].text() == str(in_use)
    assert names == sorted(names, key=str.lower)  # as readers sort, whatever the case
    # The way to the region pages.
    link = demo_site.article("organisations/").one("a", href="../regions/")
    assert "by NHS England region" in link.text()


@pytest.mark.parametrize("code", ["ZZ1", "ZZ2", "ZZ3", "ZZ4", "ZZ5", "ZZ6", "ZZ7", "ZZ8", "ZZ9"])
def test_organisation_page(demo_site, demo_entries, demo_orgs, code):
    page = f"organisations/{code}/"
    org = demo_orgs[code]
    tree, article = demo_site.tree(page), demo_site.article(page)
    assert article.one("h1").text() == org["shown"]
    assert tree.one("head").one("title").text() == f"{org['shown']} - {SITE_NAME}"
    facts = article.one("dl", "pc-facts")
    assert facts_of(article)["ODS code"] == code
    assert facts_of(article)["Type"].lower() == org["type"].replace("-", " ")
    assert facts_of(article)["Region"].lower() == org["region"].replace("-", " ")
    region = facts.one("a", href=f"../../regions/{org['region']}/")
    assert region.text().lower() == org["region"].replace("-", " ")
    if org.get("url"):
        site_link = facts.one("a", href=org["url"])
        assert site_link.attrs["href"] == org["url"]
        assert {"noopener", "noreferrer"} <= set(site_link.attrs["rel"].split())
    sections = article.find_all("h2")
    suggested = ["patterns-organisations-like-yours-use"] if suggestions_expected(code, demo_entries, demo_orgs) else []
    assert [h.attrs["id"] for h in sections] == ["patterns-it-started", "patterns-reused-piloted-or-explored"] + suggested
    tables = {t.one("caption").text(): t for t in article.find_all("table")}
    originated = sorted(pid for pid, e in demo_entries.items() if e["originator"] == code)
    table = tables.get(f"Patterns {org['shown']} started")
    if originated:
        shown = sorted(page_of(demo_site, href_target(demo_site, page, a)).split("/")[1]
                       for a in table.one("tbody").find_all("a"))
        assert shown == originated
    else:
        assert table is None
    adoptions = sorted((pid, a["status"], a["since"].isoformat()) for pid, e in demo_entries.items()
                       for a in e.get("adoptions") or [] if a["organisation"] == code)
    table = tables.get(f"Adoptions recorded for {org['shown']}")
    if adoptions:
        shown = []
        for row in table.one("tbody").find_all("tr"):
            cells = row.find_all("td")
            pid = page_of(demo_site, href_target(demo_site, page, cells[0].one("a"))).split("/")[1]
            status = {v: k for k, v in STATUS_NAMES.items()}[cells[1].text()]
            shown.append((pid, status, cells[2].one("time").attrs["datetime"]))
        assert sorted(shown) == adoptions
    else:
        assert table is None
    assert article.text().count("None recorded.") == (not originated) + (not adoptions)


def test_organisation_type_and_region_read_properly(demo_site):
    assert facts_of(demo_site.article("organisations/ZZ2/"))["Region"] == "East of England"
    assert facts_of(demo_site.article("organisations/ZZ3/"))["Type"] == "ICB"


def facts_of(article: sitehtml.Element) -> dict[str, str]:
    """The page's <dl class="pc-facts"> as {term: description}."""
    items = [el for el in article.one("dl", "pc-facts").iter() if el.tag in ("dt", "dd")]
    return {dt.text(): dd.text() for dt, dd in zip(items[::2], items[1::2])}


# ---------------------------------------------------------------- categories, maturity, reuse, stats, tags, data

@pytest.mark.parametrize("category", list(CATEGORIES))
def test_category_page(demo_site, demo_entries, computed_levels, category):
    page = f"categories/{category}/"
    article = demo_site.article(page)
    assert article.one("h1").text() == CATEGORIES[category]
    expected = sorted(pid for pid, e in demo_entries.items() if e["category"] == category)
    table = article.find("table", "pc-table")
    if not expected:
        assert table is None
        assert "No pattern in this category yet" in article.text()
        return
    rows = table.one("tbody").find_all("tr")
    shown = [page_of(demo_site, href_target(demo_site, page, r.one("a"))).split("/")[1] for r in rows]
    assert sorted(shown) == expected
    for row, pid in zip(rows, shown):
        assert f"pc-badge--{computed_levels[pid]}" in row.one("span", "pc-badge").classes


def test_maturity_page_takes_levels_and_wording_from_maturity_yaml(demo_site, maturity_config, computed_levels):
    article = demo_site.article("maturity/")
    rows = article.find_all("tbody")[0].find_all("tr")
    assert len(rows) == len(maturity_config["levels"])
    for row, level in zip(rows, maturity_config["levels"]):
        cells = row.find_all("td")
        badge = cells[0].one("span", "pc-badge")
        assert f"pc-badge--{level['id']}" in badge.classes and badge.text() == level["name"]
        assert cells[1].text() == level["summary"]
        wording = sorted(worded(maturity_config["criteria"][name]["requirement"], n)
                         for name, n in (level.get("criteria") or {}).items())
        if wording:
            assert sorted(li.text() for li in cells[2].find_all("li")) == wording
        else:
            assert cells[2].text() == "A complete, valid entry."
        assert cells[3].text() == str(sum(v == level["id"] for v in computed_levels.values()))
    assert f"at least every {maturity_config['review_period_days']} days" in article.text()


def test_reuse_page_explains_the_rules(demo_site, demo_entries, maturity_config):
    article = demo_site.article("reuse/")
    explanation = " ".join(maturity_config["reuse"]["explanation"].split())
    shown = article.one("div", "pc-prose").text()
    assert shown.replace("`", "") == explanation.replace("`", "")
    rows = [tuple(td.text() for td in tr.find_all("td")) for tr in article.one("tbody").find_all("tr")]
    assert rows == [("In use", "Yes"), ("Piloting", "No, shown separately"), ("Exploring", "No"), ("Retired", "No")]
    total = sum(reuse_count(e, maturity_config) for e in demo_entries.values())
    assert f"Across the catalogue, {total} adoptions are counted as reuse." in article.text()


def test_reuse_page_renders_the_explanation_markdown(demo_site):
    prose = demo_site.article("reuse/").one("div", "pc-prose")
    assert "`" not in prose.text()
    assert prose.find("code") is not None


def test_stats_page_has_three_named_charts_with_text_alternatives(demo_site, demo_entries, maturity_config,
                                                                  computed_levels):
    article = demo_site.article("stats/")
    figures = article.find_all("figure")
    assert len(figures) == 3
    tables = []
    for figure in figures:
        svg_named(figure)
        alternative = figure.one("details").one("table")
        tables.append([(tr.one("th").text(), tr.one("td").text()) for tr in alternative.one("tbody").find_all("tr")])
    assert tables[0] == [(lv["name"], str(sum(v == lv["id"] for v in computed_levels.values())))
                         for lv in maturity_config["levels"]]
    leaders = sorted(((e["title"], reuse_count(e, maturity_config)) for e in demo_entries.values()
                      if reuse_count(e, maturity_config)), key=lambda t: -t[1])
    assert tables[1] == [(t, str(n)) for t, n in leaders]
    adopted = sum(len(others(e, ["in-use", "piloting"])) for e in demo_entries.values())
    assert tables[2][-1][1] == str(adopted)
    assert [int(n) for _, n in tables[2]] == sorted(int(n) for _, n in tables[2])  # cumulative


def test_tag_pages_list_every_tag_with_its_patterns(demo_site, demo_entries):
    expected: dict[str, set[str]] = {}
    for pid, entry in demo_entries.items():
        for tag in entry.get("tags") or []:
            expected.setdefault(tag, set()).add(pid)
    index = demo_site.article("tags/")
    listed = {page_of(demo_site, href_target(demo_site, "tags/", a)) for a in index.find_all("a", "pc-tag")}
    assert listed == {f"tags/{tag}/" for tag in expected}
    for tag, pids in expected.items():
        page = f"tags/{tag}/"
        table = demo_site.article(page).one("table")
        shown = {page_of(demo_site, href_target(demo_site, page, a)).split("/")[1] for a in table.find_all("a")}
        assert shown == pids, tag


def test_data_page_links_to_every_data_file(demo_site):
    article = demo_site.article("data/")
    targets = {page_of(demo_site, href_target(demo_site, "data/", a)) for a in article.find_all("a")}
    assert targets == {"catalogue.json", "catalogue.csv", "feed.xml", "schema/catalogue.schema.json",
                       "schema/pattern.schema.json"}


def test_hand_written_pages_are_kept(demo_site):
    assert demo_site.article("about/").one("h1").text()


def test_every_generated_page_is_in_the_site(demo_site, demo_orgs):
    expected = ["", "patterns/", "organisations/", "maturity/", "reuse/", "stats/", "data/", "tags/"]
    expected += [f"categories/{c}/" for c in CATEGORIES] + [f"patterns/{p}/" for p in PATTERN_IDS]
    expected += [f"organisations/{c}/" for c in demo_orgs]
    for url in expected:
        assert demo_site.path(url).is_file(), url
    assert not [p for p in demo_site.html_pages if p.startswith("patterns/") and
                p.split("/")[1] not in PATTERN_IDS + ["index.html"]]



# ---------------------------------------------------------------- the menu

def test_menu_lists_the_categories_that_hold_a_pattern_after_the_catalogue(demo_site, demo_entries):
    """mkdocs.yml lists no category; the plugin adds those with a pattern, in the schema's order."""
    used = {entry["category"] for entry in demo_entries.values()}
    assert 0 < len(used) < len(CATEGORIES)  # the demo has empty categories too, so both are checked
    nav = demo_site.tree("maturity/").one("nav", "md-nav--primary")
    links = [(a.text(), page_of(demo_site, href_target(demo_site, "maturity/", a))) for a in nav.iter("a")
             if "href" in a.attrs]
    urls = [url for _, url in links]
    start = urls.index("patterns/")
    expected = [(CATEGORIES[c], f"categories/{c}/") for c in CATEGORIES if c in used]
    assert links[start + 1:start + 1 + len(expected)] == expected
    assert not [c for c in CATEGORIES if c not in used and f"categories/{c}/" in urls]
    # every category page is still built, empty ones included, for links from elsewhere
    assert all(demo_site.path(f"categories/{c}/").is_file() for c in CATEGORIES)


@pytest.mark.parametrize("page", ["", "patterns/"])
def test_home_and_catalogue_pages_offer_to_propose_a_pattern(demo_site, page):
    box = demo_site.article(page).one("div", "pc-propose")
    links = {a.text(): a.attrs["href"] for a in box.find_all("a", "md-button")}
    assert list(links) == ["Propose a pattern", "Propose it by email"]
    assert parse_qs(urlsplit(links["Propose a pattern"]).query) == {"template": ["propose-pattern.yml"]}
    assert links["Propose it by email"].startswith("mailto:patterns@example.org?subject=Pattern%20proposal&body=")


def test_the_shipped_catalogue_without_a_repository_or_mailbox_says_whom_to_ask(shipped_site):
    """The shipped catalogue sets neither repo_url nor intake_email: no button leads nowhere, and
    every pattern page and the home page say in words how to record a use or propose a pattern."""
    pages = [p for p in shipped_site.html_pages if p.startswith("patterns/") and p != "patterns/index.html"]
    assert len(pages) == len(list((REPO / "patterns").glob("*.yaml")))
    for page in pages:
        box = shipped_site.article(page).one("div", "pc-record-use")
        assert box.find_all("a") == []
        assert "Ask the people who run this catalogue to record it" in box.text()
    home = shipped_site.article("").one("div", "pc-propose")
    assert home.find_all("a") == [] and "tell the people who run this catalogue" in home.text()


def test_maturity_page_explains_the_evidence_ladder_and_which_reviews_count(demo_site, demo_entries, maturity_config):
    article = demo_site.article("maturity/")
    ids = [h.attrs.get("id") for h in article.find_all("h2")]
    assert ids == ["the-evidence-ladder", "reviews-that-count"]
    assert article.find("a", href="https://www.nesta.org.uk/feature/innovation-methods/standards-evidence/")
    ladder = article.find_all("tbody")[1].find_all("tr")
    outcomes = [o for e in demo_entries.values() for o in e.get("outcomes") or []]
    assert [tuple(td.text() for td in row.find_all("td")) for row in ladder] == [
        (str(n), name, str(sum(evidence_level(o) == n for o in outcomes))) for n, (_, name) in enumerate(LADDER, 1)]
    text = article.text()
    assert "The Established level needs an outcome at level 2 or higher" in text
    assert "the Proven level needs one at level 4 or higher: an independent evaluation" in text
    assert "Only a review by an adopting organisation or the originator counts" in text
    assert "A review by the catalogue's editors" in text and "does not count" in text
    assert sorted(maturity_config["reviews_that_count"]) == ["adopter", "originator"]
