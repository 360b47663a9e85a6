"""The findings checklist view: a tree with keys that set states directly.

Keys on a finding row (whichever column is current):
  Space           next state (cycles through 'not assessed' too)
  P               present / positive          A or N   absent / negative
  F               focal (stains)              D        diffuse (stains)
  a state's first letter for categorical findings (e.g. M / F for sex)
  Delete, Backspace or 0   not assessed
  Enter or F2     edit (number field or state list); on a number row, typing a digit
                  opens the field with it
Arrows move as in any tree. Each key press is one undoable edit.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView

from ..models.findings_model import LABEL, VALUE
from ..models.roles import FindingIdRole, KindRole, OptionsRole, ValueRole
from .wrap import WrappingTreeView

if TYPE_CHECKING:  # wrappers PySide would otherwise build at import
    from PySide6.QtGui import QKeyEvent


@cache
def clear_keys() -> frozenset[Qt.Key]:
    """The keys that clear a finding (a function: Qt.Key is built on first key press)."""
    return frozenset({Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_0})


def key_map(state_keys: dict[str, tuple[str, ...]]) -> dict[Qt.Key, tuple[str, ...]]:
    """The knowledge base's letter -> states table (findings.yaml state_roles.keys) as Qt keys."""
    return {getattr(Qt.Key, f"Key_{letter}"): states for letter, states in state_keys.items()}


def value_for_key(key: Qt.Key, kind: str, options: list[tuple[str | None, str]],
                  letters: dict[Qt.Key, tuple[str, ...]]) -> tuple[bool, str | None]:
    """(handled, value) for a letter key on a finding with these options."""
    values = [v for v, _ in options]
    if key in clear_keys():
        return True, None
    if kind == "categorical":
        letter = chr(key.value).lower() if Qt.Key.Key_A.value <= key.value <= Qt.Key.Key_Z.value \
            else ""
        hits = [v for v, label in options if v is not None and label.lower().startswith(letter)]
        if letter and len(hits) == 1:
            return True, hits[0]
        return False, None
    for candidate in letters.get(key, ()):
        if candidate in values:
            return True, candidate
    return False, None


def next_value(current: object, options: list[tuple[str | None, str]]) -> str | None:
    values = [v for v, _ in options]
    try:
        i = values.index(current)
    except ValueError:
        i = 0
    return values[(i + 1) % len(values)]


class FindingsView(WrappingTreeView):
    def __init__(self, state_keys: dict[str, tuple[str, ...]] | None = None, parent=None):
        super().__init__(parent)
        self._state_keys = state_keys or {}
        self._letters: dict[Qt.Key, tuple[str, ...]] | None = None
        self.setObjectName("findingsView")
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.SelectedClicked)
        self.setAllColumnsShowFocus(True)
        self.setExpandsOnDoubleClick(True)
        self.setIndentation(14)  # one level of groups: the labels keep the width

    @property
    def letters(self) -> dict[Qt.Key, tuple[str, ...]]:
        """The knowledge base's state letters as keys (built with the first key press)."""
        if self._letters is None:
            self._letters = key_map(self._state_keys)
        return self._letters

    def setModel(self, model) -> None:
        super().setModel(model)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(LABEL, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(VALUE, QHeaderView.ResizeMode.Interactive)
        if self.columns is None:
            # on a narrow window the value column gives way first: a label wrapped onto
            # four lines is harder to read than "Focal (positive)" on two
            self.fit_columns(LABEL, {VALUE: 160}, {VALUE: 90}, stretch_floor=220)

    def set_value(self, index: QModelIndex, value: str | None) -> bool:
        """Record a value for the finding on ``index``'s row (through the model: undoable)."""
        target = index.siblingAtColumn(VALUE)
        return bool(self.model().setData(target, value, Qt.ItemDataRole.EditRole))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        fid = index.data(FindingIdRole) if index.isValid() else None
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if fid is None or mods not in (Qt.KeyboardModifier.NoModifier,
                                       Qt.KeyboardModifier.ShiftModifier):
            if index.isValid() and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.setExpanded(index.siblingAtColumn(LABEL),
                                 not self.isExpanded(index.siblingAtColumn(LABEL)))
                return
            super().keyPressEvent(event)
            return
        key = Qt.Key(event.key())
        kind = index.data(KindRole)
        options = index.data(OptionsRole) or [(None, "")]
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            value_index = index.siblingAtColumn(VALUE)
            self.setCurrentIndex(value_index)
            self.edit(value_index)
            return
        if key == Qt.Key.Key_Space and kind != "numeric":
            self.set_value(index, next_value(index.data(ValueRole), options))
            return
        if kind == "numeric":
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.set_value(index, None)
                return
            if event.text() and event.text() in "0123456789.,":
                # Typing a number opens the field with that first character.
                value_index = index.siblingAtColumn(VALUE)
                self.setCurrentIndex(value_index)
                any_key = QAbstractItemView.EditTrigger.AnyKeyPressed
                triggers = self.editTriggers()
                # edit() forwards the key to the editor only if AnyKeyPressed is enabled,
                # which would otherwise make every letter open an editor.
                self.setEditTriggers(triggers | any_key)
                try:
                    self.edit(value_index, any_key, event)
                finally:
                    self.setEditTriggers(triggers)
                return
            super().keyPressEvent(event)
            return
        handled, value = value_for_key(key, kind, options, self.letters)
        if handled:
            self.set_value(index, value)
            return
        super().keyPressEvent(event)
