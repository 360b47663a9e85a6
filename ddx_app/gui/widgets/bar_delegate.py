"""The differential's probability bars, drawn with their percentage.

Selection is read from the view's selection model rather than ``option.state``:
``option.state`` is a ``QStyle.StateFlag``, and touching it makes PySide build its
``QStyle`` wrapper with every style enum (about 7 ms of the app's start-up).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QStyleOptionViewItem

from ..models.roles import ProbabilityRole
from .colors import bar_color, bar_track

Index = QModelIndex | QPersistentModelIndex
# Enum arithmetic is slow in Python; these run for every painted cell.
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class ProbabilityBarDelegate(QStyledItemDelegate):
    """A horizontal bar proportional to ProbabilityRole, the percentage on its right.

    Bars are drawn directly: the view has already painted the row (alternating
    colours); only the selection is added here. Going through the style's
    CE_ItemViewItem would call back into the Python model for every role of every
    cell on every repaint.
    """

    TEXT_WIDTH = 56  # logical pixels reserved for ">99.9%"

    def __init__(self, view: QAbstractItemView):
        super().__init__(view)
        self._view = view

    def _selected(self, index: Index) -> bool:
        selection = self._view.selectionModel()
        return selection is not None and selection.isSelected(index)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        p = index.data(ProbabilityRole)
        if p is None:
            super().paint(painter, option, index)
            return
        palette = option.palette
        selected = self._selected(index)
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        if selected:  # drawRect, not fillRect: resolving fillRect's overloads builds
            # PySide's QGradient wrapper with its 180 presets (3 ms of the first paint)
            group = (QPalette.ColorGroup.Active if self._view.isActiveWindow()
                     else QPalette.ColorGroup.Inactive)
            painter.setBrush(palette.brush(group, QPalette.ColorRole.Highlight))
            painter.drawRect(option.rect)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = option.fontMetrics
        text_w = max(self.TEXT_WIDTH, fm.horizontalAdvance(">99.9%") + 8)
        r = QRectF(option.rect).adjusted(4, 0, -4, 0)
        bar_h = max(6.0, min(r.height() - 8, fm.height() * 0.7))
        track = QRectF(r.left(), r.center().y() - bar_h / 2, max(0.0, r.width() - text_w),
                       bar_h)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(bar_track(palette))
        painter.drawRoundedRect(track, 2, 2)
        fill = QRectF(track)
        fill.setWidth(max(1.0, track.width() * float(p)))  # a hairline shows 'not zero'
        painter.setBrush(bar_color(palette, selected))
        painter.drawRoundedRect(fill, 2, 2)
        painter.setPen(palette.color(QPalette.ColorRole.HighlightedText if selected
                                     else QPalette.ColorRole.Text))
        painter.drawText(QRectF(track.right(), r.top(), text_w, r.height()),
                         _RIGHT,
                         str(index.data(Qt.ItemDataRole.DisplayRole)))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(160, option.fontMetrics.height() + 8)
