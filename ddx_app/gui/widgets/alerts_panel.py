"""Warnings and workups that apply to the current findings (objectName ``alertsView``).

Shows the analysis's alerts (``ddx_app/engine/alerts.py``: exclusions, "outside this
differential?" with mimics to consider, red flags with the stains still not done and
what resolves them, the close call; resolved flags muted, with the results that
resolved them), the same list in the same order as ``ddx explain`` and the reports,
then the ALK-style workups (the path taken and the next step or the conclusion).
Hidden when there is nothing to say.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QTextBrowser

from ...engine import Analysis
from ...engine.alerts import CRITICAL, INFO, Alert
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

    def alert_ids(self, a: Analysis) -> list[str]:
        """The ids of the alerts shown, in order (the same as ``ddx explain``'s)."""
        return [x.id for x in a.alerts_in(self._lang)]

    def build_html(self, a: Analysis) -> str:
        parts = [self._alert_html(x) for x in a.alerts_in(self._lang)]
        for w in a.workups:
            parts.append(self._workup_html(a, w))
        return "".join(parts)

    def _alert_html(self, x: Alert) -> str:
        if not x.active:  # muted, one line: what it was and what resolved it
            return (f'<p style="color: {self._muted()}">✓ {escape(x.title)} — '
                    + escape(self.tr("resolved by {results}.").format(
                        results=x.resolution or self.tr("the findings"))) + "</p>")
        mark = "" if x.level == INFO else "⚠ "
        colour = ' style="color: #c0392b"' if x.level == CRITICAL else ""
        html = f"<p><b{colour}>{mark}{escape(x.title)}</b> — {escape(x.message)}"
        if x.items:
            html += " " + escape(self.tr("Consider:")) + "<ul>" + "".join(
                f"<li><b>{escape(i.name)}</b>"
                + (" " + escape(self.tr("(matches the findings)")) if i.matched else "")
                + f" — {escape(i.detail)}</li>" for i in x.items) + "</ul>"
        if x.panel:
            html += " <i>" + escape(self.tr("Not done: {stains}.").format(
                stains=", ".join(self._label(f) for f in x.panel))) + "</i>"
        if x.resolved_by:
            html += (f'<br><small style="color: {self._muted()}">'
                     + escape(self.tr("Resolved by: {what}").format(what=x.resolved_by))
                     + "</small>")
        return html + "</p>"

    def _muted(self) -> str:
        """Half-way between the text and the background, for resolved alerts (the
        placeholder colour is the text colour with alpha, which HTML colours lose)."""
        palette = self.palette()
        t, b = palette.text().color(), palette.base().color()
        return "#{:02x}{:02x}{:02x}".format(*((x + y) // 2 for x, y in (
            (t.red(), b.red()), (t.green(), b.green()), (t.blue(), b.blue()))))

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
