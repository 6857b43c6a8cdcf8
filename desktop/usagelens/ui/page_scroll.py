"""A step page's content scrolls up and down when the window is too short for it.

At the window's minimum size (1024×560) step 7 needed about 470 px of height for the 390 it had, and its layout
squeezed the actions table to its header and cut the impact chart; step 5's tables showed a row or two. Here the
page keeps what its content needs (tables a few rows, charts readable) and a vertical scroll bar appears instead;
at ordinary sizes the content fits and there is none. The focused control is scrolled into view, whether Tab,
a mnemonic or the code moved focus there (a click leaves the page where the user put it).
"""

from __future__ import annotations

from usagelens.ui.qt import QApplication, QScrollArea, Qt, QWidget

FOCUS_MARGIN = 12  # room kept around a focused control scrolled into view, so its focus ring shows


class PageContent(QWidget):
    """A page's content, which asks the scroll area for the height its layout needs at least at a width.

    A scroll area keeps a widget whose height depends on its width (wrapped text) at that widget's
    ``heightForWidth``, which a layout answers with its preferred height: every page with a paragraph scrolled
    at 1920×1080 to give each table the rows it would like. What the content cannot do without is its minimum.
    """

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        layout = self.layout()
        if layout is None or not layout.hasHeightForWidth():
            return super().heightForWidth(width)
        return layout.totalMinimumHeightForWidth(width)


class PageScrollArea(QScrollArea):
    """Holds a page's content at the viewport's width and at least its minimum height, scrolling vertically
    (sideways only when the content cannot be as narrow as the viewport)."""

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        # Content fits the width; a page still wider than the window (step 5 in German at 1024 px, whose texts
        # and buttons are longer) scrolls sideways rather than being cut off at the right.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no tab stop of its own: Tab goes to the page's controls
        self.setWidget(content)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Bring the newly focused control into sight (of a table, Qt shows its current cell: a tall table's top
        may stay out of sight); not when a click gave it focus, which would move the page under the mouse."""
        if (new is None or not self.isVisible() or QApplication.mouseButtons() != Qt.MouseButton.NoButton
                or not self.widget().isAncestorOf(new)):
            return
        self.ensureWidgetVisible(new, FOCUS_MARGIN, FOCUS_MARGIN)
