"""Next best tests: findings not yet assessed, by expected information gain.

The gain reads in words (high / moderate / low, kb.yaml ``display.gain_bands``, through
:func:`ddx_app.engine.presentation.gain_label`); the bits themselves are in the tooltip.
Once the case is settled (no test expected to gain ``engine.settled_below_bits``) the
list is empty: the panel says why.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QStandardItem

from ...engine import Analysis
from ...engine.presentation import gain_label
from ...engine.suggest import Suggestion
from ...formatting import bits, percent
from ...knowledge.model import KnowledgeBase, text
from .items import read_only_item
from .keyed import KeyedItemModel
from .roles import TOOLTIP, FindingIdRole, WeightRole

GainRole = WeightRole  # float: the expected gain in bits, on the gain cell

FINDING, GAIN, SEPARATES = 0, 1, 2
TOP = 8


def format_bits(gain: float) -> str:
    """The shared number format (:func:`ddx_app.formatting.bits`) with its unit."""
    return QCoreApplication.translate("Suggestions", "{n} bits").format(n=bits(gain))


class SuggestionsModel(KeyedItemModel):
    """Columns: finding | expected gain (in words) | pair it separates best."""

    COLUMNS = 3

    def __init__(self, kb: KnowledgeBase, lang: str = "en", parent=None):
        super().__init__(parent)
        self._kb = kb
        self._lang = lang
        self.retranslate()

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels(
            [self.tr("Finding"), self.tr("Expected gain"), self.tr("Separates")])

    def update(self, analysis: Analysis | None, stains_only: bool) -> None:
        """None clears the list (suggestions are deferred until the window is shown), and
        so does a settled case: no test is expected to change the differential."""
        sugg = [] if analysis is None else analysis.suggestions(top=TOP,
                                                                orderable_only=stains_only)
        if analysis is None or analysis.settled(stains_only):  # settled: a slice of sugg
            self.set_rows([], [])
            return
        self.set_rows(sugg, [s.finding for s in sugg],
                      [(format_bits(s.gain_bits), s.separates) for s in sugg])

    def _pair(self, pair: tuple[str, str] | None) -> str:
        if not pair:
            return ""
        a, b = (text(self._kb.entities[e].short_name, self._lang) for e in pair)
        return self.tr("{a} vs {b}").format(a=a, b=b)

    def items(self, s: Suggestion) -> list[QStandardItem]:
        finding = self._kb.findings[s.finding]
        outcomes = ", ".join(
            f"{finding.state_label(state, self._kb, self._lang)} {percent(p)}"
            for state, p in s.outcome_probabilities.items())
        gain = gain_label(self._kb, s.gain_bits, self._lang)
        lines = [text(finding.label, self._lang),
                 self.tr("Expected information gain: {gain} ({bits})").format(
                     gain=gain, bits=format_bits(s.gain_bits)),
                 self.tr("Predicted result: {outcomes}").format(outcomes=outcomes)]
        if s.separates:
            lines.append(self.tr("Best separates {pair}").format(pair=self._pair(s.separates)))
        lines.append(self.tr("Press Enter to go to this finding in the checklist."))
        common = {TOOLTIP: "\n".join(lines), FindingIdRole: s.finding}
        return [read_only_item(text(finding.label, self._lang), common),
                read_only_item(gain, {**common, GainRole: s.gain_bits}),
                read_only_item(self._pair(s.separates), common)]
