"""Packaged files: the schemas, the maturity model and the site templates, found the same way
whether the package is installed, installed editable, or run from a clone."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from generator.errors import ConfigError

_HERE = Path(__file__).resolve().parent


def schema_dir() -> Path:
    """Folder holding the JSON Schemas and maturity.yaml (the repository's schema/, packaged as generator.schemas)."""
    try:
        found = Path(str(resources.files("generator.schemas")))
        if (found / "pattern.schema.json").is_file():
            return found
    except ModuleNotFoundError:
        pass
    return _HERE.parent / "schema"


def templates_dir() -> Path:
    """Folder of the Jinja2 page templates shipped with the package."""
    return _HERE / "templates"


@lru_cache(maxsize=None)
def load_schema(name: str) -> dict:
    """A packaged JSON Schema by file name, e.g. 'pattern.schema.json'."""
    path = schema_dir() / name
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{path}: cannot load the packaged schema: {exc}") from exc


@lru_cache(maxsize=None)
def load_maturity_config() -> dict:
    """The maturity model configuration (schema/maturity.yaml)."""
    path = schema_dir() / "maturity.yaml"
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot load the maturity model: {exc}") from exc
