"""A header row that wraps: a lead (a title) on the left, then buttons flush right, onto further lines when the
row is too narrow for them all.

Step 4's header holds the analysis title and up to five buttons. At the window's minimum width (1024 px), or
with German labels, they do not fit on one line, and a ``QHBoxLayout`` then squeezed every button below its text
("n as findi" for "Pin as finding"). Here a button is never narrower than its size hint: the lead gives way down
to its minimum width, and the buttons that still do not fit go onto the next line.
"""

from __future__ import annotations

from usagelens.ui.qt import QLayout, QLayoutItem, QRect, QSize, Qt, QWidget

SPACING = 6  # between buttons and between lines, as a QHBoxLayout spaces them in our style


class WrappingBarLayout(QLayout):
    """The first item added leads: it starts the first line and takes that line's spare width (never less than
    its minimum). The others keep their size hints, in order; each line is flush right, and an item that does
    not fit starts a new line. Hidden widgets take no room unless their size policy retains it.

    Make it on its widget (``WrappingBarLayout(widget)``): made free and put into another layout later, PySide
    deleted the items it had been given, and the next layout pass crashed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setContentsMargins(0, 0, 0, 0)

    # --- QLayout's bookkeeping -------------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt's name
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's name
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's name
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt's name
        return Qt.Orientation(0)

    # --- sizes ---------------------------------------------------------------------------------------------
    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return self._arrange(QRect(0, 0, width, 0), place=False)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """Everything on one line."""
        shown = self._shown()
        width = sum(item.sizeHint().width() for item in shown) + SPACING * max(0, len(shown) - 1)
        height = max((item.sizeHint().height() for item in shown), default=0)
        return self._with_margins(QSize(width, height))

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt's name
        """As wide as the widest button (or the lead's minimum): narrower, a button would be cut."""
        width = max((self._width(item, lead=item is self._lead()) for item in self._shown()), default=0)
        height = max((item.sizeHint().height() for item in self._shown()), default=0)
        return self._with_margins(QSize(width, height))

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt's name
        super().setGeometry(rect)
        self._arrange(rect, place=True)

    # --- arranging -------------------------------------------------------------------------------------------
    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _lead(self) -> QLayoutItem | None:
        return self._items[0] if self._items and not self._items[0].isEmpty() else None

    @staticmethod
    def _width(item: QLayoutItem, *, lead: bool) -> int:
        return item.minimumSize().width() if lead else item.sizeHint().width()

    def _with_margins(self, size: QSize) -> QSize:
        margins = self.contentsMargins()
        return QSize(size.width() + margins.left() + margins.right(), size.height() + margins.top() + margins.bottom())

    def _lines(self, width: int) -> list[list[QLayoutItem]]:
        """The shown items in lines of at most ``width`` pixels (an item wider than that on a line of its own)."""
        lines: list[list[QLayoutItem]] = []
        used = 0
        lead = self._lead()
        for item in self._shown():
            needed = self._width(item, lead=item is lead)
            if lines and used + SPACING + needed <= width:
                lines[-1].append(item)
                used += SPACING + needed
            else:
                lines.append([item])
                used = needed
        return lines

    def _arrange(self, rect: QRect, *, place: bool) -> int:
        """Lay the items out in ``rect`` (only measured unless ``place``); returns the height they take."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        lead = self._lead()
        top = area.top()
        for line in self._lines(area.width()):
            height = max(item.sizeHint().height() for item in line)
            widths = [item.sizeHint().width() for item in line]
            spare = area.width() - sum(widths) - SPACING * (len(line) - 1)
            if line[0] is lead:  # the lead takes the spare width, or gives up its own down to its minimum
                widths[0] = max(self._width(lead, lead=True), widths[0] + spare)
                spare = 0
            left = area.left() + max(0, spare)  # flush right
            for item, width in zip(line, widths, strict=True):
                item_height = min(height, item.sizeHint().height()) if item is not lead else height
                if place:
                    item.setGeometry(QRect(left, top + (height - item_height) // 2, width, item_height))
                left += width + SPACING
            top += height + SPACING
        return max(0, top - SPACING - area.top()) + margins.top() + margins.bottom()
