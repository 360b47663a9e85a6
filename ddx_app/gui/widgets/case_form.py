"""Case id, title and notes: edits go through the document's undo stack.

A toggle above the fields (objectName ``caseFormToggle``) folds them into one line
("Case EX-IMT-01 — Left maxillary sinus mass ...") to give the checklist the room on a
small screen; the window remembers the choice (window_state.py).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..document import CaseDocument

_NO_MAX = 16777215  # QWIDGETSIZE_MAX


class CaseForm(QWidget):
    collapsedChanged = Signal(bool)

    def __init__(self, document: CaseDocument, parent=None):
        super().__init__(parent)
        self.setObjectName("caseForm")
        self._doc = document
        self._updating = False
        self._open_height = 0  # the form's height in its splitter before it was folded
        self.toggle = QToolButton()
        self.toggle.setObjectName("caseFormToggle")
        self.toggle.setArrowType(Qt.ArrowType.DownArrow)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setAutoRaise(True)
        self.toggle.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.toggle.clicked.connect(lambda: self.set_collapsed(not self.collapsed))
        self.body = QWidget()
        self.case_id = QLineEdit()
        self.case_id.setObjectName("caseId")
        self.title = QLineEdit()
        self.title.setObjectName("caseTitle")
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("caseNotes")
        self.notes.setTabChangesFocus(True)
        self._labels = [QLabel(), QLabel(), QLabel()]
        layout = QFormLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        for label, field in zip(self._labels, (self.case_id, self.title, self.notes)):
            label.setBuddy(field)
            layout.addRow(label, field)
        self.retranslate()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        outer.addWidget(self.toggle)
        outer.addWidget(self.body, 1)
        self.case_id.textEdited.connect(lambda t: self._doc.set_meta("case_id", t))
        self.title.textEdited.connect(lambda t: self._doc.set_meta("title", t))
        self.notes.textChanged.connect(self._notes_edited)
        document.metaChanged.connect(self._refresh)
        document.caseReplaced.connect(self.refresh_all)
        self.refresh_all()

    # -- folding ------------------------------------------------------------------------
    @property
    def collapsed(self) -> bool:
        return self.body.isHidden()

    def set_collapsed(self, collapsed: bool) -> None:
        """Fold the fields into the one-line toggle (or unfold them); the checklist below
        takes (or gives back) the room."""
        if collapsed == self.collapsed:
            return
        split = self.parentWidget()
        split = split if isinstance(split, QSplitter) else None
        index = split.indexOf(self) if split is not None else -1
        if collapsed:
            self._open_height = self.height()
        self.body.setVisible(not collapsed)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow if collapsed
                                 else Qt.ArrowType.DownArrow)
        self.setMaximumHeight(self.toggle.sizeHint().height() if collapsed else _NO_MAX)
        if split is not None and index >= 0 and index + 1 < split.count():
            sizes = split.sizes()
            total = sizes[index] + sizes[index + 1]
            mine = self.toggle.sizeHint().height() if collapsed else \
                (self._open_height or self.sizeHint().height())
            mine = min(mine, total // 2) if not collapsed else mine
            sizes[index], sizes[index + 1] = mine, total - mine
            split.setSizes(sizes)
        self._update_toggle_text()
        self.collapsedChanged.emit(collapsed)

    def retranslate(self) -> None:
        self.case_id.setPlaceholderText(self.tr("accession or teaching label"))
        self.title.setPlaceholderText(self.tr("short description of the case"))
        self.notes.setPlaceholderText(self.tr("clinical history, gross, free text"))
        self.case_id.setAccessibleName(self.tr("Case ID"))
        self.title.setAccessibleName(self.tr("Case title"))
        self.notes.setAccessibleName(self.tr("Case notes"))
        for label, words in zip(self._labels, (self.tr("Case &ID:"), self.tr("&Title:"),
                                               self.tr("N&otes:"))):
            label.setText(words)
        self._update_toggle_text()

    def _update_toggle_text(self) -> None:
        if not self.collapsed:
            self.toggle.setText(self.tr("Case"))
            self.toggle.setToolTip(self.tr("Hide the case ID, title and notes"))
            return
        case_id, title = self._doc.meta("case_id"), self._doc.meta("title")
        parts = [str(x) for x in (case_id, title) if x not in (None, "")]
        summary = " — ".join(" ".join(p.split()) for p in parts)
        shown = self.tr("Case: {summary}").format(summary=summary) if summary \
            else self.tr("Case (no ID or title)")
        width = max(160, self.width() - 40)  # elided when folded or the case changes
        self.toggle.setText(self.toggle.fontMetrics().elidedText(
            shown, Qt.TextElideMode.ElideRight, width))
        self.toggle.setToolTip(self.tr("Show the case ID, title and notes"))

    def _notes_edited(self) -> None:
        if not self._updating:
            self._doc.set_meta("notes", self.notes.toPlainText())

    def refresh_all(self) -> None:
        for key in ("case_id", "title", "notes"):
            self._refresh(key)
        self._update_toggle_text()

    def _refresh(self, key: str) -> None:
        value = self._doc.meta(key)
        shown = "" if value is None else str(value)
        self._updating = True
        try:
            if key == "notes":
                if self.notes.toPlainText() != shown:
                    self.notes.setPlainText(shown)
            else:
                edit = self.case_id if key == "case_id" else self.title
                if edit.text() != shown:
                    edit.setText(shown)
                    edit.setCursorPosition(0)  # show the start of a long title
        finally:
            self._updating = False
        if key != "notes" and self.collapsed:
            self._update_toggle_text()
