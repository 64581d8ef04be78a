"""CLI, commands: one function per subcommand. Each builds the objects it needs, runs, prints what
happened and returns an exit code; errors are raised (generator.errors) for the CLI to report."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from generator.errors import UsageError

EXIT_OK, EXIT_INVALID = 0, 1


def cmd_validate(args) -> int:
    from generator.progress import progress_printer
    from generator.report import FORMATS, summary
    from generator.validate.catalogue import validate_catalogue

    only = None
    if args.paths and args.changed_since:
        raise UsageError("give PATH arguments or --changed-since, not both")
    if args.paths:
        missing = [p for p in args.paths if not os.path.lexists(p)]
        if missing:
            raise UsageError(f"no such file: {', '.join(missing)}")
        only = [Path(p) for p in args.paths]
    elif args.changed_since:
        from generator.validate.changes import changed_files

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
    from generator.edit.newpattern import create_pattern

    path = create_pattern(Path(args.root), args.id, title=args.title, category=args.category,
                          originator=args.originator, interactive=sys.stdin.isatty() and not args.no_input)
    print(f"wrote {path}: fill in the TODO placeholders, then run `catalogue validate {path}`")
    return EXIT_OK


def cmd_build(args) -> int:
    import logging

    from generator.publish.build import build_site

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
    from generator.publish.serve import serve_site

    serve_site(Path(args.root), args.dev_addr)
    return EXIT_OK


def cmd_render(args) -> int:
    from generator.publish.tree import render_tree

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
    from generator.edit.adopt import record_adoption

    since = _date_option("--since", args.since)
    contact = None
    if args.contact_team or args.contact_email or args.contact_url:
        if not args.contact_team:
            raise UsageError("--contact-email and --contact-url need --contact-team: the team's name")
        contact = {"team": args.contact_team, **({"email": args.contact_email} if args.contact_email else {}),
                   **({"url": args.contact_url} if args.contact_url else {})}
    path, changed = record_adoption(Path(args.root), args.pattern, args.org, args.status, since=since,
                                    evidence=args.evidence, note=args.note, reason=args.reason,
                                    adapted=args.adapted, contact=contact)
    verb = "recorded" if changed else "unchanged, already recorded:"
    print(f"{verb} {args.org} {args.status} in {display(path)}")
    return EXIT_OK


def cmd_intake(args) -> int:
    from generator.edit.intake import intake, read_issue_body

    outcome = intake(Path(args.root), read_issue_body(Path(args.issue_body)))
    sys.stdout.write(outcome.text())
    return EXIT_OK if outcome.applied else EXIT_INVALID


def cmd_organisations_import(args) -> int:
    from generator.edit.odsimport import import_organisations
    from generator.report import format_problem

    report = import_organisations(Path(args.root), [Path(f) for f in args.files], only_listed=args.only_listed)
    for problem in report.warnings.sorted():
        print(format_problem(problem), file=sys.stderr)
    if not report.changed:
        print(f"unchanged: {display(report.path)} already says what the files say")
        return EXIT_OK
    parts = [(report.added, "added"), (report.updated, "updated"), (report.closed, "marked closed"),
             (report.successors, "given a successor")]
    said = "; ".join(f"{len(codes)} {verb} ({_codes(codes)})" for codes, verb in parts if codes)
    print(f"{display(report.path)}: {said}")
    return EXIT_OK


def _codes(codes: list[str], shown: int = 10) -> str:
    more = len(codes) - shown
    return ", ".join(codes[:shown]) + (f" and {more:,} more" if more > 0 else "")


def cmd_synth(args) -> int:
    from generator.synth import synth_catalogue

    if args.patterns < 1 or args.organisations < 1:
        raise UsageError("--patterns and --organisations must be at least 1")
    if args.adoptions is not None and args.adoptions < 0:
        raise UsageError("--adoptions must be 0 or more")
    as_of = _date_option("--as-of", args.as_of)
    synth_catalogue(Path(args.out), args.patterns, args.organisations, seed=args.seed, today=as_of,
                    adoptions=args.adoptions)
    adoptions = "" if args.adoptions is None else f" with {args.adoptions:,} adoptions"
    print(f"wrote a fictional catalogue of {args.patterns:,} patterns and {args.organisations:,} "
          f"organisations{adoptions} to {display(Path(args.out))}")
    return EXIT_OK


def cmd_init(args) -> int:
    from generator.edit.newcatalogue import DEFAULT_NAME, create_catalogue

    create_catalogue(Path(args.dir), DEFAULT_NAME if args.name is None else args.name)
    print(f"wrote a new, empty catalogue to {display(Path(args.dir))}: add your organisation to "
          "organisations.yaml, then a pattern with `catalogue new`")
    return EXIT_OK


def display(path: Path) -> str:
    from generator.layout import display_path

    return display_path(path)
