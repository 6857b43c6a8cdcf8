"""The step navigator: all 8 steps, always clickable, each marked done or needing attention."""

from __future__ import annotations

from usagelens.model import Project
from usagelens.model.steps import STEPS, step_states
from usagelens.ui.qt import QListWidget, QListWidgetItem, QSize, QWidget
from usagelens.ui.translations import attention_text, step_purpose, step_title

DONE = "✓"
ATTENTION = "!"


class StepNavigator(QListWidget):
    """One row per step; the marks are recomputed from the project, never stored."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepNavigator")
        self.setAccessibleName(self.tr("Steps of the method"))
        self.setFixedWidth(240)
        self.setIconSize(QSize(0, 0))
        self.setSpacing(1)
        for step in STEPS:
            item = QListWidgetItem(f"{step.number}  {step_title(step)}")
            item.setSizeHint(QSize(220, 44))
            item.setToolTip(step_purpose(step))
            self.addItem(item)
        self.setCurrentRow(0)

    def update_states(self, project: Project) -> None:
        for row, (step, state) in enumerate(zip(STEPS, step_states(project), strict=True)):
            item = self.item(row)
            reason = attention_text(state)
            mark = DONE if state.done and not reason else ATTENTION if reason else ""
            item.setText(f"{step.number}  {step_title(step)}" + (f"   {mark}" if mark else ""))
            attention = self.tr("Needs attention: {reason}").format(reason=reason)
            tip = step_purpose(step) + (f"\n\n{attention}" if reason else "")
            item.setToolTip(tip)
