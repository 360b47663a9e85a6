"""The left column's checklist: heading, quick entry line (Ctrl+L, see
:mod:`.quick_entry`), filter box (Ctrl+F) and the findings tree.

In the filter box, Escape clears it and Down or Enter moves into the first match;
:meth:`FindingsPanel.focus_finding` selects a finding (clearing a filter that
hides it) so that the next key sets its state.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel, QLineEdit, QVBoxLayout, QWidget

from ...knowledge.model import KnowledgeBase, text
from ..models.filter_proxy import FindingFilterProxy
from ..models.findings_model import LABEL, FindingsModel
from .findings_view import FindingsView
from .quick_entry import QuickEntryBox
from .state_delegate import StateDelegate

if TYPE_CHECKING:  # wrappers PySide would otherwise build at import
    from PySide6.QtGui import QKeyEvent


class FilterEdit(QLineEdit):
    """The filter box: Escape clears it, Down or Enter asks to move into the matches.

    A key handler rather than an event filter, so that only key presses reach Python
    (an event filter is called, and its event wrapped, for every event of the box)."""

    enterMatches = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape and self.text():
            self.clear()
        elif key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enterMatches.emit()
        else:
            super().keyPressEvent(event)


class FindingsPanel(QWidget):
    def __init__(self, kb: KnowledgeBase, model: FindingsModel, proxy: FindingFilterProxy,
                 lang: str = "en", parent=None):
        super().__init__(parent)
        self._model, self._proxy = model, proxy
        self.heading = QLabel()
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.quick_entry_box = QuickEntryBox(kb, lang)
        self.quick_entry = self.quick_entry_box.edit
        self.filter_edit = FilterEdit()
        self.filter_edit.setObjectName("findingFilter")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.enterMatches.connect(self._focus_first_match)
        self.filter_edit.textChanged.connect(self._on_filter_text)
        self.view = FindingsView(kb.state_keys)
        self.view.setModel(proxy)
        ranges = {f.id: f.range for f in kb.findings.values() if f.range}
        units = {f.id: text(f.unit, lang) for f in kb.findings.values() if f.unit}
        self.view.setItemDelegate(StateDelegate(ranges, units, self.view))
        self._expanded_once = False  # see open_groups_once
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.quick_entry_box)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.view, 1)

    def open_groups_once(self) -> None:
        """Open every group the first time the window is shown (MainWindow.setVisible):
        then the columns have their real widths; expanding earlier would lay out (and
        word-wrap) every row at a throw-away width first."""
        if not self._expanded_once:
            self._expanded_once = True
            self.view.expandAll()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Findings"))
        self.quick_entry_box.retranslate()
        self.filter_edit.setPlaceholderText(
            self.tr("Filter findings: name or synonym, e.g. SMA, IgG4 (Ctrl+F)"))
        self.filter_edit.setAccessibleName(self.tr("Filter findings"))
        self.view.setAccessibleName(self.tr("Findings checklist"))
        self.view.setToolTip(self.tr(
            "Space: next state · P: present/positive · A or N: absent/negative · F: focal · "
            "D: diffuse · Del or 0: not assessed · Enter: edit"))

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def _on_filter_text(self, query: str) -> None:
        self._proxy.set_query(query)
        self.view.expandAll()

    def _focus_first_match(self) -> None:
        proxy = self._proxy
        for g in range(proxy.rowCount()):
            group = proxy.index(g, 0)
            if proxy.rowCount(group):
                self.view.setCurrentIndex(proxy.index(0, 0, group))
                break
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_finding(self, finding: str) -> None:
        """Select a finding in the checklist (clearing the filter if it hides it)."""
        source = self._model.index_of(finding, LABEL)
        index = self._proxy.mapFromSource(source)
        if not index.isValid():
            self.filter_edit.clear()
            index = self._proxy.mapFromSource(source)
        self.view.expand(index.parent())
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
