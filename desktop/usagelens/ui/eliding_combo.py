"""A combo box that writes a choice too long for it with an ellipsis, rather than cutting it off mid-word."""

from __future__ import annotations

from usagelens.ui.qt import QComboBox, QPaintEvent, QStyle, QStyleOptionComboBox, QStylePainter, Qt


class ElidingComboBox(QComboBox):
    """Qt's styles clip a long current choice at the box's edge ("In this order (others may"): this one ends it
    with "…" so the reader sees there is more, which the open list shows whole."""

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
