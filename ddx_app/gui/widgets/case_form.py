"""Case id, title and notes: edits go through the document's undo stack."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from ..document import CaseDocument


class CaseForm(QWidget):
    def __init__(self, document: CaseDocument, parent=None):
        super().__init__(parent)
        self.setObjectName("caseForm")
        self._doc = document
        self._updating = False
        self.case_id = QLineEdit()
        self.case_id.setObjectName("caseId")
        self.title = QLineEdit()
        self.title.setObjectName("caseTitle")
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("caseNotes")
        self.notes.setTabChangesFocus(True)
        self.case_id.setPlaceholderText(self.tr("accession or teaching label"))
        self.title.setPlaceholderText(self.tr("short description of the case"))
        self.notes.setPlaceholderText(self.tr("clinical history, gross, free text"))
        self.case_id.setAccessibleName(self.tr("Case ID"))
        self.title.setAccessibleName(self.tr("Case title"))
        self.notes.setAccessibleName(self.tr("Case notes"))
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addRow(self.tr("Case &ID:"), self.case_id)
        layout.addRow(self.tr("&Title:"), self.title)
        layout.addRow(self.tr("N&otes:"), self.notes)
        self.case_id.textEdited.connect(lambda t: self._doc.set_meta("case_id", t))
        self.title.textEdited.connect(lambda t: self._doc.set_meta("title", t))
        self.notes.textChanged.connect(self._notes_edited)
        document.metaChanged.connect(self._refresh)
        document.caseReplaced.connect(self.refresh_all)
        self.refresh_all()

    def _notes_edited(self) -> None:
        if not self._updating:
            self._doc.set_meta("notes", self.notes.toPlainText())

    def refresh_all(self) -> None:
        for key in ("case_id", "title", "notes"):
            self._refresh(key)

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
