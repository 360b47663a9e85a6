"""Tree views whose long texts wrap onto more lines instead of being cut off.

QTreeView asks the delegate for a row height without telling it the column
width, so long labels are elided. :class:`WrapDelegate` measures the text at the
column's current width, and :class:`WrappingTreeView` re-lays out the rows when
a column is resized. Measurements are cached by (text, width, font): a view is
re-laid out after every edit, and asking Qt's base delegate each time (which
calls back into the Python model for every role) is what makes views slow.

The text margin is the one QCommonStyle (Fusion, Windows) gives item views,
``PM_FocusFrameHMargin + 1``, taken as a constant: asking ``view.style()`` makes
PySide build its QStyle wrapper with all the style enums, 7 ms of start-up.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTreeView

from ..models.roles import DISPLAY, FONT, WRAPPED_LEFT
from .columns import FittedTreeView

Index = QModelIndex | QPersistentModelIndex
_CACHE_LIMIT = 4096
_TEXT_MARGIN = 3  # QCommonStyle: PM_FocusFrameHMargin (2) + 1


class WrapDelegate(QStyledItemDelegate):
    """A delegate whose size hint accounts for word-wrapped text in its column."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._cache: dict[tuple, QSize] = {}
        self._metrics: dict[tuple, QFontMetrics] = {}
        self._widths: dict[tuple[int, int], int] = {}  # (column, depth) -> wrap width

    def forget_widths(self) -> None:
        """The view's columns changed width (WrappingTreeView calls this)."""
        self._widths.clear()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        # Qt asks again for every row on every layout pass (five times per row while the
        # window opens), so the answer is looked up, not recomputed.
        label = index.data(DISPLAY)
        if not isinstance(label, str):
            return super().sizeHint(option, index)
        font = index.data(FONT)
        if not isinstance(font, QFont):
            font = option.font
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        column = index.column()
        width = self._widths.get((column, depth))
        if width is None:
            width = self._widths[(column, depth)] = self._wrap_width(column, depth)
        # QFont.key() is slow; within one view only weight, slant and size vary.
        font_key = (font.weight(), font.italic(), font.pointSizeF())
        key = (label, width, font_key)
        size = self._cache.get(key)
        if size is None:
            fm = self._metrics.get(font_key)
            if fm is None:
                fm = self._metrics[font_key] = QFontMetrics(font)
            size = _measure(fm, label, width)
            if len(self._cache) > _CACHE_LIMIT:
                self._cache.clear()
            self._cache[key] = size
        return size

    def _wrap_width(self, column: int, depth: int) -> int:
        """The width texts wrap at in ``column`` at tree ``depth`` (-1: they do not wrap)."""
        view = self.parent()
        if not isinstance(view, QTreeView) or not view.wordWrap():
            return -1
        header = view.header()
        width = header.sectionSize(column)
        if column == header.logicalIndex(0):
            width -= view.indentation() * (depth + (1 if view.rootIsDecorated() else 0))
        return width


def _measure(fm: QFontMetrics, label: str, width: int) -> QSize:
    natural = fm.horizontalAdvance(label) + 2 * _TEXT_MARGIN + 2
    height = fm.height() + 4
    inner = width - 2 * _TEXT_MARGIN - 2
    if width > 0 and inner > 20 and natural > width:
        rect = fm.boundingRect(QRect(0, 0, inner, 100_000), WRAPPED_LEFT, label)
        height = max(height, rect.height() + 4)
    return QSize(natural, height)


class WrappingTreeView(FittedTreeView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setItemDelegate(WrapDelegate(self))
        self.header().sectionResized.connect(self._relayout)

    def _relayout(self, *_args) -> None:
        delegate = self.itemDelegate()
        if isinstance(delegate, WrapDelegate):
            delegate.forget_widths()
        self.scheduleDelayedItemsLayout()
