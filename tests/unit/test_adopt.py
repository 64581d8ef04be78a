"""record_adoption: the adoption rules (where a new adoption goes, what an update changes, when a
call changes nothing, what a refusal says), and that only edits that validate are kept. How the
author's text is kept is tested with the YAML editor, in test_yamledit.py. Every organisation
and pattern here is fictional."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.edit.adopt import record_adoption
from generator.errors import CatalogueError, EditError, LayoutError
from generator.validate.catalogue import validate_catalogue

TODAY = dt.date(2026, 11, 26)

REGISTRY = """\
# Fictional organisations for the adoption tests.
organisations:
  ZZ1:
    name: Fictional Northshire Hospitals NHS Trust
    type: trust
    region: north-west
  ZZ2:
    name: Fictional Southmoor Community Health NHS Trust
    type: trust
    region: south-west
  ZZ3:
    name: Fictional Eastdale Integrated Care Board
    type: icb
    region: east-of-england
"""

# Hand-written on purpose: comments, single and double quotes, a flow list, a folded scalar,
# and no `adoptions` key yet.
PATTERN = """\
# yaml-language-server: $schema=../schema/pattern.schema.json
# Hand-written note: this entry is fictional and kept short on purpose.
id: shared-booking-hub
title: 'Shared booking hub'
summary: "One booking team serves several clinics, so patients get one number and miss fewer appointments."
category: operations
themes:
  - repeatability
  - reusability
tags: [booking, outpatients]
problem: |
  Every clinic ran its own booking line and patients did not know whom to call.
context: >-
  A fictional acute trust with many small outpatient clinics
  and a stretched administrative team.
solution: |
  Merge the booking lines into one hub with shared scripts.
consequences:
  benefits:
    - "Patients call one number."
  liabilities:
    - Hub staff need training on every clinic's rules.
originator: ZZ1   # the trust that started it
related: []
contact:
  team: Fictional Booking Hub Team
  url: https://example.org/booking-hub
sources:
  - kind: originator-account
    title: Fictional account of the booking hub
    publisher: Fictional Northshire Trust
    date: 2026-01-01
    url: https://example.org/booking-hub-story
written_by: originator
lifecycle: active
created: 2026-01-05
last_reviewed: 2026-06-01
reviewed_by: originator
maturity: emerging
"""

ADOPTED = """\
originator: ZZ1   # the trust that started it
adoptions:
  - organisation: ZZ2
    status: in-use
    since: 2026-03-01
    evidence: https://example.org/southmoor-story
related: []
"""

EVIDENCE = "https://example.org/southmoor-story"


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch):
    """Every run sees the same "today" (generator.dates.today reads SOURCE_DATE_EPOCH)."""
    noon = dt.datetime(TODAY.year, TODAY.month, TODAY.day, 12, tzinfo=dt.timezone.utc)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(noon.timestamp())))


@pytest.fixture
def root(tmp_path) -> Path:
    """A one-pattern fictional catalogue."""
    (tmp_path / "patterns").mkdir()
    (tmp_path / "organisations.yaml").write_text(REGISTRY, encoding="utf-8")
    (tmp_path / "patterns" / "shared-booking-hub.yaml").write_text(PATTERN, encoding="utf-8")
    return tmp_path


def pattern_file(root: Path) -> Path:
    return root / "patterns" / "shared-booking-hub.yaml"


def adopt(root, org="ZZ2", status="in-use", since=dt.date(2026, 3, 1), evidence=EVIDENCE, note=None,
          pattern="shared-booking-hub"):
    return record_adoption(root, pattern, org, status, since=since, evidence=evidence, note=note)


def test_new_adoption_is_added_after_the_originator_and_everything_else_is_kept(root):
    path, changed = adopt(root)
    assert changed and path == pattern_file(root)
    # Exactly the adoption's lines are new: comments, quotes, flow list and folded text survive.
    assert path.read_text(encoding="utf-8") == PATTERN.replace(
        "originator: ZZ1   # the trust that started it\nrelated: []\n", ADOPTED)
    assert validate_catalogue(root).result.success


def test_second_identical_call_changes_nothing(root):
    adopt(root)
    before = pattern_file(root).read_bytes()
    path, changed = adopt(root)
    assert changed is False
    assert path.read_bytes() == before


def test_second_identical_call_with_default_since_changes_nothing(root):
    adopt(root, since=None)
    before = pattern_file(root).read_bytes()
    assert adopt(root, since=None)[1] is False
    assert pattern_file(root).read_bytes() == before
    assert "since: 2026-11-26\n" in before.decode()


def test_since_defaults_to_today(root):
    adopt(root, status="exploring", since=None, evidence=None)
    assert "    status: exploring\n    since: 2026-11-26\n" in pattern_file(root).read_text(encoding="utf-8")


def test_second_organisation_is_appended(root):
    adopt(root)
    adopt(root, org="ZZ3", status="piloting", since=dt.date(2026, 5, 2), evidence="https://example.org/eastdale",
          note="Adapted for a fictional ICB.")
    text = pattern_file(root).read_text(encoding="utf-8")
    assert text.index("organisation: ZZ2") < text.index("organisation: ZZ3")
    assert ("  - organisation: ZZ3\n    status: piloting\n    since: 2026-05-02\n"
            "    evidence: https://example.org/eastdale\n    note: Adapted for a fictional ICB.\n") in text


def test_a_new_status_is_appended_to_the_history_not_written_over(root):
    adopt(root, status="piloting")
    path, changed = adopt(root, status="in-use", since=dt.date(2026, 9, 1), evidence="https://example.org/live",
                          note="Now live.")
    assert changed
    text = path.read_text(encoding="utf-8")
    assert text.count("organisation: ZZ2") == 1
    assert ("  - organisation: ZZ2\n    history:\n"
            f"      - status: piloting\n        date: 2026-03-01\n        evidence: {EVIDENCE}\n"
            "      - status: in-use\n        date: 2026-09-01\n        evidence: https://example.org/live\n"
            "    note: Now live.\n") in text
    assert validate_catalogue(root).result.success


def test_repeating_the_latest_change_of_a_history_changes_nothing(root):
    adopt(root, status="piloting")
    adopt(root, status="in-use", since=dt.date(2026, 9, 1), evidence="https://example.org/live")
    before = pattern_file(root).read_bytes()
    assert adopt(root, status="in-use", since=None, evidence=None)[1] is False
    assert adopt(root, status="in-use", since=dt.date(2026, 9, 1), evidence="https://example.org/live")[1] is False
    assert pattern_file(root).read_bytes() == before


def test_a_third_change_is_appended_after_the_others(root):
    adopt(root, status="piloting")
    adopt(root, status="in-use", since=dt.date(2026, 9, 1), evidence="https://example.org/live")
    path, changed = adopt(root, status="retired", since=dt.date(2026, 11, 1), evidence=None)
    assert changed
    text = path.read_text(encoding="utf-8")
    assert text.index("status: piloting") < text.index("status: in-use") < text.index("status: retired")
    assert "      - status: retired\n        date: 2026-11-01\n" in text


def test_retiring_records_why_the_organisation_stopped(root):
    adopt(root)
    path, _ = record_adoption(root, "shared-booking-hub", "ZZ2", "retired", since=dt.date(2026, 10, 1),
                              reason="Fictional reason: the clinics merged, so one line was enough.")
    text = path.read_text(encoding="utf-8")
    assert ("      - status: retired\n        date: 2026-10-01\n"
            "        reason: 'Fictional reason: the clinics merged, so one line was enough.'\n") in text
    pattern = validate_catalogue(root).catalogue.patterns["shared-booking-hub"]
    assert pattern.adoptions[0].reason.startswith("Fictional reason")


def test_contact_and_what_was_changed_belong_to_the_adoption(root):
    contact = {"team": "Fictional Southmoor Digital Team", "email": "digital@example.org"}
    path, changed = record_adoption(root, "shared-booking-hub", "ZZ2", "in-use", since=dt.date(2026, 3, 1),
                                    evidence=EVIDENCE, adapted="Fictional: one hub for two sites.",
                                    contact=contact)
    assert changed
    text = path.read_text(encoding="utf-8")
    assert "    contact:\n      team: Fictional Southmoor Digital Team\n      email: digital@example.org\n" in text
    assert "    adapted: 'Fictional: one hub for two sites.'\n" in text
    again = record_adoption(root, "shared-booking-hub", "ZZ2", "in-use", adapted="Fictional: one hub for two sites.",
                            contact=dict(contact))
    assert again[1] is False
    adoption = validate_catalogue(root).catalogue.patterns["shared-booking-hub"].adoptions[0]
    assert (adoption.contact.team, adoption.adapted) == ("Fictional Southmoor Digital Team",
                                                         "Fictional: one hub for two sites.")


def test_a_change_dated_before_the_latest_is_refused(root):
    adopt(root, status="piloting", since=dt.date(2026, 6, 1))
    before = pattern_file(root).read_bytes()
    with pytest.raises(EditError, match=r"\[adoption-history-order\]"):
        adopt(root, status="in-use", since=dt.date(2026, 5, 1), evidence="https://example.org/live")
    assert pattern_file(root).read_bytes() == before


def test_a_one_line_adoption_becomes_a_block_history(root):
    path = pattern_file(root)
    path.write_text(PATTERN.replace("related: []\n", "adoptions:\n  - {organisation: ZZ2, status: exploring, "
                                    "since: 2026-02-01}\nrelated: []\n"), encoding="utf-8")
    adopt(root, status="piloting", since=dt.date(2026, 4, 1))
    text = path.read_text(encoding="utf-8")
    assert ("  - organisation: ZZ2\n    history:\n      - status: exploring\n        date: 2026-02-01\n"
            "      - status: piloting\n        date: 2026-04-01\n") in text
    assert validate_catalogue(root).result.success


def test_status_change_without_since_starts_today(root):
    adopt(root, status="exploring", evidence=None)
    adopt(root, status="piloting", since=None)
    assert "      - status: piloting\n        date: 2026-11-26\n" in pattern_file(root).read_text(encoding="utf-8")


def test_same_status_without_since_keeps_the_recorded_date(root):
    adopt(root)
    path, changed = adopt(root, since=None, evidence="https://example.org/newer-story")
    assert changed
    text = path.read_text(encoding="utf-8")
    assert "    since: 2026-03-01\n    evidence: https://example.org/newer-story\n" in text


def test_empty_flow_list_becomes_a_block_list(root):
    path = pattern_file(root)
    path.write_text(PATTERN.replace("related: []\n", "adoptions: []\nrelated: []\n"), encoding="utf-8")
    adopt(root)
    assert ADOPTED in path.read_text(encoding="utf-8")


def test_unknown_organisation_is_refused_and_file_restored(root):
    before = pattern_file(root).read_bytes()
    with pytest.raises(EditError) as caught:
        adopt(root, org="ZZ9")
    message = str(caught.value)
    assert "[organisation-exists]" in message and "organisations.yaml" in message
    assert "shared-booking-hub.yaml:" in message  # located: path:line:col
    assert pattern_file(root).read_bytes() == before


@pytest.mark.parametrize("status", ["in-use", "piloting"])
def test_in_use_without_evidence_is_refused(root, status):
    before = pattern_file(root).read_bytes()
    with pytest.raises(EditError, match="evidence is required for piloting and in-use"):
        adopt(root, status=status, evidence=None)
    assert pattern_file(root).read_bytes() == before


def test_exploring_needs_no_evidence(root):
    assert adopt(root, status="exploring", evidence=None)[1]
    assert validate_catalogue(root).result.success


def test_future_since_is_refused(root):
    before = pattern_file(root).read_bytes()
    with pytest.raises(EditError, match=r"\[date-future\]"):
        adopt(root, since=dt.date(2027, 1, 1))
    assert pattern_file(root).read_bytes() == before


def test_unknown_status_is_refused(root):
    with pytest.raises(EditError, match=r"\[schema-enum\]"):
        adopt(root, status="in use")


def test_originator_cannot_adopt_its_own_pattern(root):
    with pytest.raises(EditError, match="originator"):
        adopt(root, org="ZZ1")


def test_unknown_pattern_suggests_the_closest_id(root):
    with pytest.raises(EditError, match="did you mean 'shared-booking-hub'"):
        adopt(root, pattern="shared-boking-hub")


def test_unknown_pattern_without_a_close_id(root):
    with pytest.raises(EditError, match="no pattern has id 'zzz'"):
        adopt(root, pattern="zzz")


def test_path_like_pattern_id_is_not_followed(root):
    with pytest.raises(EditError, match="no pattern has id"):
        adopt(root, pattern="../organisations")


def test_not_a_catalogue_root(tmp_path):
    with pytest.raises(LayoutError, match="not a catalogue root"):
        adopt(tmp_path)


def test_errors_are_catalogue_errors(root):
    """The CLI turns CatalogueError into a message, so no traceback reaches the contributor."""
    with pytest.raises(CatalogueError):
        adopt(root, org="ZZ9")


def test_adoptions_that_are_not_a_list_are_refused(root):
    path = pattern_file(root)
    path.write_text(PATTERN.replace("related: []\n", "adoptions: ZZ2\nrelated: []\n"), encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(EditError, match="`adoptions` is not a list"):
        adopt(root)
    assert path.read_bytes() == before
