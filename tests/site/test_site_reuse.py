"""The adoption data in the built sites (issue 12): region and ICB pages, adoption histories,
lessons and contacts, recommendations, closed organisations and badges. The demo's organisations
and patterns are FICTIONAL; the shipped site's closure of NHS Digital is real and recorded in
organisations.yaml."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

NHS_REGIONS = ["east-of-england", "london", "midlands", "north-east-and-yorkshire", "north-west", "south-east",
               "south-west"]
BOOKING = "patterns/fictional-shared-booking-service/"


def test_a_page_per_region_and_per_icb_is_built(demo_site):
    for region in NHS_REGIONS:
        assert demo_site.path(f"regions/{region}/").is_file(), region
    for icb in ("ZZ7", "ZZQ2"):
        assert demo_site.path(f"regions/icb/{icb}/").is_file(), icb


def test_the_regions_page_has_the_tile_map_and_the_same_figures_in_a_table(demo_site, demo_orgs):
    article = demo_site.article("regions/")
    svg = article.one("svg")
    assert svg.attrs["role"] == "img" and "catalogue-chart--tiles" in svg.classes
    assert svg.one("title").text() == "Adoptions in force by NHS England region"
    tiles = [g for g in svg.iter("g") if "catalogue-chart__tile" in g.classes]
    assert len(tiles) == 7
    # The table of regions: organisations there, counted from the registry.
    table = next(t for t in article.find_all("table") if t.one("caption").text().startswith("Regions, with"))
    rows = {r.find_all("td")[0].text(): r.find_all("td") for r in table.one("tbody").find_all("tr")}
    assert rows["London"][1].text() == str(sum(o["region"] == "london" for o in demo_orgs.values()))
    # The tile says the same number of adoptions as the table.
    london_tile = next(g for g in tiles if "London" in g.text())
    assert f"{rows['London'][3].text()} adoption" in london_tile.text()


def test_a_region_page_lists_its_organisations_icbs_and_patterns(demo_site):
    article = demo_site.article("regions/london/")
    table = next(t for t in article.find_all("table") if t.one("caption").text() == "Organisations in London")
    names = [a.text() for a in table.one("tbody").find_all("a")]
    assert "Fictional Hillcrest and Vale NHS Trust" in names and "Fictional Riverside & Vale ICB" in names
    # The closed trust says so where it is listed.
    assert "merged into Fictional Hillcrest and Vale NHS Trust on 1 April 2026" in article.text()
    assert article.one("a", href="../icb/ZZ7/").text() == "Fictional Riverside & Vale ICB"
    started = [t for t in article.find_all("table") if t.one("caption").text().startswith("Patterns started")]
    assert "Scanned paper referrals" in started[0].text()


def test_an_icb_page_lists_the_organisations_in_its_area(demo_site):
    article = demo_site.article("regions/icb/ZZ7/")
    assert article.one("h1").text() == "Fictional Riverside & Vale ICB"
    table = article.find_all("table")[0]
    assert table.one("caption").text() == "Organisations in Fictional Riverside & Vale ICB"
    names = [row.find_all("a")[0].text() for row in table.one("tbody").find_all("tr")]
    assert names == ["Fictional Hillcrest and Vale NHS Trust", "Fictional Hillcrest Hospital NHS Trust"]


def test_organisation_pages_link_to_their_region_and_icb(demo_site):
    article = demo_site.article("organisations/ZZ9/")
    facts = article.one("dl", "pc-facts")
    assert facts.one("a", href="../../regions/london/").text() == "London"
    assert facts.one("a", href="../../regions/icb/ZZ7/").text() == "Fictional Riverside & Vale ICB"


def test_the_menu_leads_to_the_regions(demo_site):
    nav = demo_site.tree("organisations/").one("nav", "md-nav--primary")
    assert any(a.text() == "By region" for a in nav.iter("a"))


def test_a_pattern_page_shows_histories_lessons_and_contacts(demo_site):
    box = demo_site.article(BOOKING).one("div", "pc-adoptions")
    lessons = box.one("ul", "pc-lessons").text()
    assert "Fictional Hillcrest Hospital NHS Trust stopped on 1 January 2026, because: Fictional: our clinics" in lessons
    stories = {s.one("h4").text(): s for s in box.find_all("section", "pc-story")}
    history = [li.text() for li in stories["Fictional Hillcrest Hospital NHS Trust"].one("ol").find_all("li")]
    assert history[0] == "1 March 2025: Piloting (evidence)" and history[1] == "1 June 2025: In use (evidence)"
    assert history[2].startswith("1 January 2026: Retired. Why: Fictional: our clinics moved")
    lakeside = stories["Fictional Lakeside Primary Care Network"]
    assert "What they changed: Fictional: one booking line for the whole primary care network." in lakeside.text()
    assert lakeside.one("a", href="mailto:lakeside.digital@example.org")
    # A contact that belongs to a closed organisation is flagged, with whom to ask instead.
    flag = stories["Fictional Hillcrest Hospital NHS Trust"].one("span", "pc-contact-flag").text()
    assert flag == ("This contact may be out of date: the organisation has closed. "
                    "Ask Fictional Hillcrest and Vale NHS Trust instead.")


def test_an_organisation_page_shows_what_it_tried_and_stopped(demo_site):
    article = demo_site.article("organisations/ZZ8/")
    notice = article.one("div", "pc-closed-notice").text()
    assert "This organisation has closed" in notice
    assert "Fictional Hillcrest Hospital NHS Trust merged into Fictional Hillcrest and Vale NHS Trust on 1 April 2026" in notice
    lesson = article.one("p", "pc-lesson").text()
    assert lesson.startswith("Tried it and stopped on 1 January 2026, because: Fictional: our clinics")


def test_a_pattern_started_by_a_closed_organisation_says_so_and_flags_its_contact(demo_site):
    article = demo_site.article("patterns/fictional-paper-referrals/")
    notice = article.one("div", "pc-closed-notice").text()
    assert "Started by an organisation that has closed" in notice
    assert "may no longer answer" in notice
    flag = article.one("div", "pc-contact").one("p", "pc-contact-flag").text()
    assert flag.startswith("This contact may be out of date: it belongs to Fictional Hillcrest Hospital NHS Trust")
    assert flag.endswith("Ask Fictional Hillcrest and Vale NHS Trust instead.")


def test_recommendations_with_their_reasons(demo_site):
    article = demo_site.article("organisations/ZZ5/")
    item = article.one("ul", "pc-recommendations").one("li")
    assert item.find_all("a")[0].text() == "Virtual ward dashboard"
    assert re.fullmatch(r"Virtual ward dashboard: \d organisations that use Shared outpatient booking service "
                        r"also use it", item.text()), item.text()
    companions = demo_site.article(BOOKING).one("ul", "pc-recommendations").text()
    assert "Virtual ward dashboard: 3 organisations use both" in companions


def test_each_pattern_has_a_badge_and_a_snippet_to_embed_it(demo_site, demo_entries):
    for pid in demo_entries:
        svg = demo_site.root / "badges" / f"{pid}.svg"
        root = ET.fromstring(svg.read_text(encoding="utf-8"))  # well-formed XML
        assert root.get("role") == "img"
        assert root.find("{http://www.w3.org/2000/svg}title").text.startswith(demo_entries[pid]["title"])
    embed = demo_site.article(BOOKING).one("div", "pc-badge-embed")
    codes = [code.text() for code in embed.find_all("code")]
    assert codes[0] == ("[![NHS pattern catalogue: Proven \u00b7 reused by 5]"
                        "(https://example.org/catalogue/badges/fictional-shared-booking-service.svg)]"
                        "(https://example.org/catalogue/patterns/fictional-shared-booking-service/)")
    assert codes[1].startswith('<a href="https://example.org/catalogue/patterns/fictional-shared-booking-service/">')


def test_the_hostile_badge_carries_its_title_as_text(demo_site, demo_entries):
    raw = (demo_site.root / "badges" / "fictional-hostile-entry.svg").read_text(encoding="utf-8")
    root = ET.fromstring(raw)
    # Only drawing elements, no attribute that runs or loads anything: the title is only text.
    assert {el.tag.split("}")[1] for el in root.iter()} == {"svg", "title", "rect", "g", "text"}
    assert not [a for el in root.iter() for a in el.attrib if a.startswith("on") or "href" in a]
    title = demo_entries["fictional-hostile-entry"]["title"]
    assert root.find("{http://www.w3.org/2000/svg}title").text.startswith(title)


@pytest.mark.parametrize("page", ["organisations/X26/", "organisations/", "patterns/cloud-centre-of-excellence/",
                                  "regions/national/"])
def test_the_shipped_site_says_nhs_digital_merged_into_nhs_england(shipped_site, page):
    text = shipped_site.article(page).text()
    if page == "organisations/":
        assert "NHS Digital (closed)" in text
    else:
        assert "NHS Digital merged into NHS England on 1 February 2023" in text


def test_the_shipped_pattern_pages_flag_the_contact_and_credit_no_adoption(shipped_site):
    article = shipped_site.article("patterns/cloud-centre-of-excellence/")
    flag = article.one("p", "pc-contact-flag").text()
    assert flag == ("This contact may be out of date: it belongs to NHS Digital merged into NHS England on "
                    "1 February 2023. Ask NHS England instead.")
    assert "No other organisation has recorded an adoption yet" in article.text()
    assert not article.find("ul", "pc-recommendations")
    assert "None recorded." in shipped_site.article("organisations/X24/").text()
