"""The ``usagelens`` command: the GUI by default, headless sub-commands for automation (design §5).

    usagelens                              open the app (empty start page)
    usagelens open FILE.ulens | --demo     open a project / the bundled sample project
    usagelens analyze DATA ...             compute an analysis to CSV (see ``usagelens analyze --help``)
    usagelens analyze URL --table T ...    the same, run inside a warehouse
    usagelens secret set|forget URL        keep or forget a warehouse password in the OS keychain
    usagelens report FILE.ulens --out SUMMARY.pdf
    usagelens --self-test                  offscreen smoke test of the installed/packaged app
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from usagelens import APP_NAME, __version__


class _Parser(argparse.ArgumentParser):
    """argparse that reports bad arguments in one line and exits 2, as the CLI contract asks."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message}\n")


CLI_COMMANDS = ("analyze", "report", "secret")


def build_parser(*, with_cli: bool = True) -> argparse.ArgumentParser:
    """Every command's arguments; without ``with_cli``, only the GUI's (``open``, ``--self-test``), which need
    none of the CLI's modules: those import pandas, DuckDB and Ibis, a second of the app's start-up."""
    parser = _Parser(prog="usagelens", description=f"{APP_NAME}: understand how customers use your product.")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--self-test", action="store_true",
                        help="open the demo offscreen, render every page, export a PDF, and exit")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)
    open_parser = commands.add_parser("open", help="open a project in the app")
    target = open_parser.add_mutually_exclusive_group(required=True)
    target.add_argument("file", nargs="?", type=Path, help="a .ulens project file")
    target.add_argument("--demo", action="store_true", help="open the bundled sample project")
    if with_cli:
        from usagelens.cli import analyze, report, secret

        analyze.add_parser(commands)
        report.add_parser(commands)
        secret.add_parser(commands)
    return parser


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    """The command line; a GUI start (no arguments, ``open …``, ``--self-test``) is parsed without the CLI's
    commands, and everything else (help, a mistyped command) by the whole parser, so its messages list them."""
    gui_start = not argv or argv[0] == "open" or argv == ["--self-test"]
    return build_parser(with_cli=not gui_start).parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_arguments(sys.argv[1:] if argv is None else argv)
    if args.self_test:
        from usagelens.ui.self_test import run_self_test

        return run_self_test()
    if args.command == "analyze":
        from usagelens.cli import analyze

        return analyze.run(args)
    if args.command == "report":
        from usagelens.cli import report

        return report.run(args)
    if args.command == "secret":
        from usagelens.cli import secret

        return secret.run(args)
    from usagelens.paths import demo_project
    from usagelens.ui.application import run_gui

    if args.command == "open":
        project = demo_project() if args.demo else args.file
        return run_gui(project)
    return run_gui(None)


if __name__ == "__main__":
    sys.exit(main())
