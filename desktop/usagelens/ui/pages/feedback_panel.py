"""Step 5's qualitative side: search survey comments, group them into keyword themes, count the themes and
cite customers' own words in a finding, as evidence, a testimonial or an improvement suggestion.

Comments are read (cleaned) and counted in the background; theme rules are project data edited through
undoable commands, so the counts follow every edit and re-compute on refreshed survey exports.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from usagelens.analytics.themes import (
    THEME_WORDS,
    as_quote,
    parse_keywords,
    starter_rules,
    theme_mask,
    theme_summary,
)
from usagelens.model import Finding, Project, Quote, QuoteMark, ThemeRule
from usagelens.model.commands import InsertItem, SetField
from usagelens.ui.accessibility import label_for
from usagelens.ui.data_table import DataTableWidget
from usagelens.ui.document import ProjectDocument
from usagelens.ui.eliding_combo import ElidingComboBox
from usagelens.ui.entity_table import HEADER_PADDING, Column, EntityListWidget, EntityWords
from usagelens.ui.frame_model import engine_words, percent
from usagelens.ui.locale_numbers import in_locale
from usagelens.ui.pages.base import banner, set_banner
from usagelens.ui.pages.quote_list import mark_label, mark_phrase
from usagelens.ui.qt import (
    QT_TRANSLATE_NOOP,
    QComboBox,
    QFont,
    QFontMetrics,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    Qt,
    QVBoxLayout,
    QWidget,
)
from usagelens.ui.translations import counted, translated
from usagelens.ui.workers import TaskRunner
from usagelens.workspace.project_data import feedback_table

# Characters of the finding's title on the Cite button (the whole title is in the findings list), and of a theme or
# a mark the boxes show at least: with 40 and whole choices step 5 in German needed 830 px of the 770 it has at the
# window's minimum width, and scrolled sideways.
SHORT_TITLE = 18
LEAST_CHOICE = 10
THEME_COLUMNS = (
    Column("name", QT_TRANSLATE_NOOP("Column", "Theme"), width=150),
    Column("keywords", QT_TRANSLATE_NOOP("Column", "Keywords"), show=", ".join, parse=parse_keywords,
           tooltip=QT_TRANSLATE_NOOP("Column", "Separated by commas. A comment belongs to the theme when it "
                                               "contains any keyword (word starts count: “crash” finds “crashes”)")),
)


@dataclass
class ThemedComments:
    """What the background work hands the panel: the non-empty comments, the theme counts and, per theme
    rule id, which comments belong to it (so filtering by theme needs no regex on the UI thread)."""

    comments: pd.DataFrame
    summary: pd.DataFrame
    masks: dict[str, np.ndarray] = field(default_factory=dict)


def themed_comments(project: Project, rules: list[ThemeRule], comments: pd.DataFrame | None = None) -> ThemedComments:
    """Read the analysed feedback sources' comments (unless given) and match them against ``rules``."""
    if comments is None:
        table = feedback_table(project)
        if table is None:
            table = pd.DataFrame({"score": [], "time": pd.to_datetime([]), "comment": pd.Series([], dtype=str)})
        table = table[table["comment"].str.strip() != ""].reset_index(drop=True)
        comments = table[["time", "score", "comment"]]
    summary = theme_summary(comments["comment"], rules)
    summary["quotes"] = summary["quotes"].map("  ·  ".join)
    summary = summary.rename(columns={"quotes": "sample quotes"})
    masks = {rule.id: theme_mask(comments["comment"], rule).to_numpy() for rule in rules}
    return ThemedComments(comments, summary, masks)


class FeedbackPanelWidget(QWidget):
    """Comments with search and a theme filter on the left; theme rules and their counts on the right."""

    def __init__(self, document: ProjectDocument, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._runner = runner
        self._data: ThemedComments | None = None
        self._shown = pd.DataFrame({"time": [], "score": [], "comment": []})  # the comments listed, as read
        self._finding: Finding | None = None
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._build_comments())
        splitter.addWidget(self._build_themes())
        splitter.setSizes([600, 420])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        document.changed.connect(self._on_document_changed)
        document.reset.connect(self.reload)
        self.reload()

    def _build_comments(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        heading = QLabel(self.tr("Survey comments"))
        heading.setObjectName("sectionTitle")
        self.theme_filter = ElidingComboBox()
        self.theme_filter.setMinimumContentsLength(18)
        self.theme_filter.give_way(LEAST_CHOICE)
        bar.addWidget(heading)
        bar.addStretch(1)
        theme_label = QLabel(self.tr("Theme:"))
        label_for(theme_label, self.theme_filter)
        bar.addWidget(theme_label)
        bar.addWidget(self.theme_filter)
        self.comments = DataTableWidget(export_name="comments", name=self.tr("Survey comments"))
        self.comments.view.setWordWrap(True)
        cite = QHBoxLayout()
        self.cite_button = QPushButton(self.tr("Cite in finding"))
        self.cite_button.setToolTip(self.tr("Add the selected comment to the quotes of the finding selected in "
                                            "“Findings”"))
        self.cite_mark = ElidingComboBox()
        self.cite_mark.give_way(LEAST_CHOICE)
        for mark in QuoteMark:
            self.cite_mark.addItem(mark_label(mark), mark.value)
        self.cite_mark.setToolTip(self.tr("Cite it as plain evidence, as a testimonial (praise worth quoting to "
                                          "stakeholders) or as an improvement suggestion; testimonials and "
                                          "suggestions are counted in step 8"))
        as_label = QLabel(self.tr("as"))
        label_for(as_label, self.cite_mark)
        self.status = banner()
        self.cite_mark.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        cite.addWidget(self.cite_button, 0, Qt.AlignmentFlag.AlignLeft)
        cite.addWidget(as_label)
        cite.addWidget(self.cite_mark)
        cite.addStretch(1)
        layout.addLayout(bar)
        layout.addWidget(self.comments, 1)
        layout.addLayout(cite)
        layout.addWidget(self.status)  # a line of its own: beside the button and the mark it had no room
        self.theme_filter.currentIndexChanged.connect(self._show_comments)
        self.cite_button.clicked.connect(self.cite_selected)
        self.comments.view.doubleClicked.connect(lambda _index: self.cite_selected())
        self.comments.view.setToolTip(self.tr("Double-click a comment to cite it in the selected finding; "
                                              "right-click to cite it as a testimonial or an improvement suggestion"))
        self.comments.row_menu = self._comment_menu
        return box

    def _build_themes(self) -> QWidget:
        splitter = QSplitter(Qt.Orientation.Vertical)
        rules = QWidget()
        rules_layout = QVBoxLayout(rules)
        rules_layout.setContentsMargins(0, 0, 0, 0)
        words = EntityWords(self.tr("Add theme"), self.tr("Remove theme"), self.tr("Remove {count} themes"))
        self.rules = EntityListWidget(self._document, ("themes",), THEME_COLUMNS,
                                      lambda: ThemeRule(self.tr("New theme")), words=words, title=self.tr("Themes"))
        self.starter_button = QPushButton(self.tr("Start from common themes"))
        self.starter_button.setToolTip(self.tr("Crashes, price, exports, onboarding, reminders: edit them to fit"))
        rules_layout.addWidget(self.rules, 1)
        rules_layout.addWidget(self.starter_button, 0, Qt.AlignmentFlag.AlignLeft)
        counts = QWidget()
        counts_layout = QVBoxLayout(counts)
        counts_layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("How often each theme comes up"))
        heading.setObjectName("sectionTitle")
        self.counts = DataTableWidget(export_name="themes", name=heading.text())
        self.counts.view.setWordWrap(True)
        counts_layout.addWidget(heading)
        counts_layout.addWidget(self.counts, 1)
        splitter.addWidget(rules)
        splitter.addWidget(counts)
        splitter.setSizes([220, 300])
        self.starter_button.clicked.connect(self.add_starter_themes)
        self.counts.view.setToolTip(self.tr("Select a theme to read all its comments on the left, and cite them from "
                                            "there"))
        self.counts.view.clicked.connect(lambda index: self.show_theme_of_row(index.row()))
        return splitter

    def show_theme_of_row(self, row: int) -> None:
        """List the comments of the theme in row ``row`` of the counts (its sample quotes are only three)."""
        model = self.counts.model
        if self._data is None or not 0 <= row < model.rowCount():
            return
        name = str(self._data.summary["theme"].iat[model.source_row(row)])
        rule = next((r for r in self._document.project.themes if r.name == name), None)
        index = self.theme_filter.findData(rule.id if rule else "")
        if index >= 0:
            self.theme_filter.setCurrentIndex(index)

    # --- data ------------------------------------------------------------------------------------------
    def _on_document_changed(self, path: tuple[str, ...]) -> None:
        if path[:1] in {("sources",), ("recipes",)}:
            self.reload()
        elif path[:1] == ("themes",):
            self.recount()

    def reload(self) -> None:
        """Read the comments again (another project, a refreshed export or an edited recipe)."""
        self._start(None)

    def recount(self) -> None:
        """Match the current comments against the edited theme rules."""
        self._start(self._data.comments if self._data is not None else None)

    def _start(self, comments: pd.DataFrame | None) -> None:
        project = self._document.project
        rules = list(project.themes)
        self.starter_button.setVisible(not rules)

        def work(*, progress, cancelled):  # type: ignore[no-untyped-def]
            return themed_comments(project, rules, comments)

        self._runner.run("feedback-themes", self.tr("Counting feedback themes"), work, self._on_loaded,
                         lambda message: set_banner(self.status, message, kind="error"))

    def _on_loaded(self, data: ThemedComments) -> None:
        self._data = data
        current = self.theme_filter.currentData()
        self.theme_filter.blockSignals(True)
        self.theme_filter.clear()
        self.theme_filter.addItem(self.tr("All comments ({count})").format(count=in_locale(f"{len(data.comments):,}")),
                                  "")
        for rule in self._document.project.themes:
            if rule.id in data.masks:
                self.theme_filter.addItem(f"{rule.name} ({in_locale(f'{int(data.masks[rule.id].sum()):,}')})", rule.id)
        self.theme_filter.setCurrentIndex(max(self.theme_filter.findData(current), 0))
        self.theme_filter.blockSignals(False)
        self._show_comments()
        # Headed in the user's language; the panel itself reads the frames by their own column names.
        headings = {"theme": self.tr("theme"), "comments": self.tr("comments"), "share": self.tr("share"),
                    "sample quotes": self.tr("sample quotes")}
        formats = {headings["share"]: percent, headings["theme"]: engine_words(THEME_WORDS)}
        self.counts.set_frame(data.summary.rename(columns=headings), grouped=True, formats=formats)
        bold = QFont(self.counts.view.horizontalHeader().font())
        bold.setWeight(QFont.Weight.DemiBold)  # as app.qss draws header sections
        for column, (width, name) in enumerate(zip((130, 75, 60, 460), data.summary.columns, strict=False)):
            # never narrower than its header, which may be longer in the user's language
            text_width = QFontMetrics(bold).horizontalAdvance(headings.get(name, name)) + HEADER_PADDING
            self.counts.view.setColumnWidth(column, max(width, text_width))
        self.counts.wrap_rows()
        if data.comments.empty:
            set_banner(self.status, self.tr("No survey comments: import a feedback export with a comment column in "
                                            "step 2."), kind="attention")

    def _show_comments(self) -> None:
        if self._data is None:
            return
        comments, rule_id = self._data.comments, self.theme_filter.currentData()
        shown = comments[self._data.masks[rule_id]] if rule_id in self._data.masks else comments
        self._shown = shown.reset_index(drop=True)
        headings = {"time": self.tr("time"), "score": self.tr("score"), "comment": self.tr("comment")}
        self.comments.set_frame(self._shown.rename(columns=headings), grouped=True)  # dates as the locale writes them
        self.comments.view.setColumnWidth(2, 420)
        self.comments.wrap_rows()

    # --- citing ----------------------------------------------------------------------------------------
    def set_finding(self, finding: Finding | None) -> None:
        """The finding a citation goes to (the one selected in the findings list)."""
        self._finding = finding
        title = finding.title if finding else ""
        short = f"{title[:SHORT_TITLE]}{'…' if len(title) > SHORT_TITLE else ''}"
        self.cite_button.setText(self.tr("Cite in “{finding}”").format(finding=short) if finding
                                 else self.tr("Cite in finding"))
        self.cite_button.setEnabled(finding is not None)

    def _selected_row(self) -> int | None:
        """The row of the shown comments' frame that is selected (sorting aside), if any."""
        indexes = self.comments.view.selectionModel().selectedIndexes()
        return self.comments.model.source_row(indexes[0].row()) if indexes else None

    def selected_comment(self) -> str | None:
        row = self._selected_row()
        return None if row is None else str(self._shown["comment"].iat[row])

    def _comment_menu(self, menu: QMenu, row: int) -> None:
        """A comment's menu: cite it in the selected finding with each mark."""
        for mark in QuoteMark:
            action = menu.addAction(mark_phrase(self.tr("Cite as {mark}"), mark),
                                    lambda mark=mark: self.cite_row(row, mark))
            action.setEnabled(self._finding is not None)

    def cite_selected(self) -> None:
        """Cite the selected comment with the mark chosen beside the button."""
        row = self._selected_row()
        if row is None:
            set_banner(self.status, self.tr("Select a comment to cite."), kind="attention")
            return
        self.cite_row(row, QuoteMark(self.cite_mark.currentData()))

    def cite_row(self, row: int, mark: QuoteMark) -> None:
        """Cite the comment in row ``row`` of the shown comments, with the day it was said and its score; a comment
        the finding already cites only takes the new mark."""
        finding = self._finding
        if finding is None:
            set_banner(self.status, self.tr("Select a finding in “Findings” to cite a comment in."), kind="attention")
            return
        answer = self._shown.iloc[row]
        text = as_quote(str(answer["comment"]))
        cited = next((q for q in finding.quotes if q.text == text), None)
        if cited is not None:
            if cited.mark == mark:
                set_banner(self.status, self.tr("That finding already cites this comment."))
                return
            self._document.push(SetField(("findings", finding.id, "quotes", cited.id), "mark", mark,
                                         description=mark_phrase(self.tr("Mark quote as {mark}"), mark)))
            set_banner(self.status, mark_phrase(self.tr("Marked as {mark} in “{finding}”."), mark,
                                                finding=finding.title))
            return
        said = answer["time"].date() if pd.notna(answer["time"]) else None
        # Written into the quote in the user's language: it is the project's text from now on, as a title is.
        source = self.tr("survey answer, score {score}").format(score=in_locale(f"{answer['score']:g}")) \
            if pd.notna(answer["score"]) else self.tr("survey answer")
        quote = Quote(text, mark, said, source)
        self._document.push(InsertItem(("findings", finding.id, "quotes"), quote,
                                       description=self.tr("Cite a comment")))
        quotes = counted(len(finding.quotes), self.tr("{count} quote"), self.tr("{count} quotes"))
        cited_as = mark_phrase(self.tr("Cited in “{finding}” as {mark} ({quotes})."), mark, finding=finding.title,
                               quotes=quotes) if mark else \
            self.tr("Cited in “{finding}” ({quotes}).").format(finding=finding.title, quotes=quotes)
        set_banner(self.status, cited_as)

    def add_starter_themes(self) -> None:
        stack = self._document.undo_stack
        stack.beginMacro(self.tr("Add common themes"))
        for rule in starter_rules():  # named in the user's language: from now on the names are theirs to edit
            self._document.push(InsertItem(("themes",), replace(rule, name=translated(rule.name)),
                                           description=self.tr("Add theme")))
        stack.endMacro()
