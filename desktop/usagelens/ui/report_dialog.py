"""Choosing what goes into the stakeholder report: which sections, and which findings."""

from __future__ import annotations

from usagelens.model import Project
from usagelens.ui.pages.base import ok_cancel_buttons
from usagelens.ui.qt import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    Qt,
    QVBoxLayout,
    QWidget,
)
from usagelens.ui.translations import translated
from usagelens.workspace.summary import SECTIONS, ReportOptions


def _checklist(entries: list[tuple[str, str]], checked: set[str]) -> QListWidget:
    widget = QListWidget()
    widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    for key, text in entries:
        label = translated(text)  # a section's marked title in the user's language; a finding's as written
        item = QListWidgetItem(label)
        item.setToolTip(label)  # a long finding's title is cut short with "…" in the list
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if key in checked else Qt.CheckState.Unchecked)
        widget.addItem(item)
    return widget


def _checked(widget: QListWidget) -> list[str]:
    return [widget.item(row).data(Qt.ItemDataRole.UserRole) for row in range(widget.count())
            if widget.item(row).checkState() == Qt.CheckState.Checked]


class ReportDialog(QDialog):
    """Sections and findings as two checklists; ``options()`` is what the user chose."""

    def __init__(self, project: Project, previous: ReportOptions | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("What goes into the report"))
        previous = previous or ReportOptions()
        finding_ids = {f.id for f in project.findings}
        chosen_findings = finding_ids if previous.finding_ids is None else set(previous.finding_ids) & finding_ids
        self.sections = _checklist(list(SECTIONS.items()), set(previous.sections))
        self.findings = _checklist([(f.id, f.title) for f in project.findings], chosen_findings)
        columns = QHBoxLayout()
        for title, widget in ((self.tr("Sections"), self.sections), (self.tr("Findings to include"), self.findings)):
            widget.setAccessibleName(title)
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(widget)
            columns.addWidget(box, 0 if widget is self.sections else 1)
        # the sections' names in full (German's are longer); the findings' titles take the rest of the width
        self.sections.setMinimumWidth(self.sections.sizeHintForColumn(0) + 2 * self.sections.frameWidth() + 4)
        buttons = ok_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(buttons)
        self.resize(820, 360)

    def options(self) -> ReportOptions:
        return ReportOptions(sections=tuple(_checked(self.sections)), finding_ids=tuple(_checked(self.findings)))
