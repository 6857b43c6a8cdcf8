"""Extract the GUI's translatable strings into resources/translations/usagelens_<lang>.ts and compile each
.ts into the .qm the app loads (``make translations``).

pyside6-lupdate reads every ``self.tr()``, ``QCoreApplication.translate()`` and ``QT_TRANSLATE_NOOP()`` in the
Qt layers and in the Qt-free modules listed in SOURCES (step titles, analyses and their parameters, cleaning
step kinds, quality checks, KPI names, chart titles and messages, the data line, the join note, the People
dialog's labels: marked with ``model.translatable.QT_TRANSLATE_NOOP``, translated where the GUI shows them);
existing translations are kept,
strings no longer in the code are dropped. Open a .ts in ``pyside6-linguist`` to translate, then run this again.

    python scripts/update_translations.py          # update every existing language
    python scripts/update_translations.py fr       # also start French
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "desktop" / "usagelens"
OUT = ROOT / "resources" / "translations"
# where wrapped strings live: the Qt layers, and the Qt-free modules whose marked titles and labels the GUI shows
SOURCES = ("ui", "charts", "report", "model/steps.py", "workspace/analyses", "workspace/selection.py",
           "workspace/join_report.py", "workspace/people.py", "workspace/money.py", "workspace/formatting.py",
           "workspace/column_labels.py", "workspace/engine.py", "workspace/evidence.py", "model/entities.py",
           "cleaning/row_steps.py", "cleaning/user_steps.py", "cleaning/column_steps.py", "cleaning/pseudonymise.py",
           "cleaning/quality.py", "analytics", "workspace/warehouse.py", "workspace/metrics.py",
           "workspace/project_data.py", "workspace/review_board.py", "workspace/warehouse_results.py",
           "io/errors.py", "io/formats.py", "io/tables.py", "io/source_builder.py", "io/timestamps.py",
           "io/warehouse/url.py", "io/warehouse/connect.py", "io/warehouse/presets.py", "io/warehouse/cost.py",
           "io/warehouse/credentials.py", "io/warehouse/session.py", "cleaning/suspects.py",
           "workspace/summary.py", "cleaning/steps.py", "io/refresh.py", "workspace/append.py",
           "workspace/quality_check.py", "cleaning/compiled/quality.py", "io/containers.py", "io/csv_reader.py",
           "io/excel_reader.py", "io/encoding.py", "io/json_reader.py", "io/json_records.py", "io/parquet_reader.py",
           "io/writers.py", "io/sniff.py", "model/project_file.py",
           "io/event_parquet.py", "model/file_limits.py", "workspace/pseudonym_keys.py", "workspace/table_pages.py",
           "workspace/personal_data.py", "workspace/big_import.py", "cleaning/recipe.py", "cleaning/compiled",
           "cleaning/values.py", "cleaning/exclusion.py", "io/numeric_times.py")


def _tool(name: str) -> str:
    """The PySide6 tool next to this Python (the venv's), else the one on PATH."""
    beside = Path(sys.executable).with_name(name)
    return str(beside) if beside.exists() else name


def source_files() -> list[str]:
    files: list[str] = []
    for entry in SOURCES:
        path = PACKAGE / entry
        files += [str(path)] if path.is_file() else sorted(str(p) for p in path.rglob("*.py"))
    return files


def main(languages: list[str]) -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    wanted = sorted({p.stem.removeprefix("usagelens_") for p in OUT.glob("usagelens_*.ts")} | set(languages))
    if not wanted:
        print("No language yet: name one, e.g. python scripts/update_translations.py de", file=sys.stderr)
        return 2
    for lang in wanted:
        ts = OUT / f"usagelens_{lang}.ts"
        subprocess.run([_tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", "-source-language", "en",
                        "-target-language", lang, *source_files(), "-ts", str(ts)], check=True)
        subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
