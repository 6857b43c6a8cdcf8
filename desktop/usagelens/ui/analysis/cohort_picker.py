"""The cohort an analysis is filtered to, beside the data line of step 4, and the way to the Cohorts… dialog."""

from __future__ import annotations

from collections.abc import Sequence

from usagelens.model import Cohort
from usagelens.ui.qt import QComboBox, QHBoxLayout, QLabel, QPushButton, Qt, QWidget, Signal


class CohortPickerWidget(QWidget):
    """``changed`` fires when the user picks another cohort; ``edit_requested`` when they ask for Cohorts…."""

    changed = Signal()
    edit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QComboBox()
        self.box.setAccessibleName(self.tr("Users"))
        self.box.setToolTip(self.tr("Analyse everyone, or only the users of a saved cohort (its members' events)"))
        self.box.setMinimumContentsLength(14)
        self.box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.box.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.edit_button = QPushButton(self.tr("Cohorts…"))
        self.edit_button.setToolTip(self.tr("Create, edit or delete saved groups of users"))
        self.edit_button.clicked.connect(self.edit_requested.emit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(self.tr("Users:"))
        label.setBuddy(self.box)
        layout.addWidget(label)
        layout.addWidget(self.box)
        layout.addWidget(self.edit_button)
        self.set_cohorts([])

    def set_cohorts(self, cohorts: Sequence[Cohort]) -> None:
        """List the project's cohorts, keeping the current one while it exists (else everyone), silently."""
        current = self.cohort_id()
        self.box.blockSignals(True)
        self.box.clear()
        self.box.addItem(self.tr("Everyone"), "")
        for cohort in cohorts:
            self.box.addItem(cohort.name, cohort.id)
            self.box.setItemData(self.box.count() - 1, cohort.description or cohort.name, Qt.ItemDataRole.ToolTipRole)
        self.box.setCurrentIndex(max(self.box.findData(current), 0))
        self.box.blockSignals(False)

    def cohort_id(self) -> str:
        return str(self.box.currentData() or "")

    def set_cohort_id(self, cohort_id: str, *, notify: bool = False) -> None:
        """Show ``cohort_id`` (a deleted one shows as everyone)."""
        self.box.blockSignals(not notify)
        self.box.setCurrentIndex(max(self.box.findData(cohort_id or ""), 0))
        self.box.blockSignals(False)
