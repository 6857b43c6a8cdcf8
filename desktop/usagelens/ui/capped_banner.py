"""A message strip of a few lines at most, whose rest scrolls.

Step 4's message above a result (how pain points are scored, what an experiment's test assumes, revenue's
currencies) took four to six lines at the window's minimum size and squeezed the charts under it: revenue's two
stacked charts overlapped. Here the strip is as tall as its text up to ``lines`` lines; a longer message scrolls
inside it, and its whole text is the strip's tooltip and what a screen reader reads.
"""

from __future__ import annotations

from typing import Any

from usagelens.ui.qt import QLabel, QRect, QScrollArea, QSizePolicy, Qt, QWidget

SHOWN_LINES = 3


class CappedBannerArea(QScrollArea):
    """Holds ``label``, a banner that :func:`pages.base.set_banner` fills and hides as any other: its text sets
    the strip's height, its visibility the strip's."""

    def __init__(self, kind: str = "info", lines: int = SHOWN_LINES, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines = lines
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setObjectName(f"banner_{kind}")  # the strip is tinted, its padding kept clear of the scrolling text
        self.label = _CappedLabel(self, kind)
        self.setWidget(self.label)
        self.setVisible(False)

    def fit(self) -> None:
        """As tall as the label's text at this width, up to ``lines`` lines (the rest scrolls)."""
        self.ensurePolished()  # the tint's padding and border, from the style sheet: the strip's margins
        margins = self.contentsMargins()
        label = self.label
        lines = label.fontMetrics().boundingRect(QRect(0, 0, 1000, 1000), Qt.TextFlag.TextWordWrap,
                                                 "\n".join("x" * self.lines))  # as the label measures its text
        needed = label.heightForWidth(self.width() - margins.left() - margins.right())
        self.setFixedHeight(min(needed, lines.height()) + margins.top() + margins.bottom())

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.fit()


class _CappedLabel(QLabel):
    """The banner inside the strip: a new text refits the strip, and showing or hiding it shows or hides the
    strip (``isVisible`` then says whether the message is on screen)."""

    def __init__(self, area: CappedBannerArea, kind: str) -> None:
        super().__init__()
        self.setObjectName(f"banner_{kind}")  # so that set_banner, which names a banner by its kind, leaves it be
        self.setStyleSheet("background: transparent; border: none; padding: 0px;")  # the strip has the tint
        self.setWordWrap(True)
        self._area = area

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setText(text)
        self.setToolTip(text)  # all of it, when the strip shows only its first lines
        self._area.fit()

    def setVisible(self, visible: bool) -> None:  # noqa: N802 - Qt's name
        super().setVisible(True)
        self._area.setVisible(visible)
