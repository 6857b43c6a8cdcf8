"""Step 3: data quality of each source, and the recorded recipe of cleaning steps applied to it.

The raw table is never touched: the recipe is replayed on it to give the cleaned table every analysis uses,
and the quality checks are shown before and after the recipe so the user sees what each step bought. What
the checks find (suspected test accounts, personal data) can be turned into a recipe step in one click. Each
suspect shows why it was flagged; only likely test accounts are offered for exclusion, and the share of users,
rows and revenue an exclusion takes away is stated before it is confirmed.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import pandas as pd

from usagelens.cleaning import apply_recipe, detect_personal_columns, quality_report
from usagelens.cleaning.exclusion import UserWeights, user_weights
from usagelens.cleaning.recipe import StepOutcome
from usagelens.cleaning.steps import count
from usagelens.cleaning.suspects import SuspectUser
from usagelens.model import Project, RecipeStep, Source
from usagelens.model.steps import Step
from usagelens.ui.data_cache import DataCache
from usagelens.ui.data_table import DataTableWidget
from usagelens.ui.document import ProjectDocument
from usagelens.ui.pages.base import StepPage, banner, set_banner
from usagelens.ui.qt import (
    QComboBox,
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
from usagelens.ui.recipe_panel import PSEUDONYMISE, RecipePanel
from usagelens.ui.workers import TaskRunner

MAX_SUSPECTS = 500
SUSPECT_REASON = "suspected test/internal users"
LIKELY, UNUSUALLY_ACTIVE = "test account", "unusually active"
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
    personal: dict[str, str] = field(default_factory=dict)  # column -> email/name/phone, not yet handled


def _handled_columns(steps: list[RecipeStep]) -> set[str]:
    """Columns an enabled step already pseudonymises or drops."""
    return {str(c) for s in steps if s.enabled and s.op in (PSEUDONYMISE, "drop_columns")
            for c in s.params.get("columns", []) or []}


def compute_clean_result(project: Project, source: Source) -> CleanResult:
    """Quality before and after the recipe, plus each step's outcome (runs in a worker)."""
    steps = project.recipes.get(source.id, [])
    raw = quality_report(source)
    result = apply_recipe(source.table, steps, roles=source.roles, salt=project.pseudonym_salt)
    cleaned = quality_report(dataclasses.replace(source, table=result.frame), max_suspects=MAX_SUSPECTS)
    after = dict(cleaned.summary_rows())
    quality = pd.DataFrame(
        [(label, value, after.get(label, "")) for label, value in raw.summary_rows()],
        columns=["Check", "Raw import", "After cleaning"],
    )
    listed = cleaned.suspects
    outliers = pd.DataFrame(
        [(o.column, o.flagged, o.beyond_fences, o.robust_z, o.low_fence, o.high_fence)
         for o in cleaned.outliers],
        columns=["column", "flagged", "outside 1.5·IQR fences", "robust z > 3.5", "low fence", "high fence"],
    )
    handled = _handled_columns(steps)
    personal = {c: k for c, k in detect_personal_columns(result.frame).items() if c not in handled}
    return CleanResult(
        source.id, quality, cleaned.column_table(), {o.step.id: o for o in result.outcomes},
        suspect_table(listed, with_events=cleaned.events_per_user is not None), cleaned.suspect_total,
        cleaned.unusually_active, [s.user_id for s in listed if s.likely],
        user_weights(source, result.frame, [s.user_id for s in listed]), outliers, personal,
    )


def suspect_table(suspects: list[SuspectUser], *, with_events: bool) -> pd.DataFrame:
    """One row per suspect: the id, its events (event logs), what it looks like and every reason on its own
    line, so the product owner can judge each one before excluding it."""
    table = pd.DataFrame({
        "user id": [s.user_id for s in suspects],
        "events": [s.events for s in suspects],
        "looks like": [LIKELY if s.likely else UNUSUALLY_ACTIVE for s in suspects],
        "why": ["\n".join(s.reasons) for s in suspects],
    })
    return table if with_events else table.drop(columns="events")


def suspects_note(result: CleanResult) -> str:
    """The line above the suspects: how many of each kind, and that volume alone is no verdict."""
    likely, active, shown = result.suspect_total, result.unusually_active, len(result.suspects)
    if not shown:
        return "No suspected test or internal users are left in the cleaned table."
    text = (f"{count(likely, 'user')} look{'s' if likely == 1 else ''} like test, demo, QA or internal "
            "accounts: the reasons say what in the user id or e-mail gave them away." if likely
            else "No user id or e-mail looks like a test or internal account.")
    if active:
        text += (f" {count(active, 'user')} {'is' if active == 1 else 'are'} only unusually active: often the best "
                 "customers, so they are excluded only if you select them.")
    if likely + active > shown:
        text += f" The {shown:,} strongest are listed."
    return text


class CleanPage(StepPage):
    def __init__(self, step: Step, document: ProjectDocument, runner: TaskRunner, cache: DataCache,
                 parent: QWidget | None = None) -> None:
        super().__init__(step, document, runner, parent)
        self.cache = cache
        self.result: CleanResult | None = None
        self.message = banner(kind="info")
        self.body.addWidget(self.message)
        top = QHBoxLayout()
        top.addWidget(QLabel("Source"))
        self.source_box = QComboBox()
        self.source_box.setMinimumWidth(380)
        top.addWidget(self.source_box)
        top.addStretch(1)
        self.body.addLayout(top)
        personal_row = QHBoxLayout()
        self.personal_note = banner(kind="attention")
        self.pseudonymise_button = QPushButton("Pseudonymise them…")
        self.pseudonymise_button.setVisible(False)
        personal_row.addWidget(self.personal_note, 1)
        personal_row.addWidget(self.pseudonymise_button)
        self.body.addLayout(personal_row)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.tabs = QTabWidget()
        self.quality = DataTableWidget(export_name="quality")
        self.columns = DataTableWidget(export_name="columns")
        self.outliers = DataTableWidget(export_name="outliers")
        self.tabs.addTab(self.quality, "Quality")
        self.tabs.addTab(self.columns, "Columns")
        self.tabs.addTab(self._suspects_tab(), "Test users")
        self.tabs.addTab(self.outliers, "Outliers")
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
        self.exclude_button = QPushButton("Exclude users…")
        self.exclude_button.setObjectName("primary")
        self.exclude_button.setToolTip("Adds an 'Exclude users' step for the selected users (the likely test "
                                       "accounts when none is selected), after saying what goes with them; "
                                       "undo with Ctrl+Z")
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.exclude_button)
        self.suspects = DataTableWidget(export_name="suspects")
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
            self.result = None
            set_banner(self.message, "Import data in step 2 to check its quality here.")
            for table in (self.quality, self.columns, self.suspects, self.outliers):
                table.set_frame(pd.DataFrame())
            self._show_personal({})
            return
        project = self.document.project
        set_banner(self.message, "")

        def work(*, progress, cancelled):  # type: ignore[no-untyped-def]
            return compute_clean_result(project, source)

        self.runner.run("clean", f"Checking {source.name}", work, self._on_result,
                        lambda message: set_banner(self.message, message, kind="error"))

    def _on_result(self, result: CleanResult) -> None:
        self.result = result
        self.quality.set_frame(result.quality)
        header = self.quality.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.quality.view.verticalHeader().setVisible(False)
        self.quality.wrap_rows()
        self.columns.set_frame(result.columns, formats={"missing_share": lambda v: f"{float(v):.1%}"})
        self.suspects.set_frame(result.suspects, grouped=True)
        self.suspects.wrap_rows()
        self.outliers.set_frame(result.outliers, grouped=True)
        self.suspects_note.setText(suspects_note(result))
        self._on_suspects_selected()
        self.tabs.setTabText(2, f"Test users ({result.suspect_total:,})")
        self.tabs.setTabText(3, f"Outliers ({len(result.outliers)})")
        self._show_personal(result.personal)
        self.recipe.refresh()

    def _show_personal(self, personal: dict[str, str]) -> None:
        text = ", ".join(f"{column} ({kind})" for column, kind in personal.items())
        set_banner(self.personal_note, f"Personal data found: {text}. Pseudonymise it so names and addresses "
                                       "never reach a chart or an export." if text else "", kind="attention")
        self.pseudonymise_button.setVisible(bool(personal))

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
        noun = "selected user" if selected else "likely test account"
        self.exclude_button.setText(f"Exclude {count(len(users), noun)}…" if users else "Exclude users…")

    def exclusion_preview(self, users: list[str]) -> str:
        """What the confirmation says: who, the share of users, rows and revenue that go with them, and a
        warning when some of them are only unusually active."""
        assert self.result is not None
        more = len(users) - MAX_NAMED
        text = f"Exclude {', '.join(users[:MAX_NAMED])}{f' and {more:,} more' if more > 0 else ''}?"
        if self.result.weights is not None:
            text += f"\n\nThey are {self.result.weights.describe(users)}"
        active = len(set(users) - set(self.result.likely))
        if active:
            text += (f"\n\n{active:,} of them {'is' if active == 1 else 'are'} only unusually active, not named "
                     "like a test account: possibly your best customers.")
        return text + "\n\nThey are left out of every analysis of this source; undo with Ctrl+Z."

    def exclude_suspects(self) -> None:
        """Exclude the selected suspects (the likely test accounts when none is selected) with one recipe step,
        once the user has read what goes with them."""
        users = self.users_to_exclude()
        if not users:
            return
        answer = QMessageBox.question(self, "Exclude users", self.exclusion_preview(users),
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Yes:
            self.recipe.add_step("exclude_users", {"users": users, "reason": SUSPECT_REASON})

    def pseudonymise_personal(self) -> None:
        """Open a pseudonymise step with the detected personal columns already ticked."""
        if self.result is None or not self.result.personal:
            return
        sample = self.recipe.sample_before(len(self.recipe.steps()))
        offered = RecipeStep(PSEUDONYMISE, {"columns": list(self.result.personal)})
        params = self.recipe.ask_params(offered, sample)
        if params is not None:
            self.recipe.add_step(PSEUDONYMISE, params)
