"""Validate, formats: the one implementation of each `format` the schemas use (date, email, uri,
and regex for the schemas themselves), shared by both validation paths so they cannot disagree.

jsonschema checks `uri` only when an optional package happens to be installed, and `email` only
for an "@"; fastjsonschema has regexes of its own. Both are handed these functions instead:
- date: RFC 3339 full-date, exactly YYYY-MM-DD and a real day (not an ISO week or ordinal date);
- email: an RFC 5321 mailbox (dot-atom or quoted local part; a domain or an address literal);
- uri: RFC 3986 `URI` syntax, ASCII only, so a space, < > \\ " { } | ^ ` or a bare % is refused.
Each returns True for a value that is not text: type is the `type` keyword's business.
"""

from __future__ import annotations

import ipaddress
import re

from jsonschema import FormatChecker

from generator.dates import parse_date
from generator.validate.ecma import is_ecma_regex

# RFC 3986, appendix A. Character sets are spelled out: Python's \w would take in Unicode.
_PCT = r"%[0-9A-Fa-f]{2}"
_UNRESERVED_SUB = r"A-Za-z0-9\-._~!$&'()*+,;="


def _chars(extra: str) -> str:
    return rf"(?:[{_UNRESERVED_SUB}{extra}]|{_PCT})"


_PCHAR = _chars(":@")
_SEGMENTS = rf"(?:/{_PCHAR}*)*"
_AUTHORITY = rf"(?:{_chars(':')}*@)?(?:\[(?P<literal>[^\[\]]*)\]|{_chars('')}*)(?::[0-9]*)?"
_HIER_PART = rf"(?://{_AUTHORITY}{_SEGMENTS}|/(?:{_PCHAR}+{_SEGMENTS})?|{_PCHAR}+{_SEGMENTS}|)"
_URI = re.compile(rf"[A-Za-z][A-Za-z0-9+.\-]*:{_HIER_PART}(?:\?{_chars(':@/?')}*)?(?:#{_chars(':@/?')}*)?")
_IP_FUTURE = re.compile(rf"v[0-9A-Fa-f]+\.[{_UNRESERVED_SUB}:]+")

# RFC 5321, section 4.1.2 (Mailbox), without the obsolete forms.
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~\-]+"
_QUOTED = r'"(?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\[\x20-\x7e])*"'
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?"
_MAILBOX = re.compile(rf"(?P<local>{_ATOM}(?:\.{_ATOM})*|{_QUOTED})@"
                      rf"(?:{_LABEL}(?:\.{_LABEL})*|\[(?P<literal>[^\[\]]*)\])")


def _ip(text: str, version) -> bool:
    # A zone id (fe80::1%eth0) is Python's extension, not RFC 3986's or RFC 5321's.
    if "%" in text:
        return False
    try:
        version(text)
    except ValueError:
        return False
    return True


def is_date(value) -> bool:
    """RFC 3339 full-date: YYYY-MM-DD naming a day of the calendar."""
    return not isinstance(value, str) or parse_date(value) is not None


def is_uri(value) -> bool:
    """RFC 3986 URI: a scheme, then only the characters the grammar allows where it allows them."""
    if not isinstance(value, str):
        return True
    match = _URI.fullmatch(value)
    if match is None:
        return False
    literal = match["literal"]
    return literal is None or bool(_IP_FUTURE.fullmatch(literal)) or _ip(literal, ipaddress.IPv6Address)


def is_email(value) -> bool:
    """RFC 5321 mailbox: local-part@domain, or local-part@[address literal]."""
    if not isinstance(value, str):
        return True
    match = _MAILBOX.fullmatch(value)
    if match is None or len(match["local"]) > 64 or len(value) > 254:
        return False
    literal = match["literal"]
    if literal is None:
        return True
    if literal.startswith("IPv6:"):
        return _ip(literal[5:], ipaddress.IPv6Address)
    return _ip(literal, ipaddress.IPv4Address)


FORMATS = {"date": is_date, "email": is_email, "uri": is_uri, "regex": is_ecma_regex}


def format_checker() -> FormatChecker:
    """jsonschema's checker with exactly these formats, whatever else is installed."""
    checker = FormatChecker(formats=())
    for name, check in FORMATS.items():
        checker.checks(name)(check)
    return checker
