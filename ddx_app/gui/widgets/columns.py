"""Column widths that fit the view: no column squeezed to nothing, no sideways scrolling.

A table with one stretching column (the finding's name) and fixed-width columns
(value, weight, source) works at the default window size. On a narrow window
(a 1024-pixel screen, a window tiled to half a monitor) Qt gives the fixed columns
their width first and the name column what is left, down to a few pixels, or
pushes the fixed columns past the edge behind a horizontal scroll bar.
:class:`ColumnFitter` keeps each fixed column at the width wanted (the default, or
what the user dragged it to) while there is room, and narrows them, each in
proportion to how far it may shrink (down to its floor), when there is not, so
the name column keeps a readable width.
:class:`FittedTreeView` re-fits after each of its geometry updates (a resize, a new
layout): the header's own signal for the stretching column comes from inside its
section layout, which overwrites any width set from there.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QTreeView


def fit_widths(wanted: Mapping[int, int], floors: Mapping[int, int],
               room: int) -> dict[int, int]:
    """Widths for columns that want ``wanted`` pixels in ``room`` pixels: all they want
    if it fits; else each gives up a share of the deficit in proportion to how far it
    may shrink (to its floor; a column whose floor is its wanted width never shrinks),
    and none goes below its floor, even if the floors alone do not fit."""
    deficit = sum(wanted.values()) - room
    slack = {c: wanted[c] - min(floors[c], wanted[c]) for c in wanted}
    total_slack = sum(slack.values())
    if deficit <= 0 or total_slack <= 0:
        return dict(wanted)
    give = min(deficit / total_slack, 1.0)
    return {c: wanted[c] - math.ceil(slack[c] * give) for c in wanted}


class ColumnFitter(QObject):
    """Fits ``view``'s fixed columns around its ``stretch`` column.

    ``wanted`` maps each fixed column to its preferred width and ``floors`` to the
    narrowest it may become; ``stretch_floor`` is the width kept for the stretching
    column before any fixed column gives way. The view's header must stretch
    ``stretch`` (QHeaderView.ResizeMode.Stretch) and let the others be resized.
    """

    def __init__(self, view: QTreeView, stretch: int, wanted: Mapping[int, int],
                 floors: Mapping[int, int], stretch_floor: int):
        super().__init__(view)
        self._view = view
        self._stretch = stretch
        self._wanted = dict(wanted)
        self._floors = {col: min(floors.get(col, width), width)
                        for col, width in self._wanted.items()}
        self._stretch_floor = stretch_floor
        self._fitting = False
        self._fitted_for: tuple[int, int] | None = None
        header = view.header()
        for col, width in self._wanted.items():
            header.resizeSection(col, width)
        header.sectionResized.connect(self._on_section_resized)

    def widths(self) -> dict[int, int]:
        """The fixed columns' widths for the view's current width."""
        header = self._view.header()
        columns = [c for c in self._wanted if not header.isSectionHidden(c)]
        others = sum(header.sectionSize(c) for c in range(header.count())
                     if c != self._stretch and c not in self._wanted
                     and not header.isSectionHidden(c))
        # The header is as wide as the viewport (QTreeView lays it out so). Asking the
        # viewport itself would hand PySide a QWidget* to type, which makes it load every
        # widget class it knows (~50 M instructions at start-up).
        room = header.width() - self._stretch_floor - others
        return fit_widths({c: self._wanted[c] for c in columns},
                          {c: self._floors[c] for c in columns}, room)

    def fit(self) -> None:
        header = self._view.header()
        # Views update their geometry often (each layout, each scroll-bar change):
        # nothing to do unless the width, or a column's, changed since the last fit.
        if (header.width(), header.length()) == self._fitted_for:
            return
        self._fitting = True
        try:
            for col, width in self.widths().items():
                if header.sectionSize(col) != width:
                    header.resizeSection(col, width)
        finally:
            self._fitting = False
        self._fitted_for = (header.width(), header.length())

    def _on_section_resized(self, column: int, _old: int, new: int) -> None:
        if not self._fitting and column in self._wanted:
            self._wanted[column] = max(new, self._floors[column])  # dragged by the user
            self._fitted_for = None


class FittedTreeView(QTreeView):
    """A QTreeView whose fixed-width columns give way when it is narrow."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.columns: ColumnFitter | None = None

    def fit_columns(self, stretch: int, wanted: Mapping[int, int], floors: Mapping[int, int],
                    stretch_floor: int) -> ColumnFitter:
        """Keep ``wanted`` widths while ``stretch`` has ``stretch_floor`` pixels, else
        narrow them down to ``floors`` (see :class:`ColumnFitter`)."""
        self.columns = ColumnFitter(self, stretch, wanted, floors, stretch_floor)
        return self.columns

    def updateGeometries(self) -> None:
        super().updateGeometries()
        if self.columns is not None:
            self.columns.fit()
