"""Editing and painting of the findings' value column.

Numeric findings get an empty-able number field (empty = not assessed) with the
finding's unit beside it: a drop-down where the knowledge base lists other units
(serum IgG4 in mg/dL, g/L or mg/L; an age in years or months), converted to the
finding's own unit when the value is recorded. The field is read by quick entry's
number reader (:func:`ddx_app.quick_entry.read_number`): a range ("5-10"), "<5" or a
value outside the finding's range is refused with a message naming the finding, and a
fraction typed for a percentage asks "0.4 → 40 %?". The other findings get a
drop-down of their states with 'not assessed' / 'not done' first. 'Not assessed'
shows as a greyed italic dash (the model's font and foreground roles) so that it
never looks like 'Absent'.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)

from ...knowledge.model import KnowledgeBase, text
from ...quick_entry import Reading, read_number
from ...values import number_text, shown, unit_choices, value_text
from ..models.findings_model import VALUE
from ..models.roles import AssessedRole, FindingIdRole, KindRole, OptionsRole, ValueRole
from .colors import muted_text
from .wrap import WrapDelegate

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent

Index = QModelIndex | QPersistentModelIndex


class NumberField(QLineEdit):
    """The number field: Enter asks to record (``submitted``) and goes no further, so
    that the view does not close the editor over a value that is refused."""

    submitted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            self.submitted.emit()
            return
        super().keyPressEvent(event)


class NumberEditor(QWidget):
    """A number field (empty = not assessed) with the finding's unit beside it: a
    drop-down (objectName ``unitCombo``) when the finding may be typed in other units."""

    def __init__(self, kb: KnowledgeBase, finding: str, lang: str = "en",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.kb, self.finding, self.lang = kb, finding, lang
        f = kb.findings[finding]
        self.line = NumberField()
        self.line.setObjectName("numberField")
        self.line.setPlaceholderText(self.tr("empty = not assessed"))
        self.line.setClearButtonEnabled(True)
        unit = text(f.unit, lang)
        lo, hi = f.range or (0, 0)
        self.line.setToolTip(self.tr("{label}: a number from {lo} to {hi} {unit}; empty "
                                     "clears it").format(label=text(f.label, lang),
                                                         lo=number_text(lo), hi=number_text(hi),
                                                         unit=unit).replace("  ", " "))
        self.line.setAccessibleName(text(f.label, lang))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 2, 0)
        layout.setSpacing(4)
        layout.addWidget(self.line, 1)
        self.unit_combo: QComboBox | None = None
        choices = unit_choices(f, lang)
        if len(choices) > 1:
            self.unit_combo = QComboBox()
            self.unit_combo.setObjectName("unitCombo")
            self.unit_combo.setAccessibleName(self.tr("Unit"))
            self.unit_combo.setToolTip(self.tr(
                "The unit of the number typed; it is recorded in {unit}").format(unit=unit))
            for key, label, _factor in choices:
                self.unit_combo.addItem(label, key)
            layout.addWidget(self.unit_combo)
        elif unit:
            label = QLabel(unit)
            label.setToolTip(unit)
            layout.addWidget(label)
        self.setFocusProxy(self.line)
        self.setAutoFillBackground(True)
        self._shown: tuple[str, str | None] | None = None  # (text, unit) set_value showed

    def text(self) -> str:
        return self.line.text()

    def setText(self, value: str) -> None:
        self.line.setText(value)
        self.line.selectAll()

    def unit(self) -> str | None:
        """The ``units`` key chosen beside the field (None: the finding's own unit)."""
        return self.unit_combo.currentData() if self.unit_combo is not None else None

    def set_unit(self, key: str | None) -> None:
        if self.unit_combo is not None:
            i = self.unit_combo.findData(key) if key else 0
            self.unit_combo.setCurrentIndex(max(0, i))

    def set_value(self, value: Any) -> None:
        """Show a recorded value as the window shows it (an age under 2 in months)."""
        if value is None:
            self.set_unit(None)
            self.setText("")
            return
        s = shown(self.kb.findings[self.finding], value, self.lang)
        self.set_unit(s.key)
        self.setText(number_text(s.number))
        self._shown = (self.text(), self.unit())

    def untouched(self) -> bool:
        """Still the recorded value as shown: leaving it must not re-round it (1.166 years
        shows as 14 months, which would record 1.17)."""
        return self._shown == (self.text(), self.unit())

    def reading(self) -> Reading:
        return read_number(self.kb, self.finding, self.text(), self.unit(), self.lang)

    def show_problem(self, message: str) -> None:
        QToolTip.showText(self.line.mapToGlobal(QPoint(0, self.line.height())), message,
                          self.line)


class StateDelegate(WrapDelegate):
    valueRejected = Signal(str)  # a number refused: why, naming the finding

    def __init__(self, kb: KnowledgeBase, lang: str = "en", parent=None):
        super().__init__(parent)
        self._kb, self._lang = kb, lang
        self.confirm = None  # (title, message, informative) -> bool; default: the window's

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
            editor = NumberEditor(self._kb, index.data(FindingIdRole), self._lang, parent)
            editor.line.submitted.connect(lambda e=editor: self._submit(e))
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

    def _ask(self, title: str, message: str, informative: str) -> bool:
        confirm = self.confirm
        if confirm is None:
            view = self.parent()
            prompter = getattr(view.window(), "prompter", None) if view is not None else None
            if prompter is not None:
                confirm = prompter.confirm
        if confirm is None:  # pragma: no cover - a delegate outside the main window
            from ..dialogs.prompts import Prompter

            confirm = Prompter(self.parent()).confirm
        return bool(confirm(title, message, informative))

    def _submit(self, editor: NumberEditor) -> None:
        """Enter in a number field: record the value, or say why not and keep editing."""
        reading = editor.reading()
        f = self._kb.findings[editor.finding]
        if reading.suggestion is not None:
            typed = editor.text().strip()
            meant = value_text(f, reading.suggestion, self._lang)
            if self._ask(text(f.label, self._lang),
                         self.tr("{typed} → {meant}?").format(typed=typed, meant=meant),
                         self.tr("{label} is a percentage: Yes records {meant}. To record "
                                 "{typed} %, type '{typed}%'.").format(
                             label=text(f.label, self._lang), meant=meant, typed=typed)):
                editor.setText(number_text(reading.suggestion))
                editor.set_unit(None)
                reading = editor.reading()
        if reading.refused:
            editor.show_problem(reading.message)
            self.valueRejected.emit(reading.message)
            return
        self._commit(editor)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(ValueRole)
        if isinstance(editor, NumberEditor):
            editor.set_value(value)
        elif isinstance(editor, QComboBox):
            for i in range(editor.count()):
                if editor.itemData(i) == value:
                    editor.setCurrentIndex(i)
                    break

    def setModelData(self, editor: QWidget, model, index: Index) -> None:
        if isinstance(editor, NumberEditor):
            if editor.untouched():
                return
            reading = editor.reading()
            if reading.refused:  # left by focus or a click elsewhere: nothing recorded
                self.valueRejected.emit(reading.message)
                return
            model.setData(index, reading.value, Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,
                             index: Index) -> None:
        """The cell, widened to the left when the field and its unit need more room."""
        rect = option.rect
        need = editor.sizeHint().width()
        if rect.width() < need:
            rect = rect.adjusted(-min(need - rect.width(), max(0, rect.left())), 0, 0, 0)
        editor.setGeometry(rect)
