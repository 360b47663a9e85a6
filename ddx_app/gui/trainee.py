"""Trainee mode and practice sessions for :class:`.main_window.MainWindow` (a mixin).

**Trainee mode** hides the differential, warnings, next best tests and evidence until the
trainee commits a leading diagnosis or reveals.

**Blind cases.** In trainee mode nothing the window shows names the answer of the open
case: the window title reads "Practice case" (never the file name), the Open Recent and
Open Example menus list "Case 1", "Example 2"... with no file names or tooltips, the
status bar says "Opened a case for practice", and the case form shows no title or id.

**Practice sessions.** A teaching case (one with ``teaching.answer``) opened in trainee
mode, or open when trainee mode is switched on, becomes a practice session
(:class:`ddx_app.training.PracticeSession`): the document is swapped for the trainee's
working copy, a blank checklist whose notes are the case's ``teaching.history`` (the
teaching case itself, its title, id, notes and file stay in the session). The trainee
panel shows the history and the starting picture (clinical and H&E findings) and lets
the trainee order stains and tests one at a time; each result is revealed from the case
and recorded in the checklist (or "not done in this case"), and counted. Committing (or
revealing) computes the feedback in the core and shows it in the right-hand column, and
stores the attempt in the progress database. The working copy is scratch: it is never
autosaved and dropping it asks nothing. Leaving trainee mode puts the teaching case back.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from ..case import Case
    from ..progress import ProgressStore
    from ..training import Feedback, OrderResult, PracticeSession


def _tr(s: str) -> str:
    return QCoreApplication.translate("Trainee", s)


class TraineeMixin:
    _trainee = False
    _revealed = False
    _guess: str | None = None
    _session: PracticeSession | None = None
    _session_source = None  # (teaching Case, its path, whether it was modified)
    _swapping = False  # the mixin itself is replacing the document's case
    _feedback_view = None
    _feedback_splitter = None
    _progress_store: ProgressStore | None = None
    _progress_dialog = None
    _kb_table_dialog = None
    _seed_dialog = None

    # -- state --------------------------------------------------------------------------------
    def analysis_hidden(self) -> bool:
        return self._trainee and not self._revealed

    @property
    def practice_session(self) -> PracticeSession | None:
        """The practice session under way (a teaching case opened in trainee mode)."""
        return self._session

    def trainee_title(self) -> str:
        """The window title's name in trainee mode: never the file's."""
        return _tr("Practice case") if self._session is not None else _tr("Case")

    # -- switching ---------------------------------------------------------------------------
    def set_trainee_mode(self, on: bool) -> None:
        on = bool(on)
        if on and self._trainee:
            return  # already on: an attempt under way is not restarted
        if not on and self._session is not None:
            self._end_session(restore=True)
        self._trainee = on
        self.registry["ddx.view.trainee"].setChecked(on)
        if on:
            self.statusBar().clearMessage()  # "Opened imt.ddx.yaml" may still be showing
        if on and self._session is None:
            self._begin_session()
        self._reset_trainee_view()

    def trainee_case_replaced(self) -> None:
        """The document shows another case (new, open, restore): a new attempt begins."""
        if self._swapping:
            return
        self._session = None
        self._session_source = None
        if self._trainee:
            self._begin_session()
            self._reset_trainee_view()

    def _begin_session(self) -> None:
        """Practise the document's case if it is a teaching case."""
        from ..training import PracticeSession

        case = self.doc.case
        if case.answer not in self.kb.entities:
            return
        self._session = PracticeSession(self.kb, case, self.doc.prior)
        self._session_source = (case, self.doc.path, self.doc.is_modified)
        self._swap(self._session.working_case(), None)

    def _end_session(self, restore: bool) -> None:
        source = self._session_source
        self._session = None
        self._session_source = None
        if restore and source is not None:
            case, path, modified = source
            self._swap(case, path, modified=modified)

    def _swap(self, case: Case, path, modified: bool = False) -> None:
        self._swapping = True
        try:
            self.doc.replace(case, path, modified=modified)
        finally:
            self._swapping = False

    def _reset_trainee_view(self) -> None:
        self._revealed = False
        self._guess = None
        self.trainee_panel.reset(self._session)
        self._hide_feedback()
        self._apply_trainee_visibility()

    def _apply_trainee_visibility(self) -> None:
        hidden = self.analysis_hidden()
        for action_id in ("ddx.report.export", "ddx.report.print"):
            self.registry[action_id].setEnabled(not hidden)  # a report shows the differential
        self.trainee_panel.setVisible(self._trainee)
        self.show_hidden_notes(hidden)
        self.alerts.update_from(None if hidden else self.doc.analysis)
        self._show_urgent(None if hidden else self.doc.analysis)
        self._update_suggestions()
        self._update_title()

    # -- ordering, committing ------------------------------------------------------------------
    def order_test(self, finding: str) -> OrderResult | None:
        """Order one stain or test in the practice session: its result is revealed (and
        recorded in the checklist) or it was not done in this case; None outside a session
        or after the commitment."""
        session = self._session
        if session is None or session.committed:
            return None
        result = session.order(finding)
        if result.done:
            self.doc.set_finding(finding, result.value)
        self.trainee_panel.show_order()
        label = self.kb.findings[finding].label
        from ..knowledge.model import text

        self.statusBar().showMessage(
            _tr("Ordered {test}: {result}").format(
                test=text(label, self.lang),
                result=_tr("result added to the checklist") if result.done
                else _tr("not done in this case")), 6000)
        return result

    def commit_guess(self, entity: str) -> None:
        self._guess = entity
        self.reveal()

    def reveal(self) -> None:
        if not self._trainee or self._revealed:
            return
        self._revealed = True
        self._apply_trainee_visibility()
        session = self._session
        if session is not None:
            feedback = session.finish(self._guess, self.doc.case.findings)
            self._record_progress(session, feedback)
            self.trainee_panel.show_session_verdict(feedback.correct, feedback.guess,
                                                    feedback.answer)
            self._show_feedback(feedback)
            if feedback.answer in self.doc.analysis.posterior:
                self.select_entity(feedback.answer)
            return
        case = self.doc.case
        answer = case.answer if case.answer in self.kb.entities else None
        explanation = (case.teaching or {}).get("explanation")
        leader = self.doc.analysis.leader.entity
        self.trainee_panel.show_verdict(self._guess, answer, leader,
                                        explanation if isinstance(explanation, str) else None,
                                        self.doc.analysis)
        target = answer or self._guess or leader
        self.select_entity(target if target in self.doc.analysis.posterior else leader)

    # -- the feedback column ----------------------------------------------------------------
    @property
    def feedback_view(self):
        """The practice feedback above the evidence in the right-hand column (created on
        first use: the column becomes a vertical splitter, feedback over evidence)."""
        if self._feedback_view is None:
            from PySide6.QtCore import Qt
            from PySide6.QtWidgets import QSplitter

            from .widgets.feedback_view import FeedbackView

            view = FeedbackView(self.kb, self.lang)
            split = QSplitter(Qt.Orientation.Vertical)
            split.setObjectName("feedbackSplitter")
            index = self.main_splitter.indexOf(self.right_stack)
            self.main_splitter.replaceWidget(index, split)
            split.addWidget(view)
            split.addWidget(self.right_stack)
            split.setStretchFactor(0, 3)
            split.setStretchFactor(1, 2)
            self.right_stack.show()
            view.setVisible(False)
            self._feedback_view, self._feedback_splitter = view, split
        return self._feedback_view

    def _show_feedback(self, feedback: Feedback) -> None:
        view = self.feedback_view
        view.show_feedback(feedback)
        view.setVisible(True)
        # The splitter lays the newly shown view out at its small size hint once the show
        # is processed; give it three fifths of the column after that.
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, self._size_feedback)

    def _size_feedback(self) -> None:
        split = self._feedback_splitter
        if split is None or not self._feedback_view.isVisible():
            return
        total = sum(split.sizes()) or split.height()
        if split.sizes()[0] < total // 3:
            split.setSizes([total * 3 // 5, total - total * 3 // 5])

    def _hide_feedback(self) -> None:
        if self._feedback_view is not None:
            self._feedback_view.setVisible(False)
            self._feedback_view.clear()

    # -- progress -------------------------------------------------------------------------
    def progress_store(self) -> ProgressStore:
        """The progress database in the user's data folder (DDX_DATA_DIR in tests)."""
        if self._progress_store is None:
            from ..paths import data_dir
            from ..progress import ProgressStore, default_path

            self._progress_store = ProgressStore(default_path(data_dir()))
        return self._progress_store

    def _record_progress(self, session: PracticeSession, feedback: Feedback) -> None:
        from ..case import case_to_yaml
        from ..progress import Attempt, ProgressError, case_key

        attempt = Attempt(case_key=case_key(case_to_yaml(session.case, self.kb)),
                          answer=feedback.answer, guess=feedback.guess,
                          correct=feedback.correct, stains_ordered=feedback.stains_ordered,
                          results_found=len(feedback.efficiency.with_results),
                          seconds=feedback.seconds, kb_version=self.kb.version)
        try:
            self.progress_store().record(attempt)
        except ProgressError as exc:
            self.statusBar().showMessage(_tr("Progress not saved: {why}").format(why=exc), 10000)
        self._refresh_progress_dialog()

    def show_progress(self):
        """Practice ▸ Progress: the chart and table (a non-modal dialog, kept)."""
        if self._progress_dialog is None:
            from .dialogs.progress_dialog import ProgressDialog

            self._progress_dialog = ProgressDialog(self.kb, self.lang, self)
            self._progress_dialog.resetRequested.connect(self.reset_progress)
            self._progress_dialog.exportRequested.connect(self.export_progress)
        self._refresh_progress_dialog()
        self._progress_dialog.show()
        self._progress_dialog.raise_()
        return self._progress_dialog

    def _refresh_progress_dialog(self) -> None:
        if self._progress_dialog is None:
            return
        from ..progress import EntityProgress, ProgressError

        try:
            store = self.progress_store()
            self._progress_dialog.show_progress(store.summary(), store.totals())
        except ProgressError as exc:
            self._progress_dialog.show_progress([], EntityProgress("all", 0, 0, 0.0, 0.0),
                                                str(exc))

    def reset_progress(self) -> bool:
        """Forget every attempt, after asking; True when reset."""
        from ..progress import ProgressError

        if not self.prompter.confirm(
                _tr("Reset progress"), _tr("Forget every practice attempt?"),
                _tr("Attempts, accuracy, stains and times are deleted; this cannot be "
                    "undone.")):
            return False
        try:
            self.progress_store().reset()
        except ProgressError as exc:
            self.prompter.error(_tr("Could not reset progress"), str(exc))
            return False
        self._refresh_progress_dialog()
        self.statusBar().showMessage(_tr("Progress reset"), 4000)
        return True

    def export_progress(self, path: str | os.PathLike | None = None) -> bool:
        """Every attempt as CSV, to ``path`` or where the user says."""
        from pathlib import Path

        from ..progress import ProgressError

        if path is None:
            path = self.prompter.save_export(_tr("Export progress"),
                                             str(Path.home() / "ddx-progress.csv"),
                                             _tr("CSV (*.csv);;All files (*)"))
            if not path:
                return False
        try:
            n = self.progress_store().export_csv(path)
        except (ProgressError, OSError) as exc:
            self.prompter.error(_tr("Could not export progress"), str(exc))
            return False
        self.statusBar().showMessage(_tr("Exported {n} attempts").format(n=n), 4000)
        return True

    # -- practice cases -------------------------------------------------------------------
    def open_practice_case(self, case: Case) -> bool:
        """Practise ``case`` (a teaching case not from a file): trainee mode on, blind."""
        if not self.maybe_save():
            return False
        if not self._trainee:
            self.set_trainee_mode(True)
        self.doc.replace(case, None)
        self.recovery.discard()
        self.statusBar().showMessage(_tr("Opened a case for practice"), 4000)
        return True

    def new_practice_case(self, entity: str | None = None, seed: int | None = None) -> bool:
        """Practice ▸ Random Practice Case: one case drawn from the knowledge base."""
        import random
        import time

        from ..practice import practice_case

        seed = seed if seed is not None else int(time.time() * 1000) % 1_000_000
        rng = random.Random(seed)
        entity = entity or rng.choice(self.kb.whole.entity_ids)
        case = practice_case(self.kb.whole, entity, rng, seed=seed, index=1, count=1,
                             lang=self.lang)
        return self.open_practice_case(case)

    def seed_series(self):
        from ..seed_series import load_seed_series

        return load_seed_series(self.kb)

    def show_seed_series(self):
        """Practice ▸ Seed Series: the sortable table of the 25 cases (non-modal)."""
        from ..errors import DdxError

        if self._seed_dialog is None:
            from .dialogs.seed_series_dialog import SeedSeriesDialog

            try:
                series = self.seed_series()
            except DdxError as exc:
                self.prompter.error(_tr("Seed series"), _tr("The seed series could not be "
                                                            "read."),
                                    [str(p) for p in exc.problems])
                return None
            self._seed_dialog = SeedSeriesDialog(self.kb, series, self)
            self._seed_dialog.openRequested.connect(self.open_seed_case)
        self._seed_dialog.show()
        self._seed_dialog.raise_()
        return self._seed_dialog

    def open_seed_case(self, no: int) -> bool:
        """Open row ``no`` of the seed series as a practice case."""
        from ..seed_series import row_case

        series = self.seed_series()
        row = next(r for r in series.rows if r.no == no)
        return self.open_practice_case(row_case(self.kb, series, row))

    def drop_kept_dialogs(self) -> None:
        """Close the non-modal dialogs kept between uses (progress, comparison table, seed
        series): they write their words once, when built, so after a language change the
        next View ▸ ... builds them anew in the new language."""
        for name in ("_progress_dialog", "_kb_table_dialog", "_seed_dialog"):
            dialog = getattr(self, name)
            if dialog is not None:
                dialog.close()
                dialog.deleteLater()
                setattr(self, name, None)

    def show_kb_table(self):
        """View ▸ Comparison Table (non-modal)."""
        if self._kb_table_dialog is None:
            from .dialogs.kb_table_dialog import KbTableDialog

            self._kb_table_dialog = KbTableDialog(self.kb, self.lang, self)
            self._kb_table_dialog.exportRequested.connect(self.export_kb_table)
        self._kb_table_dialog.show()
        self._kb_table_dialog.raise_()
        return self._kb_table_dialog

    def export_kb_table(self, data: dict, mode: str, path: str | None = None) -> bool:
        from pathlib import Path

        from .. import kbtable
        from ..errors import DdxError

        if path is None:
            name = "ddx-study-sheet.pdf" if mode == "pair" else "ddx-comparison-table.html"
            path = self.prompter.save_export(
                _tr("Export study sheet") if mode == "pair" else _tr("Export comparison table"),
                str(Path.home() / name), _tr("PDF (*.pdf);;HTML (*.html)") if mode == "pair"
                else _tr("HTML (*.html);;PDF (*.pdf)"))
            if not path:
                return False
        try:
            kbtable.write(path, data, mode)
        except (kbtable.TableError, DdxError, OSError) as exc:
            self.prompter.error(_tr("Could not export"), str(exc))
            return False
        self.statusBar().showMessage(_tr("Wrote {file}").format(file=os.path.basename(path)),
                                     4000)
        return True

    # -- menus and actions (called by the main window while it builds them) -------------------
    def _build_practice_actions(self) -> None:
        a = self.registry
        a.add("ddx.view.kb_table", self.show_kb_table)
        a.add("ddx.practice.random", lambda _c=False: self.new_practice_case())
        a.add("ddx.practice.seed_series", self.show_seed_series)
        a.add("ddx.practice.progress", self.show_progress)

    def _build_practice_menu(self, bar) -> None:
        a = self.registry
        self.view_menu.addAction(a["ddx.view.kb_table"])
        self.practice_menu = bar.addMenu("")
        self.practice_menu.setObjectName("practiceMenu")
        self.practice_menu.addActions([a["ddx.view.trainee"], a["ddx.practice.random"],
                                       a["ddx.practice.seed_series"]])
        self.practice_menu.addSeparator()
        self.practice_menu.addAction(a["ddx.practice.progress"])

    def _retranslate_practice(self) -> None:
        self.practice_menu.setTitle(_tr("&Practice"))

    # -- blind file handling (overrides of FileActionsMixin, which follows in the MRO) ------
    def open_path(self, path: str | os.PathLike, *, ask: bool = True) -> bool:
        opened = super().open_path(path, ask=ask)
        if opened and self._trainee:  # "Opened imt.ddx.yaml" would name the answer
            self.statusBar().showMessage(_tr("Opened a case for practice")
                                         if self._session is not None
                                         else _tr("Opened a case"), 4000)
        return opened

    def maybe_save(self) -> bool:
        if self._session is not None and self.doc.path is None:
            if not self._session_source[2]:
                return True  # the practice working copy is scratch; the attempt is stored
            # the teaching case had unsaved edits when the session began: ask about those
            self._end_session(restore=True)
            if super().maybe_save():
                return True
            self._begin_session()  # cancelled: back to the practice
            self._reset_trainee_view()
            return False
        return super().maybe_save()

    def autosave_now(self) -> None:
        if self._session is not None and self.doc.path is None:
            self.recovery.discard()  # nothing of a practice copy is worth recovering
            return
        super().autosave_now()

    def _blind_menu(self, menu, paths: list[str], label: str) -> None:
        """Trainee mode: menu entries for files read "Case 1"..., no names, no tips."""
        n = 0
        for action in menu.actions():
            if action.statusTip() in paths:
                n += 1
                action.setText(f"&{n % 10}  " + label.format(n=n))
                action.setToolTip("")
                action.setStatusTip("")

    def _fill_recent_menu(self, menu) -> None:
        paths = list(self.settings.recent_files)
        super()._fill_recent_menu(menu)
        if self._trainee:
            self._blind_menu(menu, paths, _tr("Case {n}"))

    def _fill_examples_menu(self, menu) -> None:
        super()._fill_examples_menu(menu)
        if self._trainee:
            from ..case import example_cases
            from ..paths import examples_dir

            self._blind_menu(menu, [str(p) for p in example_cases(examples_dir())],
                             _tr("Example {n}"))
