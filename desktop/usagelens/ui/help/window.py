"""The help window: contents, the page, and a search over every page, all offline.

One window per main window, opened by F1 at the page of the step on screen. Pages are bundled Markdown
rendered by ``QTextBrowser`` (no web engine: nothing to download, nothing that reaches the network), and links
between pages are followed in place, each to the page in the app's language or, not yet translated, in English.
Searching keeps only the pages shown that mention every word typed, and marks each match on the page in the
palette's highlight colours.
"""

from __future__ import annotations

from usagelens.ui.help.pages import OVERVIEW, SUFFIX, HelpPage, help_pages, page_named
from usagelens.ui.qt import (
    QByteArray,
    QDialog,
    QHBoxLayout,
    QHideEvent,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    Qt,
    QTextBrowser,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextEdit,
    QUrl,
    QVBoxLayout,
    QWidget,
)
from usagelens.ui.settings import app_settings

GEOMETRY_KEY = "help/geometry"
DEFAULT_SIZE = (920, 660)
CONTENTS_WIDTH = 230  # the contents' least width; the page takes the rest


def search_words(query: str) -> list[str]:
    """The words of a search, lower-cased; a page matches when it contains all of them."""
    return query.lower().split()


class HelpBrowser(QTextBrowser):
    """Shows a page by its file name wherever that page lives: a German page's link to a page not yet translated
    would otherwise point into ``de/`` and open empty."""

    def __init__(self, pages: list[HelpPage]) -> None:
        super().__init__()
        self.pages = pages

    def doSetSource(  # noqa: N802 - Qt's name; every way to a page (show_page, a link, history) comes through here
        self, url: QUrl, kind: QTextDocument.ResourceType = QTextDocument.ResourceType.UnknownResource
    ) -> None:
        page = page_named(url.fileName().removesuffix(SUFFIX), self.pages) if url.fileName().endswith(SUFFIX) else None
        if page is None:
            super().doSetSource(url, kind)
        else:
            super().doSetSource(QUrl.fromLocalFile(str(page.path)), QTextDocument.ResourceType.MarkdownResource)


class HelpWindow(QDialog):
    """Contents and search on the left, the page on the right; Esc closes, the size is remembered."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("UsageLens help"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint)
        self.pages = help_pages()
        self._texts = {page.name: self._plain_text(page) for page in self.pages}
        self._titles = {page.name: page.title if page.path.exists() else page.name for page in self.pages}
        self._shown = ""
        self.search = QLineEdit(placeholderText=self.tr("Search the help"), clearButtonEnabled=True)
        self.search.setToolTip(self.tr("Pages that mention every word typed; Enter goes to the next match"))
        self.search.setAccessibleName(self.tr("Search the help"))
        self.contents = QListWidget()
        self.contents.setObjectName("helpContents")
        self.contents.setAccessibleName(self.tr("Help contents"))
        self._fill_contents()
        self.no_match = QLabel(wordWrap=True, visible=False)
        self.browser = HelpBrowser(self.pages)
        self.browser.setObjectName("helpPage")
        self.browser.setAccessibleName(self.tr("Help page"))
        self.browser.setOpenExternalLinks(True)
        self.browser.setSearchPaths([str(page.path.parent) for page in self.pages[:1]])
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.no_match)
        left_layout.addWidget(self.contents, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.browser)
        # Room for the longest title and a search's match count: German titles are longer than the English.
        titles = self.contents.sizeHintForColumn(0) + 2 * self.contents.frameWidth()
        contents_width = max(CONTENTS_WIDTH, titles + self.fontMetrics().horizontalAdvance("  (99)"))
        splitter.setSizes([contents_width, DEFAULT_SIZE[0] - contents_width])
        splitter.setStretchFactor(1, 1)
        layout = QHBoxLayout(self)
        layout.addWidget(splitter)
        self.search.textChanged.connect(self._on_search_changed)
        self.search.returnPressed.connect(self.next_match)
        self.contents.currentItemChanged.connect(self._on_contents_changed)
        self.browser.sourceChanged.connect(self._on_source_changed)
        self._restore_size()
        self.show_page(OVERVIEW)

    @staticmethod
    def _plain_text(page: HelpPage) -> str:
        """What the reader sees of a page (no Markdown marks, no link targets), lower-cased for searching."""
        document = QTextDocument()
        document.setMarkdown(page.source() if page.path.exists() else "")
        return document.toPlainText().lower()

    # --- pages ---------------------------------------------------------------------------------------
    def show_page(self, name: str) -> None:
        """Show the page ``name`` (a file name without ``.md``) and select it in the contents."""
        page = page_named(name, self.pages)
        if page is None or name == self._shown:
            self._select_in_contents(name)
            return
        self.browser.setSource(QUrl.fromLocalFile(str(page.path)), QTextDocument.ResourceType.MarkdownResource)

    def current_page(self) -> str:
        return self._shown

    def _on_source_changed(self, url: QUrl) -> None:
        """A page was opened (from the contents, a link or ``show_page``): follow it in the contents."""
        self._shown = url.fileName().removesuffix(SUFFIX)
        self._select_in_contents(self._shown)
        self._highlight()

    def _select_in_contents(self, name: str) -> None:
        for row in range(self.contents.count()):
            item = self.contents.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == name and not item.isHidden():
                self.contents.blockSignals(True)
                self.contents.setCurrentItem(item)
                self.contents.blockSignals(False)
                return
        self.contents.clearSelection()

    def _on_contents_changed(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is not None:
            self.show_page(str(current.data(Qt.ItemDataRole.UserRole)))

    def _fill_contents(self) -> None:
        for page in self.pages:
            item = QListWidgetItem(self._titles[page.name])
            item.setData(Qt.ItemDataRole.UserRole, page.name)
            self.contents.addItem(item)

    # --- search --------------------------------------------------------------------------------------
    def matching_pages(self, query: str) -> list[str]:
        """The pages that mention every word of ``query``, in contents order (all pages for no words)."""
        words = search_words(query)
        return [page.name for page in self.pages if all(word in self._texts[page.name] for word in words)]

    def _on_search_changed(self, query: str) -> None:
        """Keep only the matching pages in the contents, each with its number of matches; stay on the page
        shown if it matches, else go to the first page that does."""
        words = search_words(query)
        matching = self.matching_pages(query)
        for row in range(self.contents.count()):
            item = self.contents.item(row)
            name = str(item.data(Qt.ItemDataRole.UserRole))
            item.setHidden(name not in matching)
            hits = sum(self._texts[name].count(word) for word in words)
            item.setText(f"{self._titles[name]}  ({hits})" if words else self._titles[name])
        none = self.tr("No page mentions “{words}”.").format(words=query.strip())
        self.no_match.setText(none if not matching else "")
        self.no_match.setVisible(not matching)
        if matching and self._shown not in matching:
            self.show_page(matching[0])
        else:
            self._select_in_contents(self._shown)
            self._highlight()

    def _highlight(self) -> None:
        """Mark every match of the search's words on the page and scroll to the first."""
        selections = []
        document = self.browser.document()
        marked = QTextCharFormat()
        marked.setBackground(self.palette().highlight())
        marked.setForeground(self.palette().highlightedText())
        for word in search_words(self.search.text()):
            cursor = document.find(word)
            while not cursor.isNull():
                selection = QTextEdit.ExtraSelection()
                selection.cursor, selection.format = cursor, marked
                selections.append(selection)
                cursor = document.find(word, cursor)
        selections.sort(key=lambda s: s.cursor.position())
        self.browser.setExtraSelections(selections)
        if selections:
            self._go_to(selections[0].cursor)

    def highlighted(self) -> list[str]:
        """The text of each marked match, in page order (what the reader sees marked)."""
        return [s.cursor.selectedText() for s in self.browser.extraSelections()]

    def next_match(self) -> None:
        """Enter in the search box: the next match after the cursor, wrapping to the page's first."""
        selections = self.browser.extraSelections()
        if not selections:
            return
        here = self.browser.textCursor().position()
        later = [s.cursor for s in selections if s.cursor.selectionStart() >= here]
        self._go_to(later[0] if later else selections[0].cursor)

    def _go_to(self, match: QTextCursor) -> None:
        """Put the match a third of the way down the page, where the eye looks, not on its last line."""
        cursor = QTextCursor(match)
        cursor.setPosition(match.selectionEnd())  # collapsed after the match: the highlight stays visible
        self.browser.setTextCursor(cursor)
        bar = self.browser.verticalScrollBar()
        bar.setValue(bar.value() + self.browser.cursorRect().top() - self.browser.viewport().height() // 3)

    # --- size ----------------------------------------------------------------------------------------
    def _restore_size(self) -> None:
        geometry = app_settings().value(GEOMETRY_KEY)
        if not (isinstance(geometry, QByteArray | bytes) and self.restoreGeometry(QByteArray(geometry))):
            self.resize(*DEFAULT_SIZE)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt's name
        """Closed by Esc, the close button or with the app: the size is kept for next time."""
        app_settings().setValue(GEOMETRY_KEY, self.saveGeometry())
        super().hideEvent(event)
