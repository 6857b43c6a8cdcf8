"""Step 8's qualitative side (issue 16.4): the stakeholders' endorsements (or concerns) recorded with the selected
review, and testimonials, improvement suggestions and endorsements counted per month beside them.

Endorsements are project data edited through undoable commands like every other list; the counts come from
:mod:`usagelens.workspace.voices` (as the report's), re-counted on every edit of a finding or a review: counting
a project's quotes takes no time, so no worker is needed.
"""

from __future__ import annotations

from usagelens.charts.locale_text import month_name
from usagelens.model import Endorsement, Project, Review, Stance
from usagelens.ui.accessibility import label_for
from usagelens.ui.data_table import DataTableWidget
from usagelens.ui.document import ProjectDocument
from usagelens.ui.entity_table import Column, EntityListWidget, EntityWords
from usagelens.ui.qt import QT_TRANSLATE_NOOP, QCoreApplication, QLabel, QTabWidget, QVBoxLayout, QWidget
from usagelens.ui.translations import counted
from usagelens.workspace.voices import COLUMNS, about_choices, voices_per_month

NO_LINK = "—"
# The per-month table's headings (``voices.COLUMNS``, shared with the report), marked here for translation.
VOICE_HEADINGS = (QT_TRANSLATE_NOOP("Column", "Testimonials"), QT_TRANSLATE_NOOP("Column", "Improvement suggestions"),
                  QT_TRANSLATE_NOOP("Column", "Endorsements"), QT_TRANSLATE_NOOP("Column", "Concerns"))


def stance_counts(review: Review) -> str:
    """A review's endorsements in a few words for its row ("2 endorse, 1 has concerns")."""
    endorse = sum(e.stance == Stance.ENDORSES for e in review.endorsements)
    concerns = len(review.endorsements) - endorse
    parts = [counted(endorse, QCoreApplication.translate("ReviewVoicesWidget", "{count} endorses"),
                     QCoreApplication.translate("ReviewVoicesWidget", "{count} endorse"))] if endorse else []
    parts += [counted(concerns, QCoreApplication.translate("ReviewVoicesWidget", "{count} has concerns"),
                      QCoreApplication.translate("ReviewVoicesWidget", "{count} have concerns"))] if concerns else []
    return ", ".join(parts)


class ReviewVoicesWidget(QWidget):
    """The endorsements of the review shown (``show_review``) and the voices counted per month."""

    def __init__(self, document: ProjectDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._review: Review | None = None
        self.endorsements = EntityListWidget(
            document, None, self._columns(), self._new_endorsement,
            words=EntityWords(self.tr("Add endorsement"), self.tr("Remove endorsement"),
                              self.tr("Remove {count} endorsements")),
            title=self.tr("Endorsements of the selected review"),
            empty=self.tr("Who backs what this review showed, or has concerns about it? Record their word here: "
                          "their name and role, on what, and when."),
        )
        counts = QWidget()
        layout = QVBoxLayout(counts)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("Testimonials, improvement suggestions and endorsements per month"))
        heading.setObjectName("sectionTitle")
        self.counts = DataTableWidget(export_name="voices-per-month", name=self.tr("Voices per month"))
        for part in (self.counts.filter_edit, self.counts.filter_column, self.counts.count_label):
            part.hide()  # a month a row: nothing to filter, and the rows are counted by their months
        label_for(heading, self.counts.view)
        self.counts.view.setToolTip(self.tr("Quotes marked in step 5 count in the month the customer said them "
                                            "(else when their finding was written); endorsements in the month "
                                            "they were given"))
        self.note = QLabel()
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        layout.addWidget(heading)
        layout.addWidget(self.counts, 1)
        layout.addWidget(self.note)
        # Tabs, not side by side: at 1280 px neither the six columns of an endorsement nor the five of a month
        # fit in half the page without a sideways scroll bar.
        self.tabs = QTabWidget()
        self.tabs.addTab(self.endorsements, self.tr("Endorsements"))
        self.tabs.addTab(counts, self.tr("Voices per month"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.tabs)
        document.changed.connect(self._on_document_changed)
        document.reset.connect(self.recount)
        self.recount()

    def _columns(self) -> tuple[Column, ...]:
        def project() -> Project:  # the open project, which a reset replaces
            return self._document.project

        def parse_about(label: str) -> str:
            return next((i for i, text in about_choices(project()).items() if text == label), "")

        return (
            Column("name", QT_TRANSLATE_NOOP("Column", "Who"), width=140),
            Column("role", QT_TRANSLATE_NOOP("Column", "Role"), width=120),
            Column("stance", QT_TRANSLATE_NOOP("Column", "Stance"), kind="choice", choices=[s.value for s in Stance],
                   width=110),
            Column("what", QT_TRANSLATE_NOOP("Column", "What they endorsed"), width=250),
            Column("about", QT_TRANSLATE_NOOP("Column", "About"), kind="choice", width=220,
                   choices=lambda: [NO_LINK, *about_choices(project()).values()],
                   show=lambda about: about_choices(project()).get(about, NO_LINK), parse=parse_about,
                   tooltip=QT_TRANSLATE_NOOP("Column", "The objective or action it is about, if one")),
            Column("day", QT_TRANSLATE_NOOP("Column", "Given"), kind="date", width=100,
                   tooltip=QT_TRANSLATE_NOOP("Column", "When they said it")),
        )

    def _new_endorsement(self) -> Endorsement:
        return Endorsement("", day=self._review.date if self._review else None)

    def show_review(self, review: Review | None) -> None:
        self._review = review
        self.endorsements.model.set_path(("reviews", review.id, "endorsements") if review else None)

    def _on_document_changed(self, path: tuple[str, ...]) -> None:
        if path[:1] in {(), ("findings",), ("reviews",)}:
            self.recount()

    def recount(self) -> None:
        project = self._document.project
        counts = voices_per_month(project.findings, project.reviews)
        table = counts.table.rename(columns={c: QCoreApplication.translate("Column", h) for c, h in COLUMNS.items()})
        table["month"] = [f"{month_name(m.month)} {m.year}" for m in counts.table["month"]]
        self.counts.set_frame(table.rename(columns={"month": self.tr("Month")}))
        self.counts.view.verticalHeader().hide()
        self.counts.view.resizeColumnsToContents()
        undated = counted(counts.undated, self.tr("{count} marked quote without a date, counted in no month."),
                          self.tr("{count} marked quotes without a date, counted in no month.")) \
            if counts.undated else ""
        self.note.setText(undated if not counts.empty else self.tr(
            "Nothing to count yet: mark quotes as testimonials or improvement suggestions in step 5, and record "
            "endorsements with a review."))
