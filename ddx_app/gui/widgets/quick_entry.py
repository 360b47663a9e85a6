"""The quick entry line above the findings checklist (Ctrl+L): findings typed as text.

As the user types, one line under it previews what was not understood (first, in red:
words not understood, questions such as "give one number, not a range") and what was
(finding = value); the full preview is its tooltip. Enter asks the window to record what
was understood (:attr:`QuickEntryBox.applyRequested`, one undo step), after which the
line keeps only the text not understood; Escape clears it.

The parser (:mod:`ddx_app.quick_entry`, pure Python) and the preview label are loaded
on the first key typed, not at start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from ...formatting import escape_html
from ...knowledge.model import KnowledgeBase

if TYPE_CHECKING:  # wrappers PySide would otherwise build at import
    from PySide6.QtGui import QKeyEvent

    from ...quick_entry import QuickEntry

PROBLEM_COLOUR = "#c62828"


class QuickEntryEdit(QLineEdit):
    """Enter asks to apply, Ctrl+Enter to record the words not understood as other
    findings, Escape clears (a key handler: only key presses reach Python)."""

    applyRequested = Signal()
    otherRequested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape and self.text():
            self.clear()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.otherRequested.emit()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.applyRequested.emit()
        else:
            super().keyPressEvent(event)


class QuickEntryBox(QWidget):
    """The quick entry line and, once something is typed, its one-line preview."""

    applyRequested = Signal(object)  # the QuickEntry result to record
    otherRequested = Signal(list)  # terms not understood, to keep as other findings

    def __init__(self, kb: KnowledgeBase, lang: str = "en", parent: QWidget | None = None):
        super().__init__(parent)
        self.kb, self.lang = kb, lang
        self.edit = QuickEntryEdit()
        self.edit.setObjectName("quickEntry")
        self.edit.setClearButtonEnabled(True)
        self.edit.textChanged.connect(self._on_text)
        self.edit.applyRequested.connect(self._on_apply)
        self.edit.otherRequested.connect(self._on_other)
        self.preview: QLabel | None = None  # created on first use
        self.result: QuickEntry | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self._layout.addWidget(self.edit)

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(self.tr(
            "Quick entry, e.g. SMA+ desmin- CK focal Ki67 15% 14 months (Ctrl+L; Enter records)"))
        self.edit.setAccessibleName(self.tr("Quick entry"))
        self.edit.setToolTip(self.tr(
            "Type findings as text: names or synonyms with a result after or before them "
            "(SMA+, desmin neg, no necrosis, CK focal), numbers with units (Ki67 15%, IgG4 "
            "60/HPF, serum IgG4 2.1 g/L, 14 months). Enter records everything understood as "
            "one undoable change; what was not understood stays in the line. Ctrl+Enter "
            "records the words not understood as other findings (kept in the case and the "
            "report, never scored). Escape clears."))

    def focus(self) -> None:
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    # -- preview ---------------------------------------------------------------------------
    def _ensure_preview(self) -> QLabel:
        if self.preview is None:
            label = QLabel()
            label.setObjectName("quickEntryPreview")
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setMinimumWidth(1)  # one line, clipped: never widens the column
            label.setAccessibleName(self.tr("Quick entry preview"))
            self._layout.addWidget(label)
            self.preview = label
        return self.preview

    def _on_text(self, line: str) -> None:
        if not line.strip():
            self.result = None
            if self.preview is not None:
                self.preview.clear()
                self.preview.setToolTip("")
                self.preview.setVisible(False)
            return
        from ...quick_entry import parse

        self.result = parse(self.kb, line, self.lang)
        label = self._ensure_preview()
        label.setText(self.preview_html(self.result))
        label.setToolTip(self.preview_tooltip(self.result))
        label.setVisible(True)

    def preview_html(self, result: QuickEntry) -> str:
        """One line: in red what was not understood and the questions, then 'SMA =
        Positive · keratin = Focal (positive)'."""
        from ...quick_entry import value_text

        kb, lang = self.kb, self.lang
        parts = []
        seen: set[str] = set()
        for item in reversed(result.items):  # a finding named twice: its last mention
            if item.finding not in seen:
                seen.add(item.finding)
                parts.append(
                    f"<b>{escape_html(kb.findings[item.finding].short_name(lang))}</b> = "
                    f"{escape_html(value_text(kb, item.finding, item.value, lang))}")
        parts.reverse()
        problems = [self.tr("not understood: {words}").format(
            words=", ".join(f"“{escape_html(t.text)}”" for t in result.unrecognised))] \
            if result.unrecognised else []
        problems += ["? " + escape_html(q.message) for q in result.questions]
        html = " · ".join(parts) if parts else escape_html(self.tr("Nothing understood yet"))
        if problems:  # first: the line is clipped at the column's width
            html = (f"<span style='color:{PROBLEM_COLOUR}'>" + " | ".join(problems)
                    + "</span> | " + html)
        return html

    def preview_tooltip(self, result: QuickEntry) -> str:
        from ...quick_entry import value_text

        lines = [f"{self.kb.finding_label(i.finding, self.lang)} = "
                 f"{value_text(self.kb, i.finding, i.value, self.lang)}"
                 + (self.tr(" ({note})").format(note=i.note) if i.note else "")
                 for i in result.items]
        lines += [self.tr("Not understood: {text}").format(text=t.text)
                  for t in result.unrecognised]
        lines += ["? " + q.message for q in result.questions]
        lines += [q.message for q in result.notes]
        return "\n".join(lines)

    # -- apply -----------------------------------------------------------------------------
    def _on_apply(self) -> None:
        line = self.edit.text()
        if not line.strip():
            return
        if self.result is None or self.result.text != line:
            self._on_text(line)
        if self.result is not None:
            self.applyRequested.emit(self.result)

    def _on_other(self) -> None:
        """Ctrl+Enter: the words not understood, for the window to keep as other findings;
        they leave the line (the questions stay)."""
        line = self.edit.text()
        if self.result is None or self.result.text != line:
            self._on_text(line)
        if self.result is None or not self.result.unrecognised:
            return
        tokens = sorted(self.result.unrecognised, key=lambda t: t.start)
        self.otherRequested.emit([t.text for t in tokens])
        rest, at = [], 0
        for t in tokens:
            rest.append(line[at:t.start])
            at = t.end
        rest.append(line[at:])
        self.edit.setText(" ".join("".join(rest).split()).strip(" ,;"))

    def keep_leftover(self) -> None:
        """After the window recorded the result: keep only what was not understood."""
        if self.result is not None:
            self.edit.setText(self.result.leftover())
