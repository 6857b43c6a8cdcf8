"""A parameter panel generated from an analysis' ``Param`` list: one editor per kind, no hand-written forms.

Values go in and out as the JSON-ready dicts the specs use (dates as ISO text), so what the panel shows
can be saved in the project and re-opened unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from usagelens.charts.locale_text import date_format
from usagelens.model.translatable import Phrase
from usagelens.ui.accessibility import label_for, name_form_fields, tab_order
from usagelens.ui.eliding_combo import ElidingComboBox
from usagelens.ui.qt import (
    QT_TRANSLATE_NOOP,
    QComboBox,
    QCoreApplication,
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
from usagelens.ui.translations import translated
from usagelens.workspace.analyses import Param

NONE_LABEL = QT_TRANSLATE_NOOP("Analysis", "(none)")
FIRST_LABEL = QT_TRANSLATE_NOOP("Analysis", "(the first)")
STEP_BUTTON_SIZE = 22


def event_picker(param: Param, *, optional: bool) -> QComboBox:
    """An editable combo whose completer matches anywhere in the name: type "rem" to find set_reminder."""
    box = QComboBox()
    box.setEditable(True)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    box.setMinimumContentsLength(8)
    if optional:  # the empty choice says what it means where the parameter knows ("Daily active users")
        box.addItem(_translated(param.zero_text or NONE_LABEL), "")
    for value, label in param.choices:  # event names as they are; a marked choice ("All events") translated
        box.addItem(translated(label), value)
    box.completer().setFilterMode(Qt.MatchFlag.MatchContains)
    box.completer().setCompletionMode(box.completer().CompletionMode.PopupCompletion)
    return box


def _translated(text: str) -> str:
    """A parameter's label, help, unit or choice in the user's language (marked in ``workspace.analyses``, with
    values filled in where it names an event or a cohort)."""
    if isinstance(text, Phrase):
        return translated(text)
    return QCoreApplication.translate("Analysis", text) if text else text


def _combo_value(box: QComboBox) -> str:
    index = box.findText(box.currentText())
    return str(box.itemData(index)) if index >= 0 else str(box.currentData() or "")


def _set_combo(box: QComboBox, value: Any) -> None:
    index = box.findData("" if value is None else value)
    box.setCurrentIndex(max(index, 0))
    if box.isEditable():
        box.lineEdit().setCursorPosition(0)  # a narrow picker shows the start of a long event name


class EventStepsWidget(QWidget):
    """An ordered list of event pickers (funnel steps): add one at the end, move any up or down, remove any
    while at least two remain."""

    changed = Signal()

    def __init__(self, param: Param, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._param = param
        self._rows: list[QComboBox] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(3)
        self._steps = QVBoxLayout()
        self._steps.setSpacing(3)
        self._layout.addLayout(self._steps)
        buttons = QHBoxLayout()
        self.add_button = QToolButton(text=self.tr("+ Step"))
        self.add_button.setToolTip(self.tr("Add a step at the end"))
        self.add_button.setAccessibleName(self.tr("Add a step"))
        self.add_button.clicked.connect(
            lambda: self._add(self._param.choices[0][0] if self._param.choices else "")
        )
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        self._layout.addLayout(buttons)

    def _add(self, value: str, *, notify: bool = True) -> None:
        box = event_picker(self._param, optional=False)
        _set_combo(box, value)
        box.currentIndexChanged.connect(self.changed)
        self._rows.append(box)
        self._relayout()
        if notify:
            self.changed.emit()

    def move(self, index: int, offset: int) -> None:
        """Swap step ``index`` with its neighbour ``offset`` (−1 up, +1 down)."""
        other = index + offset
        if 0 <= index < len(self._rows) and 0 <= other < len(self._rows):
            self._rows[index], self._rows[other] = self._rows[other], self._rows[index]
            self._relayout()
            self.changed.emit()

    def remove(self, index: int) -> None:
        if len(self._rows) > 2 and 0 <= index < len(self._rows):
            self._rows.pop(index).deleteLater()
            self._relayout()
            self.changed.emit()

    def _relayout(self) -> None:
        """One row per step, in order: its picker and its ↑ ↓ × buttons (rebuilt, so they know their row)."""
        while self._steps.count():
            row = self._steps.takeAt(0).widget()
            if row is not None:
                for box in row.findChildren(QComboBox):
                    box.setParent(self)  # keep the picker; its row is replaced
                row.deleteLater()
        last = len(self._rows) - 1
        reading_order: list[QWidget] = []
        for index, box in enumerate(self._rows):
            box.setAccessibleName(self.tr("Step {number}").format(number=index + 1))
            row = QWidget(self)
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            line.setSpacing(2)
            line.addWidget(box, 1)
            reading_order.append(box)
            for text, tip, name, enabled, action in (
                ("↑", self.tr("Move this step up"), self.tr("Move up step {number}"), index > 0,
                 lambda _c=False, i=index: self.move(i, -1)),
                ("↓", self.tr("Move this step down"), self.tr("Move down step {number}"), index < last,
                 lambda _c=False, i=index: self.move(i, 1)),
                ("×", self.tr("Remove this step"), self.tr("Remove step {number}"), last >= 2,
                 lambda _c=False, i=index: self.remove(i)),
            ):
                button = QToolButton(text=text, toolTip=tip, enabled=enabled, autoRaise=True)
                button.setAccessibleName(name.format(number=index + 1))  # an arrow says nothing when read out
                button.setObjectName("stepButton")
                button.setFixedSize(STEP_BUTTON_SIZE, STEP_BUTTON_SIZE)
                button.clicked.connect(action)
                line.addWidget(button)
                reading_order.append(button)
            self._steps.addWidget(row)
        # Rows are rebuilt around kept pickers: Tab reads each step's picker and its buttons, then "+ Step".
        tab_order(*reading_order, self.add_button)

    def value(self) -> list[str]:
        return [_combo_value(box) for box in self._rows]

    def set_value(self, values: Sequence[str]) -> None:
        while self._rows:
            self._rows.pop().deleteLater()
        for value in values:
            self._add(value, notify=False)
        self._relayout()


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
        self._dependants: list[tuple[str, Callable[[str], None]]] = []  # (parameter it follows, refill)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # A long label ("Smallest change worth finding") puts its field on the next line rather than pushing the
        # fields past the panel's right edge, where the page's narrow column cut off their arrows.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for param in self.params:
            editor = self._editor(param)
            self.editors[param.name] = editor
            label = QLabel(_translated(param.label))
            if isinstance(editor, EventStepsWidget):
                # A list of pickers with three buttons each: under its label, across the whole column, where
                # beside the labels the narrow column of a 1366 px window cut the events off ("complete_tas").
                form.addRow(label)
                form.addRow(editor)
                label_for(label, editor)
            else:
                form.addRow(label, editor)
            for widget in (editor, label):  # hovering the label explains it too
                widget.setToolTip(_translated(param.help))
            self._set[param.name](param.default)
        for param in self.params:
            if param.enabled_for and param.depends_on in self.editors:
                editor = self.editors[param.name]
                self._dependants.append(
                    (param.depends_on, lambda value, e=editor, p=param: e.setEnabled(value in p.enabled_for))
                )
        for source, refill in self._dependants:
            if source in self.editors:
                get = self._get[source]
                refill(get())
                self.editors[source].currentIndexChanged.connect(lambda _i, r=refill, g=get: r(g()))
        name_form_fields(form)
        if not self.params:
            form.addRow(QLabel(self.tr("Nothing to set: this analysis uses all the data.")))

    def _editor(self, param: Param) -> QWidget:
        name = param.name
        if param.kind == "events":
            steps = EventStepsWidget(param)
            steps.changed.connect(self.changed)
            self._get[name], self._set[name] = steps.value, lambda v: steps.set_value(list(v or []))
            return steps
        if param.kind in ("event", "attribute", "choice"):
            box = event_picker(param, optional=param.optional) if param.kind == "event" else ElidingComboBox()
            # Long choice labels must not widen the panel (and with it the window): they elide instead.
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(8)
            if param.kind != "event":
                if param.kind == "attribute" and param.optional:
                    box.addItem(_translated(NONE_LABEL), "")
                for value, label in param.choices:  # an attribute's values are data, a choice's labels words
                    box.addItem(_translated(label) if param.kind == "choice" else label, value)
            box.currentIndexChanged.connect(self.changed)
            self._get[name], self._set[name] = lambda: _combo_value(box), lambda v: _set_combo(box, v)
            return box
        if param.kind == "value_of":
            return self._value_picker(param)
        if param.kind == "date":
            edit = QDateEdit(calendarPopup=True)
            edit.setDisplayFormat(date_format())
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
            if param.unit:
                spin.setSuffix(f" {_translated(param.unit)}")
            if param.zero_text and param.minimum == 0:
                spin.setSpecialValueText(_translated(param.zero_text))  # shown at the minimum, 0, instead of "0 days"
            spin.setKeyboardTracking(False)  # typing "14" recomputes once, not for "1" and then "14"
            spin.valueChanged.connect(self.changed)
            self._get[name] = spin.value
            self._set[name] = lambda v: spin.setValue(v if v is not None else param.default)
            return spin
        line = QLineEdit()
        line.setPlaceholderText(_translated(param.help))
        line.editingFinished.connect(self.changed)

        def set_text(value: Any) -> None:
            line.setText(str(value or ""))
            line.setCursorPosition(0)  # a narrow field shows the start of a list ("plan, country, …"), not its end

        self._get[name], self._set[name] = line.text, set_text
        return line

    def _value_picker(self, param: Param) -> QComboBox:
        """The values of the attribute another parameter picks (an experiment's control variant), offered
        again whenever that attribute changes; the chosen value stays if the new attribute has it."""
        box = ElidingComboBox()
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(8)
        values = dict(param.choices_by)

        def refill(attribute: str) -> None:
            kept = _combo_value(box)
            box.blockSignals(True)
            box.clear()
            box.addItem(_translated(FIRST_LABEL), "")
            for value in values.get(attribute, ()):
                box.addItem(value, value)
            _set_combo(box, kept)
            box.blockSignals(False)

        refill("")
        self._dependants.append((param.depends_on, refill))
        box.currentIndexChanged.connect(self.changed)
        self._get[param.name], self._set[param.name] = lambda: _combo_value(box), lambda v: _set_combo(box, v)
        return box

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
