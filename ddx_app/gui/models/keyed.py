"""A flat table model whose rows carry stable keys, updated without needless resets.

``set_rows`` turns the old key list into the new one with the smallest signals
that keep views cheap and selections intact: rows whose key disappeared are
removed, the remaining rows are reordered with ``layoutChanged`` (persistent
indexes follow their key) only if their order changed, new keys are inserted
where they belong, and one ``dataChanged`` covers the rest. A view then lays out
and repaints only the rows that moved, not the whole list.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class KeyedTableModel(QAbstractTableModel):
    COLUMNS = 1

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[Any] = []
        self._keys: list[str] = []
        self._shown: list[Any] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.COLUMNS

    def row_data(self, row: int) -> Any:
        return self._rows[row]

    def key(self, row: int) -> str:
        return self._keys[row]

    def row_of(self, key: str) -> int:
        return self._keys.index(key)

    def set_rows(self, rows: Sequence[Any], keys: Sequence[str],
                 shown: Sequence[Any] | None = None) -> None:
        """Replace the rows. ``shown`` (one value per row) is what a row looks like: rows
        whose ``shown`` value did not change are not repainted (default: the row itself).
        """
        rows, keys = list(rows), list(keys)
        shown = list(rows if shown is None else shown)
        old_shown = dict(zip(self._keys, self._shown))
        if len(set(keys)) != len(keys):
            raise ValueError("row keys must be unique")
        if keys != self._keys:
            self._remove_missing(set(keys))
            self._reorder([k for k in keys if k in set(self._keys)])
            self._insert_new(keys, rows)
        # Inserted rows are painted anyway; signal only kept rows that look different.
        changed = [i for i, k in enumerate(keys)
                   if old_shown.get(k, shown[i]) != shown[i]]
        self._rows, self._shown = rows, shown
        if changed:  # one signal for the span of changed rows; unchanged tables stay quiet
            self.dataChanged.emit(self.index(changed[0], 0),
                                  self.index(changed[-1], self.COLUMNS - 1))

    def _remove_missing(self, wanted: set[str]) -> None:
        i = len(self._keys) - 1
        while i >= 0:
            if self._keys[i] in wanted:
                i -= 1
                continue
            first = i
            while first > 0 and self._keys[first - 1] not in wanted:
                first -= 1
            self.beginRemoveRows(QModelIndex(), first, i)
            del self._keys[first:i + 1]
            del self._rows[first:i + 1]
            self.endRemoveRows()
            i = first - 1

    def _reorder(self, order: list[str]) -> None:
        if order == self._keys:
            return
        self.layoutAboutToBeChanged.emit()
        old_keys = self._keys
        by_key = dict(zip(self._keys, self._rows))
        position = {k: i for i, k in enumerate(order)}
        persistent = self.persistentIndexList()
        self._keys = order
        self._rows = [by_key[k] for k in order]
        self.changePersistentIndexList(persistent, [
            self.index(position[old_keys[i.row()]], i.column()) for i in persistent])
        self.layoutChanged.emit()

    def _insert_new(self, keys: list[str], rows: list[Any]) -> None:
        # The kept keys are now a subsequence of ``keys`` in the same order.
        pos = 0
        while pos < len(keys):
            if pos < len(self._keys) and self._keys[pos] == keys[pos]:
                pos += 1
                continue
            following = self._keys[pos] if pos < len(self._keys) else None
            end = pos
            while end < len(keys) and keys[end] != following:
                end += 1
            self.beginInsertRows(QModelIndex(), pos, end - 1)
            self._keys[pos:pos] = keys[pos:end]
            self._rows[pos:pos] = rows[pos:end]
            self.endInsertRows()
            pos = end

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _FLAGS
