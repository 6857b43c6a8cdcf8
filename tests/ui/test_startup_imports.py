"""What the app imports before its first window: openpyxl (the Excel writer's library) is left until a
workbook is written, so it costs start-up nothing (issue 17: start-up to the first painted window ≤ 1.5 s)."""

from __future__ import annotations

import subprocess
import sys


def test_the_gui_start_path_does_not_import_openpyxl() -> None:
    probe = (
        "import sys\n"
        "import usagelens.app, usagelens.ui.application\n"
        "usagelens.app.build_parser()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'openpyxl'))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120)
    assert result.stdout.strip() == "[]"
