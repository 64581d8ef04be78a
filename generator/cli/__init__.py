"""CLI: parse arguments (parser.py), run one command (commands.py), and map the outcome to an exit
code. Exit codes: 0 success (warnings allowed), 1 the catalogue has errors, 2 usage or internal
failure. No traceback reaches the user: catalogue errors print as messages, anything else as an
internal error with a request to report it.
"""

from __future__ import annotations

import sys

from generator.errors import CatalogueError, InvalidCatalogueError

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def build_parser():
    """The argument parser (imported here so `generator.cli` is the one entry point)."""
    from generator.cli.parser import build_parser as parser

    return parser()


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
