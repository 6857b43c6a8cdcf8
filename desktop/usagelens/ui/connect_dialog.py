"""Connect to a warehouse (step 2): a table or one SELECT whose events stay where they are.

The user names the warehouse by an Ibis-style address (an example per backend, Browse… for a DuckDB file), a
table or a query, and previews its first rows on a worker (busy, cancellable); then says which columns hold
the user, the time and the event, as for a file. A password is asked for only when the address needs one and
none is known; it lives for this session unless the user keeps it in the OS keychain, and is never part of
the source, the project or any message. The source added is a link: its table is the preview, and its
analyses run in the warehouse.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from urllib.parse import urlencode

import pandas as pd

from usagelens import io as usage_io
from usagelens.analytics import AnalysisError
from usagelens.io.warehouse.connect import check_select, has_driver, missing_driver
from usagelens.io.warehouse.credentials import known_password
from usagelens.io.warehouse.presets import PRESETS
from usagelens.io.warehouse.url import BACKENDS, WarehouseError, WarehouseURL, parse_url, scheme_of
from usagelens.model import Source, SourceKind, WarehouseLink
from usagelens.model.translatable import said
from usagelens.ui.accessibility import label_for, name_form_fields, tab_order
from usagelens.ui.dialog_body import body_and_buttons
from usagelens.ui.dialog_buttons import progress_footer
from usagelens.ui.frame_model import FrameModel
from usagelens.ui.hint_table_view import HintTableView
from usagelens.ui.locale_numbers import in_locale
from usagelens.ui.pages.base import banner, set_banner
from usagelens.ui.qt import (
    QT_TRANSLATE_NOOP,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from usagelens.ui.roles_dialog import RoleFields, role_label
from usagelens.ui.table_rows import keep_rows
from usagelens.ui.translations import translated
from usagelens.ui.warehouse_password import keep_password, remember_box, sentence
from usagelens.ui.workers import Task, TaskRunner
from usagelens.workspace.warehouse import PREVIEW_ROWS, linked_source, preview

EXAMPLES = {
    "postgres": "postgres://user@host:5432/database",
    "clickhouse": "clickhouse://user@host:8123/database",
    "bigquery": "bigquery://project/dataset",
    "snowflake": "snowflake://user@account/database/schema?warehouse=WH",
    "databricks": "databricks://host/sql/1.0/warehouses/ID?catalog=C&schema=S",
    "trino": "trino://user@host:8080/catalog/schema",
    "duckdb": "duckdb:///path/to/file.duckdb",
    "motherduck": "md:my_database",
}
DUCKDB_FILTER = QT_TRANSLATE_NOOP("ConnectDialog", "DuckDB databases (*.duckdb *.ddb *.db);;All files (*)")
NO_PRESET = ""
NO_TIE_BREAK = QT_TRANSLATE_NOOP("ConnectDialog", "— none —")
PREVIEW_MAX_WIDTH = 320


def address(url: WarehouseURL) -> str:
    """What the project keeps of ``url``: its display address and its settings (``?warehouse=WH``, which
    Snowflake needs), never a secret (:func:`parse_url` refuses an address holding one)."""
    settings = urlencode(sorted(url.parameters.items()))
    return f"{url.display}?{settings}" if settings else url.display


class ConnectDialog(QDialog):
    """Address, table or query, preview and roles of a warehouse's events; ``source`` holds the linked source
    after ``accept``."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to a warehouse"))
        self.resize(960, 720)
        self.runner = runner
        self.source: Source | None = None
        self._task: Task | None = None
        self._frame = pd.DataFrame()
        self._link: WarehouseLink | None = None  # what the preview shown was read from; None when stale
        self._typed_for: str | None = None  # the keychain account the typed password was given for
        self._auto_name = ""
        self.asks_password = False
        self.password_check = QTimer(self)
        self.password_check.setSingleShot(True)
        self.password_check.setInterval(300)  # the keychain is asked once typing pauses, not per key
        self.password_check.timeout.connect(self._show_password_row)
        self._build()
        self._on_backend_chosen()

    # --- layout --------------------------------------------------------------------------------------
    def _build(self) -> None:
        layout, outer = body_and_buttons(self)  # the body scrolls on a short screen; the buttons stay in sight
        where = QGroupBox(self.tr("Where the events are"))
        grid = QGridLayout(where)
        self.backend_box = QComboBox()
        for scheme, backend in BACKENDS.items():
            title = self.tr("{backend} file").format(backend=backend.title) if scheme == "duckdb" else backend.title
            self.backend_box.addItem(title, scheme)
        self.url_edit = QLineEdit()
        self.browse_button = QPushButton(self.tr("Browse…"))
        self.browse_button.setToolTip(self.tr("Choose a DuckDB database file; it is opened read-only"))
        self.example = QLabel()
        self.example.setObjectName("hint")
        self.example.setWordWrap(True)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember_box = remember_box()
        self.password_label = label_for(QLabel(self.tr("Password")), self.password_edit)
        grid.addWidget(label_for(QLabel(self.tr("Warehouse")), self.backend_box), 0, 0)
        grid.addWidget(self.backend_box, 0, 1)
        grid.addWidget(label_for(QLabel(self.tr("Address")), self.url_edit), 1, 0)
        grid.addWidget(self.url_edit, 1, 1, 1, 2)
        grid.addWidget(self.browse_button, 1, 3)
        grid.addWidget(self.example, 2, 1, 1, 3)
        grid.addWidget(self.password_label, 3, 0)
        grid.addWidget(self.password_edit, 3, 1, 1, 2)
        grid.addWidget(self.remember_box, 3, 3)
        grid.setColumnStretch(2, 1)

        self.table_radio = QRadioButton(self.tr("Table or view"))
        self.sql_radio = QRadioButton(self.tr("Query (one SELECT)"))
        self.table_radio.setChecked(True)
        self.table_edit = QLineEdit()
        self.table_edit.setPlaceholderText(self.tr("events, or schema.events"))
        self.table_edit.setAccessibleName(self.tr("Table or view"))
        self.sql_edit = QPlainTextEdit()
        self.sql_edit.setPlaceholderText("SELECT user_id, event_time, event_name FROM events WHERE …")
        self.sql_edit.setAccessibleName(self.tr("Query (one SELECT)"))
        self.sql_edit.setTabChangesFocus(True)
        self.sql_edit.setFixedHeight(64)
        self.preview_button = QPushButton(self.tr("Preview {count} rows").format(count=PREVIEW_ROWS))
        self.preview_button.setToolTip(self.tr("Read the first rows (LIMIT 100) to check them and map the columns"))
        grid.addWidget(self.table_radio, 4, 0)
        grid.addWidget(self.table_edit, 4, 1, 1, 2)
        grid.addWidget(self.sql_radio, 5, 0)
        grid.addWidget(self.sql_edit, 5, 1, 1, 2)
        grid.addWidget(self.preview_button, 5, 3)
        layout.addWidget(where)

        self.driver_note = banner(kind="attention")
        layout.addWidget(self.driver_note)
        self.error = banner(kind="error")
        layout.addWidget(self.error)
        self.preview_model = FrameModel(parent=self)
        self.preview_model.typed_headers = True
        self.preview_view = HintTableView()
        self.preview_view.setModel(self.preview_model)
        keep_rows(self.preview_view)  # a short screen scrolls the body, not the preview down to its header
        self.preview_view.set_empty_text(self.tr(
            "Name a table or view, or write a query, then press “Preview {count} rows”: its first rows show here, "
            "to check them and say what the columns are.").format(count=PREVIEW_ROWS))
        self.preview_view.setTabKeyNavigation(False)
        self.preview_view.setAccessibleName(self.tr("Preview of the first rows"))
        self.preview_view.setAlternatingRowColors(True)
        self.preview_view.verticalHeader().setDefaultSectionSize(22)
        preview_box = QGroupBox(self.tr("Preview (first {count} rows)").format(count=PREVIEW_ROWS))
        QVBoxLayout(preview_box).addWidget(self.preview_view)
        layout.addWidget(preview_box, 1)

        roles_box = QGroupBox(self.tr("What the columns are"))
        roles_layout = QHBoxLayout(roles_box)
        left, right = QFormLayout(), QFormLayout()
        self.role_fields = RoleFields(left)
        self.preset_box = QComboBox()
        self.preset_box.addItem(self.tr("None: name the columns"), NO_PRESET)
        for preset in PRESETS.values():
            self.preset_box.addItem(translated(preset.title), preset.name)
        self.preset_box.setToolTip(self.tr("A well-known export's schema fills the mapping; you can still change it"))
        self.tie_box = QComboBox()
        self.tie_box.addItem(self.tr(NO_TIE_BREAK), "")
        self.tie_box.setToolTip(self.tr("A column that orders one user's events at the same instant (a sequence "
                                        "number); without one, such events follow the order of their names"))
        self.properties_edit = QLineEdit()
        self.properties_edit.setPlaceholderText(self.tr("e.g. page_location, device.category, geo.country"))
        self.properties_edit.setEnabled(False)  # until a known schema is chosen
        self.properties_edit.setToolTip(self.tr(
            "What the known schema holds inside its records, kept for breakdowns, separated by commas: GA4's event "
            "parameters (page_location) and record fields (device.category), PostHog's property keys ($browser). "
            "The preview is read again with them."))
        self.name_edit = QLineEdit()
        right.addRow(self.tr("Known schema"), self.preset_box)
        right.addRow(self.tr("Properties to keep"), self.properties_edit)
        right.addRow(self.tr("Order at one instant"), self.tie_box)
        right.addRow(self.tr("Source name"), self.name_edit)
        name_form_fields(right)
        roles_layout.addLayout(left, 1)
        roles_layout.addLayout(right, 1)
        layout.addWidget(roles_box)
        self.check = banner(kind="info")
        layout.addWidget(self.check)

        footer = progress_footer(self.tr("Add source"))
        self.reading, self.progress, self.buttons, self.add_button = (
            footer.reading, footer.progress, footer.buttons, footer.primary)
        self.progress.setRange(0, 0)
        outer.addLayout(footer.layout)
        self._show_busy(False)
        self.role_fields.build(SourceKind.EVENTS, [], {}, self._update_check)
        self._order_pickers()

        self.backend_box.currentIndexChanged.connect(self._on_backend_chosen)
        self.url_edit.textChanged.connect(self._on_url_typed)
        self.browse_button.clicked.connect(self._browse)
        self.table_radio.toggled.connect(self._on_mode_changed)
        self.table_edit.textChanged.connect(self._mark_stale)
        self.sql_edit.textChanged.connect(self._mark_stale)
        self.password_edit.textChanged.connect(self._mark_stale)
        self.preview_button.clicked.connect(self.start_preview)
        self.table_edit.returnPressed.connect(self.start_preview)
        self.preset_box.currentIndexChanged.connect(self._on_preset_chosen)
        self.properties_edit.editingFinished.connect(self._on_properties_changed)
        self.name_edit.textChanged.connect(self._update_check)
        self.add_button.clicked.connect(self._add)
        self.buttons.rejected.connect(self.reject)
        self._on_mode_changed()
        self._show_password_row()

    # --- the address ---------------------------------------------------------------------------------
    def scheme(self) -> str:
        return str(self.backend_box.currentData())

    def _on_backend_chosen(self, *_: object) -> None:
        """Show the chosen backend's example; an address of another backend is cleared to start afresh."""
        scheme = self.scheme()
        self.url_edit.setPlaceholderText(EXAMPLES[scheme])
        text = self.url_edit.text().strip()
        if text and scheme_of(text) != scheme:
            self.url_edit.clear()
        self.browse_button.setVisible(scheme == "duckdb")
        backend = BACKENDS[scheme]
        example = self.tr("For example: {address}").format(address=EXAMPLES[scheme])
        if backend.secret_keyword is not None:
            example += self.tr("  (no password in the address: it is asked below when needed)")
        self.example.setText(example)
        # the installed app carries the drivers of DuckDB, PostgreSQL, ClickHouse, Trino and Databricks only: said
        # on choosing another, before an address is typed
        set_banner(self.driver_note, "" if has_driver(backend) else sentence(translated(missing_driver(backend))),
                   kind="attention")

    def _on_url_typed(self, text: str) -> None:
        """A typed scheme picks its backend; the password row waits until typing pauses."""
        scheme = scheme_of(text)
        if scheme is not None and scheme != self.scheme():
            self.backend_box.blockSignals(True)
            self.backend_box.setCurrentIndex(self.backend_box.findData(scheme))
            self.backend_box.blockSignals(False)
            self._on_backend_chosen()
        self._mark_stale()
        self.password_check.start()

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a DuckDB database"), "", self.tr(DUCKDB_FILTER))
        if path:
            self.url_edit.setText(f"duckdb://{Path(path).resolve().as_posix()}")

    def _parsed(self) -> WarehouseURL | None:
        try:
            return parse_url(self.url_edit.text())
        except WarehouseError:
            return None

    def _show_password_row(self) -> None:
        """The password row only when the address needs one and none is known (or one was typed for it)."""
        url = self._parsed()
        wanted = url is not None and url.needs_secret and (
            url.keychain_account == self._typed_for or known_password(url) is None)
        self.asks_password = wanted
        for widget in (self.password_label, self.password_edit, self.remember_box):
            widget.setVisible(wanted)
        if url is not None and wanted:
            self.password_edit.setPlaceholderText(self.tr("for {account}").format(account=url.keychain_account))

    def _on_mode_changed(self, *_: object) -> None:
        self.table_edit.setEnabled(self.table_radio.isChecked())
        self.sql_edit.setEnabled(self.sql_radio.isChecked())
        self._mark_stale()

    # --- preview -------------------------------------------------------------------------------------
    def _wanted_link(self) -> tuple[WarehouseURL, WarehouseLink]:
        """What the fields ask for; :class:`WarehouseError` with the sentence to show when it cannot be."""
        url = parse_url(self.url_edit.text())
        preset = str(self.preset_box.currentData() or NO_PRESET)
        properties = self.kept_properties() if preset else []
        if self.table_radio.isChecked():
            table = self.table_edit.text().strip()
            if not table:
                raise WarehouseError(self.tr("name the table or view to read (schema.table works too)"))
            return url, WarehouseLink(url=address(url), table=table, preset=preset, properties=properties)
        query = check_select(self.sql_edit.toPlainText(), url.backend.ibis_name, asked_by="the query")
        return url, WarehouseLink(url=address(url), sql=query, preset=preset, properties=properties)

    def kept_properties(self) -> list[str]:
        """The properties typed to keep, in order, each once."""
        return list(dict.fromkeys(p.strip() for p in self.properties_edit.text().split(",") if p.strip()))

    def start_preview(self) -> None:
        """Read the first rows on a worker; a newer preview replaces one under way."""
        try:
            url, link = self._wanted_link()
        except WarehouseError as error:
            self._show_error(translated(said(error)))
            return
        if self.asks_password and self.password_edit.text():
            keep_password(url, self.password_edit.text(), in_keychain=False)  # the keychain only once it worked
            self._typed_for = url.keychain_account
        self._show_error("")
        self._task = self.runner.run(
            "connect-preview", self.tr("Reading the first rows from {address}").format(address=url.display),
            lambda *, progress, cancelled: preview(link, PREVIEW_ROWS),
            lambda frame: self._on_preview(link, frame), self._on_preview_failed)
        self._show_busy(True)

    def _show_busy(self, busy: bool) -> None:
        self.reading.setText(self.tr("Asking the warehouse for its first {count} rows… (Cancel stops)").format(
            count=PREVIEW_ROWS) if busy else "")
        self.reading.setVisible(busy)
        self.progress.setVisible(busy)
        self.preview_button.setEnabled(not busy)
        self._update_check()

    def previewing(self) -> bool:
        return self._task is not None

    def _on_preview(self, link: WarehouseLink, frame: pd.DataFrame) -> None:
        if self._task is None:  # came back just as the user cancelled: cancelling wins
            return
        self._task = None
        self._frame, self._link = frame, link
        self.preview_model.set_frame(frame)
        self.preview_view.set_empty_text(self.tr("The warehouse returned no rows for this table or query."))
        self.preview_view.resizeColumnsToContents()
        for column in range(self.preview_model.columnCount()):
            self.preview_view.setColumnWidth(column, min(self.preview_view.columnWidth(column), PREVIEW_MAX_WIDTH))
        columns = [str(column) for column in frame.columns]
        self.role_fields.build(SourceKind.EVENTS, columns, usage_io.guess_roles(SourceKind.EVENTS, frame),
                               self._update_check)
        self._order_pickers()
        matching = [p.name for p in PRESETS.values() if set(p.needs) <= set(columns)]
        self.tie_box.clear()
        self.tie_box.addItem(self.tr(NO_TIE_BREAK), "")
        for column in columns:
            self.tie_box.addItem(column, column)
        detected = link.preset or (matching[0] if matching else NO_PRESET)
        self.preset_box.blockSignals(True)
        self.preset_box.setCurrentIndex(self.preset_box.findData(detected))
        self.preset_box.blockSignals(False)
        name = link.table.rsplit(".", 1)[-1] if link.table else self.tr("Warehouse query")
        if self.name_edit.text() in ("", self._auto_name):
            self.name_edit.setText(name)
        self._auto_name = name
        self._show_busy(False)
        if detected != link.preset:  # a known schema: read its first rows again through it (the columns it makes)
            self.start_preview()
            return
        self._apply_preset()

    def _order_pickers(self) -> None:
        """The role pickers (made again for each preview) in reading order: after the preview, the left column
        before the right, not at the end behind the dialog's buttons."""
        tab_order(self.preview_view, *self.role_fields.boxes.values(), self.preset_box, self.properties_edit,
                  self.tie_box, self.name_edit)

    def _on_preview_failed(self, message: str) -> None:
        self._task = None
        self._show_busy(False)
        self._show_error(message)

    def _mark_stale(self, *_: object) -> None:
        """The fields no longer say what the preview shows: it must be read again before the source is added
        (as it is, so that the next preview finds which known schema it has)."""
        self.preset_box.blockSignals(True)
        self.preset_box.setCurrentIndex(self.preset_box.findData(NO_PRESET))
        self.preset_box.blockSignals(False)
        if self._link is not None:
            self._link = None
            self._update_check()

    def _on_preset_chosen(self, *_: object) -> None:
        """Another schema: the preview is read again through it (or as it is), then it fills the roles."""
        preset = PRESETS.get(str(self.preset_box.currentData()))
        fits = preset is None or set(preset.needs) <= set(self._frame.columns)
        if self._link is not None and fits and self._link.preset != (preset.name if preset else NO_PRESET):
            self.start_preview()
        else:
            self._apply_preset()

    def _on_properties_changed(self) -> None:
        """Other properties to keep: the preview is read again through the schema, with their columns."""
        preset = str(self.preset_box.currentData() or NO_PRESET)
        if self._link is not None and preset and self._link.properties != self.kept_properties():
            self.start_preview()

    def _apply_preset(self, *_: object) -> None:
        """A known schema fills the roles from the columns it holds or makes (GA4's time from microseconds)."""
        preset = PRESETS.get(str(self.preset_box.currentData()))
        self.properties_edit.setEnabled(preset is not None)
        if preset is None or not set(preset.needs) <= set(self._frame.columns):
            self._update_check()
            return
        wanted = {"user_id": preset.user, "timestamp": preset.time, "event": preset.event}
        for role, column in wanted.items():
            box = self.role_fields.boxes[role]
            box.setCurrentIndex(max(0, box.findData(column)))
        self._update_check()

    # --- checks and adding ---------------------------------------------------------------------------
    def _show_error(self, message: str) -> None:
        set_banner(self.error, sentence(message), kind="error")

    def roles(self) -> dict[str, str]:
        return self.role_fields.roles()

    def _update_check(self, *_: object) -> None:
        """Say what is missing before the source can be added; Add only once the preview is current."""
        roles = self.roles()
        missing = [role_label(r) for r in SourceKind.EVENTS.required_roles if r not in roles]
        notes: list[str] = []
        kind = "info"
        if self._task is None and self._link is None and len(self._frame.columns):
            notes.append(self.tr("The address, table or query changed: preview again before adding the source."))
            kind = "attention"
        if len(self._frame.columns) and missing:
            notes.append(self.tr("Choose the column for: {roles}.").format(roles=", ".join(missing)))
            kind = "attention"
        preset = PRESETS.get(str(self.preset_box.currentData()))
        if preset is not None and len(self._frame.columns):
            absent = [c for c in preset.needs if c not in self._frame.columns]
            if absent:
                notes.append(self.tr("This is not {schema}: it has no column {columns}.").format(
                    schema=preset.title, columns=", ".join(absent)))
                kind = "attention"
        if not notes and self._link is not None:
            notes.append(self.tr("The first {count} rows are shown; analyses will run in the warehouse.").format(
                count=in_locale(f"{len(self._frame):,}")))
        set_banner(self.check, " ".join(notes), kind=kind)
        self.add_button.setEnabled(self._task is None and self._link is not None and not missing
                                   and bool(self.name_edit.text().strip()))

    def _add(self) -> None:
        """Keep the password if asked to, then make the linked source from the preview shown."""
        if self._link is None:
            return
        try:
            url = parse_url(self._link.url)
            if self.asks_password and self.password_edit.text():
                keep_password(url, self.password_edit.text(), in_keychain=self.remember_box.isChecked())
            link = replace(self._link, tie_break=str(self.tie_box.currentData() or ""))
            self.source = linked_source(self.name_edit.text().strip(), link, self._frame, self.roles())
        except (WarehouseError, AnalysisError) as error:
            self._show_error(translated(said(error)))
            return
        self.accept()

    def reject(self) -> None:
        """Cancel, Escape and closing first stop a preview under way (its rows, if any come, are dropped)."""
        if self._task is not None:
            self._task.cancel()
            self._task = None
            self._show_busy(False)
            self._show_error(self.tr("Preview stopped. Preview again, or Cancel to close."))
            return
        super().reject()

