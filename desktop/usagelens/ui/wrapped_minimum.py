"""A widget whose least height counts its wrapped lines at the width it has.

A splitter (and a layout) asks a child for its minimum size without a width, and a layout answers with each
wrapped line of text or wrapped row of buttons counted once: at the window's minimum size step 4's header wrapped
its buttons onto a second row and its charts' titles onto two lines that no minimum counted, and the results
under them were squeezed (revenue's second chart over the first one's axis). Laid out at a width, this widget
asks its layout what it needs at least at that width, so a page too short for it scrolls (ui/page_scroll.py).
"""

from __future__ import annotations

from usagelens.ui.qt import QResizeEvent, QSize, QWidget


class WrapAwareWidget(QWidget):
    """Its minimum height is its layout's least height for its width, updated when the width changes."""

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().minimumSizeHint()
        layout = self.layout()
        if layout is not None and self.width() > 0 and layout.hasHeightForWidth():
            hint.setHeight(max(hint.height(), layout.totalMinimumHeightForWidth(self.width())))
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # its lines wrap anew: the least height changes with them
