"""Widgets that several panels build the same way: splitters, read-only lists, headings
and notes."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QSplitter, QWidget

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


def heading(name: str = "", *, wrap: bool = False) -> QLabel:
    """A label in bold: a panel's heading; ``wrap``: plain text over as many lines as it
    takes (an entity's name)."""
    label = QLabel()
    if name:
        label.setObjectName(name)
    if wrap:
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
    bold = label.font()
    bold.setBold(True)
    label.setFont(bold)
    return label


def note(name: str) -> QLabel:
    """A wrapping label a little smaller than the text around it (9/10, at least 7 pt):
    the note under a list, the disclaimer."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    small = label.font()
    small.setPointSizeF(max(7.0, small.pointSizeF() * 0.9))
    label.setFont(small)
    return label
