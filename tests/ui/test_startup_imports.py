"""What the app imports before its first window (issue 17: start-up to the first painted window ≤ 1.5 s).

Each probe runs in a fresh interpreter, since this test process has imported everything already. openpyxl (the
Excel writer's library) waits until a workbook is written even when the CLI's parser is built; the GUI's start
(its arguments parsed, the window made, its state restored, the welcome page shown) reaches none of the
libraries behind the step pages and features: Ibis, DuckDB, keyring, pyarrow, the spreadsheet readers and
writers, pyqtgraph, pandas and numpy (the model imports them when a table is read or written). The step pages
themselves are built when first shown.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("ibis", "duckdb", "keyring", "pyarrow", "pyarrow.parquet", "pyarrow.dataset", "openpyxl", "python_calamine",
         "sqlglot", "pyqtgraph", "pandas", "numpy")


# A probe ends as the app does, by closing its window (which stops and waits for the tasks a page started): left
# running at the interpreter's exit, a page's worker thread crashed the probe now and then (-11) after it printed.
CLOSE = "window.close()\napp.processEvents()\n"


def _probe(code: str, tmp_path: Path | None = None) -> str:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if tmp_path is not None:
        env["USAGELENS_PROFILE_DIR"] = str(tmp_path)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False,
                            timeout=120, env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout.strip().splitlines()[-1]


def test_the_gui_start_path_does_not_import_openpyxl() -> None:
    probe = (
        "import sys\n"
        "import usagelens.app, usagelens.ui.application\n"
        "usagelens.app.build_parser()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'openpyxl'))\n"
    )
    assert _probe(probe) == "[]"


def test_the_welcome_page_is_shown_without_the_heavy_libraries_or_any_step_page(tmp_path: Path) -> None:
    probe = (
        "import json, sys\n"
        "from usagelens.app import parse_arguments\n"
        "from usagelens.ui.application import create_application\n"
        "from usagelens.ui.main_window import MainWindow\n"
        "parse_arguments([])\n"
        "app = create_application()\n"
        "window = MainWindow()\n"
        "window.restore_state()\n"
        "window.show()\n"
        "window.start(None)\n"
        "app.processEvents()\n"
        "window.grab()\n"
        f"heavy = [m for m in {HEAVY!r} if m in sys.modules]\n"
        "print(json.dumps({'heavy': heavy, 'built': len(window.pages.built()),\n"
        "                  'welcome': window.front.currentWidget() is window.welcome}))\n"
        f"{CLOSE}"
    )
    seen = json.loads(_probe(probe, tmp_path))
    assert seen == {"heavy": [], "built": 0, "welcome": True}


def test_a_step_page_is_built_when_first_shown_and_its_libraries_with_it(tmp_path: Path) -> None:
    probe = (
        "import json, sys\n"
        "from usagelens.ui.application import create_application\n"
        "from usagelens.ui.main_window import MainWindow\n"
        "app = create_application()\n"
        "window = MainWindow()\n"
        "window.show()\n"
        "window.start(None)\n"
        "window.go_to_step(4)\n"
        "page = window.pages[3]\n"
        "print(json.dumps({'built': len(window.pages.built()), 'on_screen': window.stack.currentWidget() is page,\n"
        "                  'pyqtgraph': 'pyqtgraph' in sys.modules}))\n"
        f"{CLOSE}"
    )
    seen = json.loads(_probe(probe, tmp_path))
    assert seen == {"built": 1, "on_screen": True, "pyqtgraph": True}


def test_a_page_built_after_a_project_is_opened_shows_that_project(qtbot, window, demo_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert len(window.pages.built()) <= 1  # at most the page of the step on screen
    assert window.open_path(demo_path, ask=False)
    window.go_to_step(2)
    page = window.pages[1]
    assert window.stack.currentWidget() is page and len(window.pages) == 8
    first = window.document.project.sources[0]
    assert page.sources.selected_item() is first  # as a project's reset selects it on a page built before
    qtbot.waitUntil(lambda: first.name in page.preview_title.text(), timeout=10_000)
    assert window.pages[-1] is window.pages[7] and window.pages[1:3] == [page, window.pages[2]]
    assert list(window.pages) == window.pages.built()  # iterating builds every page, in step order


def test_a_gui_start_is_parsed_as_the_whole_parser_parses_it(capsys) -> None:  # type: ignore[no-untyped-def]
    from usagelens.app import build_parser, parse_arguments

    for argv in ([], ["open", "--demo"], ["open", "plan.ulens"], ["--self-test"]):
        assert parse_arguments(argv) == build_parser().parse_args(argv)
    with pytest.raises(SystemExit) as stop:
        parse_arguments(["anlyze"])
    message = capsys.readouterr().err.replace("'", "")
    assert stop.value.code == 2 and "choose from open, analyze, report, secret" in message  # the whole parser's
