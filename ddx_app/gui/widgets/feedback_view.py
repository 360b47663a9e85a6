"""The feedback of a practice session, in the wide right-hand column (objectName
``traineeFeedback``). It renders a :class:`~ddx_app.training.Feedback`; every decision
(verdict, differences, efficiency) was made in :mod:`ddx_app.training`."""

from __future__ import annotations

import math

from PySide6.QtWidgets import QFrame, QTextBrowser

from ...formatting import bits, odds, percent
from ...formatting import escape_html as escape
from ...knowledge.model import KnowledgeBase, text
from ...training import EFFICIENT_SHARE, MIN_SEPARATING_LLR, Feedback, FindingDiff
from .trainee_panel import value_text

DIFFS_SHOWN = 8  # rows per list of differences


def _duration(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    return f"{minutes} min {secs} s" if minutes else f"{secs} s"


class FeedbackView(QTextBrowser):
    def __init__(self, kb: KnowledgeBase, lang: str = "en", parent=None):
        super().__init__(parent)
        self.setObjectName("traineeFeedback")
        self.setAccessibleName(self.tr("Practice feedback"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setOpenExternalLinks(False)
        self._kb = kb
        self._lang = lang

    # -- helpers ----------------------------------------------------------------------------
    def _name(self, eid: str, short: bool = False) -> str:
        e = self._kb.entities[eid]
        return escape(text(e.short_name if short else e.name, self._lang))

    def _flabel(self, fid: str) -> str:
        return escape(text(self._kb.findings[fid].label, self._lang))

    def _value(self, fid: str, value) -> str:
        return escape(value_text(self._kb, fid, value, self._lang))

    def _weight(self, llr: float, a: str, b: str) -> str:
        """'favours IMT 3.2×' (single-finding likelihood ratio), or 'neutral'."""
        if abs(llr) < 0.005:
            return escape(self.tr("neutral"))
        ratio = math.exp(abs(llr))
        who = self._name(a if llr > 0 else b, short=True)
        shown = (f"{ratio:.2f}" if ratio < 1.1 else f"{ratio:.1f}" if ratio < 10
                 else f"{ratio:.0f}" if ratio < 1000 else "&gt;999")
        return escape(self.tr("favours")) + f" {who} {shown}×"

    # -- the page ---------------------------------------------------------------------------
    def show_feedback(self, fb: Feedback) -> None:
        self.setHtml(self.feedback_html(fb))
        self.verticalScrollBar().setValue(0)

    def feedback_html(self, fb: Feedback) -> str:
        a, b = fb.answer, fb.compared_with
        tr = self.tr
        if fb.revealed:
            head = tr("Revealed without a diagnosis: the answer is {a}.")
        elif fb.correct:
            head = "✔ " + tr("Right: the answer is {a}.")
        else:
            head = "✘ " + tr("Not this time: you chose {g}; the answer is {a}.")
        html = "<h3>" + head.format(a=self._name(a), g=self._name(fb.guess) if fb.guess
                                    else "") + "</h3>"
        eff = fb.efficiency
        html += "<p>" + escape(tr("Time {t} · {n} stains and tests ordered ({m} done in this "
                                  "case)").format(t=_duration(fb.seconds), n=len(eff.ordered),
                                                  m=len(eff.with_results))) + "</p>"
        html += self._differential_html(fb)
        html += self._separating_html(fb, a, b)
        html += self._diffs_html(fb, a, b)
        html += self._efficiency_html(fb)
        if fb.note:
            html += "<h4>" + escape(tr("Teaching note")) + "</h4><p>" + \
                escape(fb.note).replace("\n", "<br>") + "</p>"
        return html

    def _differential_html(self, fb: Feedback) -> str:
        tr = self.tr
        html = "<h4>" + escape(tr("The differential when you committed")) + "</h4>"
        html += "<p><i>" + escape(tr("On the findings you recorded and the results you "
                                     "ordered.")) + "</i></p><ol>"
        for r in fb.ranking[:5]:
            name = self._name(r.entity)
            if r.entity == fb.answer:
                name = f"<b>{name}</b> ← " + escape(tr("the answer"))
            elif r.entity == fb.guess:
                name = f"{name} ← " + escape(tr("your choice"))
            html += f"<li>{name}: {escape(percent(r.probability))}</li>"
        html += "</ol>"
        if fb.answer_rank > 5:
            html += "<p>" + escape(tr("The answer was ranked {n}.").format(n=fb.answer_rank)) \
                + "</p>"
        return html

    def _separating_html(self, fb: Feedback, a: str, b: str) -> str:
        tr = self.tr
        html = "<h4>" + tr("What separates {a} from {b}").format(
            a=self._name(a, True), b=self._name(b, True)) + "</h4>"
        html += "<p>" + escape(tr("Posterior odds {odds} on your findings.").format(
            odds=odds(fb.odds))) + "</p>"
        if not fb.separating:
            return html + "<p>" + escape(tr(
                "None of your findings makes one of them even twice as likely as the other: "
                "look at the findings you missed and the stains below.")) + "</p>"
        html += "<ul>"
        for r in fb.separating:
            finding = self._kb.findings[r.finding]
            html += (f"<li>{self._flabel(r.finding)}: "
                     f"{escape(finding.state_label(r.state, self._kb, self._lang))} — "
                     f"{escape(percent(r.p_a))} {self._name(a, True)} vs "
                     f"{escape(percent(r.p_b))} "
                     f"{self._name(b, True)}, {self._weight(r.llr, a, b)} "
                     f"<i>({escape(r.sources)})</i></li>")
        html += "</ul><p><i>" + escape(tr("Only findings that change the odds at least "
                                          "{x:.0f}-fold are listed.").format(
            x=math.exp(MIN_SEPARATING_LLR))) + "</i></p>"
        return html

    def _diff_items(self, rows: tuple[FindingDiff, ...], a: str, b: str) -> str:
        out = ""
        for d in rows[:DIFFS_SHOWN]:
            if d.kind == "missed":
                what = escape(self.tr("case: {v}")).format(v=self._value(d.finding, d.case_value))
            elif d.kind == "extra":
                what = escape(self.tr("you: {v}, not in this case")).format(
                    v=self._value(d.finding, d.trainee_value))
            else:
                what = escape(self.tr("you: {t}; case: {v}")).format(
                    t=self._value(d.finding, d.trainee_value),
                    v=self._value(d.finding, d.case_value))
            out += (f"<li>{self._flabel(d.finding)} — {what} "
                    f"({self._weight(d.llr, a, b)})</li>")
        if len(rows) > DIFFS_SHOWN:
            out += "<li>" + escape(self.tr("… and {n} more").format(
                n=len(rows) - DIFFS_SHOWN)) + "</li>"
        return out

    def _diffs_html(self, fb: Feedback, a: str, b: str) -> str:
        tr = self.tr
        html = "<h4>" + escape(tr("Your findings against the case's")) + "</h4>"
        if not (fb.missed or fb.disagreeing or fb.extra):
            return html + "<p>" + escape(tr("You recorded every finding you were shown, "
                                            "and as the case has it.")) + "</p>"
        for title, rows in ((tr("Missed ({n})"), fb.missed),
                            (tr("Disagreeing ({n})"), fb.disagreeing),
                            (tr("Extra ({n})"), fb.extra)):
            if rows:
                html += "<p><b>" + escape(title.format(n=len(rows))) + "</b></p><ul>" + \
                    self._diff_items(rows, a, b) + "</ul>"
        return html

    def _efficiency_html(self, fb: Feedback) -> str:
        tr = self.tr
        eff = fb.efficiency
        html = "<h4>" + escape(tr("Stains and tests")) + "</h4>"
        if eff.ordered:
            html += "<p>" + escape(tr("You ordered:")) + " " + ", ".join(
                self._flabel(f) + ("" if f in eff.with_results
                                   else " <i>(" + escape(tr("not done in this case")) + ")</i>")
                for f in eff.ordered) + ".</p>"
        if eff.engine_panel:
            html += "<p>" + escape(tr("The engine's most efficient panel from the starting "
                                      "picture:")) + " " + ", ".join(
                self._flabel(f) + (" <i>(" + escape(tr("not done in this case")) + ")</i>"
                                   if f in eff.panel_not_done else "")
                for f in eff.engine_panel) + " — " + escape(tr("expected gain {g} bits").format(
                    g=bits(eff.engine_gain))) + ".</p>"
        gain = bits(eff.ordered_gain) + ("+" if eff.ordered_counted < len(eff.ordered) else "")
        sentence = {
            "none": tr("You ordered nothing: the panel above was expected to gain {p} bits."),
            "efficient": tr("Efficient: your {n} orders were expected to gain {g} bits, at least "
                            "{s} of the panel's {p}."),
            "more_than_needed": tr("As informative as the panel ({g} of {p} bits), with {n} "
                                   "orders where {k} would do."),
            "less_informative": tr("Your {n} orders were expected to gain {g} bits, less than "
                                   "the panel's {p}: the panel's stains separate this "
                                   "differential better."),
        }[eff.verdict]
        html += "<p>" + escape(sentence.format(
            n=len(eff.ordered), g=gain, p=bits(eff.engine_gain), k=len(eff.engine_panel),
            s=f"{EFFICIENT_SHARE:.0%}")) + "</p>"
        if eff.overlap:
            html += "<p>" + escape(tr("You ordered {k} of the panel's {n}.").format(
                k=len(eff.overlap), n=len(eff.engine_panel))) + "</p>"
        return html
