"""CLI, arguments: the `catalogue` command line, one function per subcommand. Parsing only:
nothing here reads a catalogue or writes a file."""

from __future__ import annotations

import argparse

from generator import __version__
from generator.cli import commands as run
from generator.model.vocabulary import enum_values


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="catalogue", description="Validate, edit and publish the NHS pattern catalogue.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for add in (_validate, _new, _adopt, _intake, _organisations, _build, _serve, _render, _init, _synth):
        add(commands)
    return parser


def _command(commands, name, handler, help_text, root=True, description=None):
    sub = commands.add_parser(name, help=help_text, description=description or help_text)
    if root:
        sub.add_argument("--root", default=".", metavar="DIR",
                         help="catalogue root holding patterns/ and organisations.yaml (default: current folder)")
    sub.set_defaults(handler=handler)
    return sub


def _validate(commands):
    sub = _command(commands, "validate", run.cmd_validate,
                   "Check every pattern and the registry against the schema and the cross-file rules.")
    sub.add_argument("--format", choices=["text", "json", "github"], default="text",
                     help="text (path:line:col lines), json (a list of objects) or github (workflow annotations)")
    sub.add_argument("--jobs", type=int, metavar="N",
                     help="processes for reading large catalogues (default: one per CPU core)")
    sub.add_argument("--changed-since", metavar="REF",
                     help="report file-level problems only for pattern files changed since the git REF "
                          "(cross-file rules still see the whole catalogue)")
    sub.add_argument("paths", nargs="*", metavar="PATH", help="only report problems in these pattern files")


def _new(commands):
    sub = _command(commands, "new", run.cmd_new, "Write a new pattern entry that validates as written.")
    sub.add_argument("id", help="kebab-case id; the file is patterns/<id>.yaml")
    sub.add_argument("--title", help="the pattern's title")
    sub.add_argument("--category", help="one of the schema's categories")
    sub.add_argument("--originator", metavar="CODE", help="ODS code of the originating organisation")
    sub.add_argument("--no-input", action="store_true", help="never prompt, even in a terminal")


def _adopt(commands):
    sub = _command(commands, "adopt", run.cmd_adopt, "Record or update an organisation's adoption of a pattern, "
                   "editing the YAML in place and keeping its comments and layout.")
    sub.add_argument("pattern", metavar="PATTERN", help="id of the pattern")
    sub.add_argument("--org", required=True, metavar="CODE", help="ODS code of the adopting organisation")
    sub.add_argument("--status", required=True, choices=enum_values("adoption_status"),
                     help="where the organisation is with it")
    sub.add_argument("--since", metavar="YYYY-MM-DD", help="when this status began (default: today)")
    sub.add_argument("--evidence", metavar="URL", help="https link showing the adoption (needed for piloting and in-use)")
    sub.add_argument("--note", metavar="TEXT", help="optional short note")
    sub.add_argument("--reason", metavar="TEXT", help="why the status changed; for retired, why the organisation stopped")
    sub.add_argument("--adapted", metavar="TEXT", help="what the organisation changed from the pattern as described")
    sub.add_argument("--contact-team", metavar="NAME", help="the adopting team's name, for readers to ask")
    sub.add_argument("--contact-email", metavar="ADDRESS", help="the team's shared mailbox (with --contact-team)")
    sub.add_argument("--contact-url", metavar="URL", help="the team's public page, https (with --contact-team)")


def _organisations(commands):
    sub = commands.add_parser("organisations", help="Keep the organisations registry up to date from NHS ODS.",
                              description="Keep the organisations registry up to date from NHS ODS's published "
                              "CSV extracts.")
    actions = sub.add_subparsers(dest="action", metavar="ACTION", required=True, help="what to do: import")
    imp = _command(actions, "import", run.cmd_organisations_import,
                   "Add and update registry entries from NHS ODS extracts (etr.csv, eccg.csv, epraccur.csv, "
                   "succ.csv), in place, keeping the registry's comments and layout.")
    imp.add_argument("files", nargs="+", metavar="FILE", help="ODS extracts, named as ODS names them")
    imp.add_argument("--only-listed", action="store_true",
                     help="update only organisations already in the registry (and add the successors they need)")


def _intake(commands):
    sub = _command(commands, "intake", run.cmd_intake, "Apply a submitted issue form (record an adoption, "
                   "propose a pattern) to the catalogue, as `adopt` and `new` would.",
                   description="Apply the body GitHub writes for a submitted issue form (record an adoption, "
                   "propose a pattern) to the catalogue: exit 0 applied (what changed is printed), 1 the "
                   "submission has problems (printed in Markdown for the issue; nothing is changed), 2 the "
                   "body is not one of the catalogue's forms.")
    sub.add_argument("--issue-body", required=True, metavar="FILE", help="the issue's body, saved to a file")


def _build(commands):
    sub = _command(commands, "build", run.cmd_build, "Validate the catalogue and build the site with MkDocs "
                   "(strict); a failed build leaves the previous site untouched.")
    sub.add_argument("--site-dir", metavar="DIR", help="where to write the site (default: ROOT/site)")
    sub.add_argument("--no-strict", action="store_true", help="let MkDocs warnings pass")
    sub.add_argument("--strict", action="store_true", help="fail on any MkDocs warning (the default)")


def _serve(commands):
    sub = _command(commands, "serve", run.cmd_serve, "Serve the site locally, rebuilding when a pattern changes.")
    sub.add_argument("--dev-addr", metavar="IP:PORT", help="address to serve on (default 127.0.0.1:8000)")


def _render(commands):
    sub = _command(commands, "render", run.cmd_render,
                   "Write the generated page tree (Markdown and data files) without MkDocs.")
    sub.add_argument("--out", required=True, metavar="DIR", help="folder to write the tree into")
    sub.add_argument("--templates", metavar="DIR", help="folder of templates that override the packaged ones")


def _init(commands):
    sub = _command(commands, "init", run.cmd_init, "Start a new, empty catalogue that validates and builds as written.",
                   root=False, description="Start a new, empty catalogue that validates and builds as written: "
                   "organisations.yaml, patterns/, mkdocs.yml, docs/about.md, .gitignore.")
    sub.add_argument("dir", metavar="DIR", help="a new or empty folder (a fresh `git init` is fine)")
    sub.add_argument("--name", help="the site's name (default: Pattern catalogue)")


def _synth(commands):
    sub = _command(commands, "synth", run.cmd_synth,
                   "Write a seeded, plainly fictional catalogue for benchmarks and demos.", root=False)
    sub.add_argument("--patterns", type=int, required=True, metavar="N", help="number of patterns")
    sub.add_argument("--organisations", type=int, required=True, metavar="M", help="number of organisations")
    sub.add_argument("--out", required=True, metavar="DIR", help="folder to write the catalogue into")
    sub.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (default 1)")
    sub.add_argument("--adoptions", type=int, metavar="N",
                     help="exactly N adoptions in all, some with a history (default: drawn with each pattern)")
    sub.add_argument("--as-of", metavar="YYYY-MM-DD",
                     help="the day the catalogue is dated for (default: today), to write the same files again")
