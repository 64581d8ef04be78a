"""Every command of the CLI has help text and is documented in the README's usage table."""

from pathlib import Path

import pytest

from generator.cli import build_parser

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def commands():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    return {name: choice for name, choice in sub.choices.items()}


@pytest.mark.parametrize("name", sorted(commands()))
def test_command_has_help_and_a_readme_row(name):
    parser = commands()[name]
    assert parser.description and len(parser.description) > 20
    assert f"| `catalogue {name}" in README, f"README's usage table lacks `catalogue {name}`"
    for action in parser._actions:
        if action.dest not in ("help",):
            assert action.help, f"catalogue {name} {action.option_strings or action.dest}: no help text"
