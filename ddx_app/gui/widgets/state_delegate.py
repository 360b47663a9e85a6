"""Editing and painting of the findings' value column.

Numeric findings get an empty-able number field (empty = not assessed) checked
against the finding's range; the others get a drop-down of their states with
'not assessed' / 'not done' first. 'Not assessed' shows as a greyed italic dash
(the model's font and foreground roles) so that it never looks like 'Absent'.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStyleOptionViewItem,
    QWidget,
)

from ..models.findings_model import VALUE, format_number
from ..models.roles import AssessedRole, FindingIdRole, KindRole, OptionsRole, ValueRole
from .colors import muted_text
from .wrap import WrapDelegate

Index = QModelIndex | QPersistentModelIndex


class NumberEditor(QWidget):
    """A number field (empty = not assessed) with the finding's unit beside it."""

    def __init__(self, unit: str, lo: float, hi: float, parent: QWidget | None = None):
        super().__init__(parent)
        self.line = QLineEdit()
        self.line.setObjectName("numberField")
        self.line.setPlaceholderText(self.tr("empty = not assessed"))
        self.line.setClearButtonEnabled(True)
        from PySide6.QtGui import QDoubleValidator  # with the first number editor

        validator = QDoubleValidator(lo, hi, 3, self.line)
        validator.setNotation(QDoubleValidator.Notation.StandardNotation)
        validator.setLocale(QLocale.c())
        self.line.setValidator(validator)
        tip = self.tr("A number from {lo:g} to {hi:g}; empty clears it").format(lo=lo, hi=hi)
        self.line.setToolTip(tip)
        self.line.setAccessibleName(unit or self.tr("value"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 2, 0)
        layout.setSpacing(4)
        layout.addWidget(self.line, 1)
        if unit:
            label = QLabel(unit)
            label.setToolTip(unit)
            layout.addWidget(label)
        self.setFocusProxy(self.line)
        self.setAutoFillBackground(True)

    def text(self) -> str:
        return self.line.text()

    def setText(self, value: str) -> None:
        self.line.setText(value)
        self.line.selectAll()


class StateDelegate(WrapDelegate):
    def __init__(self, ranges: dict[str, tuple[float, float]], units: dict[str, str],
                 parent=None):
        super().__init__(parent)
        self._ranges = ranges  # finding id -> (lo, hi) for numeric findings
        self._units = units  # finding id -> unit text

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        """Not assessed values in the palette's secondary text colour, read at paint time
        so that a light/dark switch needs no model update."""
        super().initStyleOption(option, index)
        if index.column() == VALUE and index.data(AssessedRole) is False:
            palette = option.palette
            palette.setColor(QPalette.ColorRole.Text, muted_text(palette))
            option.palette = palette

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index
                     ) -> QWidget | None:
        if index.column() != VALUE:
            return None
        if index.data(KindRole) == "numeric":
            fid = index.data(FindingIdRole)
            lo, hi = self._ranges.get(fid, (0.0, 1e9))
            editor = NumberEditor(self._units.get(fid, ""), lo, hi, parent)
            editor.line.returnPressed.connect(lambda e=editor: self._commit(e))
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
        if isinstance(editor, NumberEditor):
            editor.setText("" if value is None else format_number(value))
        elif isinstance(editor, QComboBox):
            for i in range(editor.count()):
                if editor.itemData(i) == value:
                    editor.setCurrentIndex(i)
                    break

    def setModelData(self, editor: QWidget, model, index: Index) -> None:
        if isinstance(editor, NumberEditor):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,
                             index: Index) -> None:
        editor.setGeometry(option.rect)
