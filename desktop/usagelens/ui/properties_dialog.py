"""File ▸ Project properties: the project's name and description, as the title bar and the PDF show them."""

from __future__ import annotations

from usagelens.model import Project
from usagelens.ui.document import ProjectDocument
from usagelens.ui.pages.base import ok_cancel_buttons
from usagelens.ui.qt import QDialog, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

NAME_LIMIT = 200  # a cover title, not a paragraph: longer names would not fit the PDF cover or the title bar


class ProjectPropertiesDialog(QDialog):
    """Edits the name and description; OK applies both as one undoable step."""

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Project properties"))
        self.name = QLineEdit(project.name)
        self.name.setMaxLength(NAME_LIMIT)
        self.name.setAccessibleName(self.tr("Project name"))
        self.description = QPlainTextEdit(project.description)
        self.description.setAccessibleName(self.tr("Project description"))
        self.description.setTabChangesFocus(True)
        note = QLabel(self.tr("The name is the title of the window and of the PDF summary (its cover and every "
                              "page's footer); the description is printed on the cover."))
        note.setWordWrap(True)
        note.setObjectName("hint")
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Description"), self.description)
        self.buttons = ok_cancel_buttons(self)
        self.name.textChanged.connect(self._on_name_changed)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.resize(520, 300)

    def _on_name_changed(self, text: str) -> None:
        self.buttons.button(self.buttons.StandardButton.Ok).setEnabled(bool(text.strip()))

    def apply(self, document: ProjectDocument) -> None:
        """Push what changed (nothing when nothing did) as one step of the undo history."""
        values = {"name": self.name.text().strip(), "description": self.description.toPlainText().strip()}
        document.set_fields((), values, self.tr("Edit project properties"))
