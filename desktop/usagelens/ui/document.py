"""The open project as the GUI sees it: the core ``Project``, its file path and its undo stack.

Pages never hold truth of their own; they read ``document.project`` and change it only by pushing core
commands (``usagelens.model.commands``), so every edit is undoable and every page hears about it through
``changed``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from usagelens.model import Project
from usagelens.model.commands import Command, SetField, resolve
from usagelens.model.commands import Path as ProjectPath
from usagelens.ui.qt import QObject, QUndoCommand, QUndoStack, Signal


class _UndoAdapter(QUndoCommand):
    """Puts a plain core command on the ``QUndoStack``: redo applies it, undo applies its inverse."""

    def __init__(self, document: ProjectDocument, command: Command) -> None:
        super().__init__(command.description)
        self._document = document
        self._command = command

    def redo(self) -> None:
        self._command = self._document._apply(self._command)

    def undo(self) -> None:
        self._command = self._document._apply(self._command)


class ProjectDocument(QObject):
    """Owns the project being edited and tells the pages when it changes."""

    changed = Signal(tuple)  # the path of what changed, e.g. ("objectives", "<id>")
    reset = Signal()  # a different project was loaded
    dirty_changed = Signal(bool)
    path_changed = Signal(object)
    rewritten = Signal()  # data was removed for good (see ``apply_for_good``): copies of the old state must go

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = Project()
        self.path: Path | None = None
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(lambda clean: self.dirty_changed.emit(not clean))

    # --- editing -------------------------------------------------------------------------------------
    def push(self, command: Command) -> None:
        """Apply ``command`` as one undoable step."""
        self.undo_stack.push(_UndoAdapter(self, command))

    def _apply(self, command: Command) -> Command:
        inverse = command.apply(self.project)
        self.changed.emit(tuple(command.path))
        return inverse

    def set_fields(self, path: ProjectPath, values: dict[str, object], description: str) -> None:
        """Set several fields of the object at ``path`` as one undoable step; fields that keep their value
        are left alone, and nothing at all is pushed when none changes."""
        target = resolve(self.project, path)
        changed = {name: value for name, value in values.items() if value != getattr(target, name)}
        if not changed:
            return
        self.undo_stack.beginMacro(description)
        for name, value in changed.items():
            self.push(SetField(path, name, value, description=description))
        self.undo_stack.endMacro()

    def apply_for_good(self, commands: Sequence[Command]) -> None:
        """Apply edits that remove data on purpose (personal values) and so cannot be undone: their inverses,
        which would hold the removed data, are dropped, and the undo history is cleared so no older command
        keeps it alive either. The project then counts as unsaved, and every page re-reads it."""
        self.undo_stack.clear()
        for command in commands:
            command.apply(self.project)
        self.undo_stack.resetClean()
        self.reset.emit()
        self.rewritten.emit()

    def keep_unsaved(self) -> None:
        """Something the project keeps without an edit changed (a warehouse's results, kept so that showing
        them again costs no query): it counts as unsaved, so closing asks to save it; the history stays."""
        self.undo_stack.resetClean()
        self.dirty_changed.emit(True)

    @property
    def dirty(self) -> bool:
        return not self.undo_stack.isClean()

    # --- files ---------------------------------------------------------------------------------------
    def replace(self, project: Project, path: Path | None) -> None:
        """Show another project (new, opened or recovered); its history starts empty."""
        self.project = project
        self.undo_stack.clear()
        self._set_path(path)
        self.reset.emit()

    def recovered(self, project: Project, original: Path | None) -> None:
        """Show autosaved work as unsaved changes to ``original``, so saving it writes to the real file."""
        self.replace(project, original)
        self.undo_stack.resetClean()
        self.dirty_changed.emit(True)

    def saved_to(self, path: Path) -> None:
        """The project as it is now was written to ``path``: that is its file, and nothing is unsaved."""
        self._set_path(path)
        self.undo_stack.setClean()

    def display_name(self) -> str:
        """The project's name, and its file when the file is called something else ("Q2 review · q2.ulens")."""
        name = self.project.name
        if self.path is None or self.path.stem == name:
            return name
        return f"{name} · {self.path.name}"

    def _set_path(self, path: Path | None) -> None:
        self.path = path
        self.path_changed.emit(path)
