"""A choice too long for its box ends with an ellipsis instead of being cut off at the edge (the funnel's
"In this order (others may happen between)" read "In this order (others may" at 1366x768)."""

from __future__ import annotations

from usagelens.ui.eliding_combo import ElidingComboBox
from usagelens.ui.qt import QStyle, QStyleOptionComboBox


def test_a_long_choice_is_elided_to_the_box_and_a_short_one_kept(qtbot) -> None:  # type: ignore[no-untyped-def]
    box = ElidingComboBox()
    qtbot.addWidget(box)
    box.addItems(["In this order (others may happen between)", "Any order"])
    box.setFixedWidth(186)
    box.show()
    qtbot.waitExposed(box)
    option = QStyleOptionComboBox()
    box.initStyleOption(option)
    field = box.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, box
    ).width()
    shown = box.shown_text(field)
    assert shown.endswith("…") and shown.startswith("In this order")
    assert box.fontMetrics().horizontalAdvance(shown) <= field
    box.grab()  # paints through the eliding path without error
    box.setCurrentIndex(1)
    assert box.shown_text(field) == "Any order"


def test_the_funnel_panel_choices_elide(qtbot) -> None:  # type: ignore[no-untyped-def]
    from usagelens.ui.analysis.param_panel import ParamPanelWidget
    from usagelens.workspace.analyses import ANALYSES
    from usagelens.workspace.analyses.spec import DataFacts

    panel = ParamPanelWidget("funnel", ANALYSES["funnel"].params(DataFacts(events=("signup", "upgrade_plan"))))
    qtbot.addWidget(panel)
    assert panel.findChildren(ElidingComboBox)
