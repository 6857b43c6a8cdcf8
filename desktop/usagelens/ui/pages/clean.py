"""Step 3: data quality of each source, and the recorded recipe of cleaning steps applied to it.

The imported table is not touched by the recipe: the recipe is replayed on it to give the cleaned table every
analysis uses, and the quality checks are shown before and after the recipe so the user sees what each step
bought. Suspected test accounts can be turned into a recipe step in one click. Each suspect shows why it was
flagged; only likely test accounts are offered for exclusion, and the share of users, rows and revenue an
exclusion takes away is stated before it is confirmed. Personal data is the one thing removed from the stored
table itself, after a confirmation that says what cannot be undone (ui/personal_data_dialog.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from usagelens.cleaning.exclusion import UserWeights
from usagelens.cleaning.personal import KIND_LABELS
from usagelens.cleaning.recipe import StepOutcome
from usagelens.cleaning.suspects import SuspectUser
from usagelens.model import Project, RecipeStep, Source
from usagelens.model.steps import Step
from usagelens.model.translatable import said
from usagelens.ui.accessibility import label_for
from usagelens.ui.data_cache import DataCache
from usagelens.ui.data_table import DataTableWidget
from usagelens.ui.document import ProjectDocument
from usagelens.ui.frame_model import percent
from usagelens.ui.grid_model import type_word
from usagelens.ui.locale_numbers import in_locale
from usagelens.ui.pages.base import StepPage, banner, set_banner
from usagelens.ui.personal_data_dialog import PersonalDataDialog
from usagelens.ui.qt import (
    QComboBox,
    QCoreApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    Qt,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from usagelens.ui.recipe_panel import RecipePanel
from usagelens.ui.translations import counted, translated
from usagelens.ui.workers import TaskRunner
from usagelens.workspace.personal_data import (
    PersonalColumn,
    Removal,
    Rewrite,
    keys_for,
    personal_columns,
    protection_summary,
    rewrite_sources,
)
from usagelens.workspace.pseudonym_keys import KeychainUnavailable
from usagelens.workspace.quality_check import Cancelled, Progress, check_source

MAX_SUSPECTS = 500
SUSPECT_REASON = "suspected test/internal users"  # stored in the recipe step: project data, kept in English
MAX_NAMED = 8  # users named in the confirmation; more are counted


@dataclass
class CleanResult:
    """Everything the page shows for one source, computed off the UI thread."""

    source_id: str
    quality: pd.DataFrame  # Check, Raw import, After cleaning
    columns: pd.DataFrame  # one row per column of the cleaned table
    outcomes: dict[str, StepOutcome]
    suspects: pd.DataFrame  # suspected test/internal users still in the cleaned table: id, (events,) kind, why
    suspect_total: int = 0  # likely test/internal accounts
    unusually_active: int = 0  # event-log users whose only mark is their volume
    likely: list[str] = field(default_factory=list)  # the listed users offered for exclusion by default
    weights: UserWeights | None = None  # what excluding listed users takes away
    outliers: pd.DataFrame = field(default_factory=pd.DataFrame)
    personal: list[PersonalColumn] = field(default_factory=list)  # raw personal values still stored
    note: str = ""  # how the check was made, when it matters (quality_check.CleanCheck.note)


def compute_clean_result(project: Project, source: Source, *, progress: Progress = lambda _: None,
                         cancelled: Cancelled = lambda: False) -> CleanResult:
    """Quality before and after the recipe, plus each step's outcome (runs in a worker): by DuckDB for a big
    saved source not yet decoded, by pandas otherwise (:mod:`usagelens.workspace.quality_check`). The tables'
    headers are in the user's language (``QCoreApplication.translate`` is safe on a worker)."""
    check = check_source(project, source, max_suspects=MAX_SUSPECTS, progress=progress, cancelled=cancelled)
    raw, cleaned = check.raw, check.cleaned
    after = dict(cleaned.summary_rows())
    raw_title = (QCoreApplication.translate("CleanPage", "Raw import") if source.link is None else
                 QCoreApplication.translate("CleanPage", "First {rows} rows").format(rows=f"{len(source.table):,}"))
    quality = pd.DataFrame(
        [(translated(label), translated(value), translated(after.get(label, "")))
         for label, value in raw.summary_rows()],
        columns=[QCoreApplication.translate("CleanPage", "Check"), raw_title,
                 QCoreApplication.translate("CleanPage", "After cleaning")],
    )
    listed = cleaned.suspects
    outliers = pd.DataFrame(
        [(o.column, o.flagged, o.beyond_fences, o.robust_z, o.low_fence, o.high_fence)
         for o in cleaned.outliers],
        columns=[QCoreApplication.translate("CleanPage", "column"), QCoreApplication.translate("CleanPage", "flagged"),
                 QCoreApplication.translate("CleanPage", "outside 1.5·IQR fences"),
                 QCoreApplication.translate("CleanPage", "robust z > 3.5"),
                 QCoreApplication.translate("CleanPage", "low fence"),
                 QCoreApplication.translate("CleanPage", "high fence")],
    )
    return CleanResult(
        source.id, quality, cleaned.column_table(), {o.step.id: o for o in check.outcomes},
        suspect_table(listed, with_events=cleaned.events_per_user is not None), cleaned.suspect_total,
        cleaned.unusually_active, [s.user_id for s in listed if s.likely], check.weights, outliers, check.personal,
        check.note,
    )


def show_columns(table: DataTableWidget, columns: pd.DataFrame) -> None:
    """The cleaned table's columns (``QualityReport.column_table``) in ``table``: headers, types and numbers as
    the user reads them; exports keep the names."""
    words = {"column": QCoreApplication.translate("CleanPage", "column"),
             "type": QCoreApplication.translate("CleanPage", "type"),
             "missing": QCoreApplication.translate("CleanPage", "missing"),
             "missing_share": QCoreApplication.translate("CleanPage", "missing share"),
             "distinct": QCoreApplication.translate("CleanPage", "distinct values")}
    table.set_frame(columns, grouped=True, formats={"missing_share": percent, "type": type_word}, labels=words)


def suspect_table(suspects: list[SuspectUser], *, with_events: bool) -> pd.DataFrame:
    """One row per suspect: the id, its events (event logs), what it looks like and every reason on its own
    line, so the product owner can judge each one before excluding it. The headers, "looks like" and the reasons
    are in the user's language (the user id stays the first column: the page reads it from there)."""
    likely = QCoreApplication.translate("CleanPage", "test account")
    active = QCoreApplication.translate("CleanPage", "unusually active")
    events = QCoreApplication.translate("CleanPage", "events")
    table = pd.DataFrame({
        QCoreApplication.translate("CleanPage", "user id"): [s.user_id for s in suspects],
        events: [s.events for s in suspects],
        QCoreApplication.translate("CleanPage", "looks like"): [likely if s.likely else active for s in suspects],
        QCoreApplication.translate("CleanPage", "why"): ["\n".join(map(translated, s.reasons)) for s in suspects],
    })
    return table if with_events else table.drop(columns=events)


def suspects_note(result: CleanResult) -> str:
    """The line above the suspects: how many of each kind, and that volume alone is no verdict."""
    likely, active, shown = result.suspect_total, result.unusually_active, len(result.suspects)
    if not shown:
        return QCoreApplication.translate("CleanPage", "No suspected test or internal users are left in the cleaned "
                                                       "table.")
    sentences = [counted(
        likely,
        QCoreApplication.translate("CleanPage", "{count} user looks like a test, demo, QA or internal account: the "
                                                "reasons say what in the user id or e-mail gave it away."),
        QCoreApplication.translate("CleanPage", "{count} users look like test, demo, QA or internal accounts: the "
                                                "reasons say what in the user id or e-mail gave them away."),
    ) if likely else QCoreApplication.translate("CleanPage", "No user id or e-mail looks like a test or internal "
                                                             "account.")]
    if active:
        sentences.append(counted(
            active,
            QCoreApplication.translate("CleanPage", "{count} user is only unusually active: often the best "
                                                    "customers, so they are excluded only if you select them."),
            QCoreApplication.translate("CleanPage", "{count} users are only unusually active: often the best "
                                                    "customers, so they are excluded only if you select them."),
        ))
    if likely + active > shown:
        sentences.append(QCoreApplication.translate("CleanPage", "The {count} strongest are listed.").format(
            count=in_locale(f"{shown:,}")))
    return " ".join(sentences)


class CleanPage(StepPage):
    def __init__(self, step: Step, document: ProjectDocument, runner: TaskRunner, cache: DataCache,
                 parent: QWidget | None = None) -> None:
        super().__init__(step, document, runner, parent)
        self.cache = cache
        self.result: CleanResult | None = None
        self.message = banner(kind="info")
        self.body.addWidget(self.message)
        top = QHBoxLayout()
        source_label = QLabel(self.tr("Source"))
        top.addWidget(source_label)
        self.source_box = QComboBox()
        label_for(source_label, self.source_box)
        self.source_box.setMinimumWidth(380)
        top.addWidget(self.source_box)
        top.addStretch(1)
        self.body.addLayout(top)
        personal_row = QHBoxLayout()
        self.personal_note = banner(kind="attention")
        self.pseudonymise_button = QPushButton(self.tr("Pseudonymise or drop…"))
        self.pseudonymise_button.setToolTip(self.tr("Replace personal values with pseudonyms, or drop them, in the "
                                                    "stored table itself, so they leave the project file"))
        self.pseudonymise_button.setVisible(False)
        personal_row.addWidget(self.personal_note, 1)
        personal_row.addWidget(self.pseudonymise_button)
        self.body.addLayout(personal_row)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.tabs = QTabWidget()
        self.quality = DataTableWidget(export_name="quality", name=self.tr("Quality checks"))
        self.columns = DataTableWidget(export_name="columns", name=self.tr("Columns"))
        self.outliers = DataTableWidget(export_name="outliers", name=self.tr("Outliers"))
        self.tabs.addTab(self.quality, self.tr("Quality"))
        self.tabs.addTab(self.columns, self.tr("Columns"))
        self.tabs.addTab(self._suspects_tab(), self.tr("Test users"))
        self.tabs.addTab(self.outliers, self.tr("Outliers"))
        self.recipe = RecipePanel(document, self._outcome)
        splitter.addWidget(self.tabs)
        splitter.addWidget(self.recipe)
        splitter.setSizes([500, 490])
        self.body.addWidget(splitter, 1)
        self.source_box.currentIndexChanged.connect(self._on_source_changed)
        self.exclude_button.clicked.connect(self.exclude_suspects)
        self.pseudonymise_button.clicked.connect(self.pseudonymise_personal)

    def _suspects_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.suspects_note = QLabel()
        self.suspects_note.setObjectName("hint")
        self.suspects_note.setWordWrap(True)
        self.exclude_button = QPushButton(self.tr("Exclude users…"))
        self.exclude_button.setObjectName("primary")
        self.exclude_button.setToolTip(self.tr("Adds an “Exclude users” step for the selected users (the likely test "
                                               "accounts when none is selected), after saying what goes with them; "
                                               "undo with Ctrl+Z"))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.exclude_button)
        self.suspects = DataTableWidget(export_name="suspects", name=self.tr("Suspected test users"))
        view = self.suspects.view
        view.setSelectionBehavior(view.SelectionBehavior.SelectRows)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setStretchLastSection(True)  # the reasons get the room that is left
        view.selectionModel().selectionChanged.connect(self._on_suspects_selected)
        self.suspects.model.modelReset.connect(self._on_suspects_selected)  # a reset drops the selection
        layout.addWidget(self.suspects_note)
        layout.addLayout(row)
        layout.addWidget(self.suspects, 1)
        return tab

    def _outcome(self, step: RecipeStep) -> StepOutcome | None:
        return self.result.outcomes.get(step.id) if self.result else None

    # --- state ---------------------------------------------------------------------------------------
    def current_source(self) -> Source | None:
        source_id = self.source_box.currentData()
        return next((s for s in self.document.project.sources if s.id == source_id), None)

    def reacts_to(self, path: tuple[str, ...]) -> bool:
        return path[:1] in {("sources",), ("recipes",), ()}

    def refresh(self) -> None:
        sources = self.document.project.sources
        selected = self.source_box.currentData()
        self.source_box.blockSignals(True)
        self.source_box.clear()
        for source in sources:
            self.source_box.addItem(f"{source.name} ({source.kind.value})", source.id)
        index = self.source_box.findData(selected)
        self.source_box.setCurrentIndex(index if index >= 0 else 0)
        self.source_box.blockSignals(False)
        self._on_source_changed()

    def _on_source_changed(self) -> None:
        source = self.current_source()
        self.recipe.set_source(source)
        if source is None:
            self._when_shown = None  # no check of a source that went is left waiting
            self.result = None
            set_banner(self.message, self.tr("Import data in step 2 to check its quality here."))
            for table in (self.quality, self.columns, self.suspects, self.outliers):
                table.set_frame(pd.DataFrame())
            self._show_personal(None, [])
            return
        project = self.document.project
        set_banner(self.message, "")

        def work(*, progress, cancelled):  # type: ignore[no-untyped-def]
            return compute_clean_result(project, source, progress=progress, cancelled=cancelled)

        self.when_on_screen(lambda: self.runner.run(
            "clean", self.tr("Checking {source}").format(source=source.name), work, self._on_result,
            lambda message: set_banner(self.message, message, kind="error")))

    def _on_result(self, result: CleanResult) -> None:
        self.result = result
        set_banner(self.message, translated(result.note))
        self.quality.set_frame(result.quality)
        header = self.quality.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.quality.view.verticalHeader().setVisible(False)
        self.quality.wrap_rows()
        show_columns(self.columns, result.columns)
        self.suspects.set_frame(result.suspects, grouped=True)
        self.suspects.wrap_rows()
        self.outliers.set_frame(result.outliers, grouped=True)
        self.suspects_note.setText(suspects_note(result))
        self._on_suspects_selected()
        self.tabs.setTabText(2, self.tr("Test users ({count})").format(count=in_locale(f"{result.suspect_total:,}")))
        self.tabs.setTabText(3, self.tr("Outliers ({count})").format(count=len(result.outliers)))
        self._show_personal(self.current_source(), result.personal)
        self.recipe.refresh()

    def _show_personal(self, source: Source | None, personal: list[PersonalColumn]) -> None:
        """Flag personal values still stored, or say what was removed from the stored table already."""
        self.pseudonymise_button.setVisible(bool(personal))
        if not personal:
            done = protection_summary(source) if source else ""
            set_banner(self.personal_note, self.tr("Personal data removed from the stored table: {what}.").format(
                what=done) if done else "")
            return
        found = ", ".join(f"{p.column} ({KIND_LABELS.get(p.kind, p.kind)})" for p in personal)
        text = self.tr("Personal data is stored in this source: {columns}. Replace it with pseudonyms or drop it in "
                       "the stored table, so it never reaches a chart, an export or a shared project file.").format(
            columns=found)
        hidden = [p.column for p in personal if p.in_recipe]
        if hidden:
            text += " " + self.tr("The recipe's Pseudonymise step hides {columns} in analyses only: the project file "
                                  "still holds the raw values.").format(columns=", ".join(hidden))
        set_banner(self.personal_note, text, kind="attention")

    # --- one-click steps -----------------------------------------------------------------------------
    def _selected_suspects(self) -> list[str]:
        rows = sorted({i.row() for i in self.suspects.view.selectionModel().selectedRows()})
        model = self.suspects.model
        return [str(model.frame().iat[model.source_row(r), 0]) for r in rows]

    def users_to_exclude(self) -> list[str]:
        """The selected suspects, or else the likely test accounts: an unusually active user is only excluded
        when the product owner picks it."""
        if self.result is None:
            return []
        return self._selected_suspects() or list(self.result.likely)

    def _on_suspects_selected(self) -> None:
        selected, users = self._selected_suspects(), self.users_to_exclude()
        self.exclude_button.setEnabled(bool(users))
        if not users:
            self.exclude_button.setText(self.tr("Exclude users…"))
        elif selected:
            self.exclude_button.setText(counted(len(users), self.tr("Exclude {count} selected user…"),
                                                self.tr("Exclude {count} selected users…")))
        else:
            self.exclude_button.setText(counted(len(users), self.tr("Exclude {count} likely test account…"),
                                                self.tr("Exclude {count} likely test accounts…")))

    def exclusion_preview(self, users: list[str]) -> str:
        """What the confirmation says: who, the share of users, rows and revenue that go with them, and a
        warning when some of them are only unusually active."""
        assert self.result is not None
        more = len(users) - MAX_NAMED
        named = ", ".join(users[:MAX_NAMED])
        paragraphs = [self.tr("Exclude {users} and {more} more?").format(users=named, more=in_locale(f"{more:,}"))
                      if more > 0 else self.tr("Exclude {users}?").format(users=named)]
        if self.result.weights is not None:
            shares = translated(self.result.weights.describe(users))
            paragraphs.append(self.tr("They are {shares}").format(shares=shares))
        active = len(set(users) - set(self.result.likely))
        if active:
            paragraphs.append(counted(
                active, self.tr("{count} of them is only unusually active, not named like a test account: possibly "
                                "one of your best customers."),
                self.tr("{count} of them are only unusually active, not named like a test account: possibly your "
                        "best customers.")))
        paragraphs.append(self.tr("They are left out of every analysis of this source; undo with Ctrl+Z."))
        return "\n\n".join(paragraphs)

    def exclude_suspects(self) -> None:
        """Exclude the selected suspects (the likely test accounts when none is selected) with one recipe step,
        once the user has read what goes with them."""
        users = self.users_to_exclude()
        if not users:
            return
        answer = QMessageBox.question(self, self.tr("Exclude users"), self.exclusion_preview(users),
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Yes:
            self.recipe.add_step("exclude_users", {"users": users, "reason": SUSPECT_REASON})

    def pseudonymise_personal(self) -> None:
        """Ask what to do with the personal columns of every source (this one's first: sources pseudonymised
        together join), then remove the raw values from the stored tables."""
        source = self.current_source()
        project = self.document.project
        found = sorted(personal_columns(project), key=lambda p: p.source_id != (source.id if source else ""))
        if not found:
            return
        path = self.document.path
        dialog = PersonalDataDialog(found, file_name=path.name if path else None, parent=self)
        if dialog.exec() == PersonalDataDialog.DialogCode.Accepted:
            self.remove_personal(dialog.removals())

    def remove_personal(self, removals: list[Removal]) -> None:
        """Rewrite the stored tables on a worker, then apply the result for good (no undo: see the dialog)."""
        project = self.document.project
        try:
            key, one_way_key = keys_for(project, removals)
        except KeychainUnavailable as exc:
            set_banner(self.message, self.tr("{problem} Nothing was changed; choose one-way pseudonyms instead.")
                       .format(problem=translated(said(exc))), kind="error")
            return

        def work(*, progress, cancelled):  # type: ignore[no-untyped-def]
            return rewrite_sources(project, removals, key=key, one_way_key=one_way_key, progress=progress,
                                   cancelled=cancelled)

        def done(rewrite: Rewrite) -> None:
            if self.document.project is not project or not rewrite.still_current(project):
                set_banner(self.message, self.tr("A source changed while its personal data was being removed; nothing "
                                                 "was changed. Try again."), kind="error")
                return
            self.document.apply_for_good(rewrite.edits)
            path = self.document.path
            where = (self.tr("Save the project to remove them from {file} as well.").format(file=path.name) if path
                     else self.tr("Save the project."))
            gone = counted(len(removals), self.tr("The raw values of {count} column are gone from the stored tables, "
                                                  "and the undo history was cleared."),
                           self.tr("The raw values of {count} columns are gone from the stored tables, and the undo "
                                   "history was cleared."))
            QMessageBox.information(self, self.tr("Personal data removed"), f"{gone} {where}")

        self.runner.run("personal", self.tr("Removing personal data"), work, done,
                        lambda message: set_banner(self.message, message, kind="error"))
