"""``usagelens report FILE.ulens --out SUMMARY.pdf``: the stakeholder summary without opening the app."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from usagelens.model import ProjectFileError, load_project


def add_parser(commands: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = commands.add_parser("report", help="write the PDF summary of a project")
    parser.add_argument("project", type=Path, help="a .ulens project file")
    parser.add_argument("--out", type=Path, required=True, help="the PDF file to write")
    return parser


def _fail(message: str) -> int:
    print(f"usagelens report: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    out: Path = args.out
    if out.suffix.lower() != ".pdf":
        return _fail(f"the output file must end in .pdf, not '{out.name}'.")
    if not out.resolve().parent.is_dir():
        return _fail(f"the folder {out.resolve().parent} does not exist.")
    try:
        project = load_project(args.project)
    except ProjectFileError as exc:
        return _fail(str(exc))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # headless by nature: never needs a screen
    from usagelens.report.pdf import export_pdf
    from usagelens.report.summary import gather_summary
    from usagelens.ui.application import create_application

    create_application()
    try:
        pages = export_pdf(gather_summary(project), out)
    except OSError as exc:
        return _fail(f"cannot write {out}: {exc.strerror or exc}.")
    except Exception as exc:  # noqa: BLE001 - the CLI promises one line, never a traceback
        return _fail(f"the summary could not be built ({exc}).")
    print(f"Wrote {out} ({pages} pages)")
    return 0
