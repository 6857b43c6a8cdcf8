"""Step 2 ▸ Connect with a MotherDuck address (issue 15.1), offline: typing ``md:`` picks MotherDuck, the access
token is asked for like a password when none is known (and not when ``motherduck_token`` holds one), it goes only
into the config DuckDB's connect receives, and neither a message nor the saved project holds it; without a
network the failure is one sentence in the dialog."""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb
import pytest

from usagelens.io.warehouse.credentials import remember_for_session
from usagelens.io.warehouse.url import parse_url
from usagelens.model import Project, save_project
from usagelens.ui.connect_dialog import ConnectDialog

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "warehouse"))
from test_warehouse_cli import events_database, events_frame  # noqa: E402

SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
TOKEN = "md-Dialog:Token/Pelican 9031"
REAL_CONNECT = duckdb.connect


@pytest.fixture(autouse=True)
def no_token_around(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("ULENS_PASSWORD", "motherduck_token", "MOTHERDUCK_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    remember_for_session(parse_url("md:"), "")  # nothing typed before in this process


def _preview(qtbot, dialog: ConnectDialog) -> None:  # type: ignore[no-untyped-def]
    dialog.table_radio.setChecked(True)
    dialog.table_edit.setText("events")
    dialog.start_preview()
    qtbot.waitUntil(lambda: not dialog.previewing(), timeout=30_000)


def test_a_motherduck_address_asks_for_its_token_and_keeps_it_out_of_the_project(  # type: ignore[no-untyped-def]
        qtbot, dialog: ConnectDialog, keychain, tmp_path: Path, monkeypatch) -> None:
    served = events_database(tmp_path / "served.duckdb", events_frame())
    opened: list[tuple[str, dict]] = []

    def motherduck(database: str = ":memory:", read_only: bool = False, config: dict | None = None) -> object:
        if str(database).startswith("md:"):  # MotherDuck stood in for by a local file
            opened.append((str(database), dict(config or {})))
            return REAL_CONNECT(str(served), read_only=True)
        return REAL_CONNECT(database, read_only=read_only, config=config or {})

    monkeypatch.setattr(duckdb, "connect", motherduck)
    dialog.url_edit.setText("md:product")
    qtbot.waitUntil(lambda: dialog.asks_password, timeout=5000)
    assert dialog.backend_box.currentData() == "motherduck" and dialog.backend_box.currentText() == "MotherDuck"
    assert not dialog.browse_button.isVisible() and "md:my_database" in dialog.example.text()
    assert dialog.password_edit.placeholderText() == "for motherduck"
    dialog.password_edit.setText(TOKEN)
    _preview(qtbot, dialog)
    assert opened == [("md:product?attach_mode=single", {"motherduck_token": TOKEN})]
    assert not dialog.error.isVisible() and dialog.preview_model.rowCount() == 100
    shown = [dialog.error.text(), dialog.check.text(), dialog.reading.text()]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(SCREENSHOTS / "connect-motherduck.png"))
    dialog.add_button.click()
    source = dialog.source
    assert source is not None and source.link is not None and source.link.url == "md:product"
    assert keychain.entries == {}  # not asked to remember it: this session only
    saved = tmp_path / "linked.ulens"
    save_project(Project(name="linked", sources=[source]), saved)
    assert TOKEN.encode() not in saved.read_bytes() and not any(TOKEN in text for text in shown)
    remember_for_session(parse_url("md:"), "")


def test_a_token_in_motherduck_token_is_not_asked_for_and_no_network_is_one_sentence(  # type: ignore[no-untyped-def]
        qtbot, dialog: ConnectDialog, monkeypatch) -> None:
    monkeypatch.setenv("motherduck_token", TOKEN)
    dialog.url_edit.setText("motherduck:product")
    qtbot.wait(400)  # the password row is decided once typing pauses
    assert dialog.backend_box.currentData() == "motherduck" and not dialog.asks_password
    _preview(qtbot, dialog)  # for real: DuckDB cannot fetch its motherduck extension without a network
    text = dialog.error.text()
    assert dialog.error.isVisible() and text.startswith("Cannot connect to the MotherDuck database product: "), text
    assert "\n" not in text and "Traceback" not in text and TOKEN not in text
