"""A flat table model whose rows carry stable keys, updated without needless resets.

``set_rows`` compares the new keys with the old ones: the same keys in the same
order give one ``dataChanged``; the same keys reordered give ``layoutChanged``
with the persistent indexes (selection, current row) moved to follow their key;
only a different set of keys resets the model.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class KeyedTableModel(QAbstractTableModel):
    COLUMNS = 1

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[Any] = []
        self._keys: list[str] = []

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

    def set_rows(self, rows: Sequence[Any], keys: Sequence[str]) -> None:
        rows, keys = list(rows), list(keys)
        if keys == self._keys:
            self._rows = rows
            if rows:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(rows) - 1, self.COLUMNS - 1))
            return
        if len(keys) == len(self._keys) and set(keys) == set(self._keys):
            self.layoutAboutToBeChanged.emit()
            old_keys = self._keys
            position = {k: i for i, k in enumerate(keys)}
            persistent = self.persistentIndexList()
            self._rows, self._keys = rows, keys
            self.changePersistentIndexList(persistent, [
                self.index(position[old_keys[i.row()]], i.column()) for i in persistent])
            self.layoutChanged.emit()
            # Reordered rows also show new numbers.
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, self.COLUMNS - 1))
            return
        self.beginResetModel()
        self._rows, self._keys = rows, keys
        self.endResetModel()

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
