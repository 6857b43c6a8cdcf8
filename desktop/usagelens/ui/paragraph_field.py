"""A paragraph of one entity's text (a finding's evidence, an action's expected effect), edited in a box
with room to write instead of a narrow table cell.

The edit becomes one undoable command when the user leaves the box, not one per key; a refresh while the
user is still typing in the same entity never wipes what they wrote.
"""

from __future__ import annotations

from usagelens.model.commands import SetField
from usagelens.ui.accessibility import label_for
from usagelens.ui.document import ProjectDocument
from usagelens.ui.qt import QFocusEvent, QLabel, QPlainTextEdit, QVBoxLayout, QWidget, Signal


class ParagraphEdit(QPlainTextEdit):
    """A plain-text box that reports its text once the user leaves it."""

    committed = Signal(str)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        self.committed.emit(self.toPlainText())
        super().focusOutEvent(event)


class ParagraphField(QWidget):
    """``title`` over a box editing the text field ``field`` of the entity shown with :meth:`show_entity`."""

    def __init__(self, document: ProjectDocument, field: str, title: str, placeholder: str, *,
                 description: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._field = field
        self._description = description
        self._path: tuple[str, str] | None = None
        self._text = ""
        heading = QLabel(title)
        heading.setObjectName("sectionTitle")
        heading.setWordWrap(True)  # a long title (or a long language) wraps instead of widening the side panel
        self.edit = ParagraphEdit()
        self.edit.setPlaceholderText(placeholder)
        self.edit.setTabChangesFocus(True)  # a paragraph needs no tab characters; Tab moves on, as in a form
        label_for(heading, self.edit, description=placeholder)
        self.edit.committed.connect(self._commit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.edit, 1)
        self.show_entity(None, "")

    def show_entity(self, path: tuple[str, str] | None, text: str) -> None:
        """Edit ``text``, the field of the entity at ``path`` (None: nothing selected, the box is off)."""
        typing = path == self._path and self.edit.hasFocus()
        self._path, self._text = path, text
        self.edit.setEnabled(path is not None)
        if not typing and self.edit.toPlainText() != text:
            self.edit.setPlainText(text)

    def _commit(self, text: str) -> None:
        if self._path is not None and text != self._text:
            self._text = text
            self._document.push(SetField(self._path, self._field, text, description=self._description))
