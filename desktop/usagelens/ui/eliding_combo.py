"""A combo box that writes a choice too long for it with an ellipsis, rather than cutting it off mid-word."""

from __future__ import annotations

from usagelens.ui.qt import QComboBox, QPaintEvent, QSize, QStyle, QStyleOptionComboBox, QStylePainter, Qt


class ElidingComboBox(QComboBox):
    """Qt's styles clip a long current choice at the box's edge ("In this order (others may"): this one ends it
    with "…" so the reader sees there is more, which the open list shows whole."""

    _least_chars: int | None = None  # see give_way

    def give_way(self, chars: int) -> None:
        """Let the box narrow down to about ``chars`` characters where its row has no more room, its choice cut
        with "…"; where there is room it keeps its size hint (its longest choice with AdjustToContents)."""
        self._least_chars = chars
        self.updateGeometry()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        hint = super().minimumSizeHint()
        if self._least_chars is None:
            return hint
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        text = QSize(self.fontMetrics().averageCharWidth() * self._least_chars, self.fontMetrics().height())
        least = self.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, text, self)
        return QSize(min(hint.width(), least.width()), hint.height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, self
        )
        option.currentText = self.shown_text(field.width())
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)

    def shown_text(self, width: int) -> str:
        """The current choice as it fits ``width`` pixels of the box's font."""
        return self.fontMetrics().elidedText(self.currentText(), Qt.TextElideMode.ElideRight, width)
