"""The journey map's Sankey: a column of touchpoints per step, joined by bands as wide as the users they carry.

Everything is laid out in device pixels each time it is painted (as the category charts' value labels are), so
the same code draws the screen, a PNG, an SVG and the printed report at their own sizes: node heights are in
proportion to users, bands are filled Bézier ribbons, and each node's label (its touchpoint, users and share
of all users) is moved off its neighbours, shortened to one line, or left to the hover read-out when a column
has more nodes than lines of text. "Other" and journeys that ended are grey: they are not touchpoints.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QTransform
from PySide6.QtWidgets import QWidget

from usagelens.charts.device_pixels import DevicePixelItem
from usagelens.charts.locale_text import in_language, in_locale
from usagelens.charts.style import AXIS_LABEL_STYLE, PALETTE, TEXT_COLOUR, paper_palette
from usagelens.workspace.analyses import ChartData

NODE_WIDTH = 12.0
MUTED_COLOUR = "#b8bcc4"
MUTED_TEXT = "#6b7079"  # grey labels of Other and (ended), still 4.5:1 on white
LABEL_BACKING = QColor(255, 255, 255, 200)  # behind a label over the bands
BAND_ALPHA = 90  # of 255: bands stay see-through where they cross
LABEL_GAP = 2.0  # device pixels between two labels of a column
MAX_NODE_GAP = 12.0
LAST_LABEL_SHARE = 0.22  # of the width, at most, kept right of the last column for its labels
TOUCHPOINT_COLOURS = PALETTE[:6] + ("#8c6bb1", "#a6761d", "#1b9e77", "#666666")  # no black, no pale yellow


@dataclass
class Node:
    column: int
    label: str
    value: float = 0.0
    muted: bool = False
    colour: str = MUTED_COLOUR
    rect: QRectF = field(default_factory=QRectF)


@dataclass
class Band:
    source: Node
    target: Node
    value: float
    path: QPainterPath = field(default_factory=QPainterPath)


@dataclass
class Label:
    node: Node
    lines: tuple[str, ...]  # the wordings tried, longest first (two lines, one line)
    rect: QRectF = field(default_factory=QRectF)
    text: str = ""


class SankeyLayout:
    """The nodes, bands and labels of ``data`` placed in ``area`` (device pixels) with ``font``."""

    def __init__(self, data: ChartData, area: QRectF, font: QFont, locale: QLocale) -> None:
        self.nodes, self.bands = _graph(data)
        self.headings: list[tuple[QRectF, str]] = []
        self.labels: list[Label] = []
        columns = max(len(data.column_labels), 1 + max((n.column for n in self.nodes), default=0))
        metrics = QFontMetricsF(font)
        top = area.top() + metrics.height() + 6  # the column headings' row
        room = QRectF(area.left(), top, area.width(), max(area.bottom() - top, 1.0))
        last_names = [n.label for n in self.nodes if n.column == columns - 1]
        needed = max((metrics.horizontalAdvance(f"{name}  0,000 · 00%") for name in last_names), default=0.0) + 10
        last_labels = min(max(needed, 90.0), room.width() * LAST_LABEL_SHARE)
        pitch = (room.width() - last_labels - NODE_WIDTH) / max(columns - 1, 1)
        per_column: dict[int, list[Node]] = defaultdict(list)
        for node in self.nodes:
            per_column[node.column].append(node)
        most = max((len(n) for n in per_column.values()), default=1)
        gap = min(MAX_NODE_GAP, room.height() * 0.3 / max(most - 1, 1))
        # the anchor's column holds every user: shares are of its total
        self.total = max((sum(n.value for n in nodes) for nodes in per_column.values()), default=1.0) or 1.0
        scale = min((room.height() - gap * (len(nodes) - 1)) / max(sum(n.value for n in nodes), 1e-9)
                    for nodes in per_column.values()) if per_column else 1.0
        for column, nodes in per_column.items():
            nodes.sort(key=lambda n: (n.muted, -n.value, n.label))
            x, y = room.left() + column * pitch, room.top()
            for node in nodes:
                node.rect = QRectF(x, y, NODE_WIDTH, max(node.value * scale, 1.5))
                y += node.rect.height() + gap
        for column in range(columns):
            heading = data.column_labels[column] if column < len(data.column_labels) else ""
            width = pitch - 8 if column < columns - 1 else last_labels + NODE_WIDTH
            self.headings.append((QRectF(room.left() + column * pitch, area.top(), width, metrics.height()),
                                  metrics.elidedText(heading, Qt.TextElideMode.ElideRight, width)))
        self._place_bands(scale)
        label_width = pitch - NODE_WIDTH - 10
        for column, nodes in per_column.items():
            width = label_width if column < columns - 1 else last_labels - 6
            self._place_labels(nodes, metrics, width, room, locale)

    def _place_bands(self, scale: float) -> None:
        """Each node's bands stacked in the order of the nodes at their other end, so none cross at a node."""
        starts = _stacked(self.bands, lambda b: b.source, lambda b: b.target, scale)
        ends = _stacked(self.bands, lambda b: b.target, lambda b: b.source, scale)
        for band, y0, y1 in zip(self.bands, starts, ends, strict=True):
            x0, x1, thickness = band.source.rect.right(), band.target.rect.left(), band.value * scale
            middle = (x0 + x1) / 2
            band.path = QPainterPath(QPointF(x0, y0))
            band.path.cubicTo(QPointF(middle, y0), QPointF(middle, y1), QPointF(x1, y1))
            band.path.lineTo(x1, y1 + thickness)
            band.path.cubicTo(QPointF(middle, y1 + thickness), QPointF(middle, y0 + thickness),
                              QPointF(x0, y0 + thickness))
            band.path.closeSubpath()

    def _place_labels(self, nodes: list[Node], metrics: QFontMetricsF, width: float, room: QRectF,
                      locale: QLocale) -> None:
        """The column's labels beside their nodes: two lines each if they fit the column's height, else one,
        else the largest nodes' only; moved apart where neighbours would overlap."""
        if width < metrics.horizontalAdvance("Wxyz…"):
            return
        labels = []
        for node in nodes:
            share = node.value / self.total
            percent = "<1%" if 0 < share < 0.005 else f"{share:.0%}"
            numbers = in_locale(f"{node.value:,.0f} · {percent}", locale)
            name = metrics.elidedText(node.label, Qt.TextElideMode.ElideRight, width)
            # on one line: the name with its count and share, or with its share, or alone, whichever fits first
            lines = [f"{node.label}  {numbers}", f"{node.label}  {in_locale(percent, locale)}"]
            one = next((text for text in lines if metrics.horizontalAdvance(text) <= width), name)
            labels.append(Label(node, (f"{name}\n{numbers}", one)))
        line = metrics.height()
        tries = []  # (labels left out, how far a label strays from its node, wording, height, placed labels)
        for wording, height in ((0, 2 * line), (1, line)):
            placed = _fitting(labels, height, room)
            stray = max((abs(top + height / 2 - lab.node.rect.center().y()) - lab.node.rect.height() / 2
                         for lab, top in placed), default=0.0)
            tries.append((len(labels) - len(placed), max(stray - line / 2, 0.0), wording, height, placed))
        _, _, wording, height, placed = min(tries, key=lambda t: t[:3])
        shown = []
        for label, top in placed:
            label.text = label.lines[wording]
            label.rect = QRectF(label.node.rect.right() + 4, top, width, height)
            shown.append(label)
        self.labels += shown


def _fitting(labels: list[Label], height: float, room: QRectF) -> list[tuple[Label, float]]:
    """The labels of the largest nodes that fit ``room`` at ``height`` each, in the column's order, with the
    top of each: as near its node's middle as its neighbours allow."""
    capacity = int((room.height() + LABEL_GAP) // (height + LABEL_GAP))
    chosen = sorted(sorted(labels, key=lambda lab: -lab.node.value)[:capacity], key=lambda lab: lab.node.rect.top())
    tops = [max(room.top(), lab.node.rect.center().y() - height / 2) for lab in chosen]
    for i in range(1, len(tops)):  # down, off the label above
        tops[i] = max(tops[i], tops[i - 1] + height + LABEL_GAP)
    bottom = room.bottom()
    for i in range(len(tops) - 1, -1, -1):  # up again, inside the plot
        tops[i] = min(tops[i], bottom - height)
        bottom = tops[i] - LABEL_GAP
    return list(zip(chosen, tops, strict=True))


def _stacked(bands: list[Band], at: Callable[[Band], Node], other: Callable[[Band], Node],
             scale: float) -> list[float]:
    """Where each band meets its node ``at(band)``: the node's bands stacked from its top down, in the order
    of the nodes at their other ends."""
    order = sorted(range(len(bands)), key=lambda i: (other(bands[i]).rect.top(), other(bands[i]).label))
    filled: dict[int, float] = defaultdict(float)
    edges = [0.0] * len(bands)
    for i in order:
        node = at(bands[i])
        edges[i] = node.rect.top() + filled[id(node)]
        filled[id(node)] += bands[i].value * scale
    return edges


def _graph(data: ChartData) -> tuple[list[Node], list[Band]]:
    """Nodes (one per column and label, as large as the more of what flows in and out) and the bands."""
    nodes: dict[tuple[int, str], Node] = {}
    flows_in: dict[tuple[int, str], float] = defaultdict(float)
    flows_out: dict[tuple[int, str], float] = defaultdict(float)
    bands = []
    for column, source, target, value in data.links:
        start = nodes.setdefault((column - 1, source), Node(column - 1, source))
        end = nodes.setdefault((column, target), Node(column, target))
        flows_out[(column - 1, source)] += value
        flows_in[(column, target)] += value
        bands.append(Band(start, end, float(value)))
    colours: dict[str, str] = {}
    for key, node in sorted(nodes.items(), key=lambda item: (item[0][0], -max(flows_in[item[0]], flows_out[item[0]]))):
        node.value = max(flows_in[key], flows_out[key])
        node.muted = node.label in data.muted
        if not node.muted:
            node.colour = colours.setdefault(node.label, TOUCHPOINT_COLOURS[len(colours) % len(TOUCHPOINT_COLOURS)])
    return list(nodes.values()), bands


class _SankeyItem(DevicePixelItem):
    """Draws the chart's layout for the surface being painted (it has no data coordinates of its own)."""

    def __init__(self, chart: SankeyChart) -> None:
        super().__init__()
        self._chart = chart

    def draw(self, painter: QPainter, to_device: QTransform, area: QRectF) -> None:
        layout = self._chart.layout_in(area)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        for band in layout.bands:
            colour = QColor(MUTED_COLOUR if band.target.muted or band.source.muted else band.source.colour)
            colour.setAlpha(BAND_ALPHA)
            painter.fillPath(band.path, QBrush(colour))
        for node in layout.nodes:
            painter.fillRect(node.rect, QColor(node.colour))
        painter.setFont(self._chart.label_font)
        for label in layout.labels:
            align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            painter.setPen(Qt.PenStyle.NoPen)
            painter.fillRect(painter.boundingRect(label.rect, align, label.text).adjusted(-2, 0, 2, 0), LABEL_BACKING)
            painter.setPen(QPen(QColor(MUTED_TEXT if label.node.muted else TEXT_COLOUR)))
            painter.drawText(label.rect, align, label.text)
        painter.setFont(self._chart.heading_font)
        painter.setPen(QPen(QColor(AXIS_LABEL_STYLE["color"])))
        for rect, text in layout.headings:
            painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        self._chart.drawn = layout


class SankeyChart(pg.PlotWidget):
    """A ``sankey`` chart; hovering a node or a band reads out its users and share of all users."""

    def __init__(self, data: ChartData, parent: QWidget | None = None, *, locale: QLocale | None = None) -> None:
        super().__init__(parent=parent)
        self.data = data
        self.setLocale(locale or QLocale())
        self.setMinimumHeight(260)
        self.setPalette(paper_palette())
        self.label_font = QFont(self.font().family(), 9)
        self.heading_font = QFont(self.font().family(), 9, QFont.Weight.DemiBold)
        self.drawn: SankeyLayout | None = None  # what the last paint drew (tests measure it)
        item = self.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        item.setMouseEnabled(x=False, y=False)
        for axis in ("left", "bottom"):
            item.hideAxis(axis)
        item.setRange(xRange=(0, 1), yRange=(0, 1), padding=0)
        item.layout.setContentsMargins(6, 4, 6, 4)
        item.addItem(_SankeyItem(self), ignoreBounds=True)
        self.readout = pg.TextItem(color=TEXT_COLOUR, anchor=(0, 1), fill=pg.mkBrush(255, 255, 255, 230))
        self.readout.setZValue(20)
        self.readout.hide()
        item.addItem(self.readout, ignoreBounds=True)
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)

    def layout_in(self, area: QRectF) -> SankeyLayout:
        """The chart laid out in ``area`` (device pixels of whatever it is painted on)."""
        return SankeyLayout(self.data, area, self.label_font, self.locale())

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        layout, mark = self._mark_at(scene_pos)
        if mark is None:
            self.readout.hide()
            return
        what = mark.label if isinstance(mark, Node) else f"{mark.source.label} → {mark.target.label}"
        self.readout.setText(f"{what}\n{self._users(mark.value, layout.total)}")
        self.readout.setPos(self.getPlotItem().vb.mapSceneToView(scene_pos))
        self.readout.show()

    def point_at(self, pos: QPoint) -> tuple[str, int] | None:
        """What a right-click at widget position ``pos`` is about: ("band", its number in ``data.links``), or a
        touchpoint by a band into it ("into", that band's number), else by one out of it ("out of", …), whose
        row names the users there; None off the marks."""
        layout, mark = self._mark_at(self.mapToScene(pos))
        if isinstance(mark, Band):
            return "band", next(i for i, band in enumerate(layout.bands) if band is mark)
        if isinstance(mark, Node):
            into = [i for i, band in enumerate(layout.bands) if band.target is mark]
            return ("into", into[0]) if into else \
                ("out of", next(i for i, band in enumerate(layout.bands) if band.source is mark))
        return None

    def _mark_at(self, scene_pos: QPointF) -> tuple[SankeyLayout, Node | Band | None]:
        """The chart laid out on screen, and the node (or else the topmost band) at ``scene_pos``."""
        view = self.getPlotItem().vb
        layout = self.layout_in(view.mapViewToScene(view.viewRect()).boundingRect())
        node = next((n for n in layout.nodes if n.rect.adjusted(-2, -2, 2, 2).contains(scene_pos)), None)
        return layout, node or next((b for b in reversed(layout.bands) if b.path.contains(scene_pos)), None)

    def _users(self, value: float, total: float) -> str:
        one = QT_TRANSLATE_NOOP("Chart", "{count} user ({share} of all)")
        other = QT_TRANSLATE_NOOP("Chart", "{count} users ({share} of all)")
        return in_language(self.locale(), "Chart", one if value == 1 else other).format(
            count=in_locale(f"{value:,.0f}", self.locale()), share=in_locale(f"{value / total:.1%}", self.locale()))

    def readout_text(self) -> str:
        return self.readout.toPlainText()
