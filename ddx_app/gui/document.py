"""The open case: its file path, the Case, the undo stack and the one current Analysis.

Every edit goes through a QUndoCommand (:mod:`.commands`) that calls
:meth:`CaseDocument.apply_findings` / :meth:`CaseDocument.apply_meta`; the document
then recomputes a single :class:`~ddx_app.engine.Analysis` and emits it. Views only
read that analysis, so one change costs one engine call however many panels show it.
"Modified" is ``not undo_stack.isClean()``.

The document also remembers, per file, what the file was on disk when it was loaded or
last saved (:class:`.case_lock.DiskState`), so that a save can tell whether something
else changed it meanwhile (:meth:`CaseDocument.changed_on_disk`), and which files were
opened read-only (another session holds them).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ..atomic import write_atomic
from ..case import Case, case_to_yaml, load_case
from ..engine import Analysis, analyse
from ..knowledge.model import KnowledgeBase, text
from .commands import SetFindingCommand, SetMetaCommand

if TYPE_CHECKING:
    from .case_lock import DiskState

META_KEYS = ("case_id", "title", "notes")


class CaseDocument(QObject):
    """One open case and its analysis."""

    findingChanged = Signal(str)  # finding id
    metaChanged = Signal(str)  # "case_id", "title" or "notes"
    otherFindingsChanged = Signal()  # terms outside the vocabulary (not scored)
    analysisChanged = Signal(object)  # the new Analysis
    caseReplaced = Signal()  # new / open / restore: everything changed
    pathChanged = Signal()
    modifiedChanged = Signal(bool)

    def __init__(self, kb: KnowledgeBase, prior: str = "prevalence", lang: str = "en",
                 parent: QObject | None = None):
        super().__init__(parent)
        self.kb = kb
        self.lang = lang
        self.case = Case()
        self.path: Path | None = None
        self.undo_stack = QUndoStack(self)
        # A method, not a lambda: Qt drops the connection when the document is destroyed,
        # before the undo stack (its child) emits cleanChanged on its way out.
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self._prior = prior if prior in kb.prior_names else "prevalence"
        self._scope = "all"  # the subset of entities ranked (kb.yaml scopes)
        self._disk: dict[Path, DiskState] = {}  # file -> as loaded or last saved
        self._read_only: set[Path] = set()  # files opened read-only
        self._analysis = analyse(kb, {}, self._prior)

    def _clean_changed(self, clean: bool) -> None:
        self.modifiedChanged.emit(not clean)

    # -- reading ----------------------------------------------------------------------------
    @property
    def analysis(self) -> Analysis:
        return self._analysis

    @property
    def prior(self) -> str:
        return self._prior

    @property
    def scope(self) -> str:
        return self._scope

    @property
    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def value(self, finding: str) -> Any:
        """The recorded value, or None when not assessed."""
        return self.case.findings.get(finding)

    def meta(self, key: str) -> Any:
        return getattr(self.case, key)

    def display_name(self) -> str:
        if not self.path:
            return self.tr("Untitled")
        return self.path.name + (self.tr(" (read-only)") if self.read_only else "")

    @property
    def read_only(self) -> bool:
        """Opened read-only (another session has the file open): saving over it is
        refused; Save As is not."""
        return self.path is not None and self.path in self._read_only

    @property
    def disk_state(self) -> DiskState | None:
        """The file as this document last loaded or saved it (None: not known)."""
        return self._disk.get(self.path) if self.path is not None else None

    def remember_disk_state(self, path: str | os.PathLike) -> None:
        """Record ``path`` as it is now (a restored autosave adopts its original file)."""
        from .case_lock import disk_state

        state = disk_state(path)
        if state is not None:
            self._disk[Path(os.path.abspath(path))] = state

    def changed_on_disk(self, path: str | os.PathLike | None = None) -> bool:
        """True if the file (default: the current one) is no longer what this document
        loaded or last saved: saving would overwrite someone else's changes."""
        from .case_lock import changed_since

        target = Path(os.path.abspath(path)) if path else self.path
        return target is not None and changed_since(target, self._disk.get(target))

    def to_yaml(self) -> str:
        return case_to_yaml(self.case, self.kb)

    # -- editing (undoable) -----------------------------------------------------------------
    def set_finding(self, finding: str, value: Any) -> bool:
        """Record a value through the undo stack; ValueError if the value does not fit.

        Returns False when nothing changed (the same value again).
        """
        value = self._checked(finding, value)
        if self._unchanged(finding, value):
            return False
        label = text(self.kb.findings[finding].label, self.lang)
        self.undo_stack.push(SetFindingCommand(self, finding, value, label))
        return True

    def _checked(self, finding: str, value: Any) -> Any:
        """The value as recorded ("" means not assessed; 3.0 is 3); ValueError with a
        readable message if it does not fit the finding."""
        f = self.kb.findings[finding]
        if value == "":
            return None
        if value is not None:
            if f.is_numeric and isinstance(value, float) and value.is_integer():
                value = int(value)
            f.state_of(value)
        return value

    def _unchanged(self, finding: str, value: Any) -> bool:
        old = self.value(finding)
        return old == value and type(old) is type(value)

    def set_findings(self, values: dict[str, Any], description: str) -> list[str]:
        """Record several findings as ONE undo step with one analysis (quick entry); each
        value is checked as :meth:`set_finding` checks it (ValueError, nothing recorded).
        Returns the findings whose value changed (none: nothing is pushed)."""
        from .commands import SetFindingsCommand

        changed: dict[str, Any] = {}
        for finding, value in values.items():
            value = self._checked(finding, value)
            if not self._unchanged(finding, value):
                changed[finding] = value
        if changed:
            self.undo_stack.push(SetFindingsCommand(self, changed, description))
        return list(changed)

    def apply_findings(self, values: dict[str, Any]) -> None:
        """Called by SetFinding(s)Command: every value, then one analysis."""
        for finding, value in values.items():
            if value is None:
                self.case.findings.pop(finding, None)
            else:
                self.case.findings[finding] = value
            self.findingChanged.emit(finding)
        self.recompute()

    # -- other findings: terms outside the vocabulary, kept and reported, never scored --
    @property
    def other_findings(self) -> list[str]:
        return list(self.case.other_findings)

    def add_other_findings(self, terms: list[str]) -> list[str]:
        """Record terms the vocabulary does not know ("EMA focal") as ONE undo step; the
        terms recorded (empty ones and those already there, case and spaces aside, are
        skipped). ValueError for a term longer than a case file takes (then nothing is
        recorded)."""
        from ..case import MAX_OTHER_FINDING_CHARS
        from .commands import SetOtherFindingsCommand

        known = {t.casefold() for t in self.case.other_findings}
        added: list[str] = []
        for raw in terms:
            term = " ".join(str(raw).split())
            if len(term) > MAX_OTHER_FINDING_CHARS:
                raise ValueError(self.tr("An other finding is at most {n} characters; put "
                                         "longer text in the notes").format(
                                             n=MAX_OTHER_FINDING_CHARS))
            if term and term.casefold() not in known:
                known.add(term.casefold())
                added.append(term)
        if not added:
            return []
        self.undo_stack.push(SetOtherFindingsCommand(
            self, [*self.case.other_findings, *added],
            self.tr("Record other finding '{term}'").format(term="', '".join(added))))
        return added

    def remove_other_finding(self, index: int) -> bool:
        """Remove the other finding at ``index`` (one undo step)."""
        from .commands import SetOtherFindingsCommand

        terms = list(self.case.other_findings)
        if not 0 <= index < len(terms):
            return False
        term = terms.pop(index)
        self.undo_stack.push(SetOtherFindingsCommand(
            self, terms, self.tr("Remove other finding '{term}'").format(term=term)))
        return True

    def apply_other_findings(self, terms: list[str]) -> None:
        """Called by SetOtherFindingsCommand. No analysis: these terms are never scored."""
        self.case.other_findings = list(terms)
        self.otherFindingsChanged.emit()

    def set_meta(self, key: str, value: Any) -> bool:
        if key not in META_KEYS:
            raise KeyError(key)
        if isinstance(value, str) and not value.strip():
            value = None
        if self.meta(key) == value:
            return False
        labels = {"case_id": self.tr("case ID"), "title": self.tr("title"),
                  "notes": self.tr("notes")}
        self.undo_stack.push(SetMetaCommand(self, key, value, labels[key]))
        return True

    def set_prior(self, prior: str) -> None:
        """The prior is a view preference, not case content: not undoable, not 'modified'."""
        if prior not in self.kb.prior_names:
            raise ValueError(f"unknown prior {prior!r}")
        if prior != self._prior:
            self._prior = prior
            self.recompute()

    def set_scope(self, scope: str) -> None:
        """Rank only a named subset of the entities: a view preference like the prior."""
        if scope not in self.kb.scope_names:
            raise ValueError(f"unknown scope {scope!r}")
        if scope != self._scope:
            self._scope = scope
            self.recompute()

    # -- called by the undo commands --------------------------------------------------------
    def apply_meta(self, key: str, value: Any) -> None:
        setattr(self.case, key, value)
        self.metaChanged.emit(key)

    def recompute(self) -> None:
        self._analysis = analyse(self.kb.scoped(self._scope), self.case.findings, self._prior)
        self.analysisChanged.emit(self._analysis)

    # -- whole-document operations ----------------------------------------------------------
    def replace(self, case: Case, path: str | os.PathLike | None, *, modified: bool = False
                ) -> None:
        """Show another case (new, opened or restored); the undo history starts afresh."""
        self.case = case
        self.path = Path(path) if path else None
        self.undo_stack.clear()  # emits cleanChanged (and so modifiedChanged) when it flips
        if modified:
            self.undo_stack.resetClean()  # a restored case differs from its file until saved
        self.caseReplaced.emit()
        self.pathChanged.emit()
        self.recompute()

    def new(self) -> None:
        self.replace(Case(), None)

    def load(self, path: str | os.PathLike, *, read_only: bool = False) -> None:
        """Open a case file; raises CaseFileError and leaves the current case untouched.

        The file's state is taken before it is read: if it changes in between, the next
        save sees a change and asks (never the other way round)."""
        from .case_lock import disk_state  # on first use: not at start-up

        absolute = Path(os.path.abspath(path))
        state = disk_state(path)
        case = load_case(path, self.kb)
        if state is not None:
            self._disk[absolute] = state
        if read_only:
            self._read_only.add(absolute)
        else:
            self._read_only.discard(absolute)
        self.replace(case, absolute)

    def save(self, path: str | os.PathLike | None = None) -> None:
        """Write atomically to ``path`` (default: the current path) and mark clean."""
        target = Path(path) if path else self.path
        if target is None:
            raise ValueError("no file name")
        from .case_lock import disk_state

        data = case_to_yaml(self.case, self.kb).encode("utf-8")
        write_atomic(target, data)  # as case.save_case, keeping the bytes written
        self.path = target.absolute()
        state = disk_state(self.path, data)
        if state is not None:
            self._disk[self.path] = state
        self._read_only.discard(self.path)  # saved to it: this session's file now
        self.undo_stack.setClean()
        self.pathChanged.emit()
