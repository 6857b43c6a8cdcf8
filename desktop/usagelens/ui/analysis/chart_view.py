"""The chart area of the analysis page: draws a result's charts, or says plainly why there is nothing to draw.

Charts are rebuilt per result (a pyqtgraph widget per ``ChartData``) rather than mutated, so a funnel never
inherits a heat map's axes. The whole area exports to PNG/SVG from a button or a right-click.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from usagelens.analytics.attributes import MISSING_LABEL, MISSING_SHOWN
from usagelens.charts.export import chart_image, image_bytes, save_chart
from usagelens.charts.from_data import chart_widget
from usagelens.charts.style import TEXT_COLOUR, paper_palette
from usagelens.charts.time_series import Marker
from usagelens.ui.qt import (
    QFileDialog,
    QGridLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPoint,
    Qt,
    QVBoxLayout,
    QWidget,
)
from usagelens.ui.translations import translated
from usagelens.ui.wrapped_minimum import WrapAwareWidget
from usagelens.workspace.analyses import AnalysisResult, ChartData, Series


@dataclass(frozen=True)
class ChartPoint:
    """A mark of a chart a right-click was on: point ``index`` of the series named ``series`` (a heat map: the
    cell of row label ``series``, column ``index``)."""

    chart: ChartData
    series: str
    index: int


STACKED_MIN_HEIGHT = 120  # each of two stacked charts (revenue per active and per paying user) at 1366 × 768
SINGLE_MIN_HEIGHT = 150  # one chart, above the table, at the window's minimum size (1024 × 560)


class AnalysisChartWidget(WrapAwareWidget):  # its charts' titles wrap
    """One or two stacked charts with titles, or a centred explanation when the result is empty.

    ``point_actions``, when set, adds entries about the point under a right-click to its menu."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = "analysis"
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._on_context_menu)
        # Charts are drawn for print, light in either theme: the whole area is paper, titles included.
        self.setPalette(paper_palette())
        self.setAutoFillBackground(True)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(4, 4, 4, 4)
        self.charts: list[QWidget] = []
        self.message = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.message.setObjectName("chartMessage")
        self.message.setStyleSheet("color: #6b7079; font-size: 13pt; padding: 24px;")
        self._layout.addWidget(self.message, 1)
        self._grid = QGridLayout()  # the charts, each under its title: stacked, or side by side
        self._layout.addLayout(self._grid, 1)
        self.chart_rows = 0  # how many charts are stacked (the page gives two stacked charts more height)
        self.point_actions: Callable[[QMenu, ChartPoint], None] | None = None

    def show_message(self, text: str) -> None:
        """Replace the charts by a sentence (loading, empty data, an error the user can fix)."""
        self._clear()
        self.chart_rows = 0
        self.message.setText(text)
        self.message.show()

    def show_result(self, result: AnalysisResult, markers: Sequence[Marker], name: str) -> None:
        self.name = name
        if result.empty or not result.charts:
            self.show_message(translated(result.message) or self.tr("There is no data for these settings."))
            return
        self._clear()
        self.message.hide()
        # A heat map needs its height for its rows (a cohort a row), so a chart that goes with it sits beside it.
        beside = result.charts[0].kind == "heatmap"
        self.chart_rows = 1 if beside else len(result.charts)
        for number, data in enumerate(result.charts):
            shown = translated_chart(data)
            title = QLabel(shown.title)
            title.setObjectName("chartTitle")
            title.setStyleSheet(f"font-weight: 600; color: {TEXT_COLOUR}; padding: 2px 6px;")  # on paper
            title.setWordWrap(True)  # a long title must not widen its column (charts side by side)
            chart = chart_widget(shown, markers)
            # Two stacked charts must fit the room of one, or the second overlaps the first; and one must fit the
            # room the page has at the window's minimum size, or its time axis is cut off below the chart's area.
            fitted = STACKED_MIN_HEIGHT if self.chart_rows > 1 else SINGLE_MIN_HEIGHT
            chart.setMinimumHeight(min(chart.minimumHeight(), fitted))
            # Focusable, so the keyboard reaches its export menu (the Menu key), and named by its title.
            chart.setAccessibleName(self.tr("Chart: {title}").format(title=shown.title))
            chart.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            chart.customContextMenuRequested.connect(
                lambda pos, c=chart, d=data, s=shown: self._on_context_menu(c.mapTo(self, pos),
                                                                            self._point(c, d, s, pos))
            )
            row, column = (0, number) if beside else (2 * number, 0)
            self._grid.addWidget(title, row, column)
            self._grid.addWidget(chart, row + 1, column)
            share = 3 if number == 0 else 2  # the main chart gets the most room
            if beside:
                self._grid.setColumnStretch(column, share)
            else:
                self._grid.setRowStretch(row + 1, share)
            self.charts += [title, chart]
        for widget in self.charts:  # a layout shows new children only on the next event-loop turn
            widget.show()
        self._layout.activate()

    def _clear(self) -> None:
        for widget in self.charts:
            self._grid.removeWidget(widget)
            widget.setParent(None)  # gone at once, not at the next event loop turn (exports must not see it)
            widget.deleteLater()
        self.charts = []
        for row in range(self._grid.rowCount()):
            self._grid.setRowStretch(row, 0)
        for column in range(self._grid.columnCount()):
            self._grid.setColumnStretch(column, 0)

    def plots(self) -> list[QWidget]:
        """The chart widgets (without their titles), for read-outs and tests."""
        return self.charts[1::2]

    def add_export_actions(self, menu: QMenu) -> None:
        """The chart's export entries, for its context menu and the page's Export menu."""
        menu.addAction(self.tr("Save chart as PNG…"), lambda: self.export_dialog("png"))
        menu.addAction(self.tr("Save chart as SVG…"), lambda: self.export_dialog("svg"))

    @staticmethod
    def _point(chart: QWidget, data: ChartData, shown: ChartData, pos: QPoint) -> ChartPoint | None:
        """The point under ``pos`` of ``chart`` (drawn from ``shown``, ``data`` in the user's language), named
        by the core's series or row label, which the users behind it are found by."""
        point_at = getattr(chart, "point_at", None)  # a chart whose marks are points, bars or cells
        found = point_at(pos) if point_at is not None else None
        if found is None:
            return None
        name, index = found
        core = dict(zip([s.name for s in shown.series] + shown.row_labels,
                        [s.name for s in data.series] + data.row_labels, strict=True))
        return ChartPoint(data, core.get(name, name), index)

    def _on_context_menu(self, pos: QPoint, point: ChartPoint | None = None) -> None:
        menu = QMenu(self)
        if point is not None and self.point_actions is not None:
            self.point_actions(menu, point)  # e.g. the users behind the point
            if menu.actions():
                menu.addSeparator()
        self.add_export_actions(menu)
        menu.exec(self.mapToGlobal(pos))

    def export_dialog(self, kind: str) -> None:
        filters = {"png": self.tr("PNG images (*.png)"), "svg": self.tr("SVG drawings (*.svg)")}
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save chart"), f"{self.name}.{kind}", filters[kind])
        if path:
            self.export(path)

    def export(self, path: str) -> None:
        """Write the chart area to PNG or SVG by suffix; a failure is a message, not a traceback."""
        try:
            save_chart(self, path)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Export failed"), str(exc))

    def snapshot_png(self) -> bytes:
        """PNG bytes of the chart area at screen resolution (kept small inside the project file)."""
        return image_bytes(chart_image(self, scale=1.0))


def _label(text: str) -> str:
    """A series' or a category's name in the user's language: marked words translated, the segment of users
    without a value too ("(missing)" comes from the engine unmarked), names from the data as they are."""
    return translated(MISSING_SHOWN if text == MISSING_LABEL else text)


def translated_chart(data: ChartData) -> ChartData:
    """A chart's words in the user's language (its title, axes, series and row and column labels, where the core
    marked them); event names and values stay as they are. The report draws the core's English."""

    def series(each: Series) -> Series:
        categories = [_label(x) for x in each.x] if isinstance(each.x, list) else each.x  # a time chart's: dates
        return replace(each, name=_label(each.name), x=categories)

    return replace(data, title=translated(data.title), y_label=translated(data.y_label),
                   x_label=translated(data.x_label), series=[series(s) for s in data.series],
                   highlights=None if data.highlights is None else series(data.highlights),
                   row_labels=[translated(label) for label in data.row_labels],
                   column_labels=[translated(label) for label in data.column_labels],
                   links=[(column, translated(source), translated(target), value)
                          for column, source, target, value in data.links],
                   muted=tuple(translated(label) for label in data.muted),
                   shaded=[(first, last, translated(label)) for first, last, label in data.shaded])
