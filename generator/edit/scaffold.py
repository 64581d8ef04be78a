"""Scaffold: the text of a new pattern entry that validates as written, with placeholders marked
TODO (the validator warns about each one until it is replaced). The one writer of a new entry's
text: `catalogue new` gives it the required fields, a proposal through the issue form (edit/intake.py)
also the answers it has (Details)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.model.vocabulary import PLACEHOLDER
from generator.siteconfig import read_mkdocs_yml

# Where the published site serves the pattern schema (the page tree writes it there).
PUBLISHED_SCHEMA = "schema/pattern.schema.json"


def _site_url(root: Path) -> str | None:
    """The catalogue's published address (site_url in mkdocs.yml), if it has one."""
    url = read_mkdocs_yml(root / "mkdocs.yml").get("site_url")
    return url if isinstance(url, str) and url.startswith(("https://", "http://")) else None


def schema_reference(patterns_dir: Path) -> str | None:
    """Where the yaml-language-server modeline of a new entry points: the catalogue's own
    schema/ copy (relative), else the schema its published site serves, else nowhere (None).
    Never the installed package: a committed file must not point into a virtual environment."""
    root = patterns_dir.parent
    if (root / PUBLISHED_SCHEMA).is_file():
        return f"../{PUBLISHED_SCHEMA}"
    url = _site_url(root)
    return f"{url.rstrip('/')}/{PUBLISHED_SCHEMA}" if url else None


# Characters YAML reads as line breaks inside a double-quoted scalar; JSON leaves them raw.
_YAML_BREAKS = {"\u0085": "\\x85", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML, once YAML's extra breaks are escaped)."""
    out = json.dumps(text, ensure_ascii=False)
    for raw, escaped in _YAML_BREAKS.items():
        out = out.replace(raw, escaped)
    return out


@dataclass(frozen=True)
class Details:
    """What a new entry already knows beyond its id, title, category and originator (a proposal
    submitted through the form, say); whatever is left empty stays a TODO placeholder."""

    summary: str | None = None
    problem: str | None = None
    context: str | None = None
    solution: str | None = None
    benefits: tuple[str, ...] = ()
    liabilities: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    team: str | None = None
    email: str | None = None
    url: str | None = None


def _block(text: str) -> str:
    """A prose value after its key: a literal block (as people write prose) when it reads back
    exactly, else a double-quoted scalar."""
    text = text.rstrip() + "\n"
    block = "|\n" + "".join(f"  {line}\n" if line else "\n" for line in text[:-1].split("\n"))
    try:
        same = yaml.safe_load(f"k: {block}") == {"k": text}
    except yaml.YAMLError:
        same = False
    return block if same else _q(text) + "\n"


def _items(values, placeholder: str) -> str:
    """A list value after its key: one `- item` line each, or the placeholder when empty."""
    return "".join(f"\n    - {_q(v)}" for v in values) if values else placeholder


def new_pattern_text(pattern_id: str, title: str, category: str, originator: str,
                     today: dt.date, schema_ref: str | None, details: Details | None = None) -> str:
    """YAML for a new entry: required fields filled, the rest from `details` or left as TODO
    placeholders, and a yaml-language-server modeline when there is a schema to point at."""
    d = details or Details()
    day = today.isoformat()
    modeline = f"# yaml-language-server: $schema={schema_ref}\n" if schema_ref else ""
    summary = _q(d.summary) if d.summary else \
        f'"{PLACEHOLDER}: one sentence (at most 280 characters) saying which problem this solves and how."'
    themes = "".join(f"\n  - {theme}" for theme in d.themes or ("reusability",))
    prose = {key: _block(getattr(d, key) or text) for key, text in (
        ("problem", f"{PLACEHOLDER}: the problem, as the people who had it would put it."),
        ("context", f"{PLACEHOLDER}: where this applies: kind of organisation, constraints, forces."),
        ("solution", f"{PLACEHOLDER}: what you did, concretely enough for another organisation to repeat it."))}
    if d.team and (d.email or d.url):
        reach = f"email: {_q(d.email)}" if d.email else f"url: {_q(d.url)}"
        contact = f"  team: {_q(d.team)}\n  {reach}"
    else:
        contact = f'  team: "{PLACEHOLDER}: team name"\n  url: https://example.org/{PLACEHOLDER}-team-page'
    return modeline + f"""id: {pattern_id}
title: {_q(title)}
summary: {summary}
category: {category}
themes:{themes}
tags: []
problem: {prose["problem"]}context: {prose["context"]}solution: {prose["solution"]}consequences:
  benefits:{_items(d.benefits, f'{chr(10)}    - "{PLACEHOLDER}: what got better."')}
  liabilities:{_items(d.liabilities, " []")}
outcomes: []
originator: {originator}
adoptions: []
related: []
resources: []
# Where what the entry says comes from. kind: originator-account, adopter-account, supplier-article,
# independent-evaluation, board-paper, conference-talk, news-report or peer-reviewed-paper;
# date: YYYY-MM-DD, or undated when the source gives none.
sources:
  - kind: originator-account
    title: "{PLACEHOLDER}: the source's title"
    publisher: "{PLACEHOLDER}: who published it"
    date: undated
    url: https://example.org/{PLACEHOLDER}-source
# Who wrote this entry: originator, adopter or editors (the catalogue's editors).
written_by: originator
contact:
{contact}
lifecycle: active
created: {day}
# No one has reviewed it yet. After a review, write last_reviewed: YYYY-MM-DD and who reviewed it.
reviewed_by: none
maturity: emerging
"""
