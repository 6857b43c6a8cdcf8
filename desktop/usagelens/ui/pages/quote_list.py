"""A finding's quotes: the customers' own words cited for it, each marked as plain evidence, a testimonial (praise
worth quoting to stakeholders) or an improvement suggestion, with when and where it was said.

Quotes come from the survey comments (the "Customer feedback" tab) or a pinned pain point; one heard elsewhere
(an interview, a support call) is added here. Marks are set in the table's Mark column or from the right-click
menu, for several quotes at once; every edit is one undoable step.
"""

from __future__ import annotations

from datetime import date

from usagelens.model import Finding, Quote, QuoteMark
from usagelens.model.commands import SetField
from usagelens.ui.document import ProjectDocument
from usagelens.ui.entity_table import Column, EntityListWidget, EntityWords
from usagelens.ui.qt import QT_TRANSLATE_NOOP, QCoreApplication, QHeaderView, QMenu, QPoint, Qt, QWidget

# A mark's name as the user reads it (the project stores the mark itself), and narrowed to fit the half page the
# quotes table has at 1280 px ("Improvement suggestion" elsewhere).
_LABELS = {QuoteMark.NONE: QT_TRANSLATE_NOOP("QuoteMark", "Evidence"),
           QuoteMark.TESTIMONIAL: QT_TRANSLATE_NOOP("QuoteMark", "Testimonial"),
           QuoteMark.SUGGESTION: QT_TRANSLATE_NOOP("QuoteMark", "Improvement suggestion")}
_SHORT = {**_LABELS, QuoteMark.SUGGESTION: QT_TRANSLATE_NOOP("QuoteMark", "Suggestion")}


def mark_label(mark: QuoteMark, *, short: bool = False) -> str:
    """The mark's name in the user's language."""
    return QCoreApplication.translate("QuoteMark", (_SHORT if short else _LABELS)[QuoteMark(mark)])


def mark_phrase(phrase: str, mark: QuoteMark, **values: str) -> str:
    """A translated ``phrase`` naming ``mark`` inside a sentence: ``{mark}`` as English writes it there
    ("Cite as testimonial"), ``{Mark}`` as the name is written on its own, as German nouns keep their capital."""
    label = mark_label(mark)
    return phrase.format(mark=label.lower(), Mark=label, **values)


def _parse_mark(label: str) -> QuoteMark:
    return next(mark for mark in QuoteMark if mark_label(mark, short=True) == label)


QUOTE_COLUMNS = (
    Column("text", QT_TRANSLATE_NOOP("Column", "Quote"), width=205,
           tooltip=QT_TRANSLATE_NOOP("Column", "As cited; edit it only to shorten it")),
    Column("mark", QT_TRANSLATE_NOOP("Column", "Mark"), kind="choice", width=95,
           choices=lambda: [mark_label(mark, short=True) for mark in QuoteMark],
           show=lambda mark: mark_label(mark, short=True), parse=_parse_mark,
           tooltip=QT_TRANSLATE_NOOP("Column", "Testimonials (praise worth quoting) and improvement suggestions "
                                               "are counted per month in step 8 and quoted in the report")),
    Column("said", QT_TRANSLATE_NOOP("Column", "Said on"), kind="date", width=85,
           tooltip=QT_TRANSLATE_NOOP("Column", "The day the customer said it, if known")),
    Column("source", QT_TRANSLATE_NOOP("Column", "Where"), width=90,
           tooltip=QT_TRANSLATE_NOOP("Column", "A survey answer and its score, an interview, a support call…")),
)


class QuoteListWidget(EntityListWidget):
    """The quotes of the finding shown (``show_finding``), editable, with a menu that marks the selected ones."""

    def __init__(self, document: ProjectDocument, parent: QWidget | None = None) -> None:
        super().__init__(document, None, QUOTE_COLUMNS, lambda: Quote("", said=date.today()),
                         words=EntityWords(self.tr("Add quote"), self.tr("Remove quote"),
                                           self.tr("Remove {count} quotes")),
                         title=self.tr("Customers' words"),
                         empty=self.tr("No customer comments cited yet: cite them in the “Customer feedback” tab, "
                                       "or add one heard elsewhere (an interview, a support call)."),
                         parent=parent)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # whole quotes
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._on_context_menu)

    def show_finding(self, finding: Finding | None) -> None:
        self.model.set_path(("findings", finding.id, "quotes") if finding else None)

    def selected_quotes(self) -> list[Quote]:
        return [self.model.item(row) for row in sorted(set(self.selected_rows()))]

    def mark_selected(self, mark: QuoteMark) -> None:
        """Give every selected quote ``mark``, as one undoable step."""
        path = self.model.path
        quotes = [q for q in self.selected_quotes() if q.mark != mark]
        if path is None or not quotes:
            return
        stack = self._document.undo_stack
        stack.beginMacro(mark_phrase(self.tr("Mark as {mark}"), mark))
        for quote in quotes:
            self._document.push(SetField((*path, quote.id), "mark", mark, description=self.tr("Mark quote")))
        stack.endMacro()

    def _on_context_menu(self, pos: QPoint) -> None:
        if not self.selected_quotes():
            return
        menu = QMenu(self)
        for mark in QuoteMark:
            menu.addAction(mark_phrase(self.tr("Mark as {mark}"), mark), lambda mark=mark: self.mark_selected(mark))
        menu.exec(self.view.viewport().mapToGlobal(pos))
