"""CLI: parse arguments, build the objects, run one command, map the outcome to an exit code.

Exit codes: 0 success (warnings allowed), 1 the catalogue has errors, 2 usage or internal failure.
No traceback reaches the user: catalogue errors print as messages, anything else as an internal
error with a request to report it.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from generator import __version__
from generator.errors import CatalogueError, EditError, InvalidCatalogueError

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


class UsageError(CatalogueError):
    """The command line asks for something that cannot be done (exit 2)."""


def cmd_validate(args) -> int:
    from generator.progress import progress_printer
    from generator.report import FORMATS, summary
    from generator.validate import validate_catalogue

    only = None
    if args.paths and args.changed_since:
        raise UsageError("give PATH arguments or --changed-since, not both")
    if args.paths:
        missing = [p for p in args.paths if not os.path.lexists(p)]
        if missing:
            raise UsageError(f"no such file: {', '.join(missing)}")
        only = [Path(p) for p in args.paths]
    elif args.changed_since:
        from generator.changes import changed_files

        only = sorted(changed_files(Path(args.root), args.changed_since))
    # New or changed patterns are compared with the rest, so authors reuse instead of reinventing.
    similar = {p.stem for p in only} if only is not None else None
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    validation = validate_catalogue(Path(args.root), only=only, progress=progress_printer("validated"),
                                    similar=similar, jobs=args.jobs)
    sys.stdout.write(FORMATS[args.format](validation.result))
    if args.format == "text":
        print(summary(validation.result), file=sys.stderr)
    return EXIT_OK if validation.result.success else EXIT_INVALID


def cmd_new(args) -> int:
    from generator.newpattern import create_pattern

    path = create_pattern(Path(args.root), args.id, title=args.title, category=args.category,
                          originator=args.originator, interactive=sys.stdin.isatty() and not args.no_input)
    print(f"wrote {path}: fill in the TODO placeholders, then run `catalogue validate {path}`")
    return EXIT_OK


def cmd_build(args) -> int:
    import logging

    from generator.build import build_site

    # MkDocs reports through its logger, which has no handler outside the `mkdocs` command.
    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        site = build_site(Path(args.root), Path(args.site_dir) if args.site_dir else None,
                          strict=not args.no_strict)
    finally:
        logger.removeHandler(handler)
    print(f"built {display(site)}")
    return EXIT_OK


def cmd_serve(args) -> int:
    from generator.build import serve_site

    serve_site(Path(args.root), args.dev_addr)
    return EXIT_OK


def cmd_render(args) -> int:
    from generator.build import render_tree

    count = render_tree(Path(args.root), Path(args.out), Path(args.templates) if args.templates else None)
    print(f"wrote {count} files to {display(Path(args.out))}")
    return EXIT_OK


def _date_option(flag: str, value: str | None):
    """A YYYY-MM-DD option as a date (None when not given); a usage error otherwise."""
    from generator.dates import parse_date

    if value is None:
        return None
    day = parse_date(value)
    if day is None:
        raise UsageError(f"{flag} {value!r} is not a date: write YYYY-MM-DD")
    return day


def cmd_adopt(args) -> int:
    from generator.adopt import record_adoption

    since = _date_option("--since", args.since)
    path, changed = record_adoption(Path(args.root), args.pattern, args.org, args.status, since=since,
                                    evidence=args.evidence, note=args.note)
    verb = "recorded" if changed else "unchanged, already recorded:"
    print(f"{verb} {args.org} {args.status} in {display(path)}")
    return EXIT_OK


def cmd_synth(args) -> int:
    from generator.synth import synth_catalogue

    if args.patterns < 1 or args.organisations < 1:
        raise UsageError("--patterns and --organisations must be at least 1")
    as_of = _date_option("--as-of", args.as_of)
    synth_catalogue(Path(args.out), args.patterns, args.organisations, seed=args.seed, today=as_of)
    print(f"wrote a fictional catalogue of {args.patterns:,} patterns and {args.organisations:,} "
          f"organisations to {display(Path(args.out))}")
    return EXIT_OK


def cmd_init(args) -> int:
    from generator.newcatalogue import DEFAULT_NAME, create_catalogue

    create_catalogue(Path(args.dir), DEFAULT_NAME if args.name is None else args.name)
    print(f"wrote a new, empty catalogue to {display(Path(args.dir))}: add your organisation to "
          "organisations.yaml, then a pattern with `catalogue new`")
    return EXIT_OK


def display(path: Path) -> str:
    from generator.validate import display_path

    return display_path(path)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="catalogue", description="Validate, edit and publish the NHS pattern catalogue.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def command(name, handler, help_text):
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("--root", default=".", metavar="DIR",
                         help="catalogue root holding patterns/ and organisations.yaml (default: current folder)")
        sub.set_defaults(handler=handler)
        return sub

    sub = command("validate", cmd_validate, "Check every pattern and the registry against the schema and the cross-file rules.")
    sub.add_argument("--format", choices=["text", "json", "github"], default="text",
                     help="text (path:line:col lines), json (a list of objects) or github (workflow annotations)")
    sub.add_argument("--jobs", type=int, metavar="N",
                     help="processes for reading large catalogues (default: one per CPU core)")
    sub.add_argument("--changed-since", metavar="REF",
                     help="report file-level problems only for pattern files changed since the git REF "
                          "(cross-file rules still see the whole catalogue)")
    sub.add_argument("paths", nargs="*", metavar="PATH", help="only report problems in these pattern files")

    sub = command("new", cmd_new, "Write a new pattern entry that validates as written.")
    sub.add_argument("id", help="kebab-case id; the file is patterns/<id>.yaml")
    sub.add_argument("--title", help="the pattern's title")
    sub.add_argument("--category", help="one of the schema's categories")
    sub.add_argument("--originator", metavar="CODE", help="ODS code of the originating organisation")
    sub.add_argument("--no-input", action="store_true", help="never prompt, even in a terminal")

    sub = command("adopt", cmd_adopt, "Record or update an organisation's adoption of a pattern, "
                  "editing the YAML in place and keeping its comments and layout.")
    sub.add_argument("pattern", metavar="PATTERN", help="id of the pattern")
    sub.add_argument("--org", required=True, metavar="CODE", help="ODS code of the adopting organisation")
    sub.add_argument("--status", required=True, choices=["exploring", "piloting", "in-use", "retired"],
                     help="where the organisation is with it")
    sub.add_argument("--since", metavar="YYYY-MM-DD", help="when this status began (default: today)")
    sub.add_argument("--evidence", metavar="URL", help="https link showing the adoption (needed for piloting and in-use)")
    sub.add_argument("--note", metavar="TEXT", help="optional short note")

    sub = command("build", cmd_build, "Validate the catalogue and build the site with MkDocs (strict); "
                  "a failed build leaves the previous site untouched.")
    sub.add_argument("--site-dir", metavar="DIR", help="where to write the site (default: ROOT/site)")
    sub.add_argument("--no-strict", action="store_true", help="let MkDocs warnings pass")
    sub.add_argument("--strict", action="store_true", help="fail on any MkDocs warning (the default)")

    sub = command("serve", cmd_serve, "Serve the site locally, rebuilding when a pattern changes.")
    sub.add_argument("--dev-addr", metavar="IP:PORT", help="address to serve on (default 127.0.0.1:8000)")

    sub = command("render", cmd_render, "Write the generated page tree (Markdown and data files) without MkDocs.")
    sub.add_argument("--out", required=True, metavar="DIR", help="folder to write the tree into")
    sub.add_argument("--templates", metavar="DIR", help="folder of templates that override the packaged ones")

    sub = commands.add_parser("init", help="Start a new, empty catalogue that validates and builds as written.",
                              description="Start a new, empty catalogue that validates and builds as written: "
                                          "organisations.yaml, patterns/, mkdocs.yml, docs/about.md, .gitignore.")
    sub.set_defaults(handler=cmd_init)
    sub.add_argument("dir", metavar="DIR", help="a new or empty folder (a fresh `git init` is fine)")
    sub.add_argument("--name", help="the site's name (default: Pattern catalogue)")

    sub = commands.add_parser("synth", help="Write a seeded, plainly fictional catalogue for benchmarks and demos.",
                              description="Write a seeded, plainly fictional catalogue for benchmarks and demos.")
    sub.set_defaults(handler=cmd_synth)
    sub.add_argument("--patterns", type=int, required=True, metavar="N", help="number of patterns")
    sub.add_argument("--organisations", type=int, required=True, metavar="M", help="number of organisations")
    sub.add_argument("--out", required=True, metavar="DIR", help="folder to write the catalogue into")
    sub.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (default 1)")
    sub.add_argument("--as-of", metavar="YYYY-MM-DD",
                     help="the day the catalogue is dated for (default: today), to write the same files again")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)  # exits 2 on a usage error, as argparse does
    try:
        return args.handler(args)
    except InvalidCatalogueError as exc:
        from generator.report import text_report
        sys.stderr.write(text_report(exc.result))
        print(f"catalogue: {exc}", file=sys.stderr)
        return EXIT_INVALID
    except (UsageError, EditError) as exc:
        print(f"catalogue {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except CatalogueError as exc:
        print(f"catalogue {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        # The system refused a path the command was given (too long, no permission, disk full):
        # a usage problem to report as such, not a bug in the tool.
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"catalogue {args.command}: error: {where}{exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("catalogue: interrupted", file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:  # noqa: BLE001 - the promise is: never a traceback
        print(f"catalogue {args.command}: internal error: {type(exc).__name__}: {exc}\n"
              "This is a bug in the catalogue tool; please report it with the command you ran.",
              file=sys.stderr)
        return EXIT_USAGE
