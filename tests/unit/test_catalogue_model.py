"""Unit tests for generator/model/catalogue.py: an adoption read in either form, and names in
capitals made readable. Every code and name here is FICTIONAL, or an example of ODS's style."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.model.catalogue import Adoption, AdoptionChange, Organisation, readable_name


def test_an_adoption_with_a_history_stands_as_its_latest_change():
    adoption = Adoption.from_data({"organisation": "ZZ2", "history": [
        {"status": "piloting", "date": "2026-01-01", "evidence": "https://example.org/pilot"},
        {"status": "retired", "date": "2026-04-01", "reason": "Fictional: it did not fit."}],
        "adapted": "Fictional: one ward only.", "contact": {"team": "Fictional Team", "url": "https://example.org/t"}})
    assert (adoption.status, adoption.since, adoption.reason) == ("retired", dt.date(2026, 4, 1), "Fictional: it did not fit.")
    assert adoption.evidence == "https://example.org/pilot"  # the latest evidence there is
    assert adoption.contact.team == "Fictional Team" and adoption.adapted == "Fictional: one ward only."


def test_the_one_status_form_is_a_history_of_one_change():
    adoption = Adoption.from_data({"organisation": "ZZ2", "status": "retired", "since": "2026-04-01",
                                   "reason": "Fictional: it did not fit."})
    assert adoption.history == (AdoptionChange("retired", dt.date(2026, 4, 1), None, "Fictional: it did not fit."),)
    assert Adoption("ZZ2", "in-use", dt.date(2026, 1, 1)).history == (AdoptionChange("in-use", dt.date(2026, 1, 1)),)


def test_a_closed_organisation_reads_its_date_and_successor():
    org = Organisation.from_data("ZZ8", {"name": "FICTIONAL HILLCREST NHS TRUST", "type": "trust",
                                         "region": "london", "closed": "2026-04-01", "successor": "ZZ9"})
    assert (org.closed, org.successor, org.shown_name) == (dt.date(2026, 4, 1), "ZZ9", "Fictional Hillcrest NHS Trust")


@pytest.mark.parametrize("written, shown", [
    ("MANCHESTER UNIVERSITY NHS FOUNDATION TRUST", "Manchester University NHS Foundation Trust"),
    ("THE NEWCASTLE UPON TYNE HOSPITALS NHS FOUNDATION TRUST", "The Newcastle upon Tyne Hospitals NHS Foundation Trust"),
    ("STOKE-ON-TRENT ICB", "Stoke-on-Trent ICB"),
    ("KING'S COLLEGE HOSPITAL NHS FOUNDATION TRUST", "King's College Hospital NHS Foundation Trust"),
    ("2GETHER NHS FOUNDATION TRUST", "2gether NHS Foundation Trust"),
    ("NHS Digital", "NHS Digital"),  # written with lower case: the author's choice, kept
])
def test_names_in_capitals_read_in_a_readable_case(written, shown):
    assert readable_name(written) == shown
