"""A table model over a stored table too big to decode: it asks DuckDB for the pages the view paints.

:class:`~usagelens.ui.frame_model.FrameModel` holds a DataFrame; a 100M-row source would not fit in memory as
one. This model holds only the rows in sight: pages of a few hundred rows, read on a worker when the view
first paints them (their cells are blank until then) and kept in a small least-recently-used cache. A sort
or filter is one DuckDB query on another worker (:mod:`usagelens.workspace.table_pages`); the grid keeps its
rows, scrolls and repaints meanwhile, and a newer request interrupts an older one. Cells are formatted and
headers labelled exactly as the in-memory grid does, so the two grids look the same.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from functools import partial
from pathlib import Path

import numpy as np
import pandas as pd

from usagelens.cleaning.values import type_label
from usagelens.model.stored_table import StoredTable
from usagelens.ui.frame_model import POLL_MS, AnyIndex, Formatter, formatter_for
from usagelens.ui.grid_model import GridModel
from usagelens.ui.qt import QModelIndex, QObject, Qt, QTimer
from usagelens.workspace.table_pages import Page, RowOrder, TablePages, TableQuery, check_excel_rows

log = logging.getLogger(__name__)

PAGE_ROWS = 256
CACHED_PAGES = 16
WANTED_PAGES = 8  # pages the view asked for last; older requests still queued are skipped (a fast scroll)
# One thread for the sorts and filters of every paged grid, another for their pages, so a long sort never
# holds up the pages of the rows on screen.
_ORDERS = ThreadPoolExecutor(max_workers=1, thread_name_prefix="grid-orders")
_PAGES = ThreadPoolExecutor(max_workers=1, thread_name_prefix="grid-pages")


def _order_with_first_page(pages: TablePages, query: TableQuery, cancelled: Callable[[], bool]
                           ) -> tuple[RowOrder, Page] | None:
    """The rows ``query`` keeps and their first page, read together so the new rows show at once."""
    order = pages.order(query, cancelled)
    if order is None:
        return None
    return order, pages.page(order, 0, PAGE_ROWS)


class PagedModel(GridModel):
    """Shows a stored table read-only, page by page; sorts and filters are DuckDB queries off the UI thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pages: TablePages | None = None
        self._order = RowOrder(0)
        self._generation = 0  # counts orders shown: pages read for an older one are dropped
        self._cache: OrderedDict[int, Page] = OrderedDict()
        self._loading: dict[int, Future[Page | None]] = {}
        self._wanted: OrderedDict[int, None] = OrderedDict()
        self._pending: tuple[Future[tuple[RowOrder, Page] | None], threading.Event] | None = None
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._collect)
        self._formatters: list[Formatter] = []
        self._numeric: list[bool] = []

    # --- content -------------------------------------------------------------------------------------
    def set_stored(self, stored: StoredTable | None) -> None:
        """Show ``stored`` (nothing for None) without decoding it: its shape comes from the Parquet footer,
        its rows from DuckDB as the view paints them."""
        self.beginResetModel()
        was_busy = self._drop_pending()
        self._drop_order()
        if stored is None or self.stored() is not stored:  # the same table again keeps its DuckDB session
            self._pages = TablePages(stored) if stored is not None else None
        self._order = RowOrder(stored.rows if stored is not None else 0)
        self._forget_pages()
        dtypes = self._pages.dtypes if self._pages is not None else []
        self._formatters = [formatter_for(dtype) for dtype in dtypes]
        self._numeric = [pd.api.types.is_numeric_dtype(d) and not pd.api.types.is_bool_dtype(d) for d in dtypes]
        self._clear_view_state()
        self.endResetModel()
        if was_busy:
            self.busy_changed.emit(False)

    def stored(self) -> StoredTable | None:
        return self._pages.stored if self._pages is not None else None

    def total_rows(self) -> int:
        """The rows of the table, filtered or not."""
        return self._pages.stored.rows if self._pages is not None else 0

    def column_name(self, column: int) -> str:
        return self._pages.columns[column] if self._pages is not None else ""

    def column_type(self, column: int) -> str:
        return type_label(self._pages.dtypes[column]) if self._pages is not None else ""

    @property
    def busy(self) -> bool:
        """Whether a sort or filter is still being worked out (the rows shown are the previous ones)."""
        return self._pending is not None

    def cells(self, rows: np.ndarray, columns: list[int]) -> pd.DataFrame:
        """The values at view ``rows`` (ascending) and ``columns``, for a copy: read now, on the UI thread."""
        if self._pages is None or not len(rows):
            return pd.DataFrame()
        return self._pages.rows(self._order, rows).frame.iloc[:, columns]

    def export_job(self, path: str, sheet: str) -> tuple[int, Callable[..., None]]:
        """How many rows an export of the shown rows to ``path`` writes, and the work function writing them
        (CSV streamed by DuckDB; Excel refused at once with :class:`ExportFailed` beyond a sheet's rows)."""
        assert self._pages is not None
        rows, query = self._order.count, self._query()
        if Path(path).suffix.lower() == ".xlsx":
            check_excel_rows(rows)
            return rows, partial(self._pages.write_xlsx, query, rows, path, sheet)
        return rows, partial(self._pages.write_csv, query, path)

    # --- Qt model API --------------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._order.count

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() or self._pages is None else len(self._pages.columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.ToolTipRole:
            page = self._page_of(index.row())
            if page is None:
                return None  # blank until its page arrives
            return self._formatters[col](page.frame.iat[index.row() % PAGE_ROWS, col])
        if role == Qt.ItemDataRole.TextAlignmentRole and self._numeric[col]:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def row_label(self, row: int) -> str:
        page = self._cache.get(row // PAGE_ROWS)  # the cells in sight ask for their pages, never a header
        return "" if page is None else str(int(page.source_rows[row % PAGE_ROWS]) + 1)

    def _rows_changed(self, *, filtered: bool) -> None:
        self._rebuild_rows()

    # --- pages ---------------------------------------------------------------------------------------
    def _page_of(self, row: int) -> Page | None:
        """The cached page holding view ``row``, or None after asking the worker for it."""
        number = row // PAGE_ROWS
        page = self._cache.get(number)
        if page is not None:
            self._cache.move_to_end(number)
            return page
        self._wanted[number] = None
        self._wanted.move_to_end(number)
        while len(self._wanted) > WANTED_PAGES:
            self._wanted.popitem(last=False)
        if number not in self._loading and self._pages is not None:
            generation = self._generation
            self._loading[number] = _PAGES.submit(
                self._read_page, self._pages, self._order, number,
                lambda: generation == self._generation and number in self._wanted,
            )
            self._poll.start()
        return None

    @staticmethod
    def _read_page(pages: TablePages, order: RowOrder, number: int, wanted: Callable[[], bool]) -> Page | None:
        """On the page worker: the page, unless the view has moved on before its turn came."""
        if not wanted():
            return None
        return pages.page(order, number * PAGE_ROWS, (number + 1) * PAGE_ROWS)

    def _keep_page(self, number: int, page: Page) -> None:
        self._cache[number] = page
        self._cache.move_to_end(number)
        while len(self._cache) > CACHED_PAGES:
            self._cache.popitem(last=False)

    def _forget_pages(self) -> None:
        self._generation += 1
        self._cache.clear()
        self._loading.clear()
        self._wanted.clear()

    # --- working out the rows ------------------------------------------------------------------------
    def _query(self) -> TableQuery:
        sort = None if self._sort is None else (self._sort[0], self._sort[1] == Qt.SortOrder.AscendingOrder)
        filters = tuple(self._column_filters.items()) + ((self._filter,) if self._filter[1] else ())
        return TableQuery(sort, filters)

    def _rebuild_rows(self) -> None:
        """Ask the order worker for the rows of the current sort and filters; a request still running is
        interrupted."""
        if self._pages is None:
            return
        was_busy = self._drop_pending()
        cancel = threading.Event()
        self._pending = (_ORDERS.submit(_order_with_first_page, self._pages, self._query(), cancel.is_set), cancel)
        self._poll.start()
        if not was_busy:
            self.busy_changed.emit(True)

    def _collect(self) -> None:
        """Take finished orders and pages (polled: the workers never touch a Qt object)."""
        for number, future in list(self._loading.items()):
            if future.done():
                del self._loading[number]
                self._take_page(number, future)
        if self._pending is not None and self._pending[0].done():
            future, _ = self._pending
            self._pending = None
            try:
                result = future.result()
            except Exception:  # noqa: BLE001 - a grid that cannot sort keeps its rows rather than crash
                log.exception("sorting or filtering the grid failed")
                result = None
            if result is not None:
                self._apply(*result)
            self.busy_changed.emit(False)
        if self._pending is None and not self._loading:
            self._poll.stop()

    def _take_page(self, number: int, future: Future[Page | None]) -> None:
        try:
            page = future.result()
        except Exception:  # noqa: BLE001 - its cells stay blank; the next paint asks again
            log.exception("reading rows of the grid failed")
            return
        if page is None:
            return
        self._keep_page(number, page)
        first, last = number * PAGE_ROWS, number * PAGE_ROWS + len(page.source_rows) - 1
        self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))
        self.headerDataChanged.emit(Qt.Orientation.Vertical, first, last)

    def _drop_pending(self) -> bool:
        """Interrupt the order being worked out, if any (its rows are never shown); whether there was one."""
        if self._pending is None:
            return False
        self._pending[1].set()
        self._pending = None
        return True

    def _apply(self, order: RowOrder, first: Page) -> None:
        """Show ``order``, whose first page is ``first``, in place of the order shown before.

        Views reset after a sort too (the grid then shows the top of the sorted rows): every row in sight is
        new, and there are no row positions to carry over as FrameModel's layout change does."""
        self.beginResetModel()
        self._drop_order()
        self._order = order
        self._forget_pages()
        self._keep_page(0, first)
        self.endResetModel()
        self.rows_ready.emit()

    def _drop_order(self) -> None:
        """Forget the order shown (its session table is dropped on the worker)."""
        if self._pages is not None and self._order.table is not None:
            _ORDERS.submit(self._pages.drop, self._order)
