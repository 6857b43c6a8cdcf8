"""Numbers typed in the user's locale: "32,5%" is 32.5 % in German, "1.500,5" in English is refused, not
read as 1.5005, and what a cell stores reads back in its editor the same way."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QLineEdit, QStyleOptionViewItem

from usagelens.cleaning import Param
from usagelens.model import Action, KpiBinding, Objective
from usagelens.model.commands import InsertItem
from usagelens.ui.entity_table import EntityListWidget
from usagelens.ui.locale_numbers import (
    NumberInputError,
    as_of_text,
    edit_text,
    in_locale,
    moment_text,
    parse_number,
    size_text,
)
from usagelens.ui.pages.actions import ActionsPage
from usagelens.ui.recipe_editor import TextField


@pytest.fixture
def locale() -> Iterator[callable]:  # type: ignore[valid-type]
    """Switch the default locale for one test and put the previous one back afterwards."""
    before = QLocale()
    yield lambda name: QLocale.setDefault(QLocale(name))
    QLocale.setDefault(before)


@pytest.mark.parametrize(("name", "text", "typed", "value"), [
    ("de_DE", "32,5%", 32.5, 0.325),
    ("de_DE", "32,5 %", 32.5, 0.325),
    ("de_DE", "1.500,5", 1500.5, 1500.5),
    ("de_DE", "0,125", 0.125, 0.125),
    ("de_DE", "-12.345.678,9", -12345678.9, -12345678.9),
    ("en_US", "1,500.5", 1500.5, 1500.5),
    ("en_US", "32.5%", 32.5, 0.325),
    ("en_US", "0.3", 0.3, 0.3),
])  # fmt: skip
def test_numbers_read_the_locale_s_way(locale, name: str, text: str, typed: float, value: float) -> None:  # type: ignore[no-untyped-def]
    locale(name)
    number = parse_number(text, percent=True)
    assert number is not None
    assert number.typed == pytest.approx(typed) and number.value == pytest.approx(value)
    assert number.percent == text.endswith("%")


@pytest.mark.parametrize(("name", "text", "message"), [
    ("en_US", "1.500,5", "“1.500,5” is not a number as written in English (United States): type it like 1,234.5"),
    ("en_US", "32,5%", "is not a number as written in English"),
    ("de_DE", "1,500.5", "type it like 1.234,5 (decimal separator “,”)"),
    ("de_DE", "0.3", "is not a number as written in German (Germany)"),
    ("de_DE", "1.500", "“1.500” could be read two ways: type 1500 or 1,5."),
    ("en_US", "1,500", "“1,500” could be read two ways: type 1500 or 1.5."),
    ("en_US", "0,125", "could be read two ways: type 125 or 0.125."),
    ("en_US", "inf", "not a number"),
    ("en_US", "about 5", "not a number"),
])  # fmt: skip
def test_unreadable_or_ambiguous_text_is_refused(locale, name: str, text: str, message: str) -> None:  # type: ignore[no-untyped-def]
    locale(name)
    with pytest.raises(NumberInputError) as refused:
        parse_number(text, percent=True)
    assert message in str(refused.value)


def test_percentages_only_where_they_are_meant(locale) -> None:  # type: ignore[no-untyped-def]
    locale("en_US")
    with pytest.raises(NumberInputError, match="a percentage does not fit here"):
        parse_number("30%")
    assert parse_number("  ") is None


def test_numbers_show_in_the_locale(locale) -> None:  # type: ignore[no-untyped-def]
    locale("de_DE")
    assert edit_text(1500.5) == "1500,5"  # no thousands separator: an editor's text is never read two ways
    assert in_locale("1,234.5") == "1.234,5" and in_locale("32.5%") == "32,5%"
    assert size_text(5 * 10**9) == "5,0 GB"  # BigQuery's estimate, as the scan question says it
    locale("en_US")
    assert size_text(5 * 10**9) == "5.0 GB"
    assert edit_text(0.1 + 0.2) == "0.30000000000000004"  # every digit, so it reads back exactly


def test_when_warehouse_results_were_computed_shows_in_the_locale(locale) -> None:  # type: ignore[no-untyped-def]
    computed = datetime(2026, 12, 6, 21, 5).astimezone()  # the reader's own time zone: shown as it is
    locale("de_DE")
    assert as_of_text(computed) == "06.12.2026 21:05"  # the core's "6 Dec 2026, 21:05" is the report's English
    locale("en_US")
    assert as_of_text(computed).startswith("12/6/2026 9:05")  # then "PM" after the space CLDR chooses


def test_a_moment_shows_to_the_second_in_the_locale(locale) -> None:  # type: ignore[no-untyped-def]
    """The People dialog's times: "10:00:00.123" read beside "10:00:00" in one column."""
    locale("de_DE")
    assert moment_text(datetime(2024, 3, 4, 10, 0, 0, 123000)) == "04.03.2024 10:00:00"
    assert moment_text(datetime(2024, 3, 4, 10, 0, 0)) == "04.03.2024 10:00:00"


def _objectives(window) -> tuple[EntityListWidget, Objective, int]:  # type: ignore[no-untyped-def]
    objective = Objective("Reminders", kpi="adoption", binding=KpiBinding("adoption", {"event": "x"}))
    window.document.push(InsertItem(("objectives",), objective))
    widget = window.pages[0].objectives
    column = next(n for n in range(widget.model.columnCount()) if widget.model.column_spec(n).field == "target")
    return widget, objective, column


def _type_into(widget: EntityListWidget, column: int, text: str | None = None) -> str:
    """Open the cell's editor as a double click does, type ``text`` (if given) and commit; the editor's text
    as it opened is returned."""
    view, index = widget.view, widget.model.index(0, column)
    delegate = view.itemDelegate()
    editor = delegate.createEditor(view.viewport(), QStyleOptionViewItem(), index)
    assert isinstance(editor, QLineEdit)
    delegate.setEditorData(editor, index)
    opened = editor.text()
    if text is not None:
        editor.setText(text)
    delegate.setModelData(editor, widget.model, index)
    return opened


def test_a_german_target_is_stored_shown_and_edited_back(qtbot, locale, window) -> None:  # type: ignore[no-untyped-def]
    locale("de_DE")
    widget, objective, column = _objectives(window)
    _type_into(widget, column, "32,5%")
    assert objective.target == pytest.approx(0.325)  # was 3.25 (325 %) when commas were stripped
    index = widget.model.index(0, column)
    assert widget.model.data(index, Qt.ItemDataRole.DisplayRole) == "32,5%"
    assert _type_into(widget, column) == "0,325"  # the editor opens on the stored value, in German
    assert objective.target == pytest.approx(0.325)  # and committing it unchanged changes nothing
    assert not widget.refusal.isVisibleTo(widget)


def test_text_the_locale_cannot_read_is_refused_with_a_message(qtbot, locale, window) -> None:  # type: ignore[no-untyped-def]
    locale("en_US")
    widget, objective, column = _objectives(window)
    _type_into(widget, column, "1,500.5")
    assert objective.target == 1500.5
    _type_into(widget, column, "1.500,5")
    assert objective.target == 1500.5  # kept, not 1.5005
    assert widget.refusal.isVisibleTo(widget)
    assert widget.refusal.text().startswith("Target: “1.500,5” is not a number as written in English")
    _type_into(widget, column, "25%")
    assert objective.target == 0.25 and not widget.refusal.isVisibleTo(widget)  # a good edit clears it
    assert widget.model.data(widget.model.index(0, column), Qt.ItemDataRole.DisplayRole) == "25.0%"


def test_action_numbers_in_german(qtbot, locale, window) -> None:  # type: ignore[no-untyped-def]
    locale("de_DE")
    page = next(p for p in window.pages if isinstance(p, ActionsPage))
    window.document.push(InsertItem(("actions",), Action("Reminders", reach=1000.0, impact=2.0, effort=4.0)))
    entities = page.entities
    fields = [entities.model.column_spec(n).field for n in range(entities.model.columnCount())]
    _type_into(entities, fields.index("confidence"), "80 %")
    _type_into(entities, fields.index("reach"), "1.500,5")
    action = window.document.project.actions[0]
    assert (action.confidence, action.reach) == (0.8, 1500.5)
    assert entities.model.data(entities.model.index(0, fields.index("rice")), Qt.ItemDataRole.DisplayRole) == "600"
    assert entities.model.data(entities.model.index(0, fields.index("reach")), Qt.ItemDataRole.DisplayRole) == "1.500,5"
    _type_into(entities, fields.index("effort"), "50%")
    assert action.effort == 4.0 and "a percentage does not fit here" in entities.refusal.text()


def test_a_cleaning_step_s_number_in_german(qtbot, locale) -> None:  # type: ignore[no-untyped-def]
    locale("de_DE")
    field = TextField(Param("length", "number"), QLineEdit())
    qtbot.addWidget(field.widget)
    for text, value in (("24", 24), ("12,5", 12.5), ("1.500", "1.500"), ("12.5", "12.5")):
        field.widget.setText(text)
        assert field.value() == value  # unreadable text stays text, and the step's check says so
