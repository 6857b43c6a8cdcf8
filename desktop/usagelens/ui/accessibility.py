"""Names for assistive technology, taken from the words the user already sees.

A screen reader announces a widget by its accessible name; an input with no name of its own is read as "combo
box" or "edit", whatever its label says. Qt finds a buddy label's text for some widgets on some platforms but
not for combo boxes on Linux (there the name is the current value), so the label's words are set as the name
explicitly, and the label is made the input's buddy (its mnemonic focuses the input). Names are given where
widgets are made, one by one: nothing here names a widget it was not handed, so a missing name stays missing
(tests/ui/test_focus_walk.py finds it).
"""

from __future__ import annotations

import re

from usagelens.ui.qt import QFormLayout, QLabel, Qt, QTextDocument, QWidget

_MNEMONIC = re.compile(r"&(.)")


def plain_label(text: str) -> str:
    """A label's words as a name: rich text and mnemonics (``&Save``) removed, no trailing colon or required
    star ("User id *" is announced as "User id"; the star is a visual cue)."""
    if "<" in text:
        document = QTextDocument()
        document.setHtml(text)
        text = document.toPlainText()
    text = _MNEMONIC.sub(r"\1", text)
    return " ".join(text.split()).rstrip(" :*")


def label_for(label: QLabel, widget: QWidget, *, description: str = "") -> QLabel:
    """Bind ``label`` to ``widget``: the label becomes its buddy and its words the widget's accessible name."""
    label.setBuddy(widget)
    widget.setAccessibleName(plain_label(label.text()))
    if description:
        widget.setAccessibleDescription(description)
    return label


def name_form_fields(form: QFormLayout) -> None:
    """Name every field of ``form`` after its row's label (``addRow(text, field)`` already made the label its
    buddy); a field added to a row without a label is left as it is."""
    for row in range(form.rowCount()):
        label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        if label is None or field is None:
            continue
        label_widget, field_widget = label.widget(), field.widget()
        if isinstance(label_widget, QLabel) and field_widget is not None:
            label_for(label_widget, field_widget)


def set_name(widget: QWidget, name: str, description: str = "") -> QWidget:
    """Name a widget that has no label on screen (a table under a heading, an icon-only button)."""
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)
    return widget


def tab_order(*widgets: QWidget) -> None:
    """Tab visits ``widgets`` one after the other, in reading order. Qt's default is the order the widgets were
    made in, which puts a filter box made after its table behind the table, or a panel built later at the end.

    While a container is being built it is a window of its own, and Qt will not move a widget behind the last
    one of a window's cyclic chain when it is the first (it counts it as following already); the ordered
    widgets would then keep their old order once the container is placed. A stand-in at the end of the chain
    takes that place while the order is set."""
    if len(widgets) < 2:
        return
    stand_in = QWidget(widgets[0].window())
    stand_in.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    try:
        for first, second in zip(widgets, widgets[1:], strict=False):
            QWidget.setTabOrder(first, second)
    finally:
        stand_in.setParent(None)
        stand_in.deleteLater()


def tab_stops(container: QWidget) -> list[QWidget]:
    """The widgets inside ``container`` that Tab stops at, in their window's present order (to move a panel of
    editors, made after its neighbours, to its place in the reading order with ``tab_order``)."""
    return [widget for widget in focus_chain(container.window())
            if container.isAncestorOf(widget) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus]


def focus_chain(window: QWidget) -> list[QWidget]:
    """The widgets after ``window`` in its focus chain, in order, less those that hand focus on to another (a
    spin box's line edit and a scroll area's viewport have the box or the area as their focus proxy).

    PySide makes a widget returned by a getter the child of the widget asked, for Python's garbage collector.
    Walking the chain links each widget's wrapper behind the one before it, in one ring through ``window``,
    which the app holds. Asking a line edit or a viewport for its focus proxy links the box or the area behind
    it instead: a ring of two (with what follows it in the chain) that nothing may hold. The collector frees
    such a ring and, as a wrapper freed that way deletes its widget, takes live widgets with it: a spin box out
    of its form, or a table's header, whose table then crashes at its next paint. So once the proxies are
    known, the chain is walked again, which links every wrapper behind the one before it again."""
    chain = _linked_focus_chain(window)
    handing_on = {id(widget) for widget in chain if widget.focusProxy() is not None}
    if handing_on:
        _linked_focus_chain(window)
    return [widget for widget in chain if id(widget) not in handing_on]


def _linked_focus_chain(window: QWidget) -> list[QWidget]:
    chain, widget = [], window.nextInFocusChain()
    while widget is not window:
        chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain
