"""The left column's checklist: heading, quick entry line (Ctrl+L, see
:mod:`.quick_entry`), filter box (Ctrl+F) and the findings tree.

In the filter box, Escape clears it and Down or Enter moves into the first match;
:meth:`FindingsPanel.focus_finding` selects a finding (clearing a filter that
hides it) so that the next key sets its state.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...knowledge.model import KnowledgeBase
from ..models.filter_proxy import FindingFilterProxy
from ..models.findings_model import LABEL, FindingsModel
from .findings_view import FindingsView
from .parts import heading
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


class OtherFindingsList(QListWidget):
    """The case's other findings; Delete or Backspace asks to remove the current one."""

    removeRequested = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and \
                self.currentRow() >= 0:
            self.removeRequested.emit(self.currentRow())
            return
        super().keyPressEvent(event)


class OtherFindingsBox(QWidget):
    """'Other findings (not scored)': terms outside the vocabulary recorded for this case
    (saved in the case file and reported, never scored), each removable (undoable).
    Hidden while the case has none."""

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.setObjectName("otherFindings")
        self._doc = document
        self.heading = QLabel()
        self.list = OtherFindingsList()
        self.list.setObjectName("otherFindingsView")
        self.list.setAlternatingRowColors(True)
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("removeOtherFinding")
        self.remove_button.clicked.connect(lambda: self._remove(self.list.currentRow()))
        self.list.removeRequested.connect(self._remove)
        self.list.currentRowChanged.connect(
            lambda row: self.remove_button.setEnabled(row >= 0))
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.heading, 1)
        top.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.list)
        document.otherFindingsChanged.connect(self.refresh)
        document.caseReplaced.connect(self.refresh)
        self.refresh()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Other findings (not scored)"))
        self.heading.setToolTip(self.tr(
            "Terms outside the knowledge base's vocabulary: kept in the case file and the "
            "report, never used in the ranking"))
        self.remove_button.setText(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Remove the selected other finding (Delete)"))
        self.list.setAccessibleName(self.tr("Other findings (not scored)"))

    def refresh(self) -> None:
        terms = self._doc.other_findings
        row = self.list.currentRow()
        self.list.clear()
        self.list.addItems(terms)
        if terms:
            self.list.setCurrentRow(min(max(row, 0), len(terms) - 1))
        self.remove_button.setEnabled(bool(terms))
        rows = max(1, min(len(terms), 4))
        self.list.setFixedHeight(self.list.sizeHintForRow(0) * rows + 2 * self.list.frameWidth()
                                 if terms else 0)
        self.setVisible(bool(terms))

    def _remove(self, row: int) -> None:
        if row >= 0:
            self._doc.remove_other_finding(row)


class FindingsPanel(QWidget):
    def __init__(self, kb: KnowledgeBase, model: FindingsModel, proxy: FindingFilterProxy,
                 lang: str = "en", parent=None):
        super().__init__(parent)
        self._model, self._proxy = model, proxy
        self.heading = heading()
        self.quick_entry_box = QuickEntryBox(kb, lang)
        self.quick_entry = self.quick_entry_box.edit
        self.filter_edit = FilterEdit()
        self.filter_edit.setObjectName("findingFilter")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.enterMatches.connect(self._focus_first_match)
        self.filter_edit.textChanged.connect(self._on_filter_text)
        self.view = FindingsView(kb.state_keys)
        self.view.setModel(proxy)
        self.delegate = StateDelegate(kb, lang, self.view)
        self.delegate.valueRejected.connect(model.valueRejected)
        self.view.setItemDelegate(self.delegate)
        self._expanded_once = False  # see open_groups_once
        # a filter that matches nothing: say so, and offer to keep the term as an other
        # finding (a stain outside the vocabulary must still be recordable)
        self.no_match = QWidget()
        self.no_match.setObjectName("noMatch")
        self.no_match_label = QLabel()
        self.no_match_label.setObjectName("noMatchLabel")
        self.no_match_label.setWordWrap(True)
        self.no_match_label.setTextFormat(Qt.TextFormat.PlainText)
        self.record_other = QPushButton()
        self.record_other.setObjectName("recordOtherFinding")
        self.record_other.clicked.connect(self.record_filter_as_other)
        no_match_layout = self._no_match_layout = QVBoxLayout(self.no_match)
        no_match_layout.setContentsMargins(4, 4, 4, 4)
        no_match_layout.addWidget(self.no_match_label)
        no_match_layout.addWidget(self.record_other, 0, Qt.AlignmentFlag.AlignLeft)
        no_match_layout.addStretch(1)
        self.no_match.setVisible(False)
        self.other_findings = OtherFindingsBox(model.document)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.quick_entry_box)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.no_match)
        layout.addWidget(self.other_findings)

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
        self.other_findings.retranslate()
        self._show_matches()

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def _on_filter_text(self, query: str) -> None:
        self._proxy.set_query(query)
        self.view.expandAll()
        self._show_matches()

    def _show_matches(self) -> None:
        """The checklist, or (a filter matching nothing) the offer to record the term."""
        term = " ".join(self.filter_edit.text().split())
        unnamed = bool(term) and not self._proxy.names_a_finding
        empty = unnamed and self._proxy.rowCount() == 0
        if unnamed:
            self.no_match_label.setText(
                self.tr("No finding matches '{term}'").format(term=term) if empty else
                self.tr("No finding is named '{term}'; findings containing it:").format(
                    term=term))
            self.record_other.setText(self.tr(
                "Record '{term}' as an other finding (not scored)").format(term=term))
            self.record_other.setToolTip(self.tr(
                "Keeps the term in the case file and the report; it does not change the "
                "differential"))
        self.view.setVisible(not empty)
        self.no_match.setVisible(unnamed)
        self._no_match_layout.setStretch(2, 1 if empty else 0)
        self.layout().setStretchFactor(self.no_match, 1 if empty else 0)

    def record_filter_as_other(self) -> bool:
        """Record the filter's text as an other finding (one undo step), then clear the
        filter. False when nothing was recorded (empty, or already recorded)."""
        try:
            done = bool(self._model.document.add_other_findings([self.filter_edit.text()]))
        except ValueError as exc:
            self._model.valueRejected.emit(str(exc))
            return False
        self.filter_edit.clear()
        self.filter_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        return done

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
