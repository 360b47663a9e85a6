"""Next best tests: findings not yet assessed, by expected information gain."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from ...engine import Analysis
from ...formatting import bits
from ...knowledge.model import KnowledgeBase, text
from .keyed import Index, KeyedTableModel
from .roles import ACCESSIBLE, ALIGNMENT, DISPLAY, FONT, TOOLTIP, FindingIdRole

FINDING, GAIN, SEPARATES = 0, 1, 2
TOP = 8

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ROLES = frozenset({DISPLAY, TOOLTIP, ACCESSIBLE, ALIGNMENT, FONT, FindingIdRole})


def format_bits(gain: float) -> str:
    """The shared number format (:func:`ddx_app.formatting.bits`) with its unit."""
    return QCoreApplication.translate("Suggestions", "{n} bits").format(n=bits(gain))


class SuggestionsModel(KeyedTableModel):
    """Columns: finding | expected gain | pair it separates best."""

    COLUMNS = 3

    def __init__(self, kb: KnowledgeBase, lang: str = "en", parent=None):
        super().__init__(parent)
        self._kb = kb
        self._lang = lang

    def update(self, analysis: Analysis | None, stains_only: bool) -> None:
        """None clears the list (suggestions are deferred until the window is shown)."""
        if analysis is None:
            self.set_rows([], [])
            return
        sugg = analysis.suggestions(top=TOP, orderable_only=stains_only)
        self.set_rows(sugg, [s.finding for s in sugg],
                      [(format_bits(s.gain_bits), s.separates) for s in sugg])

    def _pair(self, pair: tuple[str, str] | None) -> str:
        if not pair:
            return ""
        a, b = (text(self._kb.entities[e].short_name, self._lang) for e in pair)
        return self.tr("{a} vs {b}").format(a=a, b=b)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if role not in _ROLES or not index.isValid():
            return None
        s = self._rows[index.row()]
        finding = self._kb.findings[s.finding]
        col = index.column()
        if role == DISPLAY:
            if col == FINDING:
                return text(finding.label, self._lang)
            if col == GAIN:
                return format_bits(s.gain_bits)
            return self._pair(s.separates)
        if role == TOOLTIP:
            outcomes = ", ".join(
                f"{finding.state_label(state, self._kb, self._lang)} {100 * p:.0f}%"
                for state, p in s.outcome_probabilities.items())
            lines = [text(finding.label, self._lang),
                     self.tr("Expected information gain: {bits:.6f} bits").format(
                         bits=s.gain_bits),
                     self.tr("Predicted result: {outcomes}").format(outcomes=outcomes)]
            if s.separates:
                lines.append(self.tr("Best separates {pair}").format(
                    pair=self._pair(s.separates)))
            lines.append(self.tr("Press Enter to go to this finding in the checklist."))
            return "\n".join(lines)
        if role == ALIGNMENT and col == GAIN:
            return _RIGHT
        if role == FindingIdRole:
            return s.finding
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == DISPLAY:
            return (self.tr("Finding"), self.tr("Expected gain"), self.tr("Separates"))[section]
        return None
