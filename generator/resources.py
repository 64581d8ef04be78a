"""Packaged files: the schemas and the maturity model (schema/, shipped as the package
generator.schemas) and the site templates, found the same way whether the package is installed
from a wheel, installed editable, or run from a clone.

The schemas are read through importlib.resources' Traversable API (`joinpath().read_text()`),
never through str() of a resource, which is not a file-system path for every kind of install."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from generator.errors import ConfigError

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

_HERE = Path(__file__).resolve().parent


def schema_files() -> Traversable:
    """The folder of JSON Schemas and maturity.yaml: the package generator.schemas, or the clone's
    schema/ when the package is run from a clone without being installed."""
    try:
        return resources.files("generator.schemas")
    except ModuleNotFoundError:
        return _HERE.parent / "schema"


def read_schema_file(name: str) -> str:
    """The text of one file of the schema folder, e.g. 'maturity.yaml'; ConfigError if it is missing."""
    resource = schema_files().joinpath(name)
    try:
        return resource.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{resource}: cannot read the packaged file: {exc}") from exc


def templates_dir() -> Path:
    """Folder of the Jinja2 page templates shipped with the package (a real folder in every install)."""
    return _HERE / "templates"


@lru_cache(maxsize=None)
def load_schema(name: str) -> dict:
    """A packaged JSON Schema by file name, e.g. 'pattern.schema.json'."""
    try:
        return json.loads(read_schema_file(name))
    except ValueError as exc:
        raise ConfigError(f"{name}: cannot load the packaged schema: {exc}") from exc


@lru_cache(maxsize=None)
def load_maturity_config() -> dict:
    """The maturity model configuration (schema/maturity.yaml)."""
    try:
        return yaml.safe_load(read_schema_file("maturity.yaml"))
    except yaml.YAMLError as exc:
        raise ConfigError(f"maturity.yaml: cannot load the maturity model: {exc}") from exc
