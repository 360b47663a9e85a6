"""The differential: every entity with its posterior, most probable first."""

from __future__ import annotations

from PySide6.QtGui import QStandardItem

from ...engine import Analysis
from ...formatting import percent
from ...knowledge.model import KnowledgeBase, text
from .items import read_only_item
from .keyed import KeyedItemModel
from .roles import ACCESSIBLE, ALIGNMENT, RIGHT_ALIGNED, TOOLTIP, EntityIdRole, ProbabilityRole

NAME, PROBABILITY = 0, 1


class DifferentialModel(KeyedItemModel):
    """Rows: (entity id, probability), in ranking order; updated from each Analysis."""

    COLUMNS = 2

    def __init__(self, kb: KnowledgeBase, lang: str = "en", parent=None):
        super().__init__(parent)
        self._kb = kb
        self._lang = lang
        self.setHorizontalHeaderLabels([self.tr("Entity"), self.tr("Probability")])

    def update(self, analysis: Analysis) -> None:
        ranking = analysis.ranking
        # A row looks the same if its percentage text and its bar (to 0.1%) do not move.
        self.set_rows([(r.entity, r.probability) for r in ranking], [r.entity for r in ranking],
                      [(percent(r.probability), round(r.probability, 3))
                       for r in ranking])

    def items(self, row: tuple[str, float]) -> list[QStandardItem]:
        entity_id, p = row
        entity = self._kb.entities[entity_id]
        name, shown = text(entity.name, self._lang), percent(p)
        common = {TOOLTIP: f"{name}: {shown}", ACCESSIBLE: f"{name}, {shown}",
                  EntityIdRole: entity_id, ProbabilityRole: p}
        return [read_only_item(text(entity.short_name, self._lang), common),
                read_only_item(shown, {**common, ALIGNMENT: RIGHT_ALIGNED})]
