"""Cells of the QStandardItemModels the views show."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QStandardItem


def read_only_item(label: str = "", roles: dict[int, Any] | None = None) -> QStandardItem:
    """A selectable, non-editable cell with ``label`` and any further ``roles``."""
    item = QStandardItem(label)
    item.setEditable(False)
    item.setDragEnabled(False)
    item.setDropEnabled(False)
    for role, value in (roles or {}).items():
        item.setData(value, role)
    return item
