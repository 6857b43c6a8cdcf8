"""A rich-text document that paginates onto PDF or printer pages, with vector charts and page numbers.

Qt's ``QTextDocument`` gives us flowing text, tables whose header rows repeat on every page and page breaks;
charts go in as custom text objects that paint SVG through ``QSvgRenderer``, so they stay vectors in the PDF.
``QTextDocument.print()`` is not used because it clones the document (dropping the chart handler); pages are
painted here instead, with a running footer.
"""

from __future__ import annotations

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
    QPyTextObject,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextImageFormat,
)

from usagelens.charts.export import paint_svg
from usagelens.charts.style import paper_palette

LAYOUT_DPI = 96.0  # the document is laid out in 96-dpi pixels and scaled to each device
SVG_OBJECT = QTextFormat.ObjectTypes.UserObject + 1
_SVG_DATA = QTextFormat.Property.UserProperty + 1
_SVG_SIZE = QTextFormat.Property.UserProperty + 2
FOOTER_HEIGHT = 28.0
TABLE_GAP = 8.0  # layout pixels at least between a table and what follows it

STYLESHEET = """
body { color: #23272e; }
h1 { font-size: 20pt; color: #12355b; margin-top: 4px; margin-bottom: 6px; }
h2 { font-size: 14pt; color: #12355b; margin-top: 14px; margin-bottom: 4px; }
h3 { font-size: 11pt; color: #23272e; margin-top: 10px; margin-bottom: 2px; }
p { margin-top: 2px; margin-bottom: 6px; }
.muted { color: #6b7079; }
.caption { color: #6b7079; font-size: 8.5pt; }
th { background-color: #e8eef5; color: #12355b; font-weight: 600; text-align: left; }
td, th { padding: 3px 5px; }
td.num { text-align: right; }
"""


def default_page_layout() -> QPageLayout:
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        QMarginsF(18, 16, 18, 14),
        QPageLayout.Unit.Millimeter,
    )


class _SvgTextObject(QPyTextObject):
    """Draws an SVG chart where the document holds an object-replacement character."""

    def intrinsicSize(self, doc: QTextDocument, pos: int, fmt: QTextFormat) -> QSizeF:  # noqa: N802
        size = fmt.property(_SVG_SIZE)
        return QSizeF(size) if size is not None else QSizeF(400, 300)

    def drawObject(  # noqa: N802
        self, painter: QPainter, rect: QRectF, doc: QTextDocument, pos: int, fmt: QTextFormat
    ) -> None:
        paint_svg(painter, bytes(fmt.property(_SVG_DATA)), rect)


def _first_block_format(html: str) -> QTextBlockFormat | None:
    """The block format the first paragraph of ``html`` has on its own (None when it opens a table: its first
    block is a cell's, which is no format for the paragraph before the table)."""
    scratch = QTextDocument()
    scratch.setDefaultStyleSheet(STYLESHEET)
    scratch.setHtml(html)
    cursor = QTextCursor(scratch.begin())
    return None if cursor.currentTable() is not None else scratch.begin().blockFormat()


class PagedDocument:
    """Build a report with ``html``/``chart``/``page_break`` calls, then ``paint`` it onto any paged device."""

    def __init__(self, title: str, *, base_font: str = "", point_size: float = 9.5) -> None:
        self.title = title
        self.document = QTextDocument()
        self.document.setDocumentMargin(0)
        self.document.setDefaultStyleSheet(STYLESHEET)
        font = QFont(base_font) if base_font else QFont()
        font.setPointSizeF(point_size)
        self.document.setDefaultFont(font)
        self._svg_handler = _SvgTextObject()
        self.document.documentLayout().registerHandler(SVG_OBJECT, self._svg_handler)
        self._cursor = QTextCursor(self.document)
        self._width = self._content_size(default_page_layout()).width()

    @property
    def content_width(self) -> float:
        """Usable width in layout pixels, for sizing charts."""
        return self._width

    def html(self, html: str) -> None:
        """Append an HTML fragment as its own blocks (fragments never run into the previous paragraph)."""
        if self._cursor.block().length() > 1:
            self._cursor.insertBlock(QTextBlockFormat())
        first = _first_block_format(html)
        self._space_after_table(first.topMargin() if first is not None else 0.0)
        if self._cursor.position() == 0 and first is not None and first.topMargin() > 0:
            # Qt lays the document's first block out without its top margin (the cover's 180 px were lost): an
            # empty line of no height before it makes the margin count.
            spacer = QTextBlockFormat()
            spacer.setLineHeight(0, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
            self._cursor.setBlockFormat(spacer)
            self._cursor.insertBlock(QTextBlockFormat())
        start = self._cursor.position()
        self._cursor.insertHtml(html)
        # insertHtml merges the fragment's first block into the cursor's and drops its block format: a heading
        # that opens a fragment lost its margin above (and its heading level), so it sat against the table or
        # caption before it. Its format is read from the fragment alone and merged in (a page break stays).
        if first is not None:
            cursor = QTextCursor(self.document)
            cursor.setPosition(start)
            cursor.mergeBlockFormat(first)

    def _space_after_table(self, margin: float) -> None:
        """Qt lays the block right after a table out without its top margin, so a heading or paragraph sat
        against the table's last row: a table just before the cursor keeps that room (at least
        :data:`TABLE_GAP`) below itself instead. (A chart or image needs none: it starts a block of its own
        after the table's empty line.)"""
        previous = self._cursor.block().previous()
        table = QTextCursor(previous).currentTable() if previous.isValid() else None
        if table is None or self._cursor.currentTable() is not None:
            return
        table_format = table.format()
        table_format.setBottomMargin(max(TABLE_GAP, margin))
        table.setFormat(table_format)

    def chart(self, svg: bytes, width: float, height: float) -> None:
        """Insert an SVG chart scaled to fit the text width, in its own centred paragraph."""
        scale = min(1.0, self._width / width)
        block = QTextBlockFormat()
        block.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        block.setTopMargin(4)
        block.setBottomMargin(2)
        self._cursor.insertBlock(block)
        fmt = QTextCharFormat()
        fmt.setObjectType(SVG_OBJECT)
        fmt.setProperty(_SVG_DATA, svg)
        fmt.setProperty(_SVG_SIZE, QSizeF(width * scale, height * scale))
        self._cursor.insertText("\ufffc", fmt)
        self._cursor.insertBlock(QTextBlockFormat())

    def image(self, png: bytes, name: str, max_height: float) -> bool:
        """Insert a PNG (a pinned chart snapshot) centred, scaled to fit the text width and ``max_height``;
        False when the bytes are not an image, so the caller can say so instead."""
        image = QImage.fromData(png, "PNG")
        if image.isNull():
            return False
        scale = min(1.0, self._width / image.width(), max_height / image.height())
        url = QUrl(f"image://{name}")
        self.document.addResource(QTextDocument.ResourceType.ImageResource, url, image)
        block = QTextBlockFormat()
        block.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self._cursor.insertBlock(block)
        fmt = QTextImageFormat()
        fmt.setName(url.toString())
        fmt.setWidth(image.width() * scale)
        fmt.setHeight(image.height() * scale)
        self._cursor.insertImage(fmt)
        self._cursor.insertBlock(QTextBlockFormat())
        return True

    def keep_space(self, height: float) -> None:
        """Start a new page unless ``height`` more layout pixels fit on this one, so a heading is never left
        at the foot of a page while the chart it introduces moves to the next."""
        page = self._content_size(default_page_layout()).height()
        self.document.setPageSize(QSizeF(self._width, page))
        used = self.document.documentLayout().documentSize().height() % page
        if used + height > page:
            self.page_break()

    def page_break(self) -> None:
        block = QTextBlockFormat()
        block.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        self._cursor.insertBlock(block)

    def pages_of(self, texts: list[str]) -> dict[str, int]:
        """The page (1-based, on the default A4 layout) of the last paragraph reading exactly each text: for a
        table of contents whose entries repeat the headings further on."""
        size = self._content_size(default_page_layout())
        self.document.setPageSize(size)
        layout = self.document.documentLayout()
        wanted, found = set(texts), {}
        block = self.document.begin()
        while block.isValid():
            if block.text() in wanted:
                # A block pushed to a new page starts a hair above the boundary in floating point: nudge it down.
                found[block.text()] = int((layout.blockBoundingRect(block).top() + 1) // size.height()) + 1
            block = block.next()
        return found

    # --- painting ------------------------------------------------------------------------------------
    @staticmethod
    def _content_size(layout: QPageLayout) -> QSizeF:
        rect = layout.paintRect(QPageLayout.Unit.Inch)
        return QSizeF(rect.width() * LAYOUT_DPI, rect.height() * LAYOUT_DPI - FOOTER_HEIGHT)

    def paint(self, device: QPagedPaintDevice) -> int:
        """Paint every page onto ``device`` (a QPdfWriter or QPrinter); returns the page count."""
        layout = device.pageLayout()
        size = self._content_size(layout)
        self.document.setPageSize(size)
        pages = max(1, self.document.pageCount())
        scale = device.logicalDpiX() / LAYOUT_DPI
        painter = QPainter(device)
        try:
            for page in range(pages):
                if page:
                    device.newPage()
                painter.save()
                painter.scale(scale, scale)
                painter.save()
                painter.translate(0, -page * size.height())
                self._paint_page(painter, QRectF(0, page * size.height(), size.width(), size.height()))
                painter.restore()
                self._paint_footer(painter, page + 1, pages, size)
                painter.restore()
        finally:
            painter.end()
        return pages

    def _paint_page(self, painter: QPainter, rect: QRectF) -> None:
        """``QTextDocument.drawContents`` with a paper palette: it would take the app's, and in the dark theme
        text without a colour of its own (table cells, lists) would print light grey on white."""
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = rect
        context.palette = paper_palette()
        painter.setClipRect(rect)
        self.document.documentLayout().draw(painter, context)

    def _paint_footer(self, painter: QPainter, page: int, pages: int, size: QSizeF) -> None:
        top = size.height() + 8
        painter.setPen(QPen(QColor("#c9ced6"), 0.8))
        painter.drawLine(0, int(top), int(size.width()), int(top))
        font = QFont(self.document.defaultFont())
        font.setPixelSize(10)  # layout pixels: the painter is already scaled to the device
        painter.setFont(font)
        painter.setPen(QColor("#6b7079"))
        text_rect = QRectF(0, top + 3, size.width(), FOOTER_HEIGHT - 10)
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.title)
        painter.drawText(
            text_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"Page {page} of {pages}"
        )
