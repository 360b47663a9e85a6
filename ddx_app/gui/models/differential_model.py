"""The differential: every entity with its posterior, most probable first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from ...engine import Analysis
from ...formatting import percent
from ...knowledge.model import KnowledgeBase, text
from .keyed import Index, KeyedTableModel
from .roles import ACCESSIBLE, ALIGNMENT, DISPLAY, FONT, TOOLTIP, EntityIdRole, ProbabilityRole

NAME, PROBABILITY = 0, 1

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ROLES = frozenset({DISPLAY, TOOLTIP, ACCESSIBLE, ALIGNMENT, FONT, EntityIdRole, ProbabilityRole})


def format_probability(p: float) -> str:
    """Percent exactly as the CLI and reports print it (ddx_app.formatting)."""
    return percent(p)


class DifferentialModel(KeyedTableModel):
    """Rows: (entity id, probability), in ranking order; updated from each Analysis."""

    COLUMNS = 2

    def __init__(self, kb: KnowledgeBase, lang: str = "en", parent=None):
        super().__init__(parent)
        self._kb = kb
        self._lang = lang

    def update(self, analysis: Analysis) -> None:
        ranking = analysis.ranking
        # A row looks the same if its percentage text and its bar (to 0.1%) do not move.
        self.set_rows([(r.entity, r.probability) for r in ranking], [r.entity for r in ranking],
                      [(format_probability(r.probability), round(r.probability, 3))
                       for r in ranking])

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if role not in _ROLES or not index.isValid():
            return None
        entity_id, p = self._rows[index.row()]
        entity = self._kb.entities[entity_id]
        col = index.column()
        if role == DISPLAY:
            return text(entity.short_name, self._lang) if col == NAME else format_probability(p)
        if role == TOOLTIP:
            return f"{text(entity.name, self._lang)}: {format_probability(p)}"
        if role == ACCESSIBLE:
            return f"{text(entity.name, self._lang)}, {format_probability(p)}"
        if role == ALIGNMENT and col == PROBABILITY:
            return _RIGHT
        if role == EntityIdRole:
            return entity_id
        if role == ProbabilityRole:
            return p
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == DISPLAY:
            return (self.tr("Entity"), self.tr("Probability"))[section]
        return None
