"""A flat table whose rows carry stable keys, updated without needless resets.

``set_rows`` turns the old key list into the new one with the smallest changes
that keep views cheap and selections intact: rows whose key disappeared are
removed, rows that look different get new cells, new keys are appended, and if
the order changed the rows are sorted by their new rank (a ``layoutChanged``:
persistent indexes, hence the selection, follow their key). A view then lays out
and repaints only what moved or changed, not the whole list.

The cells live in a QStandardItemModel, so views read them without calling
Python; subclasses say what a row's cells are (:meth:`KeyedItemModel.items`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QStandardItem, QStandardItemModel

from .items import read_only_item
from .roles import RankRole

Index = QModelIndex | QPersistentModelIndex


class KeyedItemModel(QStandardItemModel):
    COLUMNS = 1

    def __init__(self, parent=None):
        super().__init__(0, self.COLUMNS, parent)
        self.setSortRole(RankRole)
        self._rows: list[Any] = []
        self._keys: list[str] = []
        self._shown: list[Any] = []

    def items(self, row: Any) -> list[QStandardItem]:
        """The cells of one row, COLUMNS of them (subclasses say what they show)."""
        return [read_only_item(str(row))]

    def row_data(self, row: int) -> Any:
        return self._rows[row]

    def key(self, row: int) -> str:
        return self._keys[row]

    def row_of(self, key: str) -> int:
        return self._keys.index(key)

    def set_rows(self, rows: Sequence[Any], keys: Sequence[str],
                 shown: Sequence[Any] | None = None) -> None:
        """Replace the rows. ``shown`` (one value per row) is what a row looks like: rows
        whose ``shown`` value did not change keep their cells (default: the row itself).
        """
        rows, keys = list(rows), list(keys)
        shown = list(rows if shown is None else shown)
        if len(set(keys)) != len(keys):
            raise ValueError("row keys must be unique")
        self._remove_missing(set(keys))
        where = {k: i for i, k in enumerate(self._keys)}
        for rank, (row, key, look) in enumerate(zip(rows, keys, shown)):
            i = where.get(key)
            if i is None:
                self.appendRow(self._ranked(self.items(row), rank))
                self._keys.append(key)
                self._rows.append(row)
                self._shown.append(look)
                continue
            if self._shown[i] != look:
                for column, item in enumerate(self._ranked(self.items(row), rank)):
                    self.setItem(i, column, item)
                self._shown[i] = look
            elif self.item(i).data(RankRole) != rank:
                self.item(i).setData(rank, RankRole)
            self._rows[i] = row
        if self._keys != keys:
            self.sort(0)  # by rank
        self._keys, self._rows, self._shown = keys, rows, shown

    def redraw(self) -> None:
        """Make the next :meth:`set_rows` rewrite every row's cells (after a language
        change: the rows are the same, what they look like is not); keys, and so the
        selection, stay."""
        self._shown = [object() for _ in self._shown]

    def _remove_missing(self, wanted: set[str]) -> None:
        i = len(self._keys) - 1
        while i >= 0:
            if self._keys[i] in wanted:
                i -= 1
                continue
            first = i
            while first > 0 and self._keys[first - 1] not in wanted:
                first -= 1
            self.removeRows(first, i - first + 1)
            del self._keys[first:i + 1], self._rows[first:i + 1], self._shown[first:i + 1]
            i = first - 1

    @staticmethod
    def _ranked(items: list[QStandardItem], rank: int) -> list[QStandardItem]:
        items[0].setData(rank, RankRole)
        return items
