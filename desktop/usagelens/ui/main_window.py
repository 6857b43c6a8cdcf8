"""The main window: step navigator, one page per step, menus, files, import, report, background work."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from usagelens import APP_NAME
from usagelens.model import Project, load_project, snapshot_project, write_project
from usagelens.model.commands import InsertItem, SetField
from usagelens.model.entities import DEFAULT_PROJECT_NAME
from usagelens.model.project_file import SUFFIX
from usagelens.model.steps import STEPS
from usagelens.model.translatable import said
from usagelens.paths import demo_project
from usagelens.ui import autosave
from usagelens.ui.data_cache import DataCache
from usagelens.ui.document import ProjectDocument
from usagelens.ui.help.pages import IMPORT_FORMATS, METRICS, OVERVIEW, page_for_step
from usagelens.ui.navigator import StepNavigator
from usagelens.ui.pages.base import StepPage
from usagelens.ui.qt import (
    QAction,
    QApplication,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QEventLoop,
    QFileDialog,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPrinter,
    QPrintPreviewDialog,
    QPrintPreviewWidget,
    QProgressBar,
    QPushButton,
    QShowEvent,
    QSize,
    QStackedWidget,
    Qt,
    QTimer,
    QWidget,
)
from usagelens.ui.settings import (
    add_recent_file,
    last_project,
    recent_files,
    remove_recent_file,
    reopen_last_project,
    set_reopen_last_project,
)
from usagelens.ui.step_pages import StepPages, build_page
from usagelens.ui.theme import add_theme_menu
from usagelens.ui.translations import counted, step_title, translated
from usagelens.ui.welcome import WelcomePage
from usagelens.ui.window_state import MINIMUM_SIZE, restore_splitters, restore_window, save_window
from usagelens.ui.workers import Task, TaskRunner

if TYPE_CHECKING:  # each is imported where it is first used, so the start path stays lean (ui/step_pages.py)
    from usagelens.ui.help.window import HelpWindow
    from usagelens.workspace.kept_runs import KeptRun
    from usagelens.workspace.summary import ReportOptions, SummaryData

AUTOSAVE_INTERVAL_MS = 120_000


def size_preview(dialog: QPrintPreviewDialog, available: QSize) -> None:
    """A print preview as tall as the screen allows and an A4 page wide, its page fitted to the width: Qt's
    default is a small window with the page at a zoom too small to read."""
    height = int(available.height() * 0.9)
    dialog.resize(min(available.width() - 40, int(height * 0.8)), height)
    view = dialog.findChild(QPrintPreviewWidget)
    if view is not None:
        view.fitToWidth()


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.document = ProjectDocument(self)
        self.runner = TaskRunner(self)
        self.cache = DataCache()
        self._report_options: ReportOptions | None = None
        self.help_window: HelpWindow | None = None  # made on first use, then kept with its page and search
        self._session = uuid.uuid4().hex[:8]
        self._file_busy = False  # a project is being read or written (see ``wait_for``)
        # Autosaves are written on workers; removing personal data bumps the generation under the lock, so an
        # autosave snapshotted before can neither be half-way through writing nor start writing afterwards.
        self._autosave_lock = threading.Lock()
        self._autosave_generation = 0
        self.setAcceptDrops(True)
        self.resize(1280, 800)
        self.navigator = StepNavigator()
        self.stack = QStackedWidget()  # holds the pages built so far (a page is built when first needed)
        self.stack.addWidget(QWidget())  # in sight until a step's page is: a page built aside never shows by default
        self._restored = False  # restore_state ran: a page built later restores its splitters too
        self.pages = StepPages(lambda i: build_page(i, self.document, self.runner, self.cache), self._on_page_built)
        self.workspace = QWidget()
        layout = QHBoxLayout(self.workspace)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigator)
        layout.addWidget(self.stack, 1)
        self.welcome = self._make_welcome()
        self.front = QStackedWidget()  # the welcome page, or the steps
        self.front.addWidget(self.welcome)
        self.front.addWidget(self.workspace)
        self.front.setCurrentWidget(self.workspace)
        self.setCentralWidget(self.front)
        self.setMinimumSize(MINIMUM_SIZE)
        self._build_status_bar()
        self._build_menus()
        self.navigator.currentRowChanged.connect(lambda _: self.show_steps())
        self.document.dirty_changed.connect(self.setWindowModified)
        self.document.path_changed.connect(lambda _: self._update_title())
        self.document.reset.connect(self._on_project_replaced)
        self.document.rewritten.connect(self._on_data_removed)
        self.document.changed.connect(self._on_document_changed)
        self.runner.busy.connect(self._on_busy)
        self.runner.idle.connect(self._on_idle)
        self._autosave_timer = QTimer(self)
        self._autosave_timer.timeout.connect(self._autosave)
        self._autosave_timer.start(AUTOSAVE_INTERVAL_MS)
        self._update_title()
        self.navigator.update_states(self.document.project)

    # --- construction --------------------------------------------------------------------------------
    def _on_page_built(self, index: int, page: StepPage) -> None:
        """Place a page built on first use and bring it up to date with the project open now."""
        from usagelens.ui.entity_table import EntityTableModel  # the pages' lists: not on the start path

        self.stack.addWidget(page)  # in the stack, hidden, before its refresh: it defers work until shown
        if index == 1:
            page.import_requested.connect(self.import_data)  # type: ignore[attr-defined]
            page.connect_requested.connect(self.connect_warehouse)  # type: ignore[attr-defined]
        if self._restored:
            restore_splitters(page)
        if index == self.navigator.currentRow() and self.front.currentWidget() is self.workspace:
            self.stack.setCurrentWidget(page)
        for model in page.findChildren(EntityTableModel):  # what a project's reset does: select a first item
            model.refresh()
        page.refresh()

    def _show_current_page(self) -> None:
        """The page of the step selected in the navigator, built now if it is the first time."""
        self.stack.setCurrentWidget(self.pages[max(self.navigator.currentRow(), 0)])

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """Once the window is up, the steps on screen show their page; deferred so that ``start`` can put the
        welcome page in front first, which needs no step page at all."""
        super().showEvent(event)
        QTimer.singleShot(0, self, self._show_page_if_on_steps)  # dropped if the window is gone by then

    def _show_page_if_on_steps(self) -> None:
        if self.front.currentWidget() is self.workspace:
            self._show_current_page()

    @property
    def report_options(self) -> ReportOptions:
        """What goes in the PDF and the print-out; remembered for the session."""
        if self._report_options is None:
            from usagelens.workspace.summary import ReportOptions

            self._report_options = ReportOptions()
        return self._report_options

    @report_options.setter
    def report_options(self, options: ReportOptions) -> None:
        self._report_options = options

    def _make_welcome(self) -> WelcomePage:
        welcome = WelcomePage()
        welcome.open_demo.connect(lambda: self.open_path(demo_project()))
        welcome.open_file.connect(self.open_dialog)
        welcome.open_recent.connect(self._open_recent)
        welcome.new_project.connect(lambda: self.go_to_step(1))
        welcome.import_file.connect(lambda: self.import_data())
        return welcome

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.task_label = QLabel()
        self.task_progress = QProgressBar()
        self.task_progress.setRange(0, 100)
        self.task_progress.setFixedWidth(180)
        self.task_cancel = QPushButton(self.tr("Cancel"))
        self.task_cancel.clicked.connect(self.runner.cancel_all)
        for widget in (self.task_label, self.task_progress, self.task_cancel):
            bar.addPermanentWidget(widget)
            widget.hide()

    def _project_filter(self) -> str:
        return self.tr("UsageLens projects (*{suffix})").format(suffix=SUFFIX)

    def _action(self, menu: QMenu, text: str, slot: object, shortcut: QKeySequence | str | None = None) -> QAction:
        action = menu.addAction(text)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self._action(file_menu, self.tr("&New project"), self.new_project, QKeySequence.StandardKey.New)
        self._action(file_menu, self.tr("&Open…"), self.open_dialog, QKeySequence.StandardKey.Open)
        self.recent_menu = file_menu.addMenu(self.tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Save"), self.save, QKeySequence.StandardKey.Save)
        self._action(file_menu, self.tr("Save &as…"), self.save_as, "Ctrl+Shift+S")
        file_menu.addSeparator()
        self._action(file_menu, self.tr("Project p&roperties…"), self.edit_properties)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Import data…"), self.import_data, "Ctrl+I")
        self._action(file_menu, self.tr("Import a fo&lder of exports…"), self.import_folder)
        self._action(file_menu, self.tr("Connect to a &warehouse…"), self.connect_warehouse)
        self._action(file_menu, self.tr("Re&fresh source from file…"), self.refresh_source)
        self._action(file_menu, self.tr("&Export PDF summary…"), self.export_pdf_dialog, "Ctrl+E")
        self._action(file_menu, self.tr("&Print summary…"), self.print_summary, QKeySequence.StandardKey.Print)
        self._action(file_menu, self.tr("Export &tables to Excel…"), self.export_xlsx_dialog)
        file_menu.addSeparator()
        self.reopen_action = file_menu.addAction(self.tr("Reopen the last project at start"))
        self.reopen_action.setCheckable(True)
        self.reopen_action.setChecked(reopen_last_project())
        self.reopen_action.toggled.connect(set_reopen_last_project)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)

        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        undo = self.document.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.document.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for step in STEPS:
            self._action(view_menu, f"&{step.number} {step_title(step).replace('&', '&&')}",
                         lambda _=False, n=step.number: self.go_to_step(n), f"Ctrl+{step.number}")
        view_menu.addSeparator()
        self.theme_actions = add_theme_menu(view_menu)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&Help for this step"), lambda: self.show_help(),
                     QKeySequence.StandardKey.HelpContents)
        self._action(help_menu, self.tr("The 8-step &method"), lambda: self.show_help(OVERVIEW))
        self._action(help_menu, self.tr("&Metric definitions"), lambda: self.show_help(METRICS))
        self._action(help_menu, self.tr("&Import formats"), lambda: self.show_help(IMPORT_FORMATS))
        help_menu.addSeparator()
        self._action(help_menu, self.tr("&Welcome page"), self.show_welcome)
        self._action(help_menu, self.tr("&About {app}").format(app=APP_NAME), self.show_about)

    # --- state ---------------------------------------------------------------------------------------
    def go_to_step(self, number: int) -> None:
        self.navigator.setCurrentRow(number - 1)
        self.show_steps()

    def show_welcome(self) -> None:
        """The welcome page in place of the steps, its recent projects read afresh."""
        self.welcome.set_recent(recent_files())
        self.front.setCurrentWidget(self.welcome)

    def show_steps(self) -> None:
        self.front.setCurrentWidget(self.workspace)
        self._show_current_page()

    def restore_state(self) -> None:
        """The size, position and step the window had when it was last closed (window_state); the step's
        page is built when the steps are shown, not here (start may show the welcome page instead)."""
        self._restored = True
        self.navigator.blockSignals(True)
        try:
            restore_window(self, self.navigator)
        finally:
            self.navigator.blockSignals(False)

    def start(self, project: Path | None = None) -> None:
        """After start-up: ``project`` if given, else the last project when the preference says so, else the
        welcome page."""
        target = project or (last_project() if reopen_last_project() else None)
        if target is None or not self.open_path(target, ask=False):
            self.show_welcome()

    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.document.display_name()}[*] — {APP_NAME}")
        self.setWindowModified(self.document.dirty)

    def _on_document_changed(self, path: tuple[str, ...]) -> None:
        self.navigator.update_states(self.document.project)
        if not path:  # the project's own fields: its name is in the title
            self._update_title()

    def _on_project_replaced(self) -> None:
        self.show_steps()
        self.cache.clear()
        self._update_title()
        self.navigator.update_states(self.document.project)

    def _on_busy(self, task: Task) -> None:
        self.task_label.setText(task.label + "…")
        self.task_progress.setValue(0)
        task.progress.connect(lambda f: self.task_progress.setValue(int(f * 100)))
        for widget in (self.task_label, self.task_progress, self.task_cancel):
            widget.show()

    def _on_idle(self) -> None:
        for widget in (self.task_label, self.task_progress, self.task_cancel):
            widget.hide()

    def show_error(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)

    # --- files ---------------------------------------------------------------------------------------
    def maybe_save(self) -> bool:
        """Ask about unsaved changes; False means the user wants to stay where they are."""
        if not self.document.dirty:
            return True
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"),
            self.tr("Save the changes to {name} before closing it?").format(name=self.document.display_name()),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new_project(self) -> None:
        if self.maybe_save():
            self._discard_autosave()
            self.document.replace(Project(), None)
            self.go_to_step(1)

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open project"), "", self._project_filter())
        if path:
            self.open_path(path, ask=False)

    def open_path(self, path: str | Path, *, ask: bool = True) -> bool:
        if ask and not self.maybe_save():
            return False
        target = Path(path)
        ok, loaded = self.wait_for(self.tr("Opening {name}").format(name=target.name), lambda: load_project(target))
        if not ok:
            self.show_error(self.tr("Cannot open project"), str(loaded))
            return False
        self._discard_autosave()
        self.document.replace(loaded, target)
        add_recent_file(path)
        self._attach_key()
        return True

    def _attach_key(self) -> None:
        """Fetch the pseudonym key from the keychain (an old file's key moves there); say what a missing one
        means."""
        from usagelens.workspace.pseudonym_keys import attach_key  # keyring

        note = attach_key(self.document.project)
        if note:
            self.show_error(self.tr("Pseudonym key"), note)

    def recover(self, autosave_file: Path, original: Path | None) -> bool:
        """Reopen autosaved work as unsaved changes to ``original`` (or to a new, untitled project)."""
        ok, loaded = self.wait_for(self.tr("Recovering unsaved work"), lambda: load_project(autosave_file))
        if not ok:
            self.show_error(self.tr("Cannot recover the unsaved work"), str(loaded))
            return False
        self.document.recovered(loaded, original)
        self._attach_key()
        return True

    def wait_for(self, label: str, work: Callable[[], Any]) -> tuple[bool, Any]:
        """Run ``work`` (reading or writing a project, which grows with its data) on a worker while the
        window keeps painting and shows progress but takes no input; (True, result) or (False, message)."""
        if self._file_busy:  # only reachable through a close request; the window takes no other input
            return False, self.tr("UsageLens is still reading or writing a project; try again in a moment.")
        loop = QEventLoop(self)
        outcome: list[tuple[bool, Any]] = []

        def settle(ok: bool, value: Any) -> None:
            outcome.append((ok, value))
            loop.quit()

        self._file_busy = True
        self.setEnabled(False)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            task = self.runner.run("project-file", label, lambda *, progress, cancelled: work(),
                                   lambda result: settle(True, result), lambda message: settle(False, message))
            task.cancelled.connect(lambda: settle(False, self.tr("Cancelled.")))
            loop.exec()  # the worker's answer arrives as a queued call, so it always lands in this loop
        finally:
            QApplication.restoreOverrideCursor()
            self.setEnabled(True)
            self._file_busy = False
        return outcome[0]

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = recent_files()
        for path in files:
            self.recent_menu.addAction(Path(path).name, lambda p=path: self._open_recent(p)).setToolTip(path)
        if not files:
            self.recent_menu.addAction(self.tr("No recent projects")).setEnabled(False)

    def _open_recent(self, path: str) -> None:
        if not Path(path).exists():
            remove_recent_file(path)
            self.show_error(self.tr("Cannot open project"), self.tr("{name} is no longer at {folder}.").format(
                name=Path(path).name, folder=Path(path).parent))
            return
        self.open_path(path)

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self.save_to(self.document.path)

    def save_as(self) -> bool:
        suggested = self.document.path or Path.home() / f"{self.document.project.name}{SUFFIX}"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save project"), str(suggested), self._project_filter())
        if not path:
            return False
        if not path.endswith(SUFFIX):
            path += SUFFIX
        if self.document.project.name == DEFAULT_PROJECT_NAME:  # a file name beats "Untitled" on the PDF cover
            self.document.push(SetField((), "name", Path(path).stem, description=self.tr("Name the project")))
        return self.save_to(Path(path))

    def edit_properties(self) -> None:
        from usagelens.ui.properties_dialog import ProjectPropertiesDialog

        dialog = ProjectPropertiesDialog(self.document.project, self)
        if dialog.exec():
            dialog.apply(self.document)

    def save_to(self, path: Path) -> bool:
        old_path = self.document.path
        snapshot = snapshot_project(self.document.project)
        ok, message = self.wait_for(self.tr("Saving {name}").format(name=path.name),
                                    lambda: write_project(snapshot, path))
        if not ok:
            self.show_error(self.tr("Cannot save project"), str(message))
            return False
        self.document.saved_to(path)
        autosave.discard_autosave(old_path, self._session)
        add_recent_file(path)
        self.statusBar().showMessage(self.tr("Saved {name}").format(name=path.name), 4000)
        return True

    def _autosave(self) -> None:
        """Write unsaved work to the autosave folder on a worker (encoding a million-row table takes a
        second); the project is snapshotted here first, so edits made meanwhile are not half-written."""
        if not self.document.dirty:
            return
        snapshot = snapshot_project(self.document.project)
        original, session, generation = self.document.path, self._session, self._autosave_generation

        def work(*, progress, cancelled):  # type: ignore[no-untyped-def]
            with self._autosave_lock:
                if generation != self._autosave_generation:  # personal data was removed since the snapshot
                    return None
                return autosave.write_autosave(snapshot, original, session)

        self.runner.run("autosave", self.tr("Autosaving"), work, self._on_autosaved, self._on_autosave_failed)

    def _on_autosaved(self, written: Path | None) -> None:
        if written is not None and not self.document.dirty:  # saved meanwhile: nothing to recover
            autosave.remove(written)

    def _on_autosave_failed(self, _message: str) -> None:
        self.statusBar().showMessage(self.tr("Autosave failed; save your work with Ctrl+S."), 8000)

    def _discard_autosave(self) -> None:
        autosave.discard_autosave(self.document.path, self._session)

    def _on_data_removed(self) -> None:
        """Personal values were removed for good: the autosave that still holds them goes at once, and a new
        one is written, so crash recovery can never bring them back."""
        with self._autosave_lock:
            self._autosave_generation += 1
            self._discard_autosave()
        self._autosave()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self._file_busy:  # the window manager still delivers a close while a save is being written
            event.ignore()
            return
        if not self.maybe_save():
            event.ignore()
            return
        self.runner.cancel_all()
        self.runner.wait_all(5000)
        self._discard_autosave()
        save_window(self, self.navigator)
        event.accept()

    # --- import --------------------------------------------------------------------------------------
    def import_data(self, path: str | None = None) -> bool:
        from usagelens.ui.import_dialog import ImportDialog, choose_import_file

        file_name = path or choose_import_file(self)
        if not file_name:
            return False
        dialog = ImportDialog(file_name, self.runner, self, project=self.document.project)
        if not dialog.exec() or dialog.source is None:
            return False
        description = self.tr("Import {name}").format(name=dialog.source.name)
        self.document.push(InsertItem(("sources",), dialog.source, description=description))
        self.go_to_step(2)
        return True

    def connect_warehouse(self) -> bool:
        """Add a warehouse's table or SELECT as an events source that stays where it is (step 2 ▸ Connect)."""
        from usagelens.ui.connect_dialog import ConnectDialog  # Ibis and sqlglot: 1 s of start-up, loaded when used

        dialog = ConnectDialog(self.runner, self)
        if not dialog.exec() or dialog.source is None:
            return False
        description = self.tr("Connect {name}").format(name=dialog.source.name)
        self.document.push(InsertItem(("sources",), dialog.source, description=description))
        self.go_to_step(2)
        return True

    def import_folder(self, folder: str | None = None) -> bool:
        """One source from a folder of monthly exports: the first file (by name) goes through the import
        dialog, the others are added to that source, each row once (step 2's "Add files…")."""
        from usagelens.io.formats import IMPORT_SUFFIXES

        folder = folder or QFileDialog.getExistingDirectory(self, self.tr("Import a folder of exports"))
        if not folder:
            return False
        files = sorted(str(p) for p in Path(folder).iterdir()
                       if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in IMPORT_SUFFIXES)
        if not files:
            self.show_error(self.tr("Nothing to import"), self.tr(
                "{folder} holds no CSV, Excel, JSON or Parquet export.").format(folder=Path(folder).name))
            return False
        if not self.import_data(files[0]):
            return False
        if len(files) > 1:
            self.pages[1].append_files(files[1:], self.document.project.sources[-1])  # type: ignore[attr-defined]
        return True

    def refresh_source(self) -> None:
        """Reload the source selected in step 2 from a new export (the Gather page does the work)."""
        self.go_to_step(2)
        self.pages[1].refresh_from_file()  # type: ignore[attr-defined]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        # Any local file is taken, so a drop never comes to nothing: what cannot be imported says why.
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            QTimer.singleShot(0, lambda: self.open_dropped(paths))  # dialogs open after the drop has ended

    def open_dropped(self, paths: list[str]) -> None:
        """Open a dropped project, import each dropped export (a folder of exports as one source) one after the
        other, and say in one message why each remaining file was not imported (a PDF, a second project…)."""
        from usagelens.io import ImportFailed, file_info, is_plain_folder

        projects = [path for path in paths if path.lower().endswith(SUFFIX)]
        exports = [path for path in paths if path not in projects]
        refused = [self.tr("{name} was not opened: one project is open at a time.").format(name=Path(path).name)
                   for path in projects[1:]]
        if projects and not self.open_path(projects[0]):
            not_opened = Path(projects[0]).name
            refused += [self.tr("{name} was not imported: {project} was not opened.").format(
                name=Path(path).name, project=not_opened) for path in exports]
            exports = []
        for path in exports:
            if is_plain_folder(path):
                self.import_folder(path)
                continue
            try:
                file_info(path)  # reads only the heads: a file that holds no table is named without a dialog
            except ImportFailed as exc:
                refused.append(translated(said(exc)))
                continue
            self.import_data(path)
        if refused:
            files = counted(len(refused), self.tr("{count} file"), self.tr("{count} files"))
            self.show_error(self.tr("{files} not imported").format(files=files),
                            "\n\n".join(refused))

    # --- report --------------------------------------------------------------------------------------
    def _with_summary(self, then: object) -> None:
        from usagelens.ui.kept_asking import not_run_text, run_kept
        from usagelens.workspace.summary import gather_summary

        project = self.document.project

        def work(*, progress, cancelled):  # type: ignore[no-untyped-def]
            return gather_summary(project, progress=progress, cancelled=cancelled)

        def done(data: SummaryData, run: KeptRun) -> None:
            if run.sent:  # a linked warehouse's results kept anew: worth saving (they cost queries)
                self.document.keep_unsaved()
            then(data)  # type: ignore[operator]

        run_kept(self.runner, "report", self.tr("Preparing the summary"), work, done,
                 lambda message: self.show_error(self.tr("Cannot build the summary"), message), self,
                 lambda size: self.statusBar().showMessage(
                     not_run_text(size, self.tr("export or print again to be asked again")), 10000))

    def choose_report_options(self) -> bool:
        """Ask which sections and findings go in; remembered for the session."""
        from usagelens.ui.report_dialog import ReportDialog

        dialog = ReportDialog(self.document.project, self.report_options, self)
        if not dialog.exec():
            return False
        self.report_options = dialog.options()
        return True

    def export_pdf_dialog(self) -> None:
        if not self.choose_report_options():
            return
        base = self.document.path.with_suffix(".pdf") if self.document.path else Path.home() / "summary.pdf"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export PDF summary"), str(base),
                                              self.tr("PDF documents (*.pdf)"))
        if path:
            self.export_pdf(path)

    def export_xlsx_dialog(self) -> None:
        base = self.document.path.with_suffix(".xlsx") if self.document.path else Path.home() / "tables.xlsx"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export tables"), str(base),
                                              self.tr("Excel workbooks (*.xlsx)"))
        if path:
            self.export_xlsx(path if path.lower().endswith(".xlsx") else path + ".xlsx")

    def export_xlsx(self, path: str) -> None:
        from usagelens.io import ExportFailed
        from usagelens.workspace.tables import export_xlsx

        def write(data: SummaryData) -> None:
            try:
                sheets = export_xlsx(data, path)
            except ExportFailed as exc:
                self.show_error(self.tr("Cannot write the workbook"), translated(said(exc)))
                return
            except OSError as exc:
                self.show_error(self.tr("Cannot write the workbook"), f"{Path(path).name}: {exc.strerror or exc}.")
                return
            self.statusBar().showMessage(self.tr("Exported {name} ({sheets})").format(
                name=Path(path).name, sheets=counted(sheets, self.tr("{count} sheet"), self.tr("{count} sheets"))),
                6000)

        self._with_summary(write)

    def export_pdf(self, path: str) -> None:
        from usagelens.report.pdf import export_pdf

        def write(data: SummaryData) -> None:
            try:
                pages = export_pdf(data, path, self.report_options)
            except OSError as exc:
                self.show_error(self.tr("Cannot write the PDF"), f"{Path(path).name}: {exc.strerror or exc}.")
                return
            self.statusBar().showMessage(self.tr("Exported {name} ({pages})").format(
                name=Path(path).name, pages=counted(pages, self.tr("{count} page"), self.tr("{count} pages"))), 6000)

        self._with_summary(write)

    def print_summary(self) -> None:
        from usagelens.report.pdf import paint_summary

        if not self.choose_report_options():
            return

        def preview(data: SummaryData) -> None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            dialog = QPrintPreviewDialog(printer, self)
            dialog.setWindowTitle(self.tr("Print summary"))
            dialog.paintRequested.connect(lambda p: paint_summary(data, p, self.report_options))
            size_preview(dialog, self.screen().availableGeometry().size())
            dialog.exec()

        self._with_summary(preview)

    # --- help ----------------------------------------------------------------------------------------
    def show_help(self, page: str | None = None) -> HelpWindow:
        """The help window (one, kept), at ``page`` or else at the page of the step on screen."""
        from usagelens.ui.help.window import HelpWindow

        if self.help_window is None:
            self.help_window = HelpWindow(self)
        on_steps = self.front.currentWidget() is self.workspace
        self.help_window.show_page(page or page_for_step(self.navigator.currentRow() + 1 if on_steps else None))
        self.help_window.show()
        self.help_window.raise_()
        self.help_window.activateWindow()
        return self.help_window

    def show_about(self) -> None:
        from usagelens.ui.help.about import AboutDialog

        AboutDialog(self).exec()
