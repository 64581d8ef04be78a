"""Scaffold: the text of a new pattern entry that validates as written, with placeholders marked
TODO (the validator warns about each one until it is replaced)."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

from generator.resources import schema_dir
from generator.rules import PLACEHOLDER


def schema_reference(patterns_dir: Path) -> str:
    """Path from the patterns folder to the pattern schema, for the yaml-language-server modeline."""
    local = patterns_dir.parent / "schema" / "pattern.schema.json"
    target = local if local.is_file() else schema_dir() / "pattern.schema.json"
    return Path(os.path.relpath(target.resolve(), patterns_dir.resolve())).as_posix()


# Characters YAML reads as line breaks inside a double-quoted scalar; JSON leaves them raw.
_YAML_BREAKS = {"\u0085": "\\x85", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML, once YAML's extra breaks are escaped)."""
    out = json.dumps(text, ensure_ascii=False)
    for raw, escaped in _YAML_BREAKS.items():
        out = out.replace(raw, escaped)
    return out


def new_pattern_text(pattern_id: str, title: str, category: str, originator: str,
                     today: dt.date, schema_ref: str) -> str:
    """YAML for a new entry: required fields filled, prose left as TODO placeholders."""
    day = today.isoformat()
    return f"""# yaml-language-server: $schema={schema_ref}
id: {pattern_id}
title: {_q(title)}
summary: "{PLACEHOLDER}: one sentence (at most 280 characters) saying which problem this solves and how."
category: {category}
themes:
  - reusability
tags: []
problem: |
  {PLACEHOLDER}: the problem, as the people who had it would put it.
context: |
  {PLACEHOLDER}: where this applies: kind of organisation, constraints, forces.
solution: |
  {PLACEHOLDER}: what you did, concretely enough for another organisation to repeat it.
consequences:
  benefits:
    - "{PLACEHOLDER}: what got better."
  liabilities: []
outcomes: []
originator: {originator}
adoptions: []
related: []
resources: []
contact:
  team: "{PLACEHOLDER}: team name"
  url: https://example.org/{PLACEHOLDER}-team-page
lifecycle: active
created: {day}
last_reviewed: {day}
maturity: emerging
"""
