"""What step 4 shows of a linked warehouse source's cost and time (issue 15.3): how old the results on screen
are, with the way to query again, and the question asked before a BigQuery query scans more than the user
lets it without asking."""

from __future__ import annotations

from datetime import datetime

from usagelens.ui.accessibility import tab_order, tab_stops
from usagelens.ui.locale_numbers import as_of_text, size_text
from usagelens.ui.qt import QCheckBox, QCoreApplication, QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget, Signal
from usagelens.ui.settings import scan_question_above, set_scan_question_above

SCAN_CHECK_MARGIN = 16  # px between the scan question's check box text and the dialog's right edge


class KeptResultsWidget(QWidget):
    """"Results from <time>" and Refresh, shown while the analysis on screen came from a warehouse."""

    refresh_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setObjectName("hint")
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Ask the warehouse again: these results are kept in the project and "
                                               "shown without a query until you refresh them."))
        self.refresh_button.clicked.connect(self.refresh_requested)
        layout.addWidget(self.label)
        layout.addWidget(self.refresh_button)
        layout.addStretch(1)
        self.hide()

    def show_time(self, as_of: datetime | None) -> None:
        """Say when the results on screen were computed (hidden when none came from a warehouse)."""
        if as_of is None:
            self.hide()
            return
        self.label.setText(self.tr("Results from {time} —").format(time=as_of_text(as_of)))
        self.show()

    def show_not_run(self) -> None:
        """The user declined a run: Refresh asks again."""
        self.label.setText(self.tr("Not run —"))
        self.show()


def scan_question(size: int, parent: QWidget | None = None) -> QMessageBox:
    """The question before a first run whose BigQuery dry-run estimate is over the user's threshold, with the
    way to raise the threshold to this size."""
    title = QCoreApplication.translate("ScanQuestion", "Run in BigQuery?")
    text = QCoreApplication.translate("ScanQuestion", "This analysis will scan about {size} in BigQuery (its dry-run "
                                      "estimate for one read of the events), which BigQuery bills. Run it?")
    ticked = QCoreApplication.translate("ScanQuestion", "Run without asking when a query scans up to {size}")
    box = QMessageBox(QMessageBox.Icon.Question, title, text.format(size=size_text(size)),
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, parent)
    box.button(QMessageBox.StandardButton.Yes).setText(QCoreApplication.translate("ScanQuestion", "Run"))
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    # parented to the box: PySide does not pass ownership through setCheckBox, and a lone one is collected
    check = QCheckBox(ticked.format(size=size_text(size)), box)
    # QMessageBox keeps its label's right margin only for the label: the check box's text, often the widest
    # line, ran up to the edge
    check.setStyleSheet(f"margin-right: {SCAN_CHECK_MARGIN}px;")
    box.setCheckBox(check)
    buttons = [stop for stop in tab_stops(box) if isinstance(stop, QPushButton)]
    tab_order(box.checkBox(), *buttons)  # read above the buttons, but made after them
    return box


def confirm_scan(size: int, parent: QWidget | None = None) -> bool:
    """Ask :func:`scan_question`; a yes with the box ticked raises the threshold (the user's preference)."""
    box = scan_question(size, parent)
    run = box.exec() == QMessageBox.StandardButton.Yes
    if run and box.checkBox().isChecked():
        set_scan_question_above(max(size, scan_question_above()))
    return run
