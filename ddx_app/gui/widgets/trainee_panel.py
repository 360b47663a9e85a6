"""Trainee mode controls: commit a leading diagnosis, or reveal; then the verdict."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
)

from ...engine import Analysis
from ...formatting import escape_html as escape
from ...formatting import odds, percent
from ...knowledge.model import KnowledgeBase, text

RESULT_LINES = 11  # height of the verdict box before it scrolls
COMPARED_FOR = 3  # findings shown for the right entity ...
COMPARED_AGAINST = 2  # ... and for the one it is compared with


class TraineePanel(QGroupBox):
    committed = Signal(str)  # entity id the trainee chose
    revealRequested = Signal()

    def __init__(self, kb: KnowledgeBase, lang: str = "en", parent=None):
        super().__init__(parent)
        self.setObjectName("traineePanel")
        self.setTitle(self.tr("Trainee mode"))
        # as tall as its content: the differential below keeps the rest
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
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
        # The verdict, the case's teaching text and what separated the two entities: it
        # scrolls rather than pushing the differential off the column.
        self.result = QTextBrowser()
        self.result.setObjectName("traineeResult")
        self.result.setFrameShape(QFrame.Shape.NoFrame)
        self.result.setMaximumHeight(self.fontMetrics().lineSpacing() * RESULT_LINES)
        self.result.setVisible(False)
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
        self.result.setVisible(False)
        self.choice.setEnabled(True)
        self.reveal_button.setEnabled(True)

    def show_verdict(self, guess: str | None, answer: str | None, leader: str,
                     explanation: str | None, analysis: Analysis | None = None) -> None:
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
        if analysis is not None:
            html += self._comparison_html(analysis, *self._pair(analysis, guess, answer))
        if explanation:
            html += "<p><b>" + escape(self.tr("Teaching note:")) + "</b> " + \
                escape(explanation) + "</p>"
        self.result.setHtml(html)
        self.result.setVisible(True)
        self.choice.setEnabled(False)
        self.commit_button.setEnabled(False)
        self.reveal_button.setEnabled(False)

    @staticmethod
    def _pair(analysis: Analysis, guess: str | None, answer: str | None) -> tuple[str, str]:
        """The two entities worth comparing: the right one against the trainee's choice,
        or, when the choice was right (or none was made), against the closest rival."""
        right = answer or analysis.leader.entity
        if guess and guess != right:
            return right, guess
        rival = next(r.entity for r in analysis.ranking if r.entity != right)
        return right, rival

    def _comparison_html(self, analysis: Analysis, a: str, b: str) -> str:
        """The recorded findings that separate a from b, with their figures and sources,
        and the posterior odds they add up to (with the prior)."""
        name_a, name_b = (text(self._kb.entities[e].short_name, self._lang) for e in (a, b))
        rows = analysis.compare(a, b)
        html = "<p><b>" + escape(self.tr("Why {a} rather than {b}").format(
            a=name_a, b=name_b)) + "</b> — " + escape(
            self.tr("posterior odds {odds}").format(odds=odds(analysis.odds(a, b)))) + "</p>"
        if not rows:
            return html + "<p>" + escape(self.tr(
                "No findings are recorded yet: only the prior separates them.")) + "</p>"

        def item(r) -> str:
            finding = self._kb.findings[r.finding]
            return (f"<li>{escape(text(finding.label, self._lang))}: "
                    f"{escape(finding.state_label(r.state, self._kb, self._lang))} — "
                    f"{percent(r.p_a)} {escape(name_a)} vs {percent(r.p_b)} {escape(name_b)} "
                    f"<i>({escape(r.sources)})</i></li>")

        for_a = [r for r in rows if r.favours == "a"][:COMPARED_FOR]
        for_b = [r for r in rows if r.favours == "b"][:COMPARED_AGAINST]
        for heading, chosen in ((self.tr("For {a}:"), for_a),
                                (self.tr("What pointed to {b}:"), for_b)):
            if chosen:
                html += "<p>" + escape(heading.format(a=name_a, b=name_b)) + "</p><ul>" + \
                    "".join(item(r) for r in chosen) + "</ul>"
        return html
