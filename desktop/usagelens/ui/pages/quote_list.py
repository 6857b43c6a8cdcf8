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
from usagelens.ui.entity_table import Column, EntityListWidget
from usagelens.ui.qt import QHeaderView, QMenu, QPoint, Qt, QWidget

# The marks' names narrowed to fit the half page the table has at 1280 px ("Improvement suggestion" elsewhere).
_SHORT = {QuoteMark.NONE: "Evidence", QuoteMark.TESTIMONIAL: "Testimonial", QuoteMark.SUGGESTION: "Suggestion"}
_BY_SHORT = {label: mark for mark, label in _SHORT.items()}
QUOTE_COLUMNS = (
    Column("text", "Quote", width=205, tooltip="As cited; edit it only to shorten it"),
    Column("mark", "Mark", kind="choice", choices=list(_BY_SHORT), width=95,
           show=lambda mark: _SHORT[QuoteMark(mark)], parse=lambda label: _BY_SHORT[label],
           tooltip="Testimonials (praise worth quoting) and improvement suggestions are counted per month in step 8 "
                   "and quoted in the report"),
    Column("said", "Said on", kind="date", width=85, tooltip="The day the customer said it, if known"),
    Column("source", "Where", width=90, tooltip="A survey answer and its score, an interview, a support call…"),
)


class QuoteListWidget(EntityListWidget):
    """The quotes of the finding shown (``show_finding``), editable, with a menu that marks the selected ones."""

    def __init__(self, document: ProjectDocument, parent: QWidget | None = None) -> None:
        super().__init__(document, None, QUOTE_COLUMNS, lambda: Quote("", said=date.today()), noun="quote",
                         title="Customers' words",
                         empty="No customer comments cited yet: cite them in the “Customer feedback” tab, or add "
                               "one heard elsewhere (an interview, a support call).",
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
        stack.beginMacro(f"Mark as {mark.label.lower()}")
        for quote in quotes:
            self._document.push(SetField((*path, quote.id), "mark", mark, description="Mark quote"))
        stack.endMacro()

    def _on_context_menu(self, pos: QPoint) -> None:
        if not self.selected_quotes():
            return
        menu = QMenu(self)
        for mark in QuoteMark:
            menu.addAction(f"Mark as {mark.label.lower()}", lambda mark=mark: self.mark_selected(mark))
        menu.exec(self.view.viewport().mapToGlobal(pos))
