"""A parameter panel generated from an analysis' ``Param`` list: one editor per kind, no hand-written forms.

Values go in and out as the JSON-ready dicts the specs use (dates as ISO text), so what the panel shows
can be saved in the project and re-opened unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from usagelens.report.analyses import Param
from usagelens.ui.qt import (
    QComboBox,
    QDate,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    Qt,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
)

NONE_LABEL = "(none)"


def event_picker(param: Param, *, optional: bool) -> QComboBox:
    """An editable combo whose completer matches anywhere in the name: type "rem" to find set_reminder."""
    box = QComboBox()
    box.setEditable(True)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    box.setMinimumContentsLength(8)
    if optional:
        box.addItem(NONE_LABEL, "")
    for value, label in param.choices:
        box.addItem(label, value)
    box.completer().setFilterMode(Qt.MatchFlag.MatchContains)
    box.completer().setCompletionMode(box.completer().CompletionMode.PopupCompletion)
    return box


def _combo_value(box: QComboBox) -> str:
    index = box.findText(box.currentText())
    return str(box.itemData(index)) if index >= 0 else str(box.currentData() or "")


def _set_combo(box: QComboBox, value: Any) -> None:
    index = box.findData("" if value is None else value)
    box.setCurrentIndex(max(index, 0))


class EventStepsWidget(QWidget):
    """An ordered list of event pickers (funnel steps) with add and remove buttons."""

    changed = Signal()

    def __init__(self, param: Param, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._param = param
        self._rows: list[QComboBox] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(3)
        buttons = QHBoxLayout()
        self.add_button = QToolButton(text="+ Step")
        self.remove_button = QToolButton(text="− Step")
        self.add_button.clicked.connect(
            lambda: self._add(self._param.choices[0][0] if self._param.choices else "")
        )
        self.remove_button.clicked.connect(self._remove_last)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        self._layout.addLayout(buttons)

    def _add(self, value: str, *, notify: bool = True) -> None:
        box = event_picker(self._param, optional=False)
        _set_combo(box, value)
        box.currentIndexChanged.connect(self.changed)
        self._layout.insertWidget(len(self._rows), box)
        self._rows.append(box)
        self.remove_button.setEnabled(len(self._rows) > 2)
        if notify:
            self.changed.emit()

    def _remove_last(self) -> None:
        if len(self._rows) > 2:
            self._rows.pop().deleteLater()
            self.remove_button.setEnabled(len(self._rows) > 2)
            self.changed.emit()

    def value(self) -> list[str]:
        return [_combo_value(box) for box in self._rows]

    def set_value(self, values: Sequence[str]) -> None:
        while self._rows:
            self._rows.pop().deleteLater()
        for value in values:
            self._add(value, notify=False)


class ParamPanelWidget(QWidget):
    """The editors of one analysis, laid out as a compact form; ``changed`` fires on any edit."""

    changed = Signal()

    def __init__(self, kind: str, params: Sequence[Param], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.params = list(params)
        self._get: dict[str, Callable[[], Any]] = {}
        self._set: dict[str, Callable[[Any], None]] = {}
        self.editors: dict[str, QWidget] = {}
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for param in self.params:
            editor = self._editor(param)
            editor.setToolTip(param.help)
            self.editors[param.name] = editor
            form.addRow(param.label, editor)
            self._set[param.name](param.default)
        if not self.params:
            form.addRow(QLabel("Nothing to set: this analysis uses all the data."))

    def _editor(self, param: Param) -> QWidget:
        name = param.name
        if param.kind == "events":
            steps = EventStepsWidget(param)
            steps.changed.connect(self.changed)
            self._get[name], self._set[name] = steps.value, lambda v: steps.set_value(list(v or []))
            return steps
        if param.kind in ("event", "attribute", "choice"):
            box = event_picker(param, optional=param.optional) if param.kind == "event" else QComboBox()
            # Long choice labels must not widen the panel (and with it the window): they elide instead.
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(8)
            if param.kind != "event":
                if param.kind == "attribute" and param.optional:
                    box.addItem(NONE_LABEL, "")
                for value, label in param.choices:
                    box.addItem(label, value)
            box.currentIndexChanged.connect(self.changed)
            self._get[name], self._set[name] = lambda: _combo_value(box), lambda v: _set_combo(box, v)
            return box
        if param.kind == "date":
            edit = QDateEdit(calendarPopup=True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self.changed)
            self._get[name] = lambda: edit.date().toPython().isoformat()
            self._set[name] = lambda v: edit.setDate(
                QDate(date.fromisoformat(v)) if v else QDate.currentDate()
            )
            return edit
        if param.kind in ("int", "float"):
            spin = QSpinBox() if param.kind == "int" else QDoubleSpinBox()
            if isinstance(spin, QDoubleSpinBox):
                spin.setDecimals(2)
                spin.setSingleStep(0.05 if param.maximum <= 1 else 0.5)
            spin.setRange(param.minimum, param.maximum)  # type: ignore[arg-type]
            spin.setKeyboardTracking(False)  # typing "14" recomputes once, not for "1" and then "14"
            spin.valueChanged.connect(self.changed)
            self._get[name] = spin.value
            self._set[name] = lambda v: spin.setValue(v if v is not None else param.default)
            return spin
        line = QLineEdit()
        line.setPlaceholderText(param.help)
        line.editingFinished.connect(self.changed)
        self._get[name], self._set[name] = line.text, lambda v: line.setText(str(v or ""))
        return line

    def values(self) -> dict[str, Any]:
        return {name: get() for name, get in self._get.items()}

    def set_values(self, values: dict[str, Any], *, notify: bool = True) -> None:
        """Show ``values`` (a saved analysis); ``changed`` fires once at the end, not once per editor."""
        self.blockSignals(True)
        try:
            for name, value in values.items():
                if name in self._set:
                    self._set[name](value)
        finally:
            self.blockSignals(False)
        if notify:
            self.changed.emit()
