"""Editing and painting of the findings' value column.

Numeric findings get an empty-able number field (empty = not assessed) checked
against the finding's range; the others get a drop-down of their states with
'not assessed' / 'not done' first. 'Not assessed' is painted as a greyed italic
dash so that it never looks like 'Absent'.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QDoubleValidator, QPalette
from PySide6.QtWidgets import (QAbstractItemDelegate, QComboBox, QLineEdit, QStyledItemDelegate,
                               QStyleOptionViewItem, QWidget)

from ..models.findings_model import VALUE, format_number
from ..models.roles import AssessedRole, FindingIdRole, KindRole, OptionsRole, ValueRole
from .colors import muted_text

Index = QModelIndex | QPersistentModelIndex


class StateDelegate(QStyledItemDelegate):
    def __init__(self, ranges: dict[str, tuple[float, float]], parent=None):
        super().__init__(parent)
        self._ranges = ranges  # finding id -> (lo, hi) for numeric findings

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        if index.column() == VALUE and index.data(AssessedRole) is False:
            muted = muted_text(option.palette)
            option.palette.setColor(QPalette.ColorRole.Text, muted)
            option.palette.setColor(QPalette.ColorRole.WindowText, muted)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index
                     ) -> QWidget | None:
        if index.column() != VALUE:
            return None
        if index.data(KindRole) == "numeric":
            editor = QLineEdit(parent)
            editor.setPlaceholderText(self.tr("empty = not assessed"))
            editor.setClearButtonEnabled(True)
            lo, hi = self._ranges.get(index.data(FindingIdRole), (0.0, 1e9))
            validator = QDoubleValidator(lo, hi, 3, editor)
            validator.setNotation(QDoubleValidator.Notation.StandardNotation)
            validator.setLocale(QLocale.c())
            editor.setValidator(validator)
            editor.setToolTip(self.tr("A number from {lo:g} to {hi:g}; empty clears it")
                              .format(lo=lo, hi=hi))
            return editor
        options = index.data(OptionsRole) or []
        combo = QComboBox(parent)
        for value, label in options:
            combo.addItem(label, value)
        combo.activated.connect(lambda _i, c=combo: self._commit(c))
        return combo

    def _commit(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.SubmitModelCache)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(ValueRole)
        if isinstance(editor, QLineEdit):
            editor.setText("" if value is None else format_number(value))
            editor.selectAll()
        elif isinstance(editor, QComboBox):
            for i in range(editor.count()):
                if editor.itemData(i) == value:
                    editor.setCurrentIndex(i)
                    break

    def setModelData(self, editor: QWidget, model, index: Index) -> None:
        if isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,
                             index: Index) -> None:
        editor.setGeometry(option.rect)
