"""Saying which column plays which role, on import and at any time after it.

``RoleFields`` is the one place that builds the role pickers, so the import dialog and the later "Change
roles" dialog always offer the same choices and read them back the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from usagelens.io.errors import ImportFailed
from usagelens.io.refresh import check_roles
from usagelens.model import Source, SourceKind
from usagelens.model.entities import ROLE_LABELS
from usagelens.model.stored_table import column_names
from usagelens.model.translatable import said
from usagelens.ui.accessibility import name_form_fields
from usagelens.ui.pages.base import banner, ok_cancel_buttons, set_banner
from usagelens.ui.qt import (
    QComboBox,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)
from usagelens.ui.translations import translated


def role_label(role: str) -> str:
    """A column role's name in the user's language ("Nutzer-ID")."""
    return translated(ROLE_LABELS.get(role, role))


class RoleFields:
    """One combo per role of a source kind, filled with the table's columns."""

    def __init__(self, form: QFormLayout) -> None:
        self.form = form
        self.boxes: dict[str, QComboBox] = {}

    def build(self, kind: SourceKind, columns: Sequence[str], chosen: Mapping[str, str],
              on_change: Callable[[], None]) -> None:
        """Replace the rows by pickers for ``kind``'s roles, preset to ``chosen``; required ones starred."""
        while self.form.rowCount():
            self.form.removeRow(0)
        self.boxes = {}
        for role in kind.roles:
            box = QComboBox()
            box.addItem(QCoreApplication.translate("RoleFields", "— not in this file —"), "")
            for column in columns:
                box.addItem(column, column)
            box.setCurrentIndex(max(0, box.findData(chosen.get(role, ""))))
            box.currentIndexChanged.connect(lambda *_: on_change())
            required = role in kind.required_roles
            self.form.addRow(f"{role_label(role)}{' *' if required else ''}", box)
            self.boxes[role] = box
        name_form_fields(self.form)

    def roles(self) -> dict[str, str]:
        return {role: box.currentData() for role, box in self.boxes.items() if box.currentData()}


class RolesDialog(QDialog):
    """Choose the roles of an imported source; ``roles`` holds the checked choice after ``accept``.

    The dialog only checks the choice (instant); typing the columns can take a second on a big table, so
    the caller runs it on a worker and applies the result as one undoable edit."""

    def __init__(self, source: Source, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self.roles: dict[str, str] | None = None
        self.setWindowTitle(self.tr("Columns of {source}").format(source=source.name))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Say which column holds what. A column given a new role is read again as that "
                               "role (times as dates, user ids as text); the recipe keeps working."))
        intro.setWordWrap(True)
        intro.setObjectName("hint")
        layout.addWidget(intro)
        form = QFormLayout()
        layout.addLayout(form)
        self.fields = RoleFields(form)
        self.fields.build(source.kind, column_names(source), source.roles, self._update)
        self.problem = banner(kind="attention")
        layout.addWidget(self.problem)
        self.buttons = ok_cancel_buttons(self)
        layout.addWidget(self.buttons)
        self._update()

    def _update(self) -> None:
        missing = [role_label(r) for r in self.source.kind.required_roles if r not in self.fields.roles()]
        choose = self.tr("Choose the column for: {roles}.").format(roles=", ".join(missing))
        set_banner(self.problem, choose if missing else "", kind="attention")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not missing)

    def accept(self) -> None:
        try:
            self.roles = check_roles(self.source, self.fields.roles())
        except ImportFailed as exc:
            set_banner(self.problem, translated(said(exc)), kind="error")
            return
        super().accept()
