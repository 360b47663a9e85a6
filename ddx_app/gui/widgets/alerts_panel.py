"""Warnings and workups that apply to the current findings (objectName ``alertsView``).

Shows, only when they apply: a close call between the two leaders, an
"outside this differential?" warning with mimics to consider, red flags with the
stains still not done, and the ALK-style workups (the path taken and the next
step or the conclusion). Hidden when there is nothing to say.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QTextBrowser

from ...engine import Analysis
from ...formatting import escape_html as escape
from ...formatting import percent
from ...knowledge.model import KnowledgeBase, text


class AlertsPanel(QTextBrowser):
    def __init__(self, kb: KnowledgeBase, lang: str = "en", parent=None):
        super().__init__(parent)
        self.setObjectName("alertsView")
        self.setOpenExternalLinks(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Warnings and workup"))
        self._kb = kb
        self._lang = lang
        self._html = ""
        self.setVisible(False)

    def _label(self, fid: str) -> str:
        return text(self._kb.findings[fid].label, self._lang)

    def _name(self, eid: str) -> str:
        return text(self._kb.entities[eid].short_name, self._lang)

    def update_from(self, analysis: Analysis | None) -> None:
        html = self.build_html(analysis) if analysis is not None else ""
        if html != self._html:
            self._html = html
            self.setHtml(html)
        self.setVisible(bool(html))

    def build_html(self, a: Analysis) -> str:
        kb, lang = self._kb, self._lang
        parts: list[str] = []
        if a.close_call:
            x, y = (self._name(e) for e in a.close_call)
            parts.append("<p><b>⚠ " + escape(self.tr("Close call: {a} vs {b}").format(a=x, b=y))
                         + "</b> — " + escape(self.tr(
                             "the leader is less than {r:g}× as probable as the runner-up. "
                             "See the next best tests.").format(
                                 r=kb.settings.close_call_ratio)) + "</p>")
        if a.outside:
            parts.append(self._outside_html(a))
        for rf in a.red_flags:
            line = "<p><b>⚠ " + escape(self.tr("Red flag:")) + "</b> " + \
                escape(text(rf.flag.message, lang))
            if rf.not_done:
                line += " <i>" + escape(self.tr("Not done: {stains}.").format(
                    stains=", ".join(self._label(f) for f in rf.not_done))) + "</i>"
            parts.append(line + "</p>")
        for w in a.workups:
            parts.append(self._workup_html(a, w))
        return "".join(parts)

    def _outside_html(self, a: Analysis) -> str:
        kb, lang = self._kb, self._lang
        o = a.outside
        html = "<p><b>⚠ " + escape(self.tr("Outside this differential?")) + "</b> "
        if o.unexplained:
            items = "; ".join(
                f"{self._label(f)} = {kb.findings[f].state_label(s, kb, lang)} "
                + self.tr("(at most {p})").format(p=percent(p))
                for f, s, p in o.unexplained)
            html += escape(self.tr("Improbable under every entity: {items}.").format(
                items=items))
        else:
            html += escape(self.tr("The findings fit even the leading entity poorly."))
        if o.mimics:
            html += " " + escape(self.tr("Consider:")) + "<ul>" + "".join(
                f"<li><b>{escape(text(m.name, lang))}</b>"
                + (" " + escape(self.tr("(matches the findings)")) if m.id in o.matched_mimics
                   else "")
                + f" — {escape(text(m.hint, lang))}</li>" for m in o.mimics[:5]) + "</ul>"
        return html + "</p>"

    def _workup_html(self, a: Analysis, w) -> str:
        kb, lang = self._kb, self._lang
        entity = self._name(w.workup.entity)
        html = (f"<p><b>{escape(text(w.workup.name, lang))}</b> "
                f"({escape(percent(w.probability))} {escape(entity)})</p><ol>")
        for step, state in w.path:
            html += (f"<li>{escape(self._label(step.finding))}: "
                     f"<b>{escape(kb.findings[step.finding].state_label(state, kb, lang))}</b>"
                     "</li>")
        html += "</ol><p>"
        if w.finished:
            html += "<b>" + escape(self.tr("Conclusion:")) + "</b> " + \
                escape(text(w.conclusion, lang))
        else:
            html += "<b>" + escape(self.tr("Next step:")) + "</b> " + \
                escape(text(w.next_step.ask, lang))
        html += "</p>"
        if w.workup.note:
            html += "<p><i>" + escape(text(w.workup.note, lang)) + "</i></p>"
        return html
