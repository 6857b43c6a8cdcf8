"""A table or list never shorter than its header and a few rows.

Laid out in a short window, a page squeezed its tables to what Qt's views ask at least (their scroll bars): step
7's actions table showed its header alone at 1024×560, step 5's tables a row each. A view given its rows here
makes its page scroll instead (ui/page_scroll.py).
"""

from __future__ import annotations

from usagelens.ui.qt import QAbstractItemView, Qt, QTableView

SHOWN_ROWS = 3  # enough to see what a list holds and that it goes on


def keep_rows(view: QAbstractItemView, rows: int = SHOWN_ROWS) -> None:
    """Give ``view`` the minimum height of ``rows`` rows of its usual height, its header and a horizontal scroll
    bar (a table shows one on a narrow window); again whenever its header changes height (a result's column
    names on two lines)."""
    first = view.property("shownRows") is None
    view.setProperty("shownRows", rows)  # a page may ask fewer rows of a list the window has little room for
    view.setMinimumHeight(_rows_height(view, rows))
    if first and isinstance(view, QTableView):
        view.horizontalHeader().geometriesChanged.connect(
            lambda: view.setMinimumHeight(_rows_height(view, int(view.property("shownRows")))))


def _rows_height(view: QAbstractItemView, rows: int) -> int:
    view.ensurePolished()
    height = 2 * view.frameWidth()
    if isinstance(view, QTableView):
        header = view.horizontalHeader()
        header.ensurePolished()
        height += header.sizeHint().height() if not header.isHidden() else 0
        row = view.verticalHeader().defaultSectionSize()
    else:
        row = view.fontMetrics().lineSpacing() + 8  # an item's text and its padding
    bar = view.horizontalScrollBar()
    bar.ensurePolished()
    if view.horizontalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
        height += bar.sizeHint().height()
    return height + rows * row
