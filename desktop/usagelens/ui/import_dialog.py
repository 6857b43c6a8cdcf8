"""Import an export (CSV, Excel, JSON, Parquet, also .gz or .zip): check how it is read, say what each column
is, then load it.

Sniffing and the preview run on a worker (a workbook must be parsed before its first row shows, which takes
seconds for a big one), with a busy state and a Cancel that gives the dialog back at once; the full load runs
in a worker with a progress bar and a working Cancel. The preview says how each time column is read, which
day/month order ambiguous dates get (switchable), and what a number role would turn into blanks. Personal
columns spotted in the preview are flagged, and can be pseudonymised or dropped before the table is ever stored.
"""

from __future__ import annotations

import codecs
import html
from functools import partial
from pathlib import Path

import pandas as pd

from usagelens import io as usage_io
from usagelens.cleaning.personal import detect_personal_columns
from usagelens.io.encoding import label_codec
from usagelens.io.import_preview import ImportPreview, preview_import
from usagelens.io.timestamps import DAY_FIRST_ORDER, MONTH_FIRST_ORDER
from usagelens.model import ImportOptions, Project, Protection, Source, SourceKind
from usagelens.model.stored_table import room_left
from usagelens.model.translatable import said
from usagelens.ui import theme
from usagelens.ui.accessibility import label_for, tab_order, tab_stops
from usagelens.ui.dialog_body import body_and_buttons
from usagelens.ui.dialog_buttons import progress_footer
from usagelens.ui.frame_model import FrameModel
from usagelens.ui.pages.base import banner, set_banner
from usagelens.ui.personal_data_dialog import PersonalDataDialog, personal_kind
from usagelens.ui.qt import (
    QT_TRANSLATE_NOOP,
    QCheckBox,
    QComboBox,
    QCoreApplication,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from usagelens.ui.roles_dialog import RoleFields, role_label
from usagelens.ui.table_rows import keep_rows
from usagelens.ui.translations import translated
from usagelens.ui.workers import Task, TaskRunner
from usagelens.workspace.big_import import import_big_events, needs_engine_import
from usagelens.workspace.personal_data import (
    PersonalColumn,
    Removal,
    keys_for,
    protect_new_source,
    protections,
)
from usagelens.workspace.pseudonym_keys import KeychainUnavailable

# The encodings exports come in, by region; any other name Python knows can be typed into the box.
ENCODINGS = (
    "utf-8 — Unicode", "utf-8-sig — Unicode with a byte-order mark", "utf-16 — Unicode (Excel's Unicode text)",
    "cp1252 — Western European (Windows)", "latin-1 — Western European (ISO 8859-1)",
    "cp1250 — Central European (Windows)", "cp1251 — Cyrillic (Windows)", "koi8-r — Cyrillic (KOI8-R)",
    "cp1253 — Greek (Windows)", "cp1254 — Turkish (Windows)", "shift_jis — Japanese (Shift-JIS)",
    "cp932 — Japanese (Windows)", "euc-jp — Japanese (EUC)", "gb18030 — Chinese, simplified",
    "big5 — Chinese, traditional", "euc-kr — Korean", "cp1255 — Hebrew (Windows)", "cp1256 — Arabic (Windows)",
    "mac-roman — Western European (Mac)",
)
DATE_ORDERS = {None: QT_TRANSLATE_NOOP("ImportDialog", "Detect"),
               DAY_FIRST_ORDER: QT_TRANSLATE_NOOP("ImportDialog", "Day first (31/12/2024)"),
               MONTH_FIRST_ORDER: QT_TRANSLATE_NOOP("ImportDialog", "Month first (12/31/2024)")}
DELIMITERS = {",": QT_TRANSLATE_NOOP("ImportDialog", "Comma (,)"),
              ";": QT_TRANSLATE_NOOP("ImportDialog", "Semicolon (;)"),
              "\t": QT_TRANSLATE_NOOP("ImportDialog", "Tab"),
              "|": QT_TRANSLATE_NOOP("ImportDialog", "Pipe (|)")}
PREVIEW_MAX_WIDTH = 360  # a long comment column must not push the others out of sight
FILE_FILTER = (
    f"Data exports ({' '.join(f'*{suffix}' for suffix in sorted(usage_io.IMPORT_SUFFIXES))});;All files (*)"
)


def choose_import_file(parent: QWidget) -> str:
    path, _ = QFileDialog.getOpenFileName(parent, QCoreApplication.translate("ImportDialog", "Import data"), "",
                                          FILE_FILTER)
    return path


class ImportDialog(QDialog):
    """Preview, options and column roles for one file; ``source`` holds the result after ``accept``."""

    def __init__(self, path: str, runner: TaskRunner, parent: QWidget | None = None, *,
                 project: Project | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import data"))
        self.resize(980, 680)
        self.path = Path(path)
        self.runner = runner
        self.project = project or Project()  # whose pseudonym key new pseudonyms share
        self.source: Source | None = None
        self.file_format: usage_io.FileFormat | None = None  # what the content is, whatever the name says
        self._task: Task | None = None
        self._preview_task: Task | None = None  # the sniffing or preview read under way
        self._preview = pd.DataFrame()
        self._read_encoding: str | None = None  # the encoding the preview was last read with
        self._personal: dict[str, str] = {}  # column -> email/name/phone/ip, as spotted in the preview
        self.removals: list[Removal] = []  # personal columns chosen to be pseudonymised or dropped
        self._build()
        self._start_preview(None)

    # --- layout --------------------------------------------------------------------------------------
    def _build(self) -> None:
        layout, outer = body_and_buttons(self)  # the body scrolls on a short screen; the buttons stay in sight
        file_row = QHBoxLayout()
        folder = html.escape(str(self.path.parent))
        hint = theme.current().hint
        self.file_label = QLabel(f"<b>{html.escape(self.path.name)}</b> <span style='color:{hint}'>{folder}</span>")
        self.format_label = QLabel()
        self.format_label.setObjectName("hint")
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(self.format_label)
        layout.addLayout(file_row)

        options = QGroupBox(self.tr("How the file is read"))
        grid = self.options_grid = QGridLayout(options)
        self.kind_box = QComboBox()
        for kind in SourceKind:
            self.kind_box.addItem(translated(kind.label), kind.value)
        self.encoding_box = QComboBox()
        self.encoding_box.setEditable(True)  # any encoding Python knows can be typed in
        self.encoding_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.encoding_box.addItems(ENCODINGS)
        self.encoding_box.setToolTip(self.tr("Pick the encoding the file was saved in, or type its name (e.g. euc-jp)"))
        self.dates_box = QComboBox()
        for value, label in DATE_ORDERS.items():
            self.dates_box.addItem(self.tr(label), value)
        self.dates_box.setToolTip(self.tr("How dates like 01/02/2024 are read; Detect lets the values decide"))
        self.two_lines_box = QCheckBox(self.tr("Answer options on the next line"))
        self.two_lines_box.setToolTip(
            self.tr("Survey exports (SurveyMonkey) put each question's answer options under it"))
        self.delimiter_box = QComboBox()
        for value, label in DELIMITERS.items():
            self.delimiter_box.addItem(self.tr(label), value)
        self.header_spin = QSpinBox()
        self.header_spin.setRange(1, 1000)
        self.header_spin.setToolTip(self.tr("The line that holds the column names (1 = first line)"))
        self.sheet_box = QComboBox()
        self.decimal_box = QComboBox()
        self.decimal_box.addItem(self.tr("Point (1.5)"), ".")
        self.decimal_box.addItem(self.tr("Comma (1,5)"), ",")
        grid.addWidget(label_for(QLabel(self.tr("This file holds")), self.kind_box), 0, 0)
        grid.addWidget(self.kind_box, 0, 1)
        self.header_label = label_for(QLabel(self.tr("Header on line")), self.header_spin)
        grid.addWidget(self.header_label, 0, 2)
        grid.addWidget(self.header_spin, 0, 3)
        self.text_labels = [label_for(QLabel(text), box) for text, box in (
            (self.tr("Encoding"), self.encoding_box), (self.tr("Separator"), self.delimiter_box),
            (self.tr("Decimal mark"), self.decimal_box))]
        grid.addWidget(self.text_labels[0], 1, 0)
        grid.addWidget(self.encoding_box, 1, 1)
        grid.addWidget(self.text_labels[1], 1, 2)
        grid.addWidget(self.delimiter_box, 1, 3)
        grid.addWidget(self.text_labels[2], 1, 4)
        grid.addWidget(self.decimal_box, 1, 5)
        self.sheet_label = label_for(QLabel(self.tr("Sheet")), self.sheet_box)
        grid.addWidget(self.sheet_label, 0, 4)
        grid.addWidget(self.sheet_box, 0, 5)
        grid.addWidget(label_for(QLabel(self.tr("Dates")), self.dates_box), 2, 0)
        grid.addWidget(self.dates_box, 2, 1)
        grid.addWidget(self.two_lines_box, 2, 2, 1, 2)
        tab_order(self.kind_box, self.header_spin, self.sheet_box, self.encoding_box, self.delimiter_box,
                  self.decimal_box, self.dates_box, self.two_lines_box)  # row by row, as the grid shows them
        self.options_box = options
        layout.addWidget(options)

        self.error = banner(kind="error")
        layout.addWidget(self.error)
        self.preview_model = FrameModel(parent=self)
        self.preview_model.typed_headers = True  # each column's type as the import will read it
        self.preview_view = QTableView()
        self.preview_view.setModel(self.preview_model)
        keep_rows(self.preview_view)  # a short screen scrolls the body, not the preview down to its header
        self.preview_view.setTabKeyNavigation(False)  # Tab goes on to the roles and the buttons
        self.preview_view.setAccessibleName(self.tr("Preview of the first rows"))
        self.preview_view.setAlternatingRowColors(True)
        self.preview_view.verticalHeader().setDefaultSectionSize(22)
        preview_box = QGroupBox(self.tr("Preview (first rows)"))
        QVBoxLayout(preview_box).addWidget(self.preview_view)
        layout.addWidget(preview_box, 1)

        self.roles_box = QGroupBox(self.tr("What the columns are"))
        self.roles_form = QFormLayout(self.roles_box)
        self.role_fields = RoleFields(self.roles_form)
        self.scale_box = QComboBox()
        self.scale_box.addItem("NPS (0–10)", "nps")
        self.scale_box.addItem("CSAT (1–5)", "csat")
        layout.addWidget(self.roles_box)
        self.check = banner(kind="info")
        layout.addWidget(self.check)
        personal_row = QHBoxLayout()
        self.personal_note = banner(kind="attention")
        self.personal_button = QPushButton(self.tr("Pseudonymise or drop…"))
        self.personal_button.setToolTip(self.tr("Store pseudonyms instead of these values, or leave the columns out"))
        self.personal_button.clicked.connect(self.choose_personal)
        personal_row.addWidget(self.personal_note, 1)
        personal_row.addWidget(self.personal_button)
        layout.addLayout(personal_row)

        footer = progress_footer(self.tr("Import"))
        self.reading, self.progress, self.buttons, self.import_button = (  # reading: "Reading the file…"
            footer.reading, footer.progress, footer.buttons, footer.primary)
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        self.reading.setVisible(False)
        outer.addLayout(footer.layout)
        self.import_button.clicked.connect(self._start_import)
        self.buttons.rejected.connect(self.reject)
        for box in (self.encoding_box, self.delimiter_box, self.sheet_box, self.decimal_box):
            box.currentIndexChanged.connect(self._reload_preview)
        self.encoding_box.lineEdit().editingFinished.connect(self._on_encoding_typed)
        self.header_spin.valueChanged.connect(self._reload_preview)
        self.two_lines_box.toggled.connect(self._reload_preview)
        self.dates_box.currentIndexChanged.connect(self._update_check)  # the same rows, read again as dates
        self.kind_box.currentIndexChanged.connect(self._rebuild_roles)

    # --- options and preview -------------------------------------------------------------------------
    @property
    def is_spreadsheet(self) -> bool:
        return self.file_format is usage_io.FileFormat.SPREADSHEET

    @property
    def is_text(self) -> bool:
        return self.file_format is usage_io.FileFormat.TEXT

    def _start_preview(self, options: ImportOptions | None) -> None:
        """Read the preview on a worker: with ``options`` None, first detect how the file is read. A newer
        request replaces one under way, whose result is then dropped."""
        self._preview_task = self.runner.run(
            "import-preview", self.tr("Reading {name}").format(name=self.path.name),
            partial(preview_import, self.path, options),
            partial(self._on_preview, first=options is None), self._on_preview_failed,
        )
        if options is not None:
            self._read_encoding = options.encoding
        self._show_reading(True)

    def _show_reading(self, reading: bool) -> None:
        """The busy state: a moving bar, the settings and Import locked until the preview arrives."""
        self.reading.setText(self.tr("Reading the file…") if reading else "")
        self.reading.setVisible(reading)
        self.progress.setRange(0, 0 if reading else 100)
        self.progress.setVisible(reading)
        self.options_box.setEnabled(not reading)
        self.import_button.setEnabled(not reading and not self.error.isVisible())

    def previewing(self) -> bool:
        return self._preview_task is not None

    def _on_preview(self, preview: ImportPreview, *, first: bool) -> None:
        self._preview_task = None
        self._show_reading(False)
        self._show_error("")
        if first:
            self._apply_detected(preview)
        self._preview = preview.table
        if first:
            kind = usage_io.guess_kind(list(self._preview.columns), self._preview)
            self.kind_box.blockSignals(True)
            self.kind_box.setCurrentIndex(self.kind_box.findData(kind.value))
            self.kind_box.blockSignals(False)
        self._personal = detect_personal_columns(self._preview)
        self.removals = [r for r in self.removals if r.column in self._personal]
        self._show_personal()
        self._rebuild_roles()

    def _on_preview_failed(self, message: str) -> None:
        self._preview_task = None
        self._show_reading(False)
        self._preview = pd.DataFrame()
        self.preview_model.set_frame(self._preview)
        self._show_error(message)
        self._rebuild_roles()

    def _apply_detected(self, preview: ImportPreview) -> None:
        """Set the widgets to how the file was found to be read, without reading it again."""
        detected = preview.options
        if preview.info is not None:
            self.file_format = preview.info.format
            self.format_label.setText(translated(preview.info.description))
        widgets = (self.encoding_box, self.delimiter_box, self.sheet_box, self.decimal_box, self.header_spin,
                   self.two_lines_box)
        for widget in widgets:
            widget.blockSignals(True)
        self.sheet_box.addItems(preview.sheets)
        if detected.sheet:
            self.sheet_box.setCurrentText(detected.sheet)
        if detected.encoding:
            self._select_encoding(detected.encoding)
        self._read_encoding = label_codec(self.encoding_box.currentText())
        self.delimiter_box.setCurrentIndex(max(0, self.delimiter_box.findData(detected.delimiter or ",")))
        self.decimal_box.setCurrentIndex(max(0, self.decimal_box.findData(detected.decimal)))
        self.header_spin.setValue(detected.header_row + 1)
        self.two_lines_box.setChecked(detected.header_rows > 1)
        for widget in widgets:
            widget.blockSignals(False)
        # JSON and Parquet name their columns themselves: only text and workbooks have settings to check.
        for widget in (*self.text_labels, self.encoding_box, self.delimiter_box, self.decimal_box):
            widget.setVisible(self.is_text)
        for widget in (self.sheet_label, self.sheet_box):
            widget.setVisible(self.is_spreadsheet)
        for widget in (self.header_label, self.header_spin, self.two_lines_box):
            widget.setVisible(self.is_text or self.is_spreadsheet)
        self.options_grid.setColumnStretch(1, 0 if self.is_text or self.is_spreadsheet else 1)  # no empty middle

    def _select_encoding(self, name: str) -> None:
        """Show ``name`` as its entry in the list (``cp1251`` as "cp1251 — Cyrillic (Windows)"), or as it is."""
        wanted = codecs.lookup(name).name
        for row in range(self.encoding_box.count()):
            if codecs.lookup(label_codec(self.encoding_box.itemText(row))).name == wanted:
                self.encoding_box.setCurrentIndex(row)
                return
        self.encoding_box.addItem(name)
        self.encoding_box.setCurrentIndex(self.encoding_box.count() - 1)

    def options(self) -> ImportOptions:
        """The settings as shown; the encoding as typed (the preview says when Python does not know it)."""
        date_order = self.dates_box.currentData()
        header_rows = 2 if self.two_lines_box.isChecked() else 1
        if self.is_spreadsheet:
            return ImportOptions(sheet=self.sheet_box.currentText() or None, header_row=self.header_spin.value() - 1,
                                 date_order=date_order, header_rows=header_rows)
        if not self.is_text:
            return ImportOptions(date_order=date_order)
        return ImportOptions(
            encoding=label_codec(self.encoding_box.currentText()),
            delimiter=self.delimiter_box.currentData(),
            header_row=self.header_spin.value() - 1,
            decimal=self.decimal_box.currentData(),
            date_order=date_order,
            header_rows=header_rows,
        )

    def _reload_preview(self, *_: object) -> None:
        self._start_preview(self.options())

    def _on_encoding_typed(self) -> None:
        """Leaving the encoding box reads the file again only when another name was typed into it: Tab passing
        through must not reload the preview, which rebuilds the role pickers that focus moves on to."""
        if self.is_text and label_codec(self.encoding_box.currentText()) != self._read_encoding:
            self._reload_preview()

    # --- personal data -------------------------------------------------------------------------------
    def _show_personal(self) -> None:
        chosen = {r.column: r.protection for r in self.removals}
        self.personal_button.setVisible(bool(self._personal))
        if not self._personal:
            set_banner(self.personal_note, "")
            return
        found = ", ".join(f"{column} ({personal_kind(kind)})" for column, kind in self._personal.items())
        text = self.tr("Personal data in this file: {columns}.").format(columns=found)
        if chosen:
            done = {Protection.PSEUDONYMISED: self.tr("{column} will be stored as pseudonyms (key in this computer's "
                                                      "keychain)"),
                    Protection.ONE_WAY: self.tr("{column} will be stored as one-way pseudonyms"),
                    Protection.DROPPED: self.tr("{column} will not be stored")}
            text += " " + "; ".join(done[how].format(column=column) for column, how in chosen.items()) + "."
        else:
            text += " " + self.tr("It is stored as it is unless you pseudonymise or drop it.")
        set_banner(self.personal_note, text, kind="info" if chosen else "attention")

    def choose_personal(self) -> None:
        """Ask what to store of each personal column; applied to the table before it is stored."""
        found = [PersonalColumn("", self.path.name, column, kind, False) for column, kind in self._personal.items()]
        dialog = PersonalDataDialog(found, at_import=True, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.removals = dialog.removals()
            self._show_personal()

    def _show_error(self, message: str) -> None:
        set_banner(self.error, message, kind="error")
        self.import_button.setEnabled(not message)

    # --- roles ---------------------------------------------------------------------------------------
    def kind(self) -> SourceKind:
        return SourceKind(self.kind_box.currentData())

    def _rebuild_roles(self, *_: object) -> None:
        self.scale_box = QComboBox()
        self.scale_box.addItem("NPS (0–10)", "nps")
        self.scale_box.addItem("CSAT (1–5)", "csat")
        kind = self.kind()
        columns = [str(c) for c in self._preview.columns]
        guesses = usage_io.guess_roles(kind, self._preview) if columns else {}
        self.role_fields.build(kind, columns, guesses, self._update_check)
        if kind == SourceKind.FEEDBACK:
            score = guesses.get("score")
            if score:
                scale = usage_io.guess_score_scale(self._preview[score])
                self.scale_box.setCurrentIndex(max(0, self.scale_box.findData(scale or "nps")))
            self.roles_form.addRow(self.tr("Score scale"), self.scale_box)
            self.scale_box.setAccessibleName(self.tr("Score scale"))
        tab_order(self.preview_view, *tab_stops(self.roles_box))  # new pickers: after the preview, not at the end
        self._update_check()

    def roles(self) -> dict[str, str]:
        return self.role_fields.roles()

    def _update_check(self, *_: object) -> None:
        if self._preview.empty and not len(self._preview.columns):
            self.check.setVisible(False)
            return
        roles, options = self.roles(), self.options()
        typed, typing = usage_io.typed_preview(self._preview, roles, options.decimal, options.date_order)
        missing = [role_label(r) for r in self.kind().required_roles if r not in roles]
        notes = [self.tr("Choose the column for: {roles}.").format(roles=", ".join(missing))] if missing else []
        notes += [translated(note) for note in typing.notes()]
        doubtful = typing.failed_timestamps or typing.not_numbers or any(r.ambiguous for r in typing.times.values())
        set_banner(self.check, " ".join(notes), kind="attention" if missing or doubtful else "info")
        self.import_button.setEnabled(not missing and not self.error.isVisible() and not self.previewing())
        self._show_typed_preview(typed)

    def _show_typed_preview(self, typed: pd.DataFrame) -> None:
        """The preview with each column typed as the import will type it (roles decide ids and times)."""
        self.preview_model.set_frame(typed)
        self.preview_view.resizeColumnsToContents()
        for column in range(self.preview_model.columnCount()):
            self.preview_view.setColumnWidth(column, min(self.preview_view.columnWidth(column), PREVIEW_MAX_WIDTH))

    # --- import --------------------------------------------------------------------------------------
    def _start_import(self) -> None:
        path, options, kind, roles = self.path, self.options(), self.kind(), self.roles()
        scale = self.scale_box.currentData() if kind == SourceKind.FEEDBACK else None
        removals = list(self.removals)
        try:
            key, one_way_key = keys_for(self.project, removals)
        except KeychainUnavailable as exc:
            self._show_error(self.tr("{problem} Choose one-way pseudonyms instead.").format(
                problem=translated(said(exc))))
            return

        room = room_left(self.project.sources)
        columns = self.preview_model.columnCount()

        def work(*, progress, cancelled):  # type: ignore[no-untyped-def]
            if needs_engine_import(path, options, kind, columns, room):  # pseudonymised as DuckDB converts it
                return import_big_events(path, options, roles, room_cells=room, progress=progress,
                                         cancelled=cancelled, protected=protections(removals), key=key,
                                         one_way_key=one_way_key)
            source = usage_io.build_source(
                path, options, kind, roles, score_scale=scale, progress=progress, cancelled=cancelled, room_cells=room
            )
            return protect_new_source(source, removals, key=key, one_way_key=one_way_key) if removals else source

        self.import_button.setEnabled(False)
        # A workbook is parsed in one go before any row is read: show that as busy, not as a bar stuck at 0.
        self.progress.setRange(0, 0 if self.is_spreadsheet else 100)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self._task = self.runner.run("import", self.tr("Importing {name}").format(name=path.name), work,
                                     self._on_imported, self._on_failed)
        self._task.progress.connect(self._show_progress)

    def _show_progress(self, fraction: float) -> None:
        if fraction > 0 and self.progress.maximum() == 0:
            self.progress.setRange(0, 100)
        self.progress.setValue(int(fraction * 100))

    def _on_imported(self, source: Source) -> None:
        if self._task is None:  # finished just as the user cancelled: cancelling wins
            return
        self._task = None
        self.source = source
        self.accept()

    def _on_failed(self, message: str) -> None:
        self._task = None
        self.progress.setVisible(False)
        self._show_error(message)

    def reject(self) -> None:
        """Cancel, Escape and closing the window first stop a running preview or import; the next one closes."""
        if self._preview_task is not None:
            self._preview_task.cancel()  # its result, should the reader still return one, is dropped
            self._preview_task = None
            self._show_reading(False)
            self._show_error(self.tr("Reading stopped. Change a setting to read the file again, or Cancel to close."))
            return
        if self._task is not None:
            self._task.cancel()
            self._task = None
            self.progress.setVisible(False)
            self.import_button.setEnabled(True)
            set_banner(self.check, self.tr("Import cancelled. Nothing was added to the project."))
            return
        super().reject()

    def busy(self) -> bool:
        return self._task is not None
