"""Cells of the QStandardItemModels the views show."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QStandardItem


def set_roles(item: QStandardItem, roles: dict[int, Any]) -> QStandardItem:
    """``item`` with each of ``roles`` set (an item not yet in a model)."""
    for role, value in roles.items():
        item.setData(value, role)
    return item


def read_only_item(label: str = "", roles: dict[int, Any] | None = None) -> QStandardItem:
    """A selectable, non-editable cell with ``label`` and any further ``roles``."""
    item = QStandardItem(label)
    item.setEditable(False)
    item.setDragEnabled(False)
    item.setDropEnabled(False)
    return set_roles(item, roles or {})
