"""Undoable edits of the open case (QUndoCommand); each calls back into the document.

The document applies the change and recomputes the analysis, so undo and redo
go through exactly the same path as the original edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from .document import CaseDocument

META_COMMAND_ID = 0xDD01


def _tr(text: str) -> str:
    return QCoreApplication.translate("Commands", text)


class SetMetaCommand(QUndoCommand):
    """Change the case id, title or notes; consecutive typing in one field merges."""

    def __init__(self, document: CaseDocument, key: str, value: Any, label: str):
        super().__init__(_tr("Edit {field}").format(field=label))
        self._doc = document
        self._key = key
        self._old = document.meta(key)
        self._new = value

    def id(self) -> int:
        return META_COMMAND_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetMetaCommand) or other._key != self._key:
            return False
        self._new = other._new
        self.setObsolete(self._new == self._old)
        return True

    def redo(self) -> None:
        self._doc.apply_meta(self._key, self._new)

    def undo(self) -> None:
        self._doc.apply_meta(self._key, self._old)


class SetFindingsCommand(QUndoCommand):
    """Record several findings as one undo step (quick entry): one analysis for them all."""

    def __init__(self, document: CaseDocument, values: dict[str, Any], text: str):
        super().__init__(text)
        self._doc = document
        self._new = dict(values)
        self._old = {finding: document.value(finding) for finding in values}

    def redo(self) -> None:
        self._doc.apply_findings(self._new)

    def undo(self) -> None:
        self._doc.apply_findings(self._old)


class SetFindingCommand(SetFindingsCommand):
    """Record one finding (``None`` = not assessed)."""

    def __init__(self, document: CaseDocument, finding: str, value: Any, label: str):
        super().__init__(document, {finding: value},
                         _tr("Set {finding}").format(finding=label))


class SetOtherFindingsCommand(QUndoCommand):
    """Replace the case's other findings (terms outside the vocabulary, never scored):
    adding or removing one term is one undo step."""

    def __init__(self, document: CaseDocument, terms: list[str], text: str):
        super().__init__(text)
        self._doc = document
        self._new = list(terms)
        self._old = list(document.case.other_findings)

    def redo(self) -> None:
        self._doc.apply_other_findings(self._new)

    def undo(self) -> None:
        self._doc.apply_other_findings(self._old)
