"""Site configuration: a catalogue's mkdocs.yml, read for the few keys the tools need without
running MkDocs (site_url, docs_dir), and written for a new catalogue (`catalogue init`) or a
synthetic one (`catalogue synth`): Material, the catalogue plugin, strict, a nav of the generated
pages."""

from __future__ import annotations

import os
from pathlib import Path

import yaml


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml for plain keys: !ENV as MkDocs reads it, other tags (!!python/name...) as
    nothing."""


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node):
    """MkDocs' `!ENV NAME` or `!ENV [NAME, OTHER, default]`: the first variable that is set, read
    as a YAML value, else the default (the last item of a list of two or more), else None. The
    same rule as MkDocs' own (pyyaml-env-tag), so `catalogue render` sees the site_url a build
    sees (the publish workflow passes the site's address in as SITE_URL)."""
    if isinstance(node, yaml.SequenceNode):
        items = list(node.value)
        default = loader.construct_object(items.pop()) if len(items) > 1 else None
    else:
        items, default = [node], None
    for item in items:
        name = loader.construct_scalar(item) if isinstance(item, yaml.ScalarNode) else None
        if name in os.environ:
            value = os.environ[name]
            tag = loader.resolve(yaml.ScalarNode, value, (True, False))
            return loader.construct_object(yaml.ScalarNode(tag, value))
    return default


_TolerantLoader.add_constructor("!ENV", _env_tag)
_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_mkdocs_yml(path: Path) -> dict:
    """The top-level keys of an mkdocs.yml ({} when it is missing or unreadable: MkDocs reports that)."""
    try:
        config = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_TolerantLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    return config if isinstance(config, dict) else {}


def plugin_options(config: dict) -> dict:
    """The catalogue plugin's options in a read mkdocs.yml ({} when it lists none)."""
    for entry in config.get("plugins") or []:
        if isinstance(entry, dict) and "catalogue" in entry:
            return entry["catalogue"] or {}
    return {}


def mkdocs_yml(comment: str, site_name: str, description: str, about: tuple[str, str]) -> str:
    """The text of a catalogue's mkdocs.yml. `comment` opens it (lines without '#'); `about` is
    the (title, file) of the one hand-written page in docs/, listed after Home."""

    header = "".join(f"# {line}".rstrip() + "\n" for line in comment.strip("\n").split("\n"))
    return header + f"""\
site_name: {site_name}
site_description: {description}
docs_dir: docs
strict: true

theme:
  name: material
  language: en
  font: false            # system fonts: no request to Google Fonts
  palette:
    primary: custom      # NHS Blue, set in the catalogue's stylesheet
    accent: custom
  features:
    - navigation.sections
    - navigation.top

plugins:
  - catalogue:
      root: .

markdown_extensions:
  - admonition
  - attr_list
  - toc:
      permalink: false

validation:
  omitted_files: info
  absolute_links: warn
  unrecognized_links: warn

nav:
  - Home: index.md
  - {about[0]}: {about[1]}
  - Catalogue:
      - All patterns: patterns/index.md
      - Tags: tags/index.md
  - Organisations: organisations/index.md
  - How it works:
      - Maturity model: maturity.md
      - How reuse is counted: reuse.md
      - Statistics: stats.md
      - Data and feeds: data.md
"""
