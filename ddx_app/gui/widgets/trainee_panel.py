"""Trainee mode controls: commit a leading diagnosis, or reveal; then the verdict."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from ...formatting import escape_html as escape
from ...knowledge.model import KnowledgeBase, text


class TraineePanel(QGroupBox):
    committed = Signal(str)  # entity id the trainee chose
    revealRequested = Signal()

    def __init__(self, kb: KnowledgeBase, lang: str = "en", parent=None):
        super().__init__(parent)
        self.setObjectName("traineePanel")
        self.setTitle(self.tr("Trainee mode"))
        self._kb = kb
        self._lang = lang
        self.choice = QComboBox()
        self.choice.setObjectName("traineeChoice")
        self.choice.setAccessibleName(self.tr("Your leading diagnosis"))
        # Long entity names must not widen the middle column.
        self.choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.choice.setMinimumContentsLength(16)
        self.choice.addItem(self.tr("Your leading diagnosis…"), None)
        for eid, e in kb.entities.items():
            self.choice.addItem(text(e.name, lang), eid)
        self.commit_button = QPushButton(self.tr("&Commit"))
        self.commit_button.setObjectName("traineeCommit")
        self.commit_button.setEnabled(False)
        self.reveal_button = QPushButton(self.tr("&Reveal"))
        self.reveal_button.setObjectName("traineeReveal")
        self.result = QLabel()
        self.result.setObjectName("traineeResult")
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.RichText)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(self.choice, 1)
        row.addWidget(self.commit_button)
        row.addWidget(self.reveal_button)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Record the findings, then commit your diagnosis or reveal "
                               "the differential."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.result)
        self.choice.currentIndexChanged.connect(
            lambda _i: self.commit_button.setEnabled(self.choice.currentData() is not None))
        self.commit_button.clicked.connect(self._commit)
        self.reveal_button.clicked.connect(self.revealRequested)

    def _commit(self) -> None:
        entity = self.choice.currentData()
        if entity is not None:
            self.committed.emit(entity)

    def reset(self) -> None:
        self.choice.setCurrentIndex(0)
        self.result.clear()
        self.choice.setEnabled(True)
        self.reveal_button.setEnabled(True)

    def show_verdict(self, guess: str | None, answer: str | None, leader: str,
                     explanation: str | None) -> None:
        def name(eid: str) -> str:
            return escape(text(self._kb.entities[eid].name, self._lang))

        if answer and guess:
            if guess == answer:
                verdict = "✔ " + self.tr("Your diagnosis, {g}, matches the case's answer.")
            else:
                verdict = "✘ " + self.tr("Your diagnosis was {g}; the case's answer is {a}.")
        elif answer:
            verdict = self.tr("The case's answer is {a}.")
        elif guess:
            verdict = self.tr("Your diagnosis was {g}. This case has no teaching answer; the "
                              "differential's leader is {l}.")
        else:
            verdict = self.tr("This case has no teaching answer; the differential's leader "
                              "is {l}.")
        html = "<b>" + verdict.format(g=name(guess) if guess else "",
                                      a=name(answer) if answer else "",
                                      l=name(leader)) + "</b>"
        if explanation:
            html += f"<br>{escape(explanation)}"
        self.result.setText(html)
        self.choice.setEnabled(False)
        self.commit_button.setEnabled(False)
        self.reveal_button.setEnabled(False)
