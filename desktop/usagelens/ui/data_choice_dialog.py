"""Choosing which sources the analyses, KPIs and report use: one checklist per kind of data.

Several checked sources of a kind are analysed together (combined, with a "data source" column to break
them down by); a source that cannot take part is shown greyed out with the reason.
"""

from __future__ import annotations

from usagelens.cleaning.steps import count
from usagelens.model import Project, SourceKind
from usagelens.model.commands import SetField
from usagelens.model.stored_table import row_count
from usagelens.ui.document import ProjectDocument
from usagelens.ui.pages.base import ok_cancel_buttons
from usagelens.ui.qt import QDialog, QGroupBox, QLabel, QListWidget, QListWidgetItem, Qt, QVBoxLayout, QWidget
from usagelens.ui.translations import translated
from usagelens.workspace.selection import NOT_CHOSEN, SOURCE_COLUMN, selection


class DataChoiceDialog(QDialog):
    """A checklist per kind that has sources; ``analysed()`` is the choice in ``Project.analysed``'s form."""

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Data to analyse"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Checked sources are analysed together: their rows are combined, and the column "
                               "“{column}” tells them apart in breakdowns. Step 8 and the PDF use the same data.")
                       .format(column=SOURCE_COLUMN))
        intro.setWordWrap(True)
        intro.setObjectName("hint")
        layout.addWidget(intro)
        self.lists: dict[SourceKind, QListWidget] = {}
        for kind in SourceKind:
            sources = project.sources_of(kind)
            if not sources:
                continue
            chosen = selection(project, kind)
            reasons = {source.id: why for source, why in chosen.left_out if why != NOT_CHOSEN}
            checked = {source.id for source in chosen.sources}
            widget = QListWidget()
            widget.setAccessibleName(self.tr("{kind} sources to analyse").format(kind=translated(kind.label)))
            for source in sources:
                rows = self.tr("in a warehouse") if source.link is not None else count(row_count(source), "row")
                item = QListWidgetItem(f"{source.name}  ({rows})")
                item.setData(Qt.ItemDataRole.UserRole, source.id)
                if source.id in reasons:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                    item.setToolTip(self.tr("Cannot be analysed: {reason} (map it in step 2).").format(
                        reason=reasons[source.id]))
                    item.setText(f"{item.text()} — {reasons[source.id]}")
                else:
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    item.setCheckState(Qt.CheckState.Checked if source.id in checked else Qt.CheckState.Unchecked)
                widget.addItem(item)
            widget.setMaximumHeight(24 + 22 * min(len(sources), 6))
            box = QGroupBox(translated(kind.label))
            QVBoxLayout(box).addWidget(widget)
            layout.addWidget(box)
            self.lists[kind] = widget
        layout.addStretch(1)
        layout.addWidget(ok_cancel_buttons(self))
        self.resize(520, 200 + 90 * len(self.lists))

    def analysed(self) -> dict[str, list[str]]:
        """Kind -> checked source ids, only for kinds where not every usable source is checked: a kind left
        out analyses all its sources, so next month's newly imported export is included by itself."""
        choice = {}
        for kind, widget in self.lists.items():
            items = [widget.item(row) for row in range(widget.count())]
            usable = [item for item in items if item.flags() & Qt.ItemFlag.ItemIsEnabled]
            checked = [item.data(Qt.ItemDataRole.UserRole) for item in usable
                       if item.checkState() == Qt.CheckState.Checked]
            if len(checked) < len(usable):
                choice[kind.value] = checked
        return choice


def choose_data(document: ProjectDocument, parent: QWidget | None = None) -> bool:
    """Ask which sources to analyse and apply the answer as one undoable edit; False when nothing changed."""
    dialog = DataChoiceDialog(document.project, parent)
    if not dialog.exec():
        return False
    analysed = dialog.analysed()
    if analysed == document.project.analysed:
        return False
    document.push(SetField((), "analysed", analysed, description="Choose the data to analyse"))
    return True
