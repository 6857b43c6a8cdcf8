"""The step navigator: all 8 steps, always clickable, each marked done or needing attention."""

from __future__ import annotations

from usagelens.model import Project
from usagelens.model.steps import STEPS, step_states
from usagelens.ui.qt import QListWidget, QListWidgetItem, QSize, QWidget

DONE = "✓"
ATTENTION = "!"


class StepNavigator(QListWidget):
    """One row per step; the marks are recomputed from the project, never stored."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepNavigator")
        self.setAccessibleName("Steps of the method")
        self.setFixedWidth(240)
        self.setIconSize(QSize(0, 0))
        self.setSpacing(1)
        for step in STEPS:
            item = QListWidgetItem(f"{step.number}  {step.title}")
            item.setSizeHint(QSize(220, 44))
            item.setToolTip(step.purpose)
            self.addItem(item)
        self.setCurrentRow(0)

    def update_states(self, project: Project) -> None:
        for row, (step, state) in enumerate(zip(STEPS, step_states(project), strict=True)):
            item = self.item(row)
            mark = DONE if state.done and not state.attention else ATTENTION if state.attention else ""
            item.setText(f"{step.number}  {step.title}" + (f"   {mark}" if mark else ""))
            tip = step.purpose + (f"\n\nNeeds attention: {state.attention}" if state.attention else "")
            item.setToolTip(tip)
