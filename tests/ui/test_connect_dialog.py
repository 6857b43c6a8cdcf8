"""Step 2 ▸ Connect: a warehouse's table previewed off the UI thread, mapped and added undoably as a linked
source; each failure one sentence in the dialog; a typed password never in a message or the saved project."""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest

from usagelens.io.warehouse.credentials import remember_for_session
from usagelens.io.warehouse.url import parse_url
from usagelens.model import save_project
from usagelens.ui.accessibility import tab_stops
from usagelens.ui.connect_dialog import ConnectDialog
from usagelens.ui.qt import Qt
from usagelens.ui.warehouse_password import NO_KEYCHAIN_TIP
from usagelens.ui.workers import TaskRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "warehouse"))
from postgres_cluster import password_protected_table  # noqa: E402

PASSWORD = "Dialog-Typed:Heron#5521"  # distinctive: found in bytes only if it leaked
WRONG = "Wr0ng-Dialog%Pelican&8"
ROLE = "dialog_analyst"


def events(rows: int = 250) -> pd.DataFrame:
    """Events named as exports name them (distinct_id, event_time, event_name), more rows than a preview."""
    rng = np.random.default_rng(7)
    return pd.DataFrame({
        "distinct_id": [f"u{n % 40:02d}" for n in range(rows)],
        "event_time": pd.Timestamp("2024-03-01") + pd.to_timedelta(np.sort(rng.integers(0, 10**6, rows)), "s"),
        "event_name": rng.choice(["signup", "view", "invite"], rows),
        "plan": rng.choice(["free", "pro"], rows),
    })


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "product.duckdb"
    with duckdb.connect(str(path)) as con:
        con.register("frame", events())
        con.execute("CREATE TABLE events AS SELECT * FROM frame")
    return path


def previewed(qtbot, dialog: ConnectDialog, url: str, *, table: str = "", sql: str = "") -> None:  # type: ignore[no-untyped-def]
    dialog.url_edit.setText(url)
    (dialog.sql_radio if sql else dialog.table_radio).setChecked(True)
    dialog.table_edit.setText(table)
    dialog.sql_edit.setPlainText(sql)
    dialog.start_preview()
    qtbot.waitUntil(lambda: not dialog.previewing(), timeout=30_000)


def test_connect_preview_map_and_add_gives_an_undoable_linked_source(  # type: ignore[no-untyped-def]
        qtbot, window, database: Path, monkeypatch) -> None:
    def run_dialog(dialog: ConnectDialog) -> int:
        dialog.show()
        assert not dialog.add_button.isEnabled()  # nothing previewed yet
        previewed(qtbot, dialog, f"duckdb://{database}", table="events")
        assert not dialog.error.isVisible() and dialog.backend_box.currentData() == "duckdb"
        assert dialog.preview_model.rowCount() == 100 and dialog.preview_model.columnCount() == 4
        assert dialog.roles() == {"user_id": "distinct_id", "timestamp": "event_time", "event": "event_name"}
        assert not dialog.asks_password  # a DuckDB file needs none
        dialog.table_edit.setText("events2")  # the preview no longer shows what would be added
        assert not dialog.add_button.isEnabled() and "preview again" in dialog.check.text()
        dialog.table_edit.setText("events")
        dialog.start_preview()
        qtbot.waitUntil(lambda: dialog.add_button.isEnabled(), timeout=30_000)
        dialog.role_fields.boxes["event"].setCurrentIndex(0)  # a role left out: not yet
        assert not dialog.add_button.isEnabled() and "Event name" in dialog.check.text()
        box = dialog.role_fields.boxes["event"]
        box.setCurrentIndex(box.findData("event_name"))
        dialog.add_button.click()
        return int(dialog.result())

    monkeypatch.setattr(ConnectDialog, "exec", run_dialog)
    assert window.connect_warehouse()
    project = window.document.project
    [source] = project.sources
    assert source.name == "events" and source.link is not None
    assert source.link.url == f"duckdb://{database}" and source.link.table == "events" and len(source.table) == 100
    page = window.pages[1]
    qtbot.waitUntil(lambda: page.link_note.isVisible(), timeout=5000)
    assert page.link_note.text() == (f"Events in duckdb://{database} (events): these are the first 100 rows; "
                                     "analyses run in the warehouse.")
    rows = page.sources.model.index(0, 3)
    assert rows.data() == "In warehouse" and "Counted in the warehouse" in rows.data(Qt.ItemDataRole.ToolTipRole)
    for button in (page.refresh_button, page.append_button):
        assert not button.isEnabled() and "warehouse" in button.toolTip()
    window.go_to_step(4)  # the analyses read the whole table in the warehouse, not the 100 rows kept
    analyse = window.pages[3]
    qtbot.waitUntil(lambda: analyse.result is not None, timeout=60_000)
    whole, kept = events()["event_time"], source.table["event_time"]
    periods = pd.to_datetime(analyse.result.table["period"])
    assert periods.max() == whole.max().to_period("W").start_time > kept.max().to_period("W").start_time
    window.go_to_step(2)
    assert window.document.undo_stack.undoText() == "Connect events"
    window.document.undo_stack.undo()
    assert not project.sources


@pytest.mark.parametrize(("url", "table", "sql", "said"), [
    ("mysql://ana@db/shop", "events", "", "UsageLens cannot read mysql:// warehouses"),
    ("duckdb://{database}", "no_such_table", "", "There is no table or view 'no_such_table' in the DuckDB database"),
    ("duckdb://{database}", "", "DELETE FROM events", "The query takes a SELECT (or WITH … SELECT) query only"),
    ("duckdb://{database}", "", "SELECT 1; SELECT 2", "The query takes one SELECT statement, not 2."),
], ids=["bad-url", "unknown-table", "delete", "two-statements"])
def test_each_failure_is_one_sentence_in_the_dialog(  # type: ignore[no-untyped-def]
        qtbot, dialog: ConnectDialog, database: Path, url: str, table: str, sql: str, said: str) -> None:
    previewed(qtbot, dialog, url.format(database=database), table=table, sql=sql)
    text = dialog.error.text()
    assert dialog.error.isVisible() and text.startswith(said), text
    assert "\n" not in text and "Traceback" not in text and text.endswith(".")
    assert not dialog.add_button.isEnabled()


def test_a_known_schema_is_read_through_its_preset_and_fills_the_mapping(  # type: ignore[no-untyped-def]
        qtbot, dialog: ConnectDialog, tmp_path: Path) -> None:
    path = tmp_path / "exports.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("""CREATE TABLE posthog AS SELECT 'p' || i AS distinct_id, TIMESTAMP '2024-01-01' + i * INTERVAL 1
                       HOUR AS "timestamp", 'pageview' AS event, '{"plan": "pro"}' AS properties, i AS uuid
                       FROM range(5) t(i)""")
        con.execute("""CREATE TABLE events_20240101 AS SELECT 'p' || i AS user_pseudo_id, 1704067200000000 + i AS
                       event_timestamp, 'page_view' AS event_name, [{'key': 'page', 'value': {'string_value': '/'}}]
                       AS event_params FROM range(5) t(i)""")
    previewed(qtbot, dialog, f"duckdb://{path}", table="posthog")
    assert dialog.preset_box.currentData() == "posthog" and dialog.add_button.isEnabled()
    assert dialog.roles() == {"user_id": "distinct_id", "timestamp": "timestamp", "event": "event"}
    previewed(qtbot, dialog, f"duckdb://{path}", table="events_20240101")
    qtbot.waitUntil(lambda: not dialog.previewing() and dialog.add_button.isEnabled(), timeout=30_000)
    # GA4's time is microseconds: read again through the preset, the preview has the time it makes of them
    assert dialog.preset_box.currentData() == "ga4" and "event_time" in dialog.preview_model.frame().columns
    assert dialog.roles() == {"user_id": "user_pseudo_id", "timestamp": "event_time", "event": "event_name"}
    dialog.add_button.click()
    source = dialog.source
    assert source is not None and source.link is not None and source.link.preset == "ga4"
    assert str(source.table["event_time"].iloc[0]).startswith("2024-01-01 00:00:00")
    dialog.preset_box.setCurrentIndex(dialog.preset_box.findData("segment"))
    assert "This is not Segment's tracks table: it has no column user_id, anonymous_id" in dialog.check.text()


def test_properties_a_known_schema_holds_in_records_are_kept_as_columns(  # type: ignore[no-untyped-def]
        qtbot, dialog: ConnectDialog, tmp_path: Path) -> None:
    path = tmp_path / "ga4.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("""CREATE TABLE events_20240101 AS SELECT 'p' || i AS user_pseudo_id, 1704067200000000 + i AS
                       event_timestamp, 'page_view' AS event_name, [{'key': 'page', 'value': {'string_value': '/',
                       'int_value': NULL::BIGINT, 'float_value': NULL::DOUBLE, 'double_value': NULL::DOUBLE}}]
                       AS event_params, {'category': CASE WHEN i % 2 = 0 THEN 'mobile' ELSE 'desktop' END}
                       AS device FROM range(6) t(i)""")
    assert not dialog.properties_edit.isEnabled()  # nothing to reach before a known schema
    previewed(qtbot, dialog, f"duckdb://{path}", table="events_20240101")
    qtbot.waitUntil(lambda: not dialog.previewing() and dialog.add_button.isEnabled(), timeout=30_000)
    assert dialog.properties_edit.isEnabled() and "device_category" not in dialog.preview_model.frame().columns
    dialog.properties_edit.setText("device.category, page, device.category")
    dialog.properties_edit.editingFinished.emit()
    qtbot.waitUntil(lambda: not dialog.previewing() and "device_category" in dialog.preview_model.frame().columns,
                    timeout=30_000)
    assert set(dialog.preview_model.frame()["device_category"]) == {"mobile", "desktop"}
    dialog.add_button.click()
    assert dialog.source is not None and dialog.source.link.properties == ["device.category", "page"]


def test_after_a_preview_tab_goes_from_the_grid_to_the_role_pickers_in_reading_order(  # type: ignore[no-untyped-def]
        qtbot, dialog: ConnectDialog, database: Path) -> None:
    previewed(qtbot, dialog, f"duckdb://{database}", table="events")
    qtbot.waitUntil(lambda: dialog.role_fields.boxes["user_id"].isVisible())
    chain = tab_stops(dialog)  # the walk that keeps every widget alive (accessibility.focus_chain)
    stops = [widget.accessibleName() or widget.text() for widget in chain[chain.index(dialog.preview_view) + 1:]
             if widget.isVisible() and widget.isEnabled()]
    assert stops[:6] == ["User id", "Time", "Event name", "Known schema", "Order at one instant", "Source name"]
    assert sorted(stops[6:]) == ["Add source", "Cancel"]  # the buttons' order is the platform's (dialog button box)


def test_a_preview_under_way_is_cancelled_by_cancel_and_the_dialog_stays(  # type: ignore[no-untyped-def]
        qtbot, dialog: ConnectDialog, database: Path) -> None:
    dialog.url_edit.setText(f"duckdb://{database}")
    dialog.table_edit.setText("events")
    dialog.start_preview()
    assert dialog.previewing() and dialog.progress.isVisible() and not dialog.preview_button.isEnabled()
    dialog.reject()
    assert not dialog.previewing() and dialog.isVisible() and "Preview stopped" in dialog.error.text()
    qtbot.waitUntil(lambda: not dialog.runner.has_running(), timeout=30_000)
    assert dialog.preview_model.rowCount() == 0 and not dialog.add_button.isEnabled()  # its rows were dropped


@pytest.fixture(scope="module")
def postgres_url() -> str:
    """Events in the throw-away cluster, readable by a role that logs in with a password (scram)."""
    return password_protected_table("dialog_events", events(), ROLE, PASSWORD)


def test_a_typed_password_is_in_no_message_and_not_in_the_saved_project(  # type: ignore[no-untyped-def]
        qtbot, dialog: ConnectDialog, postgres_url: str, keychain, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("ULENS_PASSWORD", raising=False)
    request_url = parse_url(postgres_url)
    remember_for_session(request_url, "")  # nothing typed before in this process
    dialog.url_edit.setText(postgres_url)
    qtbot.waitUntil(lambda: dialog.asks_password, timeout=5000)  # needed, and none is known
    assert dialog.remember_box.isEnabled()
    shown: list[str] = []
    for secret in (WRONG, PASSWORD):
        dialog.password_edit.setText(secret)
        previewed(qtbot, dialog, postgres_url, table="dialog_events")
        shown += [dialog.error.text(), dialog.check.text(), dialog.reading.text()]
    assert "password authentication failed" in shown[0] and dialog.preview_model.rowCount() == 100
    dialog.add_button.click()
    source = dialog.source
    assert source is not None and source.link is not None and source.link.url == postgres_url
    assert keychain.entries == {}  # not asked to remember it: this session only
    from usagelens.model import Project

    saved = tmp_path / "linked.ulens"
    save_project(Project(name="linked", sources=[source]), saved)
    data = saved.read_bytes()
    for secret in (PASSWORD, WRONG):
        assert secret.encode() not in data
        assert not any(secret in text for text in shown)
    remember_for_session(request_url, "")


def test_remember_keeps_it_in_the_keychain_and_then_it_is_not_asked_again(  # type: ignore[no-untyped-def]
        qtbot, request, postgres_url: str, keychain, monkeypatch) -> None:
    monkeypatch.delenv("ULENS_PASSWORD", raising=False)
    url = parse_url(postgres_url)
    remember_for_session(url, "")
    runner = TaskRunner()
    request.addfinalizer(lambda: (runner.cancel_all(), runner.wait_all(), remember_for_session(url, "")))
    first = ConnectDialog(runner)
    qtbot.addWidget(first)
    first.show()
    first.url_edit.setText(postgres_url)
    qtbot.waitUntil(lambda: first.asks_password, timeout=5000)
    first.password_edit.setText(PASSWORD)
    first.remember_box.setChecked(True)
    previewed(qtbot, first, postgres_url, table="dialog_events")
    first.add_button.click()
    assert keychain.entries == {("UsageLens", url.keychain_account): PASSWORD}
    remember_for_session(url, "")  # a new session: only the keychain knows it
    second = ConnectDialog(runner)
    qtbot.addWidget(second)
    second.show()
    second.url_edit.setText(postgres_url)
    assert second.password_check.isActive()  # the row is decided once typing pauses
    qtbot.waitUntil(lambda: not second.password_check.isActive(), timeout=5000)
    assert not second.asks_password and not second.password_edit.isVisible()


def test_without_a_keychain_remember_is_disabled_and_says_why(qtbot, no_keychain, request) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    request.addfinalizer(lambda: (runner.cancel_all(), runner.wait_all()))
    dialog = ConnectDialog(runner)
    qtbot.addWidget(dialog)
    assert not dialog.remember_box.isEnabled() and dialog.remember_box.toolTip() == NO_KEYCHAIN_TIP


def test_a_project_reopened_in_a_new_session_asks_for_the_password_in_step_two(  # type: ignore[no-untyped-def]
        qtbot, window, wait_idle, postgres_url: str, tmp_path: Path, monkeypatch) -> None:
    from usagelens.model import Project, WarehouseLink
    from usagelens.ui.warehouse_password import PasswordDialog
    from usagelens.workspace.warehouse import linked_source, preview

    monkeypatch.delenv("ULENS_PASSWORD", raising=False)
    url = parse_url(postgres_url)
    remember_for_session(url, PASSWORD)
    link = WarehouseLink(url=postgres_url, table="dialog_events")
    roles = {"user_id": "distinct_id", "timestamp": "event_time", "event": "event_name"}
    saved = tmp_path / "linked.ulens"
    save_project(Project(name="linked", sources=[linked_source("Events", link, preview(link), roles)]), saved)
    remember_for_session(url, "")  # a new session: the password was kept for the last one only
    assert window.open_path(saved, ask=False)
    window.go_to_step(4)
    analyse = window.pages[3]
    from usagelens.ui.qt import QLabel

    def said() -> list[str]:
        shown = [label.text() for label in analyse.findChildren(QLabel) if label.isVisible()]
        return [text for text in shown if "Password" in text]

    qtbot.waitUntil(lambda: any("step 2's Password…" in text for text in said()), timeout=60_000)

    def type_it(dialog: PasswordDialog) -> int:
        dialog.password_edit.setText(PASSWORD)
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(PasswordDialog, "exec", type_it)
    window.go_to_step(2)
    page = window.pages[1]
    qtbot.waitUntil(lambda: page.password_button.isVisible(), timeout=5000)
    page.password_button.click()
    assert page.message.text() == f"The password of {url.keychain_account} is used until UsageLens closes."
    failed = analyse.result
    window.go_to_step(4)  # the page reads the warehouse again, now with the password
    qtbot.waitUntil(lambda: analyse.result is not failed and analyse.result is not None, timeout=60_000)
    assert not said() and "connect" not in analyse.result.message
    remember_for_session(url, "")


def test_the_project_keeps_an_address_s_settings_but_never_a_secret() -> None:
    from usagelens.io.warehouse.url import WarehouseError
    from usagelens.ui.connect_dialog import address

    assert address(parse_url("snowflake://ana@acct/db/sch?warehouse=WH&role=R")) == \
        "snowflake://ana@acct/db/sch?role=R&warehouse=WH"  # Snowflake needs its warehouse
    assert address(parse_url("postgres://ana@db:5432/product")) == "postgres://ana@db:5432/product"
    with pytest.raises(WarehouseError, match="holds a password"):
        parse_url("postgres://ana:Heron5521@db/product")  # so no address the dialog keeps can hold one


def test_the_empty_preview_says_how_to_fill_it(qtbot, dialog, database: Path) -> None:  # type: ignore[no-untyped-def]
    """Before a table is chosen the preview box was blank, with nothing said about what would show there."""
    assert "Preview 100 rows" in dialog.preview_view.empty_text
    dialog.preview_view.grab()  # paints the hint
    previewed(qtbot, dialog, f"duckdb://{database}", sql="SELECT * FROM events WHERE false")
    assert dialog.preview_model.rowCount() == 0 and "no rows" in dialog.preview_view.empty_text
