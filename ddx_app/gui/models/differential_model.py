"""The differential: every entity with its posterior and its verbal band (kb.yaml
``display.bands``), most probable first."""

from __future__ import annotations

from PySide6.QtGui import QStandardItem

from ...engine import Analysis
from ...engine.presentation import band_label
from ...formatting import percent
from ...knowledge.model import KnowledgeBase, text
from .items import read_only_item
from .keyed import KeyedItemModel
from .roles import ACCESSIBLE, ALIGNMENT, RIGHT_ALIGNED, TOOLTIP, EntityIdRole, ProbabilityRole

NAME, PROBABILITY, BAND = 0, 1, 2


class DifferentialModel(KeyedItemModel):
    """Rows: (entity id, probability), in ranking order; updated from each Analysis."""

    COLUMNS = 3

    def __init__(self, kb: KnowledgeBase, lang: str = "en", parent=None):
        super().__init__(parent)
        self._kb = kb
        self._lang = lang
        self.retranslate()

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels([self.tr("Entity"), self.tr("Probability"), ""])

    def update(self, analysis: Analysis) -> None:
        ranking = analysis.ranking
        # A row looks the same if its percentage text, its bar (to 0.1%) and its band do
        # not move.
        bands = self._kb.display
        self.set_rows([(r.entity, r.probability) for r in ranking], [r.entity for r in ranking],
                      [(percent(r.probability), round(r.probability, 3),
                        bands.band(r.probability).id) for r in ranking])

    def items(self, row: tuple[str, float]) -> list[QStandardItem]:
        entity_id, p = row
        entity = self._kb.entities[entity_id]
        name, shown = text(entity.name, self._lang), percent(p)
        band = band_label(self._kb, p, self._lang)
        common = {TOOLTIP: f"{name}: {shown} ({band})", ACCESSIBLE: f"{name}, {shown}, {band}",
                  EntityIdRole: entity_id, ProbabilityRole: p}
        return [read_only_item(text(entity.short_name, self._lang), common),
                read_only_item(shown, {**common, ALIGNMENT: RIGHT_ALIGNED}),
                read_only_item(band, {k: v for k, v in common.items() if k != ProbabilityRole})]
