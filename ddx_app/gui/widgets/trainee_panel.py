"""Trainee mode controls, above the differential.

In a practice session (a teaching case opened in trainee mode, see ``gui/trainee.py``)
the panel shows the history and the starting picture (the case's clinical and H&E
findings, read-only), lets the trainee order stains and tests one at a time (each
result, or "not done in this case", is added to the picture and counted), and commit a
leading diagnosis or reveal. The feedback itself goes to the wide right-hand column
(:mod:`.feedback_view`); this panel keeps a one-line verdict.

For a case without a teaching answer the panel only offers commit and reveal, and its
verdict names the differential's leader, as before practice sessions existed.
"""

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

from ... import values
from ...engine import Analysis
from ...formatting import escape_html as escape
from ...formatting import odds, percent
from ...knowledge.model import KnowledgeBase, text
from ...training import PracticeSession

RESULT_LINES = 11  # height of the verdict box before it scrolls
PICTURE_LINES = (22, 30)  # the starting picture: at least / at most this many lines
PICTURE_AFTER = 7  # ... and after the commitment, when the differential needs the room
COMPARED_FOR = 3  # findings shown for the right entity ...
COMPARED_AGAINST = 2  # ... and for the one it is compared with


def value_text(kb: KnowledgeBase, finding: str, value, lang: str = "en") -> str:
    """A recorded value as a trainee reads it: 'Present', 'Positive', '40 %', '14 months'
    (the one value formatter of the core, ddx_app.values)."""
    f = kb.findings[finding]
    if f.is_numeric:
        return values.value_text(f, value, lang)
    try:
        return f.state_label(f.state_of(value), kb, lang)
    except ValueError:
        return str(value)


class TraineePanel(QGroupBox):
    committed = Signal(str)  # entity id the trainee chose
    revealRequested = Signal()
    orderRequested = Signal(str)  # finding id of a stain or test

    def __init__(self, kb: KnowledgeBase, lang: str = "en", parent=None):
        super().__init__(parent)
        self.setObjectName("traineePanel")
        self.setTitle(self.tr("Trainee mode"))
        # as tall as its content: the differential below keeps the rest
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._kb = kb
        self._lang = lang
        self.intro = QLabel()
        self.intro.setObjectName("traineeIntro")
        self.intro.setWordWrap(True)
        # The history and the starting picture (practice sessions only).
        self.picture = QTextBrowser()
        self.picture.setObjectName("traineePicture")
        self.picture.setFrameShape(QFrame.Shape.StyledPanel)
        self.picture.setVisible(False)
        self.order_choice = QComboBox()
        self.order_choice.setObjectName("traineeOrderChoice")
        self.order_choice.setAccessibleName(self.tr("Stain or test to order"))
        self.order_choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.order_choice.setMinimumContentsLength(14)
        self.order_button = QPushButton(self.tr("&Order"))
        self.order_button.setObjectName("traineeOrder")
        self.order_button.setEnabled(False)
        self.order_count = QLabel()
        self.order_count.setObjectName("traineeOrderCount")
        self._order_row = QHBoxLayout()
        self._order_row.addWidget(self.order_choice, 1)
        self._order_row.addWidget(self.order_button)
        self._order_row.addWidget(self.order_count)

        self.choice = QComboBox()
        self.choice.setObjectName("traineeChoice")
        self.choice.setAccessibleName(self.tr("Your leading diagnosis"))
        # Long entity names must not widen the middle column.
        self.choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.choice.setMinimumContentsLength(16)
        self.choice.addItem(self.tr("Your leading diagnosis…"), None)
        for eid, e in sorted(kb.entities.items(), key=lambda t: text(t[1].name, lang)):
            self.choice.addItem(text(e.name, lang), eid)
        self.commit_button = QPushButton(self.tr("&Commit"))
        self.commit_button.setObjectName("traineeCommit")
        self.commit_button.setEnabled(False)
        self.reveal_button = QPushButton(self.tr("&Reveal"))
        self.reveal_button.setObjectName("traineeReveal")
        # The verdict: it scrolls rather than pushing the differential off the column.
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
        layout.addWidget(self.intro)
        layout.addWidget(self.picture)
        layout.addLayout(self._order_row)
        layout.addLayout(row)
        layout.addWidget(self.result)
        self.choice.currentIndexChanged.connect(
            lambda _i: self.commit_button.setEnabled(self.choice.currentData() is not None))
        self.order_choice.currentIndexChanged.connect(
            lambda _i: self.order_button.setEnabled(self.order_choice.currentData() is not None))
        self.commit_button.clicked.connect(self._commit)
        self.reveal_button.clicked.connect(self.revealRequested)
        self.order_button.clicked.connect(self._order)
        self._session: PracticeSession | None = None
        self.reset()

    # -- signals ----------------------------------------------------------------------------
    def _commit(self) -> None:
        entity = self.choice.currentData()
        if entity is not None:
            self.committed.emit(entity)

    def _order(self) -> None:
        finding = self.order_choice.currentData()
        if finding is not None:
            self.orderRequested.emit(finding)

    # -- state ----------------------------------------------------------------------------
    def _set_order_row_visible(self, visible: bool) -> None:
        for w in (self.order_choice, self.order_button, self.order_count):
            w.setVisible(visible)

    def reset(self, session: PracticeSession | None = None) -> None:
        """A new case (or none): everything hidden again; ``session`` when it is practised."""
        self._session = session
        self.choice.setCurrentIndex(0)
        self.choice.setEnabled(True)
        self.reveal_button.setEnabled(True)
        self.result.clear()
        self.result.setVisible(False)
        self._picture_lines(*PICTURE_LINES)
        self.picture.setVisible(session is not None)
        self._set_order_row_visible(session is not None)
        if session is None:
            self.intro.setText(self.tr("Record the findings, then commit your diagnosis or "
                                       "reveal the differential."))
            self.picture.clear()
            self.order_choice.clear()
            return
        self.intro.setText(self.tr(
            "Practice case: read the history and the picture, record what you see in the "
            "checklist, order stains and tests one at a time, then commit your diagnosis."))
        self._fill_orders()
        self._show_picture()

    def _fill_orders(self) -> None:
        session = self._session
        self.order_choice.blockSignals(True)
        self.order_choice.clear()
        self.order_choice.addItem(self.tr("Order a stain or test…"), None)
        if session is not None:
            for fid in session.orderable():
                self.order_choice.addItem(text(self._kb.findings[fid].label, self._lang), fid)
        self.order_choice.setCurrentIndex(0)
        self.order_choice.blockSignals(False)
        self.order_button.setEnabled(False)
        enabled = session is not None and not session.committed
        self.order_choice.setEnabled(enabled)
        n = len(session.orders) if session else 0
        self.order_count.setText(self.tr("{n} ordered").format(n=n))

    def _show_picture(self) -> None:
        session = self._session
        if session is None:
            return
        kb, lang = self._kb, self._lang
        html = ""
        if session.history:
            html += "<p><b>" + escape(self.tr("History")) + "</b><br>" + \
                escape(session.history).replace("\n", "<br>") + "</p>"
        picture = session.picture()
        html += "<p><b>" + escape(self.tr("Clinical and H&E findings")) + "</b></p>"
        if picture:
            html += "<ul>" + "".join(
                f"<li>{escape(text(kb.findings[f].label, lang))}: "
                f"<i>{escape(value_text(kb, f, v, lang))}</i></li>" for f, v in picture) + "</ul>"
        else:
            html += "<p>" + escape(self.tr("None given: order what you need.")) + "</p>"
        if session.orders:
            html += "<p><b>" + escape(self.tr("Stains and tests ordered ({n})").format(
                n=len(session.orders))) + "</b></p><ul>"
            for o in session.orders:
                result = (value_text(kb, o.finding, o.value, lang) if o.done
                          else self.tr("not done in this case"))
                html += (f"<li>{escape(text(kb.findings[o.finding].label, lang))}: "
                         f"<i>{escape(result)}</i></li>")
            html += "</ul>"
        self.picture.setHtml(html)

    def show_order(self) -> None:
        """After an order: the result in the picture, the count, the list of orders."""
        self._fill_orders()
        self._show_picture()
        self.picture.verticalScrollBar().setValue(self.picture.verticalScrollBar().maximum())

    def _picture_lines(self, least: int, most: int) -> None:
        line = self.fontMetrics().lineSpacing()
        self.picture.setMinimumHeight(line * least)
        self.picture.setMaximumHeight(line * most)

    def _finish(self) -> None:
        self._picture_lines(PICTURE_AFTER, PICTURE_AFTER)
        self.result.setVisible(True)
        self.choice.setEnabled(False)
        self.commit_button.setEnabled(False)
        self.reveal_button.setEnabled(False)
        self.order_choice.setEnabled(False)
        self.order_button.setEnabled(False)

    def _name(self, eid: str) -> str:
        return escape(text(self._kb.entities[eid].name, self._lang))

    def show_session_verdict(self, right: bool | None, guess: str | None, answer: str) -> None:
        """One line after a practice commitment; the feedback is in the right column."""
        if guess is None:
            verdict = self.tr("Revealed: the answer is {a}.")
        elif right:
            verdict = "✔ " + self.tr("Right: {a}.")
        else:
            verdict = "✘ " + self.tr("Your diagnosis was {g}; the answer is {a}.")
        html = "<b>" + verdict.format(g=self._name(guess) if guess else "",
                                      a=self._name(answer)) + "</b>"
        html += "<p>" + escape(self.tr("The feedback is in the right-hand column.")) + "</p>"
        self.result.setHtml(html)
        self._finish()

    def show_verdict(self, guess: str | None, answer: str | None, leader: str,
                     explanation: str | None, analysis: Analysis | None = None) -> None:
        """The verdict for a case outside a practice session (no teaching answer, or one
        shown with its findings)."""
        name = self._name
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
        if analysis is not None and len(analysis.ranking) > 1:
            html += self._comparison_html(analysis, *self._pair(analysis, guess, answer))
        if explanation:
            html += "<p><b>" + escape(self.tr("Teaching note:")) + "</b> " + \
                escape(explanation) + "</p>"
        self.result.setHtml(html)
        self._finish()

    @staticmethod
    def _pair(analysis: Analysis, guess: str | None, answer: str | None) -> tuple[str, str]:
        """The two entities worth comparing: the right one against the trainee's choice,
        or, when the choice was right (or none was made), against the closest rival."""
        right = answer or analysis.leader.entity
        if guess and guess != right and guess in analysis.posterior:
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
                    f"{escape(percent(r.p_a))} {escape(name_a)} vs "
                    f"{escape(percent(r.p_b))} {escape(name_b)} "
                    f"<i>({escape(r.sources)})</i></li>")

        for_a = [r for r in rows if r.favours == "a"][:COMPARED_FOR]
        for_b = [r for r in rows if r.favours == "b"][:COMPARED_AGAINST]
        for heading, chosen in ((self.tr("For {a}:"), for_a),
                                (self.tr("What pointed to {b}:"), for_b)):
            if chosen:
                html += "<p>" + escape(heading.format(a=name_a, b=name_b)) + "</p><ul>" + \
                    "".join(item(r) for r in chosen) + "</ul>"
        return html

    def visible_texts(self) -> list[str]:
        """Every text the panel shows now (for the blind-case checks)."""
        out = [self.title(), self.intro.text(), self.picture.toPlainText(),
               self.order_count.text(), self.choice.currentText(),
               self.order_choice.currentText()]
        if self.result.isVisible():
            out.append(self.result.toPlainText())
        return out
