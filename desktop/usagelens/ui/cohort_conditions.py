"""One condition of a cohort as a row of editors, read and written as the plain dict the project stores.

The row holds no rules of its own: ``condition()`` returns what the user typed, and the dialog checks it with
:func:`usagelens.analytics.cohort_rules.read_rules`, so the dialog, the analyses and the CLI share one message
per mistake.
"""

from __future__ import annotations

from typing import Any

from usagelens.analytics.cohort_rules import ATTRIBUTE_OPS
from usagelens.analytics.funnels import ORDERS
from usagelens.ui.accessibility import label_for, set_name, tab_order
from usagelens.ui.analysis.param_panel import STEP_BUTTON_SIZE
from usagelens.ui.eliding_combo import ElidingComboBox
from usagelens.ui.qt import (
    QT_TRANSLATE_NOOP,
    QComboBox,
    QCoreApplication,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QToolButton,
    QWidget,
    Signal,
)
from usagelens.ui.translations import translated
from usagelens.workspace.analyses import DataFacts

KIND_LABELS = {  # translated when shown
    "event_count": QT_TRANSLATE_NOOP("ConditionRowWidget", "Did an event"),
    "attribute": QT_TRANSLATE_NOOP("ConditionRowWidget", "Attribute"),
    "first_seen": QT_TRANSLATE_NOOP("ConditionRowWidget", "First seen"),
    "funnel": QT_TRANSLATE_NOOP("ConditionRowWidget", "Funnel step"),
    "users": QT_TRANSLATE_NOOP("ConditionRowWidget", "Listed users"),
}
ORDER_LABELS = {"sequential": QT_TRANSLATE_NOOP("ConditionRowWidget", "in this order"),
                "strict": QT_TRANSLATE_NOOP("ConditionRowWidget", "directly one after another"),
                "any": QT_TRANSLATE_NOOP("ConditionRowWidget", "in any order")}
MAX_COUNT = 1_000_000
LEAST_CHOICE = 8  # characters a row's choice keeps where the dialog is narrow (in German the event's row needed
# 771 px of the 724 a laptop leaves it, and the conditions scrolled sideways)


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.replace("\n", ",").split(",") if part.strip()]


def _date_edit(placeholder: str) -> QLineEdit:
    edit = QLineEdit(placeholderText=placeholder)
    edit.setToolTip(QCoreApplication.translate("ConditionRowWidget", "A day as YYYY-MM-DD (whole days, UTC); empty: "
                                                                     "from the start or to the end of the data"))
    edit.setMaximumWidth(120)
    return edit


def _giving_way(box: ElidingComboBox) -> ElidingComboBox:
    """``box`` narrowing to :data:`LEAST_CHOICE` characters where its row has no more room, its choice cut with
    "…" and whole in its tooltip."""
    box.give_way(LEAST_CHOICE)
    box.currentTextChanged.connect(box.setToolTip)
    return box


def _spin(minimum: int, maximum: int, value: int, special: str = "") -> QSpinBox:
    spin = QSpinBox(minimum=minimum, maximum=maximum, value=value)
    spin.setMaximumWidth(130)
    if special:
        spin.setSpecialValueText(special)
    return spin


class ConditionRowWidget(QFrame):
    """A condition's kind and the editors of that kind; ``remove_requested`` asks the dialog to drop the row."""

    remove_requested = Signal(object)

    def __init__(self, facts: DataFacts, condition: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conditionRow")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.facts = facts
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(6, 4, 6, 4)
        self.kind_box = _giving_way(ElidingComboBox())
        for kind, label in KIND_LABELS.items():
            self.kind_box.addItem(self.tr(label), kind)
        self.kind_box.setAccessibleName(self.tr("Condition kind"))
        self.remove_button = remove = QToolButton(text="×", toolTip=self.tr("Remove this condition"), autoRaise=True)
        remove.setObjectName("stepButton")  # the small borderless button of the funnel steps' editor
        remove.setFixedSize(STEP_BUTTON_SIZE, STEP_BUTTON_SIZE)
        remove.setAccessibleName(self.tr("Remove condition"))
        remove.clicked.connect(lambda: self.remove_requested.emit(self))
        self.grid.addWidget(self.kind_box, 0, 0)
        self.grid.addWidget(remove, 0, 9)
        self.grid.setColumnStretch(8, 1)
        self.editors: dict[str, Any] = {}
        self.set_condition(condition)
        self.kind_box.currentIndexChanged.connect(lambda _i: self._build(self.kind_box.currentData(), {}))

    def kind(self) -> str:
        return str(self.kind_box.currentData())

    def set_condition(self, condition: dict[str, Any]) -> None:
        kind = str(condition.get("kind") or "event_count")
        self.kind_box.blockSignals(True)
        self.kind_box.setCurrentIndex(max(self.kind_box.findData(kind), 0))
        self.kind_box.blockSignals(False)
        self.kind_box.setToolTip(self.kind_box.currentText())
        self._build(self.kind(), condition)

    def _events(self, current: str | None, *, none: str = "") -> QComboBox:
        box = _giving_way(ElidingComboBox())
        if none:
            box.addItem(none, "")
        for event in self.facts.events:
            box.addItem(event, event)
        if current and box.findData(current) < 0:
            box.addItem(self.tr("{event} (not in the data)").format(event=current), current)
        box.setCurrentIndex(max(box.findData(current or ""), 0))
        box.setToolTip(box.currentText())
        return box

    def _build(self, kind: str, values: dict[str, Any]) -> None:
        for editor in self.editors.values():
            self.grid.removeWidget(editor)
            editor.deleteLater()
        self.editors = {}
        place: list[tuple[QWidget, int, int, int]] = []  # widget, row, column, column span

        def add(name: str, widget: QWidget, row: int, column: int, span: int = 1, label: str = "",
                spoken: str = "") -> None:
            """Place ``widget`` with ``label`` on its left, or named ``spoken`` when its row says what it is."""
            if label:
                text = label_for(QLabel(label), widget)
                self.editors[f"_{name}"] = text
                place.append((text, row, column - 1, 1))
            else:
                set_name(widget, spoken)
            self.editors[name] = widget
            place.append((widget, row, column, span))

        if kind == "attribute":
            attribute = QComboBox(editable=True)
            attribute.addItems(list(self.facts.attributes))
            attribute.setCurrentText(str(values.get("attribute") or (self.facts.attributes or ("",))[0]))
            op = QComboBox()
            for key, label in ATTRIBUTE_OPS.items():
                op.addItem(translated(label), key)
            op.setCurrentIndex(max(op.findData(values.get("op") or "in"), 0))
            chosen = QLineEdit(", ".join(map(str, values.get("values") or [])))
            known = dict(self.facts.attribute_values).get(attribute.currentText(), ())
            examples = ", ".join(known[:3])
            chosen.setPlaceholderText(self.tr("values, comma-separated, e.g. {values}").format(values=examples)
                                      if known else self.tr("values, comma-separated"))
            add("attribute", attribute, 0, 1, spoken=self.tr("Attribute"))
            add("op", op, 0, 2, spoken=self.tr("Comparison"))
            add("values", chosen, 0, 3, 6, spoken=self.tr("Values"))
        elif kind == "event_count":
            add("event", self._events(values.get("event"), none=self.tr("(any event)")), 0, 1, spoken=self.tr("Event"))
            at_most = values.get("at_most")
            add("at_least", _spin(0, MAX_COUNT, int(values.get("at_least", 1))), 0, 3, label=self.tr("at least"))
            add("at_most", _spin(-1, MAX_COUNT, -1 if at_most is None else int(at_most), self.tr("no limit")), 0, 5,
                label=self.tr("at most"))
            add("start", _date_edit(self.tr("from")), 1, 1, label=self.tr("between"))
            add("end", _date_edit(self.tr("to")), 1, 3, label=self.tr("and"))
        elif kind == "first_seen":
            add("event", self._events(values.get("event"), none=self.tr("(any event)")), 0, 1,
                spoken=self.tr("First event"))
            add("start", _date_edit(self.tr("from")), 0, 3, label=self.tr("between"))
            add("end", _date_edit(self.tr("to")), 0, 5, label=self.tr("and"))
        elif kind == "funnel":
            steps = QLineEdit(", ".join(values.get("steps") or list(self.facts.journey)))
            steps.setPlaceholderText(self.tr("steps, comma-separated: signup, create_project, invite"))
            add("steps", steps, 0, 1, 8, spoken=self.tr("Funnel steps"))
            add("step", _spin(1, 50, int(values.get("step") or 1)), 1, 2, label=self.tr("reached step"))
            add("window_days", _spin(0, 3650, int(values.get("window_days") or 0), self.tr("no time limit")), 1, 4,
                label=self.tr("within days"))
            # as wide as the row leaves it ("directly one after another" made the conditions scroll sideways);
            # its list still shows each order in full
            order = _giving_way(ElidingComboBox())
            for key in ORDERS:
                order.addItem(self.tr(ORDER_LABELS[key]), key)
            order.setCurrentIndex(max(order.findData(values.get("order") or "sequential"), 0))
            order.setToolTip(order.currentText())
            add("order", order, 1, 5, 4, spoken=self.tr("Order of the steps"))
        else:
            ids = QPlainTextEdit("\n".join(values.get("user_ids") or []))
            ids.setPlaceholderText(self.tr("user ids, one per line"))
            ids.setMaximumHeight(80)
            ids.setTabChangesFocus(True)  # Tab goes on to the next condition, as in every other field
            add("user_ids", ids, 0, 1, 8, spoken=self.tr("User ids"))
        for name in ("start", "end"):
            if name in self.editors:
                self.editors[name].setText(str(values.get(name) or ""))
        for widget, row, column, span in place:
            self.grid.addWidget(widget, row, column, 1, span)
        # the editors, made after the remove button, in reading order between the kind and the remove button
        editors = [widget for widget, *_ in sorted(place, key=lambda p: p[1:3]) if not isinstance(widget, QLabel)]
        tab_order(self.kind_box, *editors, self.remove_button)

    def condition(self) -> dict[str, Any]:
        """The condition as the project stores it (unchecked: the dialog reads it with ``read_rules``)."""
        kind, e = self.kind(), self.editors
        if kind == "attribute":
            return {"kind": kind, "attribute": e["attribute"].currentText().strip(), "op": e["op"].currentData(),
                    "values": _split(e["values"].text())}
        dates = {name: e[name].text().strip() or None for name in ("start", "end") if name in e}
        if kind == "event_count":
            at_most = e["at_most"].value()
            return {"kind": kind, "event": e["event"].currentData() or None, "at_least": e["at_least"].value(),
                    "at_most": None if at_most < 0 else at_most, **dates}
        if kind == "first_seen":
            return {"kind": kind, "event": e["event"].currentData() or None, **dates}
        if kind == "funnel":
            return {"kind": kind, "steps": _split(e["steps"].text()), "step": e["step"].value(),
                    "window_days": e["window_days"].value(), "order": e["order"].currentData()}
        return {"kind": kind, "user_ids": _split(e["user_ids"].toPlainText())}
