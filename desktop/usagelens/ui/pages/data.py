"""Step 2: the imported sources, their column roles and a preview of each raw table.

Sources stay editable after import: roles can be re-mapped, more exports added to a source (rows already in
it counted once) and a source reloaded from next month's file (same columns), keeping its id, roles and
recipe; personal columns removed from the stored table are pseudonymised or dropped in the new export before
it is stored. All read or type columns on a worker and land as one undoable edit of the source's fields.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from usagelens.io.refresh import Refreshed, RoleChange, change_roles
from usagelens.io.warehouse.url import WarehouseError, parse_url
from usagelens.model import Source, SourceKind
from usagelens.model.commands import SetField
from usagelens.model.steps import Step
from usagelens.model.stored_table import column_names, row_count, stored_table
from usagelens.model.translatable import joined, said
from usagelens.ui.analysis.kept_results import KeptResultsWidget
from usagelens.ui.data_table import DataTableWidget
from usagelens.ui.document import ProjectDocument
from usagelens.ui.entity_table import Column, EntityListWidget, EntityWords
from usagelens.ui.import_dialog import FILE_FILTER, choose_import_file
from usagelens.ui.kept_asking import not_run_text, run_kept
from usagelens.ui.locale_numbers import in_locale
from usagelens.ui.pages.base import StepPage, banner, set_banner
from usagelens.ui.qt import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from usagelens.ui.roles_dialog import RolesDialog, role_label
from usagelens.ui.translations import counted, translated
from usagelens.ui.warehouse_password import PasswordDialog, sentence
from usagelens.ui.workers import TaskRunner
from usagelens.workspace import engine_logs
from usagelens.workspace.append import Appended
from usagelens.workspace.append import append_files as append_to_source
from usagelens.workspace.join_report import join_reports
from usagelens.workspace.kept_runs import KeptRun
from usagelens.workspace.personal_data import key_for_refresh, protection_summary, refresh_protected


def _roles_text(source: Source) -> str:
    parts = [f"{role_label(role)}: {column}" for role, column in source.roles.items()]
    return " · ".join(parts) or QCoreApplication.translate("Column", "no roles mapped")


def files_text(source: Source) -> str:
    """The file a source was read from, or its first and last of several ("jan.csv … mar.csv (3 files)")."""
    if len(source.files) < 2:
        return source.file_name
    return f"{source.files[0]} … {source.files[-1]} ({len(source.files)} files)"


IN_WAREHOUSE = QT_TRANSLATE_NOOP("Column", "In warehouse")
LINKED_ROWS_TIP = QT_TRANSLATE_NOOP("Column", "Counted in the warehouse when an analysis runs; the project keeps its "
                                              "first {rows} rows")


def _linked_rows_tip(source: Source) -> str:
    return QCoreApplication.translate("Column", LINKED_ROWS_TIP).format(rows=in_locale(f"{len(source.table):,}"))


def _needs_secret(address: str) -> bool:
    """Whether a linked source's warehouse takes a password (a DuckDB file or BigQuery's own login do not)."""
    try:
        return parse_url(address).needs_secret
    except WarehouseError:  # a DuckDB file gone: nothing to type a password for
        return False


def _rows_text(source: Source) -> str:
    """A source's row count; a warehouse's is not known here (the project keeps only its first rows), so it
    says where they are counted rather than a bare "—"."""
    if source.link is not None:
        return QCoreApplication.translate("Column", IN_WAREHOUSE)
    return in_locale(f"{row_count(source):,}")


SOURCE_COLUMNS = (  # sized to fit 1280 px without a sideways scroll bar
    Column("name", QT_TRANSLATE_NOOP("Column", "Source"), width=170),
    Column("kind", QT_TRANSLATE_NOOP("Column", "Holds"), kind="computed", width=170,
           compute=lambda s: SourceKind(s.kind).label),
    Column("file_name", QT_TRANSLATE_NOOP("Column", "File"), kind="computed", width=125,
           compute=lambda s: files_text(s),
           tooltip=QT_TRANSLATE_NOOP("Column", "The export the table was read from; a source of several exports names "
                                            "the first and the last")),
    Column("rows", QT_TRANSLATE_NOOP("Column", "Rows"), kind="computed", width=110, numeric=True,  # "In warehouse"
           compute=lambda s: _rows_text(s),
           tip=lambda s: _linked_rows_tip(s) if s.link is not None else ""),
    Column("columns", QT_TRANSLATE_NOOP("Column", "Columns"), kind="computed", width=72, numeric=True,
           compute=lambda s: str(len(column_names(s)))),
    Column(
        "failed",
        QT_TRANSLATE_NOOP("Column", "Unread times"),
        kind="computed",
        width=110,
        numeric=True,
        compute=lambda s: in_locale(f"{s.failed_timestamps:,}"),
        tooltip=QT_TRANSLATE_NOOP("Column", "Timestamps that could not be read; the rows are kept with an empty time"),
    ),
    Column("roles", QT_TRANSLATE_NOOP("Column", "Columns used as"), kind="computed", width=215, compute=_roles_text),
)


APPEND_TIP = QT_TRANSLATE_NOOP("DataPage", "Add more exports to this source (next month's, or several at once); "
                                           "rows that are already in it are counted once")
REFRESH_TIP = QT_TRANSLATE_NOOP("DataPage", "Load next month's export into this source: same columns, same roles and "
                                            "recipe")
LINKED_TIP = QT_TRANSLATE_NOOP("DataPage", "This source is read in its warehouse: there is no file to refresh it from "
                                           "or add to it (Refresh in steps 2, 4 and 8 asks the warehouse again)")


class DataPage(StepPage):
    """Lists sources; Add opens the import dialog (the main window owns importing)."""

    import_requested = Signal()
    connect_requested = Signal()

    def __init__(
        self, step: Step, document: ProjectDocument, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(step, document, runner, parent)
        self.empty = banner(
            self.tr("Import your exports: an event log from your analytics tool (user, time, event), and optionally "
                    "a customer table, survey answers and revenue. Drag a CSV or Excel file onto the window, or use "
                    "Add source; events kept in a warehouse are read where they are with Connect to a warehouse."),
            kind="info",
        )
        self.body.addWidget(self.empty)
        self.join_note = banner(kind="info")
        self.body.addWidget(self.join_note)
        self.join_kept = KeptResultsWidget()  # "Results from <time> — Refresh": a warehouse's users, kept
        self.join_kept.refresh_requested.connect(lambda: self._check_join(refresh=True))
        self.body.addWidget(self.join_kept)
        self.message = banner(kind="info")
        self.body.addWidget(self.message)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.sources = EntityListWidget(
            document, ("sources",), SOURCE_COLUMNS, lambda: None,
            words=EntityWords(self.tr("Add source"), self.tr("Remove source"), self.tr("Remove {count} sources")),
            title=self.tr("Imported sources"),
            empty=self.tr("No data yet. Use “Add source…” (or drop a file on the window) to import a CSV or Excel "
                          "export: events from your analytics tool, customers from your CRM, survey answers, revenue."),
        )
        self.sources.add_button.clicked.disconnect()
        self.sources.add_button.clicked.connect(self.import_requested.emit)
        self.sources.add_button.setText(self.tr("Add source…"))
        self.connect_button = QPushButton(self.tr("Connect to a warehouse…"))
        self.connect_button.setToolTip(self.tr("Read events where they are (PostgreSQL, ClickHouse, BigQuery, "
                                               "Snowflake, Databricks, Trino, a DuckDB file): analyses run in the "
                                               "warehouse"))
        self.connect_button.clicked.connect(self.connect_requested.emit)
        self.sources.add_bar_widget(self.connect_button)
        self.password_button = QPushButton(self.tr("Password…"))
        self.password_button.setToolTip(self.tr("Type the warehouse's password again: for this session, or kept in "
                                                "the keychain (never in the project)"))
        self.password_button.clicked.connect(self.ask_password)
        self.password_button.setVisible(False)  # only for a warehouse's source that takes one
        self.roles_button = QPushButton(self.tr("Change roles…"))
        self.roles_button.setToolTip(self.tr("Say again which column holds the user id, the time, the event …"))
        self.append_button = QPushButton(self.tr("Add files…"))
        self.append_button.setToolTip(self.tr(APPEND_TIP))
        self.refresh_button = QPushButton(self.tr("Refresh from file…"))
        self.refresh_button.setToolTip(self.tr(REFRESH_TIP))
        source_box = QWidget()
        source_layout = QVBoxLayout(source_box)
        source_layout.setContentsMargins(0, 0, 0, 0)
        source_layout.addWidget(self.sources, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.password_button)
        buttons.addWidget(self.roles_button)
        buttons.addWidget(self.append_button)
        buttons.addWidget(self.refresh_button)
        source_layout.addLayout(buttons)
        splitter.addWidget(source_box)
        preview_box = QWidget()
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        self.preview_title = QLabel(self.tr("Raw table"))
        self.preview_title.setObjectName("sectionTitle")
        self.preview = DataTableWidget(export_name="source", typed_headers=True, name=self.tr("Raw table"))
        preview_layout.addWidget(self.preview_title)
        self.link_note = banner(kind="info")  # a warehouse's source: what the grid shows, and where analyses run
        preview_layout.addWidget(self.link_note)
        preview_layout.addWidget(self.preview, 1)
        splitter.addWidget(preview_box)
        splitter.setSizes([270, 400])
        self.body.addWidget(splitter, 1)
        self.sources.view.selectionModel().selectionChanged.connect(self._show_selected)
        self.sources.model.modelReset.connect(self._show_selected)
        self.sources.model.dataChanged.connect(self._show_selected)
        self.roles_button.clicked.connect(self.change_roles)
        self.refresh_button.clicked.connect(lambda: self.refresh_from_file())
        self.append_button.clicked.connect(lambda: self.append_files())

    def reacts_to(self, path: tuple[str, ...]) -> bool:
        return path[:1] == ("sources",)

    def refresh(self) -> None:
        project = self.document.project
        self.empty.setVisible(not project.sources)
        self._check_join()

    def _check_join(self, refresh: bool = False) -> None:
        """Say how the sources join, in a worker; a warehouse's users are counted by the results kept in the
        project where they are (their time shown under the note), or with ``refresh`` asked of it again."""
        project = self.document.project

        def work(*, progress, cancelled):  # type: ignore[no-untyped-def]
            return joined([report.summary() for report in join_reports(project)], " ")

        def done(text: str, run: KeptRun) -> None:
            if run.sent:
                self.document.keep_unsaved()  # new results kept in the project: worth saving (they cost queries)
            set_banner(self.join_note, translated(text), kind="info")
            self.join_kept.show_time(run.as_of if text else None)

        def declined(size: int) -> None:  # nothing was sent: the note says so
            set_banner(self.join_note, not_run_text(size, self.tr("Refresh asks again")), kind="attention")
            self.join_kept.show_not_run()

        run_kept(self.runner, "join", self.tr("Checking how the sources join"), work, done, None, self, declined,
                 refresh)

    # --- editing sources -----------------------------------------------------------------------------
    def _set_fields(self, source: Source, fields: dict[str, object], description: str) -> None:
        """Change several fields of ``source`` as one undoable step."""
        stack = self.document.undo_stack
        stack.beginMacro(description)
        for name, value in fields.items():
            self.document.push(SetField(("sources", source.id), name, value, description=description))
        stack.endMacro()

    def change_roles(self) -> None:
        source = self.sources.selected_item()
        if source is None:
            return
        dialog = RolesDialog(source, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.roles is None:
            return
        roles = dialog.roles

        def work(*, progress, cancelled):  # type: ignore[no-untyped-def]
            return change_roles(source, roles, progress=progress)

        def done(change: RoleChange) -> None:
            self._set_fields(
                source,
                {"roles": change.roles, "table": change.table, "failed_timestamps": change.failed_timestamps},
                self.tr("Change roles of {source}").format(source=source.name),
            )

        set_banner(self.message, "")
        self.runner.run(
            "roles",
            self.tr("Reading the columns of {source}").format(source=source.name),
            work,
            done,
            lambda message: set_banner(self.message, message, kind="error"),
        )

    def refresh_from_file(self, path: str | None = None) -> None:
        """Reload the selected source from a new export, read with the same options and roles."""
        source = self.sources.selected_item()
        if source is None:
            set_banner(self.message, self.tr("Select the source to refresh first."), kind="attention")
            return
        if source.link is not None:  # File ▸ Refresh source reaches here whatever is selected
            self._say_linked(source)
            return
        if len(source.files) > 1 and QMessageBox.question(
            self, self.tr("Refresh from file"),
            self.tr("{source} holds {count} exports. A refresh replaces all of them with one file; to add next "
                    "month's export, use “Add files…” instead.\n\nReplace them all?").format(
                source=source.name, count=len(source.files)),
        ) != QMessageBox.StandardButton.Yes:
            return
        path = path or choose_import_file(self)
        if not path:
            return
        key = key_for_refresh(self.document.project, source)

        def work(*, progress, cancelled):  # type: ignore[no-untyped-def]
            return refresh_protected(source, path, key=key, progress=progress, cancelled=cancelled)

        def done(refreshed: Refreshed) -> None:
            self._set_fields(source, refreshed.fields, self.tr("Refresh {source}").format(source=source.name))
            set_banner(
                self.message,
                self.tr("Refreshed {source} from {file}: {summary}. Its roles and cleaning recipe are kept.").format(
                    source=source.name, file=Path(path).name, summary=translated(refreshed.summary())),
                kind="info",
            )

        set_banner(self.message, "")
        self.runner.run(
            "refresh",
            self.tr("Refreshing {source}").format(source=source.name),
            work,
            done,
            lambda message: set_banner(self.message, message, kind="error"),
        )

    def append_files(self, paths: list[str] | None = None, source: Source | None = None) -> None:
        """Add exports to ``source`` (default: the selected one), read as a refresh would read them, each row
        once."""
        source = source or self.sources.selected_item()
        if source is None:
            set_banner(self.message, self.tr("Select the source to add files to first."), kind="attention")
            return
        if source.link is not None:  # a folder import or a drop may name it
            self._say_linked(source)
            return
        if paths is None:
            title = self.tr("Add files to {source}").format(source=source.name)
            paths, _ = QFileDialog.getOpenFileNames(self, title, "", FILE_FILTER)
        if not paths:
            return
        key = key_for_refresh(self.document.project, source)

        def work(*, progress, cancelled):  # type: ignore[no-untyped-def]
            return append_to_source(source, sorted(paths), key=key, progress=progress, cancelled=cancelled)

        def done(appended: Appended) -> None:
            files = counted(len(appended.files), self.tr("{count} file"), self.tr("{count} files"))
            self._set_fields(source, appended.fields, self.tr("Add {files} to {source}").format(
                files=files, source=source.name))
            summary = translated(appended.summary())
            set_banner(self.message, self.tr("{source}: {summary}. Its roles and cleaning recipe apply to the whole "
                                             "table.").format(source=source.name, summary=summary), kind="info")

        set_banner(self.message, "")
        self.runner.run("append", self.tr("Adding files to {source}").format(source=source.name), work, done,
                        lambda message: set_banner(self.message, message, kind="error"))

    def _say_linked(self, source: Source) -> None:
        """Why a warehouse's source takes no file (File ▸ Refresh source, a folder import or a drop may name it)."""
        set_banner(self.message, f"{source.name}: {self.tr(LINKED_TIP)}.", kind="attention")

    def _show_linked(self, source: Source | None) -> None:
        """A warehouse's source is read where it lies: no file to refresh it from or add to it, and its grid
        holds only the first rows."""
        link = source.link if source is not None else None
        self.password_button.setVisible(link is not None and _needs_secret(link.url))
        for button, tip in ((self.append_button, APPEND_TIP), (self.refresh_button, REFRESH_TIP)):
            button.setEnabled(source is not None and link is None)
            button.setToolTip(self.tr(LINKED_TIP if link is not None else tip))
        if source is None or link is None:
            set_banner(self.link_note, "")
            return
        where = link.url.split("?", 1)[0]  # the address without its settings
        read = link.table or self.tr("a query")
        set_banner(self.link_note, self.tr("Events in {address} ({read}): these are the first {count} rows; analyses "
                                           "run in the warehouse.").format(
            address=where, read=read, count=in_locale(f"{len(source.table):,}")), kind="info")

    def ask_password(self) -> None:
        """The password of the selected source's warehouse, typed again (a new session, or a changed one)."""
        source = self.sources.selected_item()
        if source is None or source.link is None:
            return
        try:
            url = parse_url(source.link.url)
        except WarehouseError as error:
            set_banner(self.message, sentence(translated(said(error))), kind="error")
            return
        dialog = PasswordDialog(url, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        kept = (self.tr("The password of {account} is kept in the keychain.") if dialog.remember_box.isChecked()
                else self.tr("The password of {account} is used until UsageLens closes."))
        set_banner(self.message, kept.format(account=url.keychain_account), kind="info")
        # Nothing in the project changed, but what its source reads did: the pages showing it read it again.
        self.document.changed.emit(("sources", source.id))

    def _show_selected(self) -> None:
        source = self.sources.selected_item()
        self.roles_button.setEnabled(source is not None)
        self._show_linked(source)
        if source is None:
            self.preview_title.setText(self.tr("Raw table"))
            self.when_on_screen(lambda: self.preview.set_frame(pd.DataFrame()))
            return
        removed = protection_summary(source)
        if source.link is not None:
            self.preview_title.setText(self.tr("First rows of {source}").format(source=source.name))
        elif removed:
            self.preview_title.setText(self.tr("Stored table of {source} — as imported, with {removed}").format(
                source=source.name, removed=removed))
        else:
            self.preview_title.setText(self.tr("Raw table of {source} — as imported, never modified").format(
                source=source.name))
        self.preview.export_name = source.name
        self.preview.view.setAccessibleDescription(self.preview_title.text())
        stored = stored_table(source)
        if stored is not None and not stored.decoded and stored.rows >= engine_logs.ENGINE_FROM_ROWS:
            # A big table nobody decoded stays so: the grid asks DuckDB for the rows in sight.
            self.when_on_screen(lambda: self.preview.set_stored(stored))
        else:
            self.when_on_screen(lambda: self.preview.set_frame(source.table))  # decodes a stored table
