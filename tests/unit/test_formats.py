"""Formats: the one date, email and uri check both validation paths use (the JSON Schema Test
Suite covers more cases in test_schema_suite.py); these are the catalogue's own concerns."""

import pytest

from generator.validate.formats import FORMATS, format_checker, is_date, is_email, is_uri


@pytest.mark.parametrize("value, valid", [
    ("2025-01-18", True), ("2024-02-29", True), ("2025-02-29", False), ("2025-13-01", False),
    ("2025-W01-1", False), ("2025-001", False), ("20250118", False), ("2025-01-18T00:00:00", False),
    ("2025-1-18", False), (" 2025-01-18", False), ("2025-01-18\n", False),
    ("\u0662\u0660\u0662\u0665-01-18", False), ("0000-01-01", False),
])
def test_a_date_is_exactly_yyyy_mm_dd_and_a_real_day(value, valid):
    assert is_date(value) is valid


@pytest.mark.parametrize("value, valid", [
    ("https://example.org/", True), ("https://example.org/a%20b?q=1#top", True),
    ("https://[2001:db8::7]/x", True), ("https://[v7.fictional]/", True), ("mailto:team@example.org", True),
    ("https://example.org/a b", False), ("https://example.org/<b>", False), ("https://example.org\\x", False),
    ('https://example.org/"', False), ("https://example.org/%zz", False), ("https://example.org/\u00e9", False),
    ("https://example.org/\n", False), ("https://[fe80::1%25eth0]/", False), ("https://[::1", False),
    ("//example.org/", False), ("", False),
])
def test_a_uri_follows_rfc_3986(value, valid):
    assert is_uri(value) is valid


@pytest.mark.parametrize("value, valid", [
    ("cloud.team@example.nhs.uk", True), ('"a team"@example.org', True), ("team@[192.0.2.1]", True),
    ("team@[IPv6:2001:db8::1]", True), ("team @example.org", False), ("team@exa mple.org", False),
    ("team@example.org\n", False), ("a..b@example.org", False), ("team@[192.0.2.300]", False),
    ("team@-example.org", False), ("x" * 65 + "@example.org", False), ("team@\u00e9xample.org", False),
])
def test_an_email_is_an_rfc_5321_mailbox(value, valid):
    assert is_email(value) is valid


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_values_that_are_not_text_are_left_to_the_type_keyword(name):
    assert FORMATS[name](3) and FORMATS[name](None)


def test_jsonschema_checks_exactly_these_formats():
    checker = format_checker()
    assert set(checker.checkers) == set(FORMATS)
    assert not checker.conforms("https://example.org/a b", "uri")
    assert checker.conforms("anything", "hostname")  # a format we do not define is not checked
