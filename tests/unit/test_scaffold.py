"""Scaffold: the text of a new entry, which validates as written with TODO placeholders."""

import datetime as dt

from generator.edit.scaffold import Details, new_pattern_text, schema_reference
from generator.validate.catalogue import validate_catalogue

TITLE = 'Say "hello": a café #1'


def test_a_new_entry_validates_with_only_placeholder_warnings(catalogue, today):
    path = catalogue / "patterns" / "fictional-new.yaml"
    path.write_text(new_pattern_text("fictional-new", TITLE, "delivery", "ZZ1", today, "../schema/x.json"),
                    encoding="utf-8")
    validation = validate_catalogue(catalogue, only=[path], today=today)
    assert validation.result.success and validation.result.warnings
    assert {p.rule for p in validation.result.problems} == {"placeholder-text"}
    assert validation.catalogue.patterns["fictional-new"].title == TITLE


def test_a_new_entry_starts_with_the_schema_modeline_and_dates_it_today():
    text = new_pattern_text("fictional-new", "Title", "delivery", "ZZ1", dt.date(2026, 6, 30), "../schema/p.json")
    assert text.startswith("# yaml-language-server: $schema=../schema/p.json\n")
    assert "\ncreated: 2026-06-30\n" in text and "\nreviewed_by: none\n" in text and "\nlast_reviewed:" not in text


def test_the_modeline_points_at_the_catalogues_schema_else_its_published_site_else_nowhere(tmp_path):
    patterns = tmp_path / "patterns"
    patterns.mkdir()
    # No schema copy and no published address: no modeline, rather than one into the installed package.
    assert schema_reference(patterns) is None
    (tmp_path / "mkdocs.yml").write_text("site_name: Fictional\nsite_url: https://example.org/catalogue/\n"
                                         "extra:\n  x: !ENV [FICTIONAL_VAR, 1]\n", encoding="utf-8")
    assert schema_reference(patterns) == "https://example.org/catalogue/schema/pattern.schema.json"
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "pattern.schema.json").write_text("{}", encoding="utf-8")
    assert schema_reference(patterns) == "../schema/pattern.schema.json"


def test_without_a_schema_to_point_at_a_new_entry_has_no_modeline():
    text = new_pattern_text("fictional-new", "Title", "delivery", "ZZ1", dt.date(2026, 6, 30), None)
    assert text.startswith("id: fictional-new\n") and "yaml-language-server" not in text


def test_a_title_with_a_next_line_character_is_written_unchanged(load_text):
    title = "Fictional\x85title"
    f, _ = load_text(new_pattern_text("fictional-new", title, "delivery", "ZZ1", dt.date(2026, 6, 30), "s.json"))
    assert f.data["title"] == title


def test_a_proposals_answers_fill_the_entry_and_the_rest_stays_todo(catalogue, today):
    """The one writer of a new entry's text also writes what a proposal says: prose as literal
    blocks when they read back exactly, anything else quoted, and placeholders for the rest."""
    details = Details(summary='A fictional summary: with "quotes" and # a hash, long enough.',
                      problem="Line one.\n\n- a list item\n  - nested\n\n# not a comment",
                      solution=" starts with a space, which a literal block cannot begin with",
                      liabilities=("Costs money: every year.",), themes=("scalability", "reusability"),
                      team="Fictional Team", email="team@example.org")
    path = catalogue / "patterns" / "fictional-new.yaml"
    path.write_text(new_pattern_text("fictional-new", TITLE, "delivery", "ZZ1", today, None, details), encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    assert "problem: |\n  Line one.\n\n  - a list item\n    - nested\n\n  # not a comment\n" in text
    validation = validate_catalogue(catalogue, only=[path], today=today)
    assert validation.result.success
    placeholders = sorted(p.message.split(" ")[0] for p in validation.result.problems)
    # A proposal names no published source: the maintainers add it before the entry is merged.
    assert placeholders == ["consequences.benefits[0]", "context", "sources[0].publisher", "sources[0].title",
                            "sources[0].url"]
    pattern = validation.catalogue.patterns["fictional-new"]
    assert pattern.summary == details.summary and pattern.themes == ["scalability", "reusability"]
    assert pattern.problem == details.problem + "\n" and pattern.solution == details.solution + "\n"
    assert pattern.liabilities == ["Costs money: every year."]
    assert (pattern.contact.team, pattern.contact.email, pattern.contact.url) == ("Fictional Team", "team@example.org", None)
