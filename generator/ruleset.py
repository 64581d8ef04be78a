"""Rules: the one registry of every problem validation can report, with its id, severity and what
it means. The loader, the schema explainer and the cross-file rules emit these ids and nothing
else (a test checks it), and the rules tables in docs/guide/validation.md are generated from here
(a test checks they match; `CATALOGUE_UPDATE_DOCS=1` rewrites them)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str  # "error" or "warning"
    group: str  # "reading", "schema", "cross-file" or "ods" (importing ODS extracts): its docs table
    problem: str  # what is wrong, as the docs table says it


def _rules(group: str, rows: list[tuple[str, str, str]]) -> list[Rule]:
    return [Rule(rule_id, severity, group, problem) for rule_id, severity, problem in rows]


_ALL = _rules("reading", [
    ("file-too-large", "error", "over 1 MiB"),
    ("file-unreadable", "error", "the file cannot be read (permissions, or it vanished during the run)"),
    ("file-encoding", "error", "not UTF-8 (a BOM and CRLF line endings are fine)"),
    ("file-empty", "error", "nothing but comments or blank lines"),
    ("file-extension", "error", "a pattern file not ending in `.yaml`"),
    ("file-not-regular", "error", "a pattern file or the registry is not a regular file: a symbolic link "
     "(even to a file inside the catalogue), a named pipe, a device, or a folder named like a file (see below)"),
    ("registry-missing", "error", "no `organisations.yaml` at the root"),
    ("yaml-syntax", "error", "the YAML does not parse"),
    ("yaml-duplicate-key", "error", "the same key twice in one mapping (plain YAML tools silently keep the last)"),
    ("yaml-alias", "error", "an `*alias`: not used in entries, and aliases allow alias bombs"),
    ("yaml-anchor", "error", "an `&anchor`: not used in entries"),
    ("yaml-tag", "error", "an explicit tag such as `!!python/object`"),
    ("yaml-depth", "error", "nesting deeper than 64 levels"),
    ("yaml-key-type", "error", "a key YAML reads as true/false or null; quote it"),
    ("yaml-top-level", "error", "the file is not a mapping of field: value"),
]) + _rules("schema", [
    ("schema-required", "error", "a required field is missing"),
    ("schema-unknown-key", "error", "a field the schema does not define (with a did-you-mean suggestion)"),
    ("schema-type", "error", "a value of the wrong kind (text, list, mapping, true/false)"),
    ("schema-enum", "error", "a value that is not one of the listed choices"),
    ("schema-pattern", "error", "text the field's pattern refuses; the message names the character at fault"),
    ("schema-format", "error", "a date, link or email address that is not well formed"),
    ("schema-length", "error", "text shorter or longer than the field allows"),
    ("schema-items", "error", "a list or mapping with too few or too many items"),
    ("schema-unique", "error", "the same item twice in a list"),
    ("schema-key", "error", "a mapping key the schema refuses (an ODS code in the registry)"),
    ("schema-anyOf", "error", "none of the allowed forms of a field fits (the message says which)"),
    ("schema-not", "error", "a field that must not be there in this case (for example `superseded_by` "
     "on a pattern that is not superseded)"),
    ("schema-invalid", "error", "any other schema rule (the message quotes it)"),
]) + _rules("cross-file", [
    ("id-filename", "error", "`id` differs from the file name"),
    ("id-unique", "error", "two files use the same id"),
    ("organisation-exists", "error", "an ODS code not in the registry"),
    ("organisation-successor", "error", "a registry entry's `successor` names no organisation in the registry, "
     "or the organisation itself"),
    ("pattern-exists", "error", "`related` or `superseded_by` names no pattern"),
    ("no-self-relation", "error", "a pattern relates to itself"),
    ("date-future", "error", "a date after today (in a pattern, a source's date, or an organisation's `closed` date)"),
    ("date-order", "error", "`last_reviewed` before `created`"),
    ("adoption-duplicate", "error", "one organisation with two adoptions"),
    ("adoption-originator", "warning", "the originator listed as adopter (not counted)"),
    ("adoption-history-order", "error", "an adoption's `history` not listed oldest first"),
    ("maturity-evidence", "error", "the declared maturity is above what the evidence supports; "
     "the message says what is missing"),
    ("maturity-lapsed", "warning", "the declared maturity was supported while the last review counted, and "
     "only the review's age now keeps it from the evidence; an error in a changed file (see below)"),
    ("review-overdue", "warning", "`last_reviewed` (or `created`, for an entry no one has reviewed) older than "
     "the review period"),
    ("supersedes-cycle", "error", "patterns supersede each other in a circle (through `superseded_by` or "
     "`related` with `relation: supersedes`); reported at that field in every file of the circle, "
     "and the message names the circle"),
    ("superseded-by-inactive", "warning", "`superseded_by` names a pattern that is itself superseded or "
     "deprecated, so readers sent there find no current practice"),
    ("placeholder-text", "warning", "a `TODO` placeholder from `catalogue new` is still there"),
    ("similar-pattern", "warning", "a new or changed pattern looks like an existing one (see below)"),
]) + _rules("ods", [
    ("ods-file", "error", "an ODS extract that cannot be read, is not UTF-8 text, or whose name does not say "
     "which extract it is (etr, eccg, eicb, epraccur, succ)"),
    ("ods-columns", "error", "a row without the extract's number of columns (27; 5 in the successions extract)"),
    ("ods-code", "error", "an organisation, ICB, predecessor or successor code that is not an ODS code"),
    ("ods-name", "error", "a name the registry cannot hold (markup, control characters)"),
    ("ods-date", "error", "an open, close or succession date not written YYYYMMDD, or not a calendar date"),
    ("ods-skipped", "warning", "something left out: an organisation outside the NHS England regions, a date "
     "after today, a successor in neither the registry nor the files, a second successor"),
])

RULES: dict[str, Rule] = {rule.id: rule for rule in _ALL}
# Findings that only the passing of time can cause: warnings in a full run, so a catalogue that
# validated yesterday and has not changed still validates today, but errors in a file that a
# change touches (`validate PATH` or --changed-since), which should not go in with them.
TIME_DEPENDENT = frozenset({"maturity-lapsed"})


def severity(rule_id: str) -> str:
    return RULES[rule_id].severity


def markdown_table(group: str) -> str:
    """The docs table of one group of rules."""
    rows = [rule for rule in _ALL if rule.group == group]
    lines = ["| rule | severity | problem |", "|---|---|---|"]
    lines += [f"| `{rule.id}` | {rule.severity} | {rule.problem} |" for rule in rows]
    return "\n".join(lines) + "\n"
