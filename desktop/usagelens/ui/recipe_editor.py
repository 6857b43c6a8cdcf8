"""The editor of one cleaning step, generated from its kind's declared parameters.

``STEP_KINDS`` says what each step takes (a column, a list of columns, a mapping, a date …); this module
turns each ``Param`` into the matching input (column pickers list the columns that reach the step, dates get
a calendar, mappings are "old → new" lines), so a new step kind in ``cleaning`` needs no GUI code. Every
change is checked with the kind's own ``validate``, and OK stays disabled while the step could not run.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd

from usagelens.charts.locale_text import date_format
from usagelens.cleaning import STEP_KINDS, Param
from usagelens.cleaning.column_steps import conversion_loss
from usagelens.cleaning.steps import choice_word
from usagelens.model import RecipeStep
from usagelens.ui.accessibility import label_for
from usagelens.ui.locale_numbers import NumberInputError, in_locale, parse_number
from usagelens.ui.pages.base import banner, ok_cancel_buttons, set_banner
from usagelens.ui.qt import (
    QT_TRANSLATE_NOOP,
    QComboBox,
    QCoreApplication,
    QDate,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    Qt,
    QVBoxLayout,
    QWidget,
)
from usagelens.ui.translations import step_kind_title, translated

UNSET = "—"
# Labels and hints are marked for translation here and translated where the dialog shows them.
LABELS = {
    "columns": QT_TRANSLATE_NOOP("StepDialog", "Columns"), "column": QT_TRANSLATE_NOOP("StepDialog", "Column"),
    "keep": QT_TRANSLATE_NOOP("StepDialog", "Keep which copy"),
    "operator": QT_TRANSLATE_NOOP("StepDialog", "Condition"), "value": QT_TRANSLATE_NOOP("StepDialog", "Value"),
    "values": QT_TRANSLATE_NOOP("StepDialog", "Values (one per line)"),
    "start": QT_TRANSLATE_NOOP("StepDialog", "From"), "end": QT_TRANSLATE_NOOP("StepDialog", "To (inclusive)"),
    "method": QT_TRANSLATE_NOOP("StepDialog", "Missing values"),
    "mapping": QT_TRANSLATE_NOOP("StepDialog", "Old → new (one pair per line)"),
    "to": QT_TRANSLATE_NOOP("StepDialog", "New type"), "case": QT_TRANSLATE_NOOP("StepDialog", "Letter case"),
    "collapse_spaces": QT_TRANSLATE_NOOP("StepDialog", "Collapse repeated spaces"),
    "users": QT_TRANSLATE_NOOP("StepDialog", "User ids (one per line)"),
    "pattern": QT_TRANSLATE_NOOP("StepDialog", "Id or email pattern"),
    "domains": QT_TRANSLATE_NOOP("StepDialog", "Email domains (one per line)"),
    "email_column": QT_TRANSLATE_NOOP("StepDialog", "Email column"),
    "reason": QT_TRANSLATE_NOOP("StepDialog", "Reason (for the record)"),
    "length": QT_TRANSLATE_NOOP("StepDialog", "Pseudonym length"),
}
ROLE_DEFAULT = {"exclude_users": QT_TRANSLATE_NOOP("StepDialog", "— the user id column —"),
                "rename_events": QT_TRANSLATE_NOOP("StepDialog", "— the event column —")}
ROLE_OF = {"exclude_users": "user_id", "rename_events": "event"}  # the role a step falls back on
HINTS = {
    ("exclude_users", "pattern"): QT_TRANSLATE_NOOP("StepDialog", "Plain text matches anywhere (test finds "
                                                                  "qa-test-7); * and ? are wildcards."),
    ("pseudonymise", "length"): QT_TRANSLATE_NOOP("StepDialog", "Hex characters per pseudonym, 8–64 (default 16)."),
    ("remove_duplicates", "columns"): QT_TRANSLATE_NOOP("StepDialog", "None ticked: rows must repeat in every "
                                                                      "column."),
}

# parameters that only mean something for some values of another parameter
SHOWN_WHEN: dict[tuple[str, str], tuple[str, tuple[str | None, ...]]] = {
    ("filter_rows", "value"): ("operator", ("equals", "contains", "greater", "less")),
    ("filter_rows", "values"): ("operator", ("one_of", "not_one_of")),
    ("filter_rows", "start"): ("operator", ("date_range",)),
    ("filter_rows", "end"): ("operator", ("date_range",)),
    ("fill_missing", "value"): ("method", ("value", None)),
}
_ARROW = re.compile(r"\s*(?:→|->|=>|\t)\s*")
_NO_DATE = QDate(1900, 1, 1)


class ParamField:
    """One parameter's input: ``value()`` is what goes into ``RecipeStep.params`` (None = not given)."""

    def __init__(self, param: Param, widget: QWidget) -> None:
        self.param = param
        self.widget = widget

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def on_change(self, callback: Callable[[], None]) -> None:
        raise NotImplementedError


class ComboField(ParamField):
    """Column pickers, choices and yes/no: a combo whose first entry may mean "not given"."""

    def __init__(self, param: Param, options: Sequence[tuple[str, Any]], unset: str | None) -> None:
        super().__init__(param, QComboBox())
        self.combo: QComboBox = self.widget  # type: ignore[assignment]
        if unset is not None:
            self.combo.addItem(unset, None)
        for label, data in options:
            self.combo.addItem(label, data)

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        index = self.combo.findData(value)
        if index < 0 and value is not None:  # a column that no longer reaches this step: keep it visible
            self.combo.addItem(QCoreApplication.translate("StepDialog", "{column} (missing)").format(column=value),
                               value)
            index = self.combo.count() - 1
        self.combo.setCurrentIndex(max(index, 0))

    def on_change(self, callback: Callable[[], None]) -> None:
        self.combo.currentIndexChanged.connect(lambda *_: callback())


class ColumnsField(ParamField):
    """A list of columns to tick."""

    def __init__(self, param: Param, columns: Sequence[str]) -> None:
        super().__init__(param, QListWidget())
        self.list: QListWidget = self.widget  # type: ignore[assignment]
        self.list.setMaximumHeight(150)
        for column in columns:
            self._add(column)

    def _add(self, column: str) -> QListWidgetItem:
        item = QListWidgetItem(column, self.list)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        return item

    def value(self) -> Any:
        ticked = [self.list.item(i).text() for i in range(self.list.count())
                  if self.list.item(i).checkState() == Qt.CheckState.Checked]
        return ticked or None

    def set_value(self, value: Any) -> None:
        wanted = list(value or [])
        present = {self.list.item(i).text(): self.list.item(i) for i in range(self.list.count())}
        for column in wanted:
            (present.get(column) or self._add(column)).setCheckState(Qt.CheckState.Checked)

    def on_change(self, callback: Callable[[], None]) -> None:
        self.list.itemChanged.connect(lambda *_: callback())


class TextField(ParamField):
    """Text, a single value, or a number (kept as typed until it reads as one)."""

    def value(self) -> Any:
        text = self.widget.text().strip()  # type: ignore[attr-defined]
        if not text:
            return None
        if self.param.kind == "number":
            try:
                typed = parse_number(text)  # in the user's locale: "1.500" is not one and a half in German
            except NumberInputError:
                return text  # validation then says "should be a number"
            assert typed is not None  # the text is not blank
            return int(typed.value) if typed.value.is_integer() else typed.value
        return text

    def set_value(self, value: Any) -> None:
        self.widget.setText("" if value is None else str(value))  # type: ignore[attr-defined]

    def on_change(self, callback: Callable[[], None]) -> None:
        self.widget.textChanged.connect(lambda *_: callback())  # type: ignore[attr-defined]


class LinesField(ParamField):
    """Lists (one item per line) and mappings (one ``old → new`` pair per line)."""

    def __init__(self, param: Param) -> None:
        super().__init__(param, QPlainTextEdit())
        self.edit: QPlainTextEdit = self.widget  # type: ignore[assignment]
        self.edit.setMaximumHeight(110)
        self.edit.setTabChangesFocus(True)  # one item per line: Tab moves on to the next field
        if param.kind.endswith("_map"):
            self.edit.setPlaceholderText(QCoreApplication.translate("StepDialog", "old name → new name"))

    def value(self) -> Any:
        lines = [line.strip() for line in self.edit.toPlainText().splitlines() if line.strip()]
        if not lines:
            return None
        if not self.param.kind.endswith("_map"):
            return lines
        pairs = [_ARROW.split(line, maxsplit=1) for line in lines]
        return {pair[0]: (pair[1] if len(pair) > 1 else "") for pair in pairs}

    def set_value(self, value: Any) -> None:
        if isinstance(value, dict):
            self.edit.setPlainText("\n".join(f"{old} → {new}" for old, new in value.items()))
        else:
            self.edit.setPlainText("\n".join(str(v) for v in value or []))

    def on_change(self, callback: Callable[[], None]) -> None:
        self.edit.textChanged.connect(callback)


class DateField(ParamField):
    """A date with a calendar; the lowest date shows as "—" and means "not given"."""

    def __init__(self, param: Param) -> None:
        super().__init__(param, QDateEdit())
        self.edit: QDateEdit = self.widget  # type: ignore[assignment]
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat(date_format())
        self.edit.setMinimumDate(_NO_DATE)
        self.edit.setSpecialValueText(UNSET)
        self.edit.setDate(_NO_DATE)

    def value(self) -> Any:
        day = self.edit.date()
        return None if day == _NO_DATE else day.toString("yyyy-MM-dd")

    def set_value(self, value: Any) -> None:
        day = QDate.fromString(str(value)[:10], "yyyy-MM-dd") if value else _NO_DATE
        self.edit.setDate(day if day.isValid() else _NO_DATE)

    def on_change(self, callback: Callable[[], None]) -> None:
        self.edit.dateChanged.connect(lambda *_: callback())


def make_field(op: str, param: Param, columns: Sequence[str]) -> ParamField:
    """The input for ``param`` of step kind ``op`` on a table with ``columns``."""
    if param.kind == "column":
        unset = QT_TRANSLATE_NOOP("StepDialog", "— choose —") if param.required else ROLE_DEFAULT.get(
            op, QT_TRANSLATE_NOOP("StepDialog", "— none —"))
        return ComboField(param, [(c, c) for c in columns], QCoreApplication.translate("StepDialog", unset))
    if param.kind == "choice":
        words = [translated(choice_word(c)) for c in param.choices]
        return ComboField(param, list(zip(words, param.choices, strict=True)), None if param.required else UNSET)
    if param.kind == "flag":
        yes, no = QCoreApplication.translate("StepDialog", "yes"), QCoreApplication.translate("StepDialog", "no")
        return ComboField(param, [(yes, True), (no, False)], UNSET)
    if param.kind == "columns":
        return ColumnsField(param, columns)
    if param.kind == "date":
        return DateField(param)
    if param.kind in ("texts", "values", "column_map", "text_map"):
        return LinesField(param)
    return TextField(param, QLineEdit())


class StepDialog(QDialog):
    """Edit the parameters of one step; ``params()`` holds the result after ``accept``."""

    def __init__(self, step: RecipeStep, sample: pd.DataFrame, roles: dict[str, str] | None = None,
                 parent: QWidget | None = None) -> None:
        """``sample`` is the head of the table as it reaches this step: its columns fill the pickers and
        its commonest values are offered as hints for value lists."""
        super().__init__(parent)
        self.kind = STEP_KINDS[step.op]
        self.sample = sample
        self.roles = roles or {}
        self.columns = [str(c) for c in sample.columns]
        self._value_hints: dict[str, QLabel] = {}
        self.setWindowTitle(step_kind_title(self.kind))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.fields: dict[str, ParamField] = {}
        self._rows: dict[str, tuple[QLabel, QWidget]] = {}
        for param in self.kind.params:
            field = make_field(step.op, param, self.columns)
            field.set_value(step.params.get(param.name))
            field.on_change(self._update)
            name = self.tr(LABELS[param.name]) if param.name in LABELS else param.name.replace("_", " ").capitalize()
            label = QLabel(name + (" *" if param.required else ""))
            box = QWidget()
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 0, 0, 0)
            box_layout.addWidget(field.widget)
            fixed_hint = self.tr(HINTS[step.op, param.name]) if (step.op, param.name) in HINTS else None
            if fixed_hint or param.kind in ("values", "text_map"):
                note = QLabel(fixed_hint or "")
                note.setObjectName("hint")
                note.setWordWrap(True)
                box_layout.addWidget(note)
                if not fixed_hint:
                    self._value_hints[param.name] = note
            form.addRow(label, box)
            label_for(label, field.widget)  # the input itself, not the box that holds it and its hint
            self.fields[param.name] = field
            self._rows[param.name] = (label, box)
        layout.addLayout(form)
        self.problem = banner(kind="attention")
        layout.addWidget(self.problem)
        self.loss = banner(kind="attention")  # what a change of type would turn into blanks, before it is added
        layout.addWidget(self.loss)
        self.buttons = ok_cancel_buttons(self)
        layout.addWidget(self.buttons)
        self._update()

    def _common_values(self) -> str:
        """The commonest values of the step's column in the sample, to type value lists from."""
        picked = self.fields["column"].value() if "column" in self.fields else None
        column = picked or self.roles.get(ROLE_OF.get(self.kind.op, ""))
        if not column or column not in self.sample.columns:
            return ""
        top = self.sample[column].dropna().astype("str").value_counts().head(8).index
        return self.tr("Common in {column}: {values}").format(column=column, values=", ".join(top)) if len(top) else ""

    def _conversion_loss(self) -> str:
        """For a change of type: how many of the sample's values the new type cannot hold."""
        if self.kind.op != "change_type":
            return ""
        params = self.params()
        loss = conversion_loss(self.sample[params["column"]], params["to"])
        return self.tr("In the first {rows} rows, {loss}").format(rows=in_locale(f"{len(self.sample):,}"),
                                                                  loss=loss) if loss else ""

    def _shown(self, name: str) -> bool:
        rule = SHOWN_WHEN.get((self.kind.op, name))
        return rule is None or self.fields[rule[0]].value() in rule[1]

    def params(self) -> dict[str, Any]:
        """The given, visible parameters, ready to store in the step."""
        return {name: value for name, field in self.fields.items()
                if self._shown(name) and (value := field.value()) is not None}

    def _update(self) -> None:
        for name, (label, box) in self._rows.items():
            label.setVisible(self._shown(name))
            box.setVisible(self._shown(name))
        common = self._common_values()
        for note in self._value_hints.values():
            note.setText(common)
            note.setVisible(bool(common))
        problem = self.kind.validate(self.params(), self.columns)
        set_banner(self.problem, translated(problem) if problem else "", kind="attention")
        set_banner(self.loss, self._conversion_loss() if problem is None else "", kind="attention")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(problem is None)
        self.adjustSize()
