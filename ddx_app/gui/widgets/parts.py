"""Widgets that several panels build the same way: splitters and read-only lists."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QSplitter, QWidget

from .columns import FittedTreeView
from .wrap import WrappingTreeView


def splitter(name: str, widgets: Sequence[QWidget], *, vertical: bool = False,
             stretch: Sequence[int] = (), sizes: Sequence[int] = (),
             collapsible: bool = True) -> QSplitter:
    """A QSplitter called ``name`` holding ``widgets`` side by side (or stacked if
    ``vertical``), with per-widget stretch factors and initial sizes."""
    split = QSplitter()
    if vertical:
        split.setOrientation(Qt.Orientation.Vertical)
    split.setObjectName(name)
    for widget in widgets:
        split.addWidget(widget)
    for i, factor in enumerate(stretch):
        split.setStretchFactor(i, factor)
    split.setChildrenCollapsible(collapsible)
    if sizes:
        split.setSizes(list(sizes))
    return split


def list_view(name: str, wrap: bool = False) -> FittedTreeView:
    """A read-only table of rows (differential, next best tests, evidence): whole-row
    single selection, alternating rows, tooltips on hover; ``wrap`` lets long texts take
    more lines instead of being elided."""
    view = WrappingTreeView() if wrap else FittedTreeView()
    view.setObjectName(name)
    view.setRootIsDecorated(False)
    view.setUniformRowHeights(not wrap)
    view.setAlternatingRowColors(True)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAllColumnsShowFocus(True)
    view.setMouseTracking(True)
    return view
