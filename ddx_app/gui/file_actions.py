"""File handling of the main window: new, open, examples, recent, save, recovery, close.

A mixin for :class:`.main_window.MainWindow`; it expects ``self.doc``,
``self.settings``, ``self.prompter``, ``self.recovery`` and ``self.kb``. Every
question goes through ``self.prompter`` so that tests can answer it.

One case, one editor (:mod:`.case_lock`): the window holds the lock of the case file it
has open; opening a case another session holds asks (read-only, open anyway, cancel),
and saving over a file that changed on disk since it was loaded or saved asks
(overwrite, save as, cancel). A read-only case is saved with Save As only.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from ..case import example_cases, load_case, parse_case
from ..errors import CaseFileError
from ..paths import examples_dir
from .dialogs.prompts import (
    DISCARD,
    OPEN_ANYWAY,
    OVERWRITE,
    READ_ONLY,
    RESTORE,
    SAVE,
    SAVE_AS,
)

if TYPE_CHECKING:
    from .case_lock import CaseLock


def _tr(s: str) -> str:
    return QCoreApplication.translate("MainWindow", s)


class FileActionsMixin:
    _example_titles: dict[tuple[str, float], str]

    # -- questions ----------------------------------------------------------------------------
    def maybe_save(self) -> bool:
        """True when it is fine to drop the current case (saved, discarded or unchanged)."""
        if not self.doc.is_modified:
            return True
        answer = self.prompter.unsaved_changes(self.doc.display_name())
        if answer == SAVE:
            return self.save()
        return answer == DISCARD

    # -- new / open ---------------------------------------------------------------------------
    def new_case(self) -> bool:
        if not self.maybe_save():
            return False
        self.doc.new()
        self._hold_case_lock(None)
        self.recovery.discard()
        return True

    # -- the lock of the open case ----------------------------------------------------------
    def _hold_case_lock(self, lock: CaseLock | None) -> None:
        """Hold ``lock`` (the open case's) and give back the one held before."""
        old = getattr(self, "_case_lock", None)
        if old is not None and old is not lock:
            old.release()
        self._case_lock = lock

    def release_case_lock(self) -> None:
        """Give back the lock of the open case (the window closes)."""
        self._hold_case_lock(None)

    def _lock_for(self, path: str | os.PathLike) -> tuple[CaseLock | None, str | None]:
        """This window's lock of ``path`` (taken now if need be), or (None, who holds it)."""
        from .case_lock import CaseLock  # on first use: not at start-up

        held = getattr(self, "_case_lock", None)
        lock = CaseLock(path)
        if held is not None and held.held and held.path == lock.path:
            return held, None
        holder = lock.acquire()
        return (None, holder) if holder is not None else (lock, None)

    def open_dialog(self) -> bool:
        if not self.maybe_save():
            return False
        start = str(self.doc.path.parent) if self.doc.path else \
            (os.path.dirname(self.settings.recent_files[0]) if self.settings.recent_files
             else str(Path.home()))
        path = self.prompter.open_file(start)
        return self.open_path(path, ask=False) if path else False

    def open_path(self, path: str | os.PathLike, *, ask: bool = True) -> bool:
        """Open a case file; on a bad file show every problem and keep the current case."""
        if ask and not self.maybe_save():
            return False
        name = os.path.basename(os.fspath(path))
        lock, holder = self._lock_for(path)
        if holder is not None:  # open in another window or process
            answer = self.prompter.case_in_use(name, holder)
            if answer not in (READ_ONLY, OPEN_ANYWAY):
                return False
            read_only = answer == READ_ONLY
        else:
            read_only = False
        try:
            self.doc.load(path, read_only=read_only)
        except CaseFileError as exc:
            if lock is not getattr(self, "_case_lock", None) and lock is not None:
                lock.release()
            self.prompter.error(_tr("Could not open the case"),
                                _tr("{file} was not opened; the current case is unchanged.")
                                .format(file=name), [str(p) for p in exc.problems])
            return False
        except OSError as exc:
            if lock is not getattr(self, "_case_lock", None) and lock is not None:
                lock.release()
            self.prompter.error(_tr("Could not open the case"), str(exc))
            return False
        self._hold_case_lock(lock)
        self.settings.add_recent(path)
        self.recovery.discard()
        if self.doc.case.warnings:
            self.statusBar().showMessage("; ".join(str(w) for w in self.doc.case.warnings),
                                         10000)
        elif read_only:
            self.statusBar().showMessage(_tr(
                "Opened {file} read-only: it is open in {holder}. Save As keeps your "
                "changes.").format(file=name, holder=holder), 15000)
        else:
            self.statusBar().showMessage(_tr("Opened {file}").format(file=name), 4000)
        return True

    # -- save -----------------------------------------------------------------------------------
    def save(self) -> bool:
        if self.doc.path is None:
            return self.save_as()
        if self.doc.read_only:
            self.statusBar().showMessage(_tr("{file} is open read-only: save it under another "
                                             "name.").format(file=self.doc.path.name), 10000)
            return self.save_as()
        return self._save_to(self.doc.path)

    def save_as(self) -> bool:
        if self.doc.path is not None:
            suggested = str(self.doc.path)
        else:
            stem = re.sub(r"[^\w.-]+", "_", str(self.doc.case.case_id or "case")).strip("._")
            suggested = str(Path.home() / f"{stem or 'case'}.ddx.yaml")
        path = self.prompter.save_file(suggested)
        return self._save_to(path) if path else False

    def _save_to(self, path: str | os.PathLike) -> bool:
        name = os.path.basename(os.fspath(path))
        same = self.doc.path is not None and \
            os.path.abspath(path) == os.path.abspath(self.doc.path)
        if same and self.doc.read_only:
            self.prompter.error(_tr("Could not save the case"), _tr(
                "{file} is open read-only (another session has it open): save it under "
                "another name.").format(file=name))
            return False
        if self.doc.changed_on_disk(path):  # changed since this window loaded or saved it
            answer = self.prompter.changed_on_disk(name)
            if answer == SAVE_AS:
                return self.save_as()
            if answer != OVERWRITE:
                return False
        if same:  # the lock this window holds (none if the user chose to open it anyway)
            lock = getattr(self, "_case_lock", None)
        else:
            lock, holder = self._lock_for(path)
            if holder is not None:
                self.prompter.error(_tr("Could not save the case"), _tr(
                    "{file} is open in {holder}: save it under another name, or close it "
                    "there first.").format(file=name, holder=holder))
                return False
        try:
            self.doc.save(path)
        except OSError as exc:
            if lock is not getattr(self, "_case_lock", None) and lock is not None:
                lock.release()
            self.prompter.error(_tr("Could not save the case"), str(exc))
            return False
        self._hold_case_lock(lock)
        self.settings.add_recent(path)
        self.recovery.discard()
        self.statusBar().showMessage(_tr("Saved {file}").format(
            file=os.path.basename(os.fspath(path))), 4000)
        return True

    # -- menus ----------------------------------------------------------------------------------
    def _fill_recent_menu(self, menu: QMenu) -> None:
        menu.clear()
        files = self.settings.recent_files
        for i, path in enumerate(files, 1):
            action = QAction(f"&{i % 10}  {os.path.basename(path)}", menu)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _c=False, p=path: self.open_path(p))
            menu.addAction(action)
        if not files:
            empty = menu.addAction(_tr("No recent files"))
            empty.setEnabled(False)
        menu.addSeparator()
        menu.addAction(self.registry["ddx.recent.clear"])
        self.registry["ddx.recent.clear"].setEnabled(bool(files))

    def _fill_examples_menu(self, menu: QMenu) -> None:
        menu.clear()
        paths = example_cases(examples_dir())
        for path in paths:
            action = QAction(self._example_title(path), menu)
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _c=False, p=str(path): self.open_path(p))
            menu.addAction(action)
        if not paths:
            menu.addAction(_tr("No examples found")).setEnabled(False)

    def _example_title(self, path: Path) -> str:
        key = (str(path), path.stat().st_mtime)
        title = self._example_titles.get(key)
        if title is None:
            try:
                case = load_case(path, self.kb)
                title = str(case.title or case.case_id or path.name)
            except CaseFileError:
                title = path.name
            self._example_titles[key] = title
        return title

    # -- autosave and recovery --------------------------------------------------------------------
    def autosave_now(self) -> None:
        if self.doc.is_modified:
            try:
                self.recovery.write(self.doc.to_yaml(), self.doc.path)
            except OSError as exc:
                self.statusBar().showMessage(_tr("Autosave failed: {error}").format(error=exc),
                                             10000)
        else:
            self.recovery.discard()

    def offer_recovery(self) -> bool:
        """Offer every autosave crashed sessions left; True if one was restored.

        Each is read and checked first. One that cannot be restored (unreadable, not
        UTF-8, no longer a valid case) is not offered: it is moved aside into the
        recovery folder's ``unrecoverable`` subfolder and the user is told where, and
        start-up goes on. Of the others, one is offered as before (No deletes it, as the
        question says); several are listed in one question: restore one now (the others
        stay for the next start), discard them all, or decide later. Nothing is deleted
        that the user did not restore or discard."""
        if self.recovery.unavailable:  # the app works, but nothing is autosaved: say so
            self.statusBar().showMessage(_tr("Autosave and crash recovery are off: {why}")
                                         .format(why=self.recovery.unavailable))
            return False
        recoverable = []
        unreadable = []
        for entry in self.recovery.orphans():
            try:
                case = parse_case(entry.read(), entry.original or str(entry.case_file), self.kb)
            except Exception as exc:  # CaseFileError, OSError (bad bytes, a device...), any
                problems = [str(p) for p in getattr(exc, "problems", [])] or [str(exc)]
                unreadable.append((entry, problems))
            else:
                recoverable.append((entry, case))
        if unreadable:
            self._set_aside(unreadable)
        if not recoverable:
            return False
        if len(recoverable) == 1:
            entry, case = recoverable[0]
            if not self.prompter.offer_recovery(self._saved_at(entry), entry.original):
                entry.remove()  # declined: the question said it would be deleted
                return False
            chosen = 0
        else:
            action, chosen = self.prompter.choose_recovery(
                [(self._saved_at(e), e.original) for e, _case in recoverable])
            if action == DISCARD:
                for e, _case in recoverable:
                    e.remove()
                return False
            if action != RESTORE or chosen is None or not 0 <= chosen < len(recoverable):
                return False  # decide later: all kept, offered again at the next start
        entry, case = recoverable[chosen]
        if not self.maybe_save():
            return False  # the user kept the current case: offer the recovery again later
        self.doc.replace(case, entry.original, modified=True)
        if entry.original:  # saving will go there: lock it, and watch it from now on
            self.doc.remember_disk_state(entry.original)
            lock, _holder = self._lock_for(entry.original)
            self._hold_case_lock(lock)
        self.autosave_now()  # now this session's own autosave holds it
        entry.remove()
        if len(recoverable) > 1:
            self.statusBar().showMessage(_tr(
                "{n} other autosaved case(s) kept: they are offered again at the next start.")
                .format(n=len(recoverable) - 1), 15000)
        return True

    @staticmethod
    def _saved_at(entry) -> str:
        import datetime

        try:
            return datetime.datetime.fromtimestamp(entry.saved_at).strftime("%Y-%m-%d %H:%M")
        except (OverflowError, OSError, ValueError):
            return _tr("an unknown time")

    def _set_aside(self, unreadable: list) -> None:
        """Move autosaves that cannot be restored into the ``unrecoverable`` subfolder (or
        leave them where they are if that fails), and say where they are."""
        kept, problems = [], []
        for entry, entry_problems in unreadable:
            try:
                kept.append(str(self.recovery.move_aside(entry)))
            except OSError as exc:
                kept.append(str(entry.case_file))
                problems.append(f"{entry.case_file}: not moved aside: {exc.strerror or exc}")
            problems += entry_problems
        self.prompter.error(
            _tr("Could not restore the case"),
            _tr("{n} autosaved case(s) could not be read back and are not offered. Nothing "
                "was deleted: they are kept in {folder} ({files}).").format(
                n=len(unreadable), folder=str(self.recovery.unrecoverable_dir),
                files=", ".join(os.path.basename(k) for k in kept)),
            problems)
