"""Walking a window with Tab as a keyboard user does: the checks the page walks (test_focus_walk.py) and the
dialog walks (test_dialog_focus_walk.py) share.

The walks press Tab (and Shift+Tab) the way a user does, from the first stop of the window until focus comes
back to it: a grid that keeps Tab for its cells, or a text box that types a tab character, holds focus and
fails the walk. Stops that take several presses by design are followed, not flagged: a date edit's day, month
and year, and a help page's links. A stop is named by its accessible name or by text of its own (a button's
caption, a tab bar's tabs); a placeholder or a combo box's current value is no name.
"""

from __future__ import annotations

import re

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QDateTimeEdit, QRadioButton, QTabBar

from usagelens.ui.accessibility import focus_chain
from usagelens.ui.qt import QApplication, Qt, QTextBrowser, QWidget

WORD = re.compile(r"\w")  # an arrow or a "×" alone is read out as a symbol, not as what the button does


def describe(widget: QWidget) -> str:
    parent = widget.parentWidget()
    where = f" in {type(parent).__name__}" if parent is not None else ""
    return f"{type(widget).__name__} {widget.objectName()!r} {spoken_name(widget)!r}{where}"


def spoken_name(widget: QWidget) -> str:
    """What a screen reader calls ``widget``: its accessible name, else text of its own."""
    if widget.accessibleName():
        return widget.accessibleName()
    if isinstance(widget, QAbstractButton):
        return widget.text().replace("&", "")
    if isinstance(widget, QTabBar):
        tabs = [widget.tabText(n) for n in range(widget.count())]
        return " / ".join(tabs) if all(tabs) else ""
    return ""


def is_named(widget: QWidget) -> bool:
    return bool(WORD.search(spoken_name(widget)))


def expected_stops(window: QWidget) -> list[QWidget]:
    """The visible, enabled widgets of ``window`` that take focus by Tab, in focus-chain order."""
    return [widget for widget in focus_chain(window)
            if widget.window() is window and widget.isVisible() and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus]


def reached(widget: QWidget, visited: list[QWidget]) -> bool:
    """Whether a walk that went through ``visited`` reached ``widget``. An exclusive group of radio buttons is
    one stop, as Qt makes it: Tab stops at one of them and the arrow keys move (and check) within the group."""
    return widget in visited or any(radio in visited for radio in radio_group(widget))


def radio_group(widget: QWidget) -> list[QWidget]:
    """The radio buttons Tab treats as one stop with ``widget`` (none when it is no exclusive radio button)."""
    if not isinstance(widget, QRadioButton) or not widget.autoExclusive():
        return []
    group = widget.group()
    if group is not None:
        return list(group.buttons())
    return [button for button in widget.parentWidget().findChildren(
        QRadioButton, options=Qt.FindChildOption.FindDirectChildrenOnly) if button.autoExclusive()]


def position(widget: QWidget) -> object:
    """Where inside a stop that takes several Tab presses focus is; None for every other stop."""
    if isinstance(widget, QDateTimeEdit):
        return widget.currentSectionIndex()
    if isinstance(widget, QTextBrowser):
        cursor = widget.textCursor()
        return cursor.selectionStart(), cursor.selectionEnd()
    return None


def walk(window: QWidget, *, backwards: bool = False) -> list[QWidget]:
    """Press Tab (Shift+Tab) from the window's first stop until focus is back there; the stops visited, in
    order. Fails when a press leaves focus where it was (caught in a grid or a text box) or never returns."""
    stops = expected_stops(window)
    assert stops, f"nothing in {window.windowTitle()!r} takes focus"
    first = stops[0]
    first.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    assert window.focusWidget() is first, f"{describe(first)} does not take focus"
    start = (first, position(first))
    visited, seen = [first], {start}
    key = Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab
    for _ in range(4 * len(stops) + 60):
        QTest.keyClick(window.focusWidget(), key)
        QApplication.processEvents()
        now = window.focusWidget()
        state = (now, position(now))
        if now is first and (len(visited) > 1 or state == start):  # a first stop of several presses: gone through
            return visited
        assert state not in seen, f"{'Shift+' if backwards else ''}Tab is caught in {describe(now)}"
        seen.add(state)
        if now not in visited:
            visited.append(now)
    raise AssertionError(f"Tab never came back to {describe(first)}; it went through "
                         + ", ".join(describe(w) for w in visited))


def check_surface(window: QWidget, label: str) -> list[str]:
    """Walk ``window`` both ways; what is wrong with its keyboard and screen-reader use, one line each."""
    problems = []
    stops = expected_stops(window)
    forwards = walk(window)
    problems += [f"{label}: Tab never reaches {describe(w)}" for w in stops if not reached(w, forwards)]
    problems += [f"{label}: {describe(w)} has no accessible name" for w in forwards if not is_named(w)]
    backwards = walk(window, backwards=True)
    problems += [f"{label}: Shift+Tab never reaches {describe(w)}" for w in stops if not reached(w, backwards)]
    return problems
