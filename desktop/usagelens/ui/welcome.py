"""The welcome page: what a first run (or a return without a project) sees instead of an empty step 1.

An empty "Define objectives" page says nothing to someone who has not met the method yet, and someone coming
back wants last week's project one click away. So the window starts here: the demo, the recent projects with
when each was last changed, importing a first export, and the method in three lines.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from usagelens.charts.locale_text import date_text, time_format
from usagelens.ui.qt import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QLocale,
    QPushButton,
    Qt,
    QTime,
    QVBoxLayout,
    QWidget,
    Signal,
)

TOUR = (
    QT_TRANSLATE_NOOP("WelcomePage", "<b>1–2.</b> Say what you want to learn and which KPI shows it; import the "
                                     "exports of your analytics tool, CRM and surveys."),
    QT_TRANSLATE_NOOP("WelcomePage", "<b>3–4.</b> Clean them with a recipe you can replay on next month's export; "
                                     "analyse trends, funnels, retention, paths, segments and feedback."),
    QT_TRANSLATE_NOOP("WelcomePage", "<b>5–8.</b> Pin what you find, plan actions with owners and expected impact, "
                                     "mark what shipped, and review targets against actuals — then print the summary "
                                     "for your stakeholders."),
)


def recent_entry(path: str) -> tuple[str, str]:
    """(label, tooltip) of a recent project: its name, folder and when it was last changed (in the user's
    locale), or that it is gone."""
    file = Path(path)
    try:
        stamp = datetime.fromtimestamp(file.stat().st_mtime)
    except OSError:
        return QCoreApplication.translate("WelcomePage", "{name} — moved or deleted").format(name=file.stem), path
    clock = QLocale().toString(QTime(stamp.hour, stamp.minute), time_format(seconds=False))
    changed = f"{date_text(stamp.date())}, {clock}"
    return f"{file.stem}   ·   {changed}   ·   {file.parent}", path


class WelcomePage(QWidget):
    """Signals what the user chose; the window does it (opening a file, the demo, an import, a new project)."""

    open_demo = Signal()
    open_file = Signal()  # the Open dialog
    open_recent = Signal(str)
    new_project = Signal()
    import_file = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 36, 48, 36)
        outer.setSpacing(14)
        title = QLabel(self.tr("Welcome to UsageLens"))
        title.setObjectName("pageTitle")
        purpose = QLabel(self.tr("Understand how customers use your product: from the exports you already have to "
                                 "findings, an action plan and a summary for your stakeholders. Your data stays on "
                                 "this computer."))
        purpose.setObjectName("pagePurpose")
        purpose.setWordWrap(True)
        outer.addWidget(title)
        outer.addWidget(purpose)

        buttons = QHBoxLayout()
        self.demo_button = self._button(
            self.tr("Open the demo project"), self.open_demo, primary=True,
            tip=self.tr("A product with six months of events, customers, surveys and revenue, taken through all 8 "
                        "steps"))
        self.import_button = self._button(
            self.tr("Import a first export…"), self.import_file,
            tip=self.tr("CSV, Excel, JSON or Parquet from an analytics tool, CRM or survey"))
        self.open_button = self._button(self.tr("Open a project…"), self.open_file)
        self.new_button = self._button(self.tr("Start an empty project"), self.new_project)
        for button in (self.demo_button, self.import_button, self.open_button, self.new_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        outer.addLayout(buttons)

        recent_title = QLabel(self.tr("Recent projects"))
        recent_title.setObjectName("sectionTitle")
        self.recent = QListWidget()
        self.recent.setAccessibleName(self.tr("Recent projects"))
        self.recent.setMaximumHeight(220)
        self.recent.itemActivated.connect(lambda item: self.open_recent.emit(item.data(Qt.ItemDataRole.UserRole)))
        recent_title.setBuddy(self.recent)
        self.no_recent = QLabel(self.tr("No recent projects yet: the demo is a good place to start."))
        self.no_recent.setObjectName("hint")
        outer.addWidget(recent_title)
        outer.addWidget(self.recent)
        outer.addWidget(self.no_recent)

        tour_title = QLabel(self.tr("The method in three lines"))
        tour_title.setObjectName("sectionTitle")
        outer.addWidget(tour_title)
        for line in TOUR:
            label = QLabel(self.tr(line))
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            outer.addWidget(label)
        outer.addStretch(1)

    def _button(self, text: str, signal: Signal, *, primary: bool = False, tip: str = "") -> QPushButton:
        button = QPushButton(text)
        if primary:
            button.setObjectName("primary")
        button.setToolTip(tip)
        button.clicked.connect(signal.emit)
        return button

    def set_recent(self, paths: list[str]) -> None:
        """Show ``paths`` (most recent first); a file that is gone stays listed but cannot be opened."""
        self.recent.clear()
        for path in paths:
            label, tip = recent_entry(path)
            item = QListWidgetItem(label)
            item.setToolTip(tip)
            item.setData(Qt.ItemDataRole.UserRole, path)
            if not Path(path).exists():
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.recent.addItem(item)
        self.recent.setVisible(bool(paths))
        self.no_recent.setVisible(not paths)
