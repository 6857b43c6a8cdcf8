"""A chart with its export actions (PNG/SVG) on buttons and on right-click."""

from __future__ import annotations

from usagelens.report.chart_export import save_chart
from usagelens.report.charts import TimeSeriesChart
from usagelens.ui.qt import QFileDialog, QMenu, QMessageBox, QPoint, Qt, QToolButton, QVBoxLayout, QWidget


class ChartPanel(QWidget):
    """Wraps a ``TimeSeriesChart``; ``export(path)`` writes PNG or SVG by suffix."""

    def __init__(self, name: str, *, y_label: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.chart = TimeSeriesChart(y_label=y_label)
        self.chart.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.chart.customContextMenuRequested.connect(self._on_context_menu)
        self.export_button = QToolButton()
        self.export_button.setText("Export chart")
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        self._add_export_actions(menu)
        self.export_button.setMenu(menu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.chart, 1)

    def _add_export_actions(self, menu: QMenu) -> None:
        menu.addAction("Save chart as PNG…", lambda: self.export_dialog("png"))
        menu.addAction("Save chart as SVG…", lambda: self.export_dialog("svg"))

    def _on_context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        self._add_export_actions(menu)
        menu.exec(self.chart.mapToGlobal(pos))

    def export_dialog(self, kind: str) -> None:
        filters = {"png": "PNG images (*.png)", "svg": "SVG drawings (*.svg)"}
        path, _ = QFileDialog.getSaveFileName(self, "Save chart", f"{self.name}.{kind}", filters[kind])
        if path:
            self.export(path)

    def export(self, path: str) -> None:
        try:
            save_chart(self.chart, path)
        except OSError as exc:
            QMessageBox.warning(self, "Export failed", str(exc))
