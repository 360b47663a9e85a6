"""Trainee mode for :class:`.main_window.MainWindow` (a mixin).

The differential, warnings, next best tests and evidence stay hidden until the
trainee commits a leading diagnosis or presses Reveal; then the verdict against
the case's ``teaching.answer`` is shown and the evidence opens on that entity.
Opening another case hides everything again.
"""

from __future__ import annotations


class TraineeMixin:
    _trainee = False
    _revealed = False
    _guess: str | None = None

    def analysis_hidden(self) -> bool:
        return self._trainee and not self._revealed

    def set_trainee_mode(self, on: bool) -> None:
        self._trainee = bool(on)
        self._revealed = False
        self._guess = None
        self.registry["ddx.view.trainee"].setChecked(self._trainee)
        self.trainee_panel.reset()
        self._apply_trainee_visibility()

    def _apply_trainee_visibility(self) -> None:
        hidden = self.analysis_hidden()
        self.trainee_panel.setVisible(self._trainee)
        self.show_hidden_notes(hidden)
        self.alerts.update_from(None if hidden else self.doc.analysis)
        self._show_urgent(None if hidden else self.doc.analysis)
        self._update_suggestions()
        self._update_title()

    def commit_guess(self, entity: str) -> None:
        self._guess = entity
        self.reveal()

    def reveal(self) -> None:
        if not self._trainee:
            return
        self._revealed = True
        self._apply_trainee_visibility()
        case = self.doc.case
        answer = case.answer if case.answer in self.kb.entities else None
        explanation = (case.teaching or {}).get("explanation")
        leader = self.doc.analysis.leader.entity
        self.trainee_panel.show_verdict(self._guess, answer, leader,
                                        explanation if isinstance(explanation, str) else None,
                                        self.doc.analysis)
        self.select_entity(answer or self._guess or leader)
