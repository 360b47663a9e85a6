"""The differential's probability bars, beside their percentage.

The style draws the cell as usual (background, selection, the percentage
right-aligned from the model); the delegate adds the bar in the space to its left.
Bars are filled paths with brushes from :mod:`.colors`. Selection is read from the view's
selection model rather than ``option.state`` (a ``QStyle.StateFlag``: touching it
builds PySide's ``QStyle`` wrapper with every style enum, ~7 ms of start-up).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize
from PySide6.QtGui import QPainter, QPainterPath
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QStyleOptionViewItem

from ..models.roles import ProbabilityRole
from .colors import bar_color, bar_track, solid_brush

Index = QModelIndex | QPersistentModelIndex


def _rounded(rect: QRectF, radius: float = 2.0) -> QPainterPath:
    path = QPainterPath()
    path.addRoundedRect(rect, radius, radius)
    return path


class ProbabilityBarDelegate(QStyledItemDelegate):
    """A horizontal bar proportional to ProbabilityRole, left of the percentage."""

    TEXT_WIDTH = 44  # logical pixels reserved for ">99%"

    def __init__(self, view: QAbstractItemView):
        super().__init__(view)
        self._view = view

    def _selected(self, index: Index) -> bool:
        selection = self._view.selectionModel()
        return selection is not None and selection.isSelected(index)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        super().paint(painter, option, index)  # background, selection, the percentage
        p = index.data(ProbabilityRole)
        if p is None:
            return
        palette = option.palette
        fm = option.fontMetrics
        text_w = max(self.TEXT_WIDTH, fm.horizontalAdvance(">99%") + 8)
        r = QRectF(option.rect).adjusted(4, 0, -4, 0)
        bar_h = max(6.0, min(r.height() - 8, fm.height() * 0.7))
        track = QRectF(r.left(), r.center().y() - bar_h / 2, max(0.0, r.width() - text_w),
                       bar_h)
        fill = QRectF(track)
        fill.setWidth(max(1.0, track.width() * float(p)))  # a hairline shows 'not zero'
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillPath(_rounded(track), solid_brush(bar_track(palette)))
        painter.fillPath(_rounded(fill), solid_brush(bar_color(palette, self._selected(index))))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(160, option.fontMetrics.height() + 8)
