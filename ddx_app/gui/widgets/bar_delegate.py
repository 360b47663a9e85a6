"""Delegates that draw probabilities and evidence weights as bars with their number."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ..models.roles import ProbabilityRole, WeightRole
from .colors import bar_color, bar_track, evidence_color

Index = QModelIndex | QPersistentModelIndex


def _text_color(option: QStyleOptionViewItem):
    selected = bool(option.state & QStyle.StateFlag.State_Selected)
    role = option.palette.ColorRole.HighlightedText if selected else option.palette.ColorRole.Text
    return option.palette.color(role)


class _BarDelegate(QStyledItemDelegate):
    def _draw_background(self, painter: QPainter, option: QStyleOptionViewItem,
                         index: Index) -> None:
        """Selection and focus as the style draws them, without the text (drawn later)."""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)


class ProbabilityBarDelegate(_BarDelegate):
    """A horizontal bar proportional to ProbabilityRole, the percentage on its right."""

    TEXT_WIDTH = 56  # logical pixels reserved for ">99.9%"

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        p = index.data(ProbabilityRole)
        if p is None:
            super().paint(painter, option, index)
            return
        self._draw_background(painter, option, index)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = option.fontMetrics
        text_w = max(self.TEXT_WIDTH, fm.horizontalAdvance(">99.9%") + 8)
        r = QRectF(option.rect).adjusted(4, 0, -4, 0)
        bar_h = max(6.0, min(r.height() - 8, fm.height() * 0.7))
        track = QRectF(r.left(), r.center().y() - bar_h / 2, max(0.0, r.width() - text_w),
                       bar_h)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(bar_track(option.palette))
        painter.drawRoundedRect(track, 2, 2)
        fill = QRectF(track)
        fill.setWidth(max(1.0, track.width() * float(p)))  # a hairline shows 'not zero'
        painter.setBrush(bar_color(option.palette, selected))
        painter.drawRoundedRect(fill, 2, 2)
        painter.setPen(_text_color(option))
        painter.drawText(QRectF(track.right(), r.top(), text_w, r.height()),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         str(index.data(Qt.ItemDataRole.DisplayRole)))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(max(size.width(), 160), size.height() + 6)


class WeightBarDelegate(_BarDelegate):
    """A signed bar from a centre line: right (green hue) for, left (red hue) against."""

    SCALE = 4.0  # |LLR| that fills half the cell
    TEXT_WIDTH = 44

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        w = index.data(WeightRole)
        if w is None:
            super().paint(painter, option, index)
            return
        self._draw_background(painter, option, index)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = option.fontMetrics
        text_w = max(self.TEXT_WIDTH, fm.horizontalAdvance("+10.00") + 6)
        r = QRectF(option.rect).adjusted(3, 0, -3, 0)
        area = QRectF(r.left(), r.top(), max(0.0, r.width() - text_w), r.height())
        mid = area.center().x()
        bar_h = max(5.0, min(r.height() - 8, fm.height() * 0.6))
        half = area.width() / 2
        length = half * min(1.0, abs(float(w)) / self.SCALE)
        top = area.center().y() - bar_h / 2
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(bar_track(option.palette))
        painter.drawRect(QRectF(mid - 0.5, area.top() + 3, 1.0, area.height() - 6))
        painter.setBrush(evidence_color(option.palette, w > 0))
        if w > 0:
            painter.drawRoundedRect(QRectF(mid, top, length, bar_h), 2, 2)
        else:
            painter.drawRoundedRect(QRectF(mid - length, top, length, bar_h), 2, 2)
        painter.setPen(_text_color(option))
        painter.drawText(QRectF(area.right(), r.top(), text_w, r.height()),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         f"{w:+.2f}")
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(max(size.width(), 120), size.height())
