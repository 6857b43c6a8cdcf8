"""A dialog's body scrolls when its screen is too short for it, and its button row stays in sight.

The dialog filter (dialog_fit.py) shrinks a dialog to its screen but never below its layout's least size: on a
1366×768 laptop at 125 % less a taskbar (574 px) the import dialog of a survey needed 562 px and Connect 554 px of
the 545 it may take, so OK and Cancel lay partly below the screen's edge. With its body in a :class:`DialogBody`
a dialog's least height is its button row and a few lines of body; on a roomy screen it opens as before.
"""

from __future__ import annotations

from usagelens.ui.page_scroll import PageContent, PageScrollArea
from usagelens.ui.qt import QSize, QVBoxLayout, QWidget

LEAST_BODY_HEIGHT = 160  # px of body a squeezed dialog still shows above its buttons


class DialogBody(PageScrollArea):
    """Holds a dialog's controls above its button row: as tall as they would like where there is room, and
    scrolling (never sideways: the body is never narrower than its controls) where there is not."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(PageContent(), parent)
        self.content_layout = QVBoxLayout(self.widget())
        self.content_layout.setContentsMargins(0, 0, 0, 0)  # the dialog's own margins surround the body

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """The body's preferred size, its wrapped text whole (a scroll area would offer at most 24 lines)."""
        content = self.widget()
        layout = content.layout()
        width = content.sizeHint().width()
        height = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else content.sizeHint().height()
        return QSize(width + self._bar_width(), height)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        least = self.widget().minimumSizeHint()
        return QSize(least.width() + self._bar_width(), min(least.height(), LEAST_BODY_HEIGHT))

    def _bar_width(self) -> int:
        """Room for the vertical scroll bar, so that when it shows the controls need not scroll sideways."""
        return self.verticalScrollBar().sizeHint().width()


def body_and_buttons(dialog: QWidget) -> tuple[QVBoxLayout, QVBoxLayout]:
    """Lay ``dialog`` out as a scrolling body over a button row: the layouts to fill, the body's and the
    dialog's own (for the button row, added last)."""
    layout = QVBoxLayout(dialog)
    body = DialogBody()
    layout.addWidget(body, 1)
    return body.content_layout, layout
