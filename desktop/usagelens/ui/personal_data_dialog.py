"""The confirmation before personal data leaves the stored tables: what happens to each column, where the key of
the pseudonyms lives, and what cannot be undone.

Step 3 opens it for columns already stored (their raw values are removed from the project), the import dialog
for a file about to be imported (the raw values are never stored). The dialog only asks; the caller rewrites.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from usagelens.cleaning.personal import KIND_LABELS
from usagelens.model import Protection
from usagelens.ui.dialog_body import body_and_buttons
from usagelens.ui.pages.base import banner
from usagelens.ui.qt import (
    QT_TRANSLATE_NOOP,
    QComboBox,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)
from usagelens.ui.translations import translated
from usagelens.workspace.personal_data import PersonalColumn, Removal
from usagelens.workspace.pseudonym_keys import NO_KEYCHAIN, keychain_available

PSEUDONYMS, DROP, KEEP = "pseudonyms", "drop", "keep"
CHOICES = ((PSEUDONYMS, QT_TRANSLATE_NOOP("PersonalDataDialog", "Pseudonyms")),
           (DROP, QT_TRANSLATE_NOOP("PersonalDataDialog", "Nothing: drop the column")),
           (KEEP, QT_TRANSLATE_NOOP("PersonalDataDialog", "Raw values, as they are")))
# What a personal column holds (``personal.KIND_LABELS``), marked here for translation and translated when shown.
PERSONAL_KINDS = (QT_TRANSLATE_NOOP("PersonalKind", "e-mail"), QT_TRANSLATE_NOOP("PersonalKind", "name"),
                  QT_TRANSLATE_NOOP("PersonalKind", "phone"), QT_TRANSLATE_NOOP("PersonalKind", "IP address"))


def personal_kind(kind: str) -> str:
    """What a personal column holds, in the user's language ("E-Mail")."""
    return QCoreApplication.translate("PersonalKind", KIND_LABELS.get(kind, kind))


def irreversible_text(file_name: str | None, *, at_import: bool) -> str:
    """What the user gives up, said before they confirm."""
    if at_import:
        return QCoreApplication.translate("PersonalDataDialog", "The raw values of these columns are never stored in "
                                          "the project: only their pseudonyms are. The export file you import from "
                                          "still holds them.")
    where = QCoreApplication.translate("PersonalDataDialog", "They leave {file} when you save it.").format(
        file=file_name) if file_name else QCoreApplication.translate("PersonalDataDialog", "Save the project to "
                                                                                           "keep this.")
    return QCoreApplication.translate(
        "PersonalDataDialog", "This cannot be undone. The raw values are removed from the project now, and the undo "
        "history is cleared so that nothing can bring them back. {where} Copies saved earlier, backups and your "
        "original export files still hold them, and charts pinned to findings before now are pictures that keep "
        "what they showed.").format(where=where)


class PersonalDataDialog(QDialog):
    """Per personal column: pseudonyms, drop or keep; then the key: kept in the keychain, or one-way."""

    def __init__(self, found: Sequence[PersonalColumn], *, file_name: str | None = None, at_import: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Remove personal data"))
        self.found = list(found)
        layout, outer = body_and_buttons(self)  # many columns or a short screen: the body scrolls
        intro = QLabel(self.tr("These columns hold personal data. Choose what the project keeps of each. Pseudonyms "
                               "replace every value with a code that stays the same for the same value, so users "
                               "can still be counted and followed, and sources joined, without names or addresses."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self._columns_box())
        layout.addWidget(self._key_box())
        self.warning = banner(irreversible_text(file_name, at_import=at_import), kind="attention")
        layout.addWidget(self.warning)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.confirm = QPushButton(self.tr("Store pseudonyms") if at_import else self.tr("Remove the raw values"))
        self.confirm.setObjectName("primary")
        self.buttons.addButton(self.confirm, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        self.setMinimumWidth(720)
        self._update()

    def _columns_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("What the project keeps"))
        grid = QGridLayout(box)
        for col, title in enumerate((self.tr("Source"), self.tr("Column"), self.tr("Holds"), self.tr("Keep"))):
            heading = QLabel(f"<b>{title}</b>")
            grid.addWidget(heading, 0, col)
        self.combos: list[QComboBox] = []
        for row, item in enumerate(self.found, start=1):
            combo = QComboBox()
            for value, label in CHOICES:
                combo.addItem(self.tr(label), value)
            combo.currentIndexChanged.connect(self._update)
            combo.setAccessibleName(self.tr("What to keep of {column} in {source}").format(
                column=item.column, source=item.source_name))
            holds = personal_kind(item.kind)
            if item.in_recipe:
                holds = self.tr("{kind} (hidden by the recipe only)").format(kind=holds)
            grid.addWidget(QLabel(html.escape(item.source_name)), row, 0)
            grid.addWidget(QLabel(f"<b>{html.escape(item.column)}</b>"), row, 1)
            grid.addWidget(QLabel(holds), row, 2)
            grid.addWidget(combo, row, 3)
            self.combos.append(combo)
        grid.setColumnStretch(0, 1)
        return box

    def _key_box(self) -> QGroupBox:
        self.key_box = QGroupBox(self.tr("The key of the pseudonyms"))
        layout = QVBoxLayout(self.key_box)
        self.keep_key = QRadioButton(self.tr("Keep the key in this computer's keychain"))
        self.one_way = QRadioButton(self.tr("One-way: throw the key away"))
        available = keychain_available()
        keep_note = QLabel(self.tr(
            "The same value gets the same pseudonym in every source and every refresh of this project, so sources "
            "still join. The key stays in this computer's keychain, never in the project file: someone who has the "
            "file but not the key cannot turn a pseudonym back into an e-mail address by trying likely values."
        ) if available else translated(NO_KEYCHAIN))  # the core's sentence, as its other messages
        one_way_note = QLabel(self.tr(
            "The key is thrown away at once. Nobody, you included, can link these pseudonyms to a person again, nor "
            "to next month's export: a refreshed or newly imported file gets new pseudonyms that do not join with "
            "these. Columns chosen together here still join each other."))
        for radio, note in ((self.keep_key, keep_note), (self.one_way, one_way_note)):
            note.setWordWrap(True)
            note.setObjectName("hint")
            note.setContentsMargins(24, 0, 0, 6)
            layout.addWidget(radio)
            layout.addWidget(note)
        self.keep_key.setEnabled(available)
        (self.keep_key if available else self.one_way).setChecked(True)
        return self.key_box

    def _update(self) -> None:
        choices = [combo.currentData() for combo in self.combos]
        self.confirm.setEnabled(any(choice != KEEP for choice in choices))
        self.key_box.setEnabled(PSEUDONYMS in choices)

    def removals(self) -> list[Removal]:
        """The columns to take out, as chosen."""
        pseudonymised = Protection.ONE_WAY if self.one_way.isChecked() else Protection.PSEUDONYMISED
        chosen = {PSEUDONYMS: pseudonymised, DROP: Protection.DROPPED}
        return [Removal(item.source_id, item.column, chosen[combo.currentData()], item.kind)
                for item, combo in zip(self.found, self.combos, strict=True) if combo.currentData() in chosen]
