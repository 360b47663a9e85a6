"""File handling of the main window: new, open, examples, recent, save, recovery, close.

A mixin for :class:`.main_window.MainWindow`; it expects ``self.doc``,
``self.settings``, ``self.prompter``, ``self.recovery`` and ``self.kb``. Every
question goes through ``self.prompter`` so that tests can answer it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from ..case import example_cases, load_case, parse_case
from ..errors import CaseFileError
from ..paths import examples_dir
from .dialogs.prompts import DISCARD, SAVE


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
        self.recovery.discard()
        return True

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
        try:
            self.doc.load(path)
        except CaseFileError as exc:
            self.prompter.error(_tr("Could not open the case"),
                                _tr("{file} was not opened; the current case is unchanged.")
                                .format(file=os.path.basename(os.fspath(path))),
                                [str(p) for p in exc.problems])
            return False
        except OSError as exc:
            self.prompter.error(_tr("Could not open the case"), str(exc))
            return False
        self.settings.add_recent(path)
        self.recovery.discard()
        if self.doc.case.warnings:
            self.statusBar().showMessage("; ".join(str(w) for w in self.doc.case.warnings),
                                         10000)
        else:
            self.statusBar().showMessage(_tr("Opened {file}").format(
                file=os.path.basename(os.fspath(path))), 4000)
        return True

    # -- save -----------------------------------------------------------------------------------
    def save(self) -> bool:
        if self.doc.path is None:
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
        try:
            self.doc.save(path)
        except OSError as exc:
            self.prompter.error(_tr("Could not save the case"), str(exc))
            return False
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
        """Offer the newest autosave a crashed session left; True if one was restored."""
        if self.recovery.unavailable:  # the app works, but nothing is autosaved: say so
            self.statusBar().showMessage(_tr("Autosave and crash recovery are off: {why}")
                                         .format(why=self.recovery.unavailable))
            return False
        entries = self.recovery.orphans()
        if not entries:
            return False
        entry, older = entries[0], entries[1:]
        import datetime

        when = datetime.datetime.fromtimestamp(entry.saved_at).strftime("%Y-%m-%d %H:%M")
        restored = False
        accepted = self.prompter.offer_recovery(when, entry.original)
        if accepted and not self.maybe_save():
            return False  # the user kept the current case: offer the recovery again later
        if accepted:
            try:
                case = parse_case(entry.read(), entry.original or str(entry.case_file), self.kb)
            except (CaseFileError, OSError) as exc:
                problems = [str(p) for p in getattr(exc, "problems", [])] or [str(exc)]
                self.prompter.error(_tr("Could not restore the case"),
                                    _tr("The recovery file could not be read."), problems)
            else:
                self.doc.replace(case, entry.original, modified=True)
                self.autosave_now()
                restored = True
        for e in [entry, *older]:
            e.remove()
        return restored
