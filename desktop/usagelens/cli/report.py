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
    parser.add_argument("--xlsx", type=Path, help="also write every table of the report to this workbook")
    parser.add_argument("--cohort", metavar="NAME", help="re-compute every pinned finding's analysis for the users "
                        "of this saved cohort of the project (KPIs and activity stay on everyone)")
    parser.add_argument("--sections", help="comma-separated sections to include, in order (default: all): "
                        "summary,objectives,data,activity,findings,feedback,actions,impact,review,voices")
    return parser


def _fail(message: str) -> int:
    print(f"usagelens report: {message}", file=sys.stderr)
    return 2


def _sections(text: str | None) -> tuple[str, ...] | str:
    """The chosen sections, or the message for an unknown one."""
    from usagelens.workspace.summary import SECTIONS

    if not text:
        return tuple(SECTIONS)
    chosen = tuple(part.strip() for part in text.split(",") if part.strip())
    unknown = [part for part in chosen if part not in SECTIONS]
    if unknown:
        return f"unknown section '{unknown[0]}' (choose from {', '.join(SECTIONS)})."
    return chosen


def run(args: argparse.Namespace) -> int:
    out: Path = args.out
    xlsx: Path | None = args.xlsx
    if out.suffix.lower() != ".pdf":
        return _fail(f"the output file must end in .pdf, not '{out.name}'.")
    if xlsx is not None and xlsx.suffix.lower() != ".xlsx":
        return _fail(f"the workbook must end in .xlsx, not '{xlsx.name}'.")
    for target in (out, xlsx):
        if target is not None and not target.resolve().parent.is_dir():
            return _fail(f"the folder {target.resolve().parent} does not exist.")
    sections = _sections(args.sections)
    if isinstance(sections, str):
        return _fail(sections)
    try:
        project = load_project(args.project)
    except ProjectFileError as exc:
        return _fail(str(exc))
    from usagelens.cli.project_input import named_cohort

    cohort = named_cohort(project, args.cohort, args.project.name) if args.cohort else None
    if isinstance(cohort, str):
        return _fail(cohort)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # headless by nature: never needs a screen
    from usagelens.report.pdf import export_pdf
    from usagelens.ui.application import create_application
    from usagelens.workspace.pseudonym_keys import attach_key
    from usagelens.workspace.summary import ReportOptions, gather_summary
    from usagelens.workspace.tables import export_xlsx

    create_application(event_loop=False)
    note = attach_key(project)  # an old project's Pseudonymise recipe step needs the key from the keychain
    if note:
        print(f"usagelens report: {note}", file=sys.stderr)
    try:
        data = gather_summary(project, cohort=cohort.id if cohort is not None else "")
        pages = export_pdf(data, out, ReportOptions(sections=sections))
        sheets = export_xlsx(data, xlsx) if xlsx is not None else 0
    except OSError as exc:
        return _fail(f"cannot write {exc.filename or out}: {exc.strerror or exc}.")
    except Exception as exc:  # noqa: BLE001 - the CLI promises one line, never a traceback
        return _fail(f"the summary could not be built ({exc}).")
    print(f"Wrote {out} ({pages} pages)" + (f" and {xlsx} ({sheets} sheets)" if xlsx is not None else ""))
    return 0
