"""The users behind a row of step 4's result table: the row's menu and the Users… button offer "Show these
users (N)…", which lists them (attributes, filter, export, Save as cohort…); double-clicking one shows their
timeline. Listing runs :mod:`usagelens.workspace.people` on a worker (a funnel over a big log takes seconds); on a
linked warehouse it asks as the analysis does (:func:`~usagelens.ui.kept_asking.run_kept`: BigQuery's estimate
first, the results kept in the project, none older than the analysis on screen)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from usagelens.analytics import AnalysisError
from usagelens.model.commands import InsertItem
from usagelens.model.translatable import Sentence, said
from usagelens.ui.accessibility import set_name
from usagelens.ui.data_table import DataTableWidget
from usagelens.ui.kept_asking import not_run_text, run_kept
from usagelens.ui.locale_numbers import in_locale, moment_text
from usagelens.ui.pages.base import banner, set_banner
from usagelens.ui.qt import (
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QModelIndex,
    QObject,
    QPainter,
    QPalette,
    QPushButton,
    QStyledItemDelegate,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from usagelens.ui.translations import counted, translated
from usagelens.workspace.kept_runs import KeptRun
from usagelens.workspace.people import (
    GROUP_KINDS,
    PEOPLE_LABELS,
    TIMELINE_KIND_WORDS,
    TIMELINE_LABELS,
    NotUsers,
    People,
    groups_at_point,
    listed_cohort,
    row_at_point,
    row_groups,
    user_timeline,
    users_behind,
)

if TYPE_CHECKING:
    from usagelens.ui.analysis.chart_view import ChartPoint
    from usagelens.ui.pages.analyse import AnalysePage


class PeopleActions(QObject):
    """Step 4's way to the people behind a result row; ``people_shown`` and ``timeline_shown`` carry the dialog
    opened (tests wait on them)."""

    people_shown = Signal(object)
    timeline_shown = Signal(object)

    def __init__(self, page: AnalysePage) -> None:
        super().__init__(page)
        self.page = page
        self.button = QToolButton(text=self.tr("Users…"))
        self.button.setToolTip(self.tr("The users behind the selected row of the table: list them, export them, "
                                       "save them as a cohort, see what each one did"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.button)
        menu.aboutToShow.connect(lambda: self._fill_button_menu(menu))
        self.button.setMenu(menu)
        self.dialogs: list[QDialog] = []  # kept open beside the page (window-modal dialogs would hide the chart)

    def show_for(self, kind: str) -> None:
        self.button.setVisible(kind in GROUP_KINDS)

    def _fill_button_menu(self, menu: QMenu) -> None:
        menu.clear()
        table = self.page.table
        index = table.view.currentIndex()
        if not index.isValid() or table.model is not table.frame_model:
            menu.addAction(self.tr("Select a row of the table first")).setEnabled(False)
            return
        self.add_row_actions(menu, table.frame_model.source_row(index.row()))

    def add_row_actions(self, menu: QMenu, row: int, only: tuple[str, ...] | None = None) -> None:
        """Add "Show these users (N)…" for each group of users row ``row`` of the result stands for (or those
        of ``only``), or why there are none, to ``menu``."""
        result = self.page.result
        if result is None or result.empty or row >= len(result.table):
            return
        try:
            groups = row_groups(result.kind, result.params, result.table, row)
        except NotUsers as exc:
            menu.addAction(translated(exc.args[0]) if exc.args else str(exc)).setEnabled(False)
            return
        for group in (g for g in groups if only is None or g.key in only):
            text = self.tr("Show these users ({count}): {group}…").format(
                count=in_locale(f"{group.count:,}"), group=_within_sentence(group.label))
            menu.addAction(text, lambda g=group.key: self.show_users(row, g)).setEnabled(group.count > 0)

    def add_point_actions(self, menu: QMenu, point: ChartPoint) -> None:
        """Add "Show these users (N)…" for the row of the result a chart's point draws (nothing for a point
        that sums several rows)."""
        result = self.page.result
        if result is None or result.empty:
            return
        row = row_at_point(result.kind, result.table, point.chart, point.series, point.index)
        if row is not None:
            self.add_row_actions(menu, row, groups_at_point(result.kind, point.series))

    def show_users(self, row: int, group: str) -> None:
        """List the users of ``group`` behind ``row`` on a worker, then open their dialog."""
        result, inputs = self.page.result, self.page.inputs
        if result is None or inputs is None:
            return
        kind, params, values = result.kind, dict(result.params), result.table.iloc[row]

        def work(*, progress: Any, cancelled: Any) -> People | str:
            progress(0.1)
            try:
                return users_behind(kind, inputs, params, values, group)
            except (AnalysisError, LookupError) as exc:  # the data changed since: said as the analyses say it
                return translated(Sentence(said(exc)))

        self._run_kept("people", self.tr("Listing the users"), work, self._on_people,
                       self.tr("Show these users… asks again"))

    def _run_kept(self, key: str, label: str, work: Any, done: Any, again: str) -> None:
        """Run ``work`` as the page's analysis ran: a linked warehouse's queries answered from the results kept
        in the project (none older than those on screen), asked about first where BigQuery's estimate is over
        the user's threshold (declined: the page says so, and ``again``), and new ones worth saving."""
        def kept(value: Any, run: KeptRun) -> None:
            if run.sent:
                self.page.document.keep_unsaved()
            done(value)

        def declined(size: int) -> None:  # nothing was sent: said as the other pages say it
            set_banner(self.page.message, not_run_text(size, again), kind="attention")

        run_kept(self.page.runner, key, label, work, kept, self._on_error, self.page, declined,
                 since=self.page._as_of)

    def _on_people(self, people: People | str) -> None:
        if isinstance(people, str):
            self._on_error(people)
            return
        dialog = PeopleDialog(people, self, self.page)
        self._keep(dialog)
        self.people_shown.emit(dialog)

    def show_timeline(self, user_id: str) -> None:
        inputs = self.page.inputs
        if inputs is None:
            return

        def work(*, progress: Any, cancelled: Any) -> tuple[str, pd.DataFrame]:
            return user_id, user_timeline(inputs, user_id)

        self._run_kept("timeline", self.tr("Reading the timeline of {user}").format(user=user_id), work,
                       self._on_timeline, self.tr("Timeline… asks again"))

    def _on_timeline(self, found: tuple[str, pd.DataFrame]) -> None:
        dialog = TimelineDialog(*found, parent=self.page)
        self._keep(dialog)
        self.timeline_shown.emit(dialog)

    def _keep(self, dialog: QDialog) -> None:
        self.dialogs.append(dialog)
        dialog.finished.connect(lambda _code: self.dialogs.remove(dialog) if dialog in self.dialogs else None)
        dialog.show()

    def _on_error(self, message: str) -> None:
        set_banner(self.page.message, message, kind="error")

    def save_as_cohort(self, people: People, name: str) -> str:
        """Add a cohort of ``people`` named ``name`` (undoable); "" when saved, else what was wrong."""
        try:
            cohort = listed_cohort(self.page.document.project, people, name)
        except NotUsers as exc:
            return translated(said(exc))
        step = self.tr("Add cohort “{name}”").format(name=cohort.name)
        self.page.document.push(InsertItem(("cohorts",), cohort, description=step))
        return ""


class PeopleDialog(QDialog):
    """The users behind a row: sortable and filterable, exported as CSV, saved as a cohort, each one's timeline."""

    def __init__(self, people: People, actions: PeopleActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.people, self.actions = people, actions
        label = translated(people.label)
        self.setWindowTitle(self.tr("Users: {group}").format(group=label))
        self.resize(820, 520)
        users = counted(len(people), self.tr("{count} user"), self.tr("{count} users"))
        heading = QLabel(f"<b>{users}</b> · {label}")
        heading.setWordWrap(True)
        hint = QLabel(self.tr("Double-click a user to see their events, survey answers and payments in time order."))
        hint.setObjectName("hint")
        self.message = banner(kind="info")
        self.table = DataTableWidget(self, export_name="users", name=self.tr("Users"))
        # Times to the second: the first and last events' milliseconds showed on some rows and not on others
        # (the export keeps them)
        times = {str(name): moment_text for name, kind in people.frame.dtypes.items()
                 if pd.api.types.is_datetime64_any_dtype(kind)}
        self.table.set_frame(people.frame, grouped=True, labels=PEOPLE_LABELS, formats=times)
        self.table.view.doubleClicked.connect(self._on_double_clicked)
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.clicked.connect(lambda: self.table.export_dialog("csv"))
        self.cohort_button = QPushButton(self.tr("Save as cohort…"))
        self.cohort_button.setToolTip(self.tr("A saved cohort of exactly these users, to filter or break down any "
                                              "analysis"))
        self.cohort_button.setEnabled(len(people) > 0)
        self.cohort_button.clicked.connect(self.ask_cohort_name)
        self.timeline_button = QPushButton(self.tr("Timeline…"))
        self.timeline_button.setToolTip(self.tr("What the selected user did, in time order"))
        self.timeline_button.clicked.connect(lambda: self.open_timeline(self.table.view.currentIndex()))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.timeline_button, self.export_button, self.cohort_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        for widget in (heading, hint, self.message):
            layout.addWidget(widget)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def cohort_name_dialog(self) -> QInputDialog:
        """The question Save as cohort… asks, its box named for screen readers (Qt's own leaves it unnamed)."""
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Save as cohort"))
        dialog.setLabelText(self.tr("Name of the new cohort:"))
        dialog.setTextValue(translated(self.people.label)[:60])
        box = dialog.findChild(QLineEdit)
        box.setMinimumWidth(380)  # the suggested name (the row's label) in full, not its last words
        set_name(box, self.tr("Name of the new cohort"))
        return dialog

    def ask_cohort_name(self) -> None:
        dialog = self.cohort_name_dialog()
        if dialog.exec():
            self.save_cohort(dialog.textValue())

    def save_cohort(self, name: str) -> bool:
        problem = self.actions.save_as_cohort(self.people, name)
        saved = self.tr("Saved as cohort “{name}”: pick it under Users: beside the data line to filter any analysis "
                        "to these users (Edit ▸ Undo removes it).")
        set_banner(self.message, problem or saved.format(name=name.strip()),
                   kind="error" if problem else "info")
        return not problem

    def open_timeline(self, index: QModelIndex) -> None:
        if index.isValid():
            self.actions.show_timeline(self.people.user_ids[self.table.frame_model.source_row(index.row())])

    def _on_double_clicked(self, index: QModelIndex) -> None:
        self.open_timeline(index)


class TimelineDialog(QDialog):
    """One user's events, survey answers and payments in time order, each event numbered by its session."""

    def __init__(self, user_id: str, timeline: pd.DataFrame, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.user_id, self.timeline = user_id, timeline
        self.setWindowTitle(self.tr("Timeline of {user}").format(user=user_id))
        self.resize(860, 560)
        heading = QLabel(f"<b>{user_id}</b> · {timeline_summary(timeline)}")
        heading.setWordWrap(True)
        hint = QLabel(self.tr("A line marks each new session: one starts after 30 minutes without an event, as the "
                              "Sessions analysis counts."))
        hint.setObjectName("hint")
        self.table = DataTableWidget(self, export_name=f"timeline {user_id}", name=self.windowTitle())
        self.table.set_frame(timeline, grouped=True, labels=TIMELINE_LABELS,
                             formats={"kind": lambda kind: translated(TIMELINE_KIND_WORDS.get(kind, kind))})
        for column, name in enumerate(timeline.columns):  # no survey or payments: their columns stay out of sight
            self.table.view.setColumnHidden(column, bool(timeline[name].isna().all()))
        self.table.view.setItemDelegate(SessionRuleDelegate(self.table, session_starts(timeline)))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(close)


def timeline_summary(timeline: pd.DataFrame) -> str:
    """"42 events in 7 sessions · 1 survey answer · 2 payments (58.00 EUR)" for the timeline's heading."""
    translate = QCoreApplication.translate
    kinds = timeline["kind"]
    events = int((kinds == "event").sum())
    if events:
        parts = [translate("Timeline", "{events} in {sessions}").format(
            events=counted(events, translate("Timeline", "{count} event"), translate("Timeline", "{count} events")),
            sessions=counted(int(timeline["session"].max()), translate("Timeline", "{count} session"),
                             translate("Timeline", "{count} sessions")))]
    else:
        parts = [translate("Timeline", "no events")]
    answers = int((kinds == "survey").sum())
    if answers:
        parts.append(counted(answers, translate("Timeline", "{count} survey answer"),
                             translate("Timeline", "{count} survey answers")))
    paid = timeline[kinds == "payment"]
    if len(paid):
        totals = paid.groupby(paid["currency"].fillna(""), sort=True)["amount"].sum()
        money = ", ".join(f"{in_locale(f'{value:,.2f}')} {code}".rstrip() for code, value in totals.items())
        payments = counted(len(paid), translate("Timeline", "{count} payment"),
                           translate("Timeline", "{count} payments"))
        parts.append(f"{payments} ({money})")
    return " · ".join(parts)


def session_starts(timeline: pd.DataFrame) -> np.ndarray:
    """Per timeline row: whether it is the first event of a session after the user's first one."""
    sessions = timeline["session"]
    events = sessions[sessions.notna()]
    first = events[~events.duplicated()]
    starts = np.zeros(len(timeline), dtype=bool)
    starts[first.index[first > 1]] = True
    return starts


class SessionRuleDelegate(QStyledItemDelegate):
    """Draws a rule above the first event of each new session, so a user's visits read as blocks."""

    def __init__(self, table: DataTableWidget, starts: np.ndarray) -> None:
        super().__init__(table)
        self.table, self.starts = table, starts

    def paint(self, painter: QPainter, option: Any, index: QModelIndex) -> None:  # type: ignore[override]
        super().paint(painter, option, index)
        if self.starts[self.table.frame_model.source_row(index.row())]:
            rule = option.rect.adjusted(0, 0, 0, 2 - option.rect.height())  # the cell's top two pixels
            painter.fillRect(rule, option.palette.color(QPalette.ColorRole.Highlight))


def _within_sentence(label: str) -> str:
    """A group's label after "Show these users (N): ": lower-case in English ("active in …"); a translation
    keeps its own capitals (German nouns keep theirs)."""
    shown = translated(label)
    return shown[:1].lower() + shown[1:] if shown == str(label) else shown
