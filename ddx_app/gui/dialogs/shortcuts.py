"""Help ▸ Keyboard Shortcuts: every key the window answers to, from where it is defined.

Menu shortcuts are read from the window's actions (so platform-specific standard keys
show as this platform binds them); checklist letters come from the knowledge base
(findings.yaml ``state_roles.keys``) and the keys that clear a finding from the view.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from ...formatting import escape_html as escape
from ...knowledge.model import KnowledgeBase, text
from ..widgets.findings_view import clear_keys
from .text_dialog import TextDialog

_LAST_KEYBOARD_KEY = 0x01000052  # Qt::Key_F35; beyond: modifiers, media and appliance keys


def _on_keyboard(sequence: QKeySequence) -> bool:
    """False for bindings to dedicated media/appliance keys that most keyboards lack."""
    return all(sequence[i].key().value <= _LAST_KEYBOARD_KEY for i in range(sequence.count()))


def shortcuts_html(kb: KnowledgeBase, actions: list[QAction], lang: str, tr) -> str:
    def row(keys: str, what: str) -> str:
        return f"<tr><td><b>{escape(keys)}</b></td><td>{escape(what)}</td></tr>"

    checklist = [row(tr("Up / Down, Left / Right"), tr("move, open and close groups")),
                 row(tr("Space"), tr("next state (including not assessed)"))]
    for letter, states in kb.state_keys.items():
        labels = " / ".join(text(kb.state_labels.get(s), lang) or s for s in states)
        checklist.append(row(letter, labels))
    clear = ", ".join(QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
                      for key in sorted(clear_keys(), key=lambda k: k.value))
    checklist += [row(clear, tr("not assessed")),
                  row(tr("Enter or F2"), tr("edit (number field or list of states); a digit on "
                                            "a number row opens the field with it"))]
    menu = []
    for action in actions:
        keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText)
                         for k in action.shortcuts() if not k.isEmpty() and _on_keyboard(k))
        if keys:
            menu.append(row(keys, action.text().replace("&", "").rstrip("…")))
    filter_rows = [row(tr("Escape"), tr("clear the filter")),
                   row(tr("Down or Enter"), tr("move into the first match"))]
    entry_rows = [row(tr("Enter"), tr("record everything understood (one undoable change); "
                                      "what was not understood stays in the line")),
                  row(tr("Escape"), tr("clear the line"))]
    table = "<table cellspacing='2' cellpadding='3'>{}</table>".format
    return (f"<h3>{escape(tr('Findings checklist'))}</h3>" + table("".join(checklist))
            + f"<h3>{escape(tr('Quick entry line'))}</h3>" + table("".join(entry_rows))
            + f"<h3>{escape(tr('Filter box'))}</h3>" + table("".join(filter_rows))
            + f"<h3>{escape(tr('Menus'))}</h3>" + table("".join(menu))
            + "<p>" + escape(tr("Each key press in the checklist is one undoable change."))
            + "</p>")


class ShortcutsDialog(TextDialog):
    def __init__(self, kb: KnowledgeBase, actions: list[QAction], lang: str = "en",
                 parent: QWidget | None = None):
        super().__init__("shortcutsDialog", self.tr("Keyboard Shortcuts"),
                         shortcuts_html(kb, actions, lang, self.tr), (560, 600), parent)
