"""The package's structure holds (issue 13): the layers and independence contracts in
pyproject.toml pass import-linter, every module is in a layer, no module imports itself back
through others, and modules and functions stay short."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import grimp

from generator.graphs import strongly_connected

try:
    import tomllib
except ImportError:  # Python 3.10
    import tomli as tomllib

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "generator"
WORD_LISTS = {"generator/synth/words.py"}  # long by nature: vocabulary, not logic


def test_import_contracts_are_kept():
    proc = subprocess.run([str(Path(sys.executable).parent / "lint-imports")], cwd=REPO,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "0 broken" in proc.stdout


def test_every_module_is_in_a_layer():
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    layers = next(c for c in config["contracts"] if c["type"] == "layers")["layers"]
    named = {part.strip() for layer in layers for part in layer.replace(":", "|").split("|")}
    top = {f"generator.{p.stem}" for p in PACKAGE.glob("*.py") if p.stem != "__init__"}
    top |= {f"generator.{p.parent.name}" for p in PACKAGE.glob("*/__init__.py") if p.parent.name != "schemas"}
    assert top - named == set()


def cycles(imports: dict[str, set[str]]) -> list[list[str]]:
    """Every group of more than one module that import each other, directly or not."""
    return [group for group in strongly_connected(imports) if len(group) > 1]


def test_no_module_imports_itself_back():
    graph = grimp.build_graph("generator")
    imports = {m: graph.find_modules_directly_imported_by(m) for m in graph.modules}
    assert cycles(imports) == []


def test_modules_and_functions_are_short():
    long = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(REPO).as_posix()
        text = path.read_text(encoding="utf-8")
        if rel not in WORD_LISTS and len(text.splitlines()) > 300:
            long.append(f"{rel}: {len(text.splitlines())} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno - node.lineno >= 60:
                long.append(f"{rel}:{node.lineno}: {node.name} is {node.end_lineno - node.lineno + 1} lines")
    assert long == []
