"""Step 4's parameter panel in its narrow column (1366 px wide windows): a long label puts its field on the
next line instead of pushing the fields past the panel's edge, where their arrows were cut off."""

from __future__ import annotations

from usagelens.ui.analysis.param_panel import ParamPanelWidget
from usagelens.workspace.analyses import ANALYSES
from usagelens.workspace.analyses.spec import DataFacts


def test_every_field_fits_a_narrow_panel(qtbot) -> None:  # type: ignore[no-untyped-def]
    from usagelens.ui.application import create_application

    create_application()  # the app's style sheet: its paddings make the fields wider
    facts = DataFacts(events=("signup", "upgrade_plan"))
    for kind in ("experiment_plan", "before_after", "sessions"):
        panel = ParamPanelWidget(kind, ANALYSES[kind].params(facts))
        qtbot.addWidget(panel)
        panel.resize(max(300, panel.minimumSizeHint().width()), 600)
        panel.show()
        assert panel.minimumSizeHint().width() <= 310, kind
        for name, editor in panel.editors.items():
            assert editor.geometry().right() <= panel.width(), (kind, name)


def test_an_empty_measure_says_what_it_measures(qtbot) -> None:  # type: ignore[no-untyped-def]
    facts = DataFacts(events=("signup", "upgrade_plan"))
    for kind in ("anomalies", "before_after"):
        panel = ParamPanelWidget(kind, ANALYSES[kind].params(facts))
        qtbot.addWidget(panel)
        assert panel.editors["event"].currentText() == "Daily active users", kind  # not "(none)"


def test_funnel_step_pickers_show_whole_event_names_in_a_narrow_panel(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Beside the labels a step's picker, with its three buttons, was cut to "complete_tas" at 1366 px."""
    from usagelens.ui.application import create_application
    from usagelens.ui.qt import QComboBox

    create_application()
    facts = DataFacts(events=("signup", "complete_task", "view_dashboard"))
    panel = ParamPanelWidget("funnel", ANALYSES["funnel"].params(facts))
    qtbot.addWidget(panel)
    panel.resize(310, 600)
    panel.show()
    pickers = panel.editors["steps"].findChildren(QComboBox)
    assert pickers
    for box in pickers:
        name = "complete_task"
        assert box.width() >= box.fontMetrics().horizontalAdvance(name) + 40, box.width()
    assert panel.editors["steps"].accessibleName() == "Steps"
