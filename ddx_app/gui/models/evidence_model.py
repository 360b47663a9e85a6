"""Evidence for one entity: the recorded findings that speak for it and against it.

A two-level tree: section rows ("For", "Against", "No effect") -> contributions.
Columns: finding | recorded value | weight (natural-log likelihood ratio) | source.
The source column shows the source id and counts (e.g. "zhao2025_seed · 18/25");
hovering shows the full citation.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from ...engine import Analysis
from ...knowledge.model import KnowledgeBase, text
from .findings_model import format_number
from .roles import FindingIdRole, WeightRole

FINDING, RECORDED, WEIGHT, SOURCE = range(4)
NEUTRAL_BELOW = 0.005  # |LLR| shown as +0.00 is neither for nor against
Index = QModelIndex | QPersistentModelIndex


class EvidenceModel(QAbstractItemModel):
    def __init__(self, kb: KnowledgeBase, lang: str = "en", parent=None):
        super().__init__(parent)
        self._kb = kb
        self._lang = lang
        self._entity: str | None = None
        self._sections: list[tuple[str, list]] = []  # (kind, contributions)
        self._bold = QFont()
        self._bold.setBold(True)

    @property
    def entity(self) -> str | None:
        return self._entity

    def update(self, analysis: Analysis | None, entity: str | None) -> None:
        sections: list[tuple[str, list]] = []
        if analysis is not None and entity is not None:
            contributions = analysis.explain(entity)
            pro = sorted((c for c in contributions if c.llr >= NEUTRAL_BELOW),
                         key=lambda c: -c.llr)
            con = sorted((c for c in contributions if c.llr <= -NEUTRAL_BELOW),
                         key=lambda c: c.llr)
            nil = [c for c in contributions if abs(c.llr) < NEUTRAL_BELOW]
            sections = [(k, rows) for k, rows in (("for", pro), ("against", con),
                                                  ("neutral", nil)) if rows]
        shape = [(k, [c.finding for c in rows]) for k, rows in sections]
        old_shape = [(k, [c.finding for c in rows]) for k, rows in self._sections]
        if shape == old_shape and entity == self._entity:
            self._sections = sections
            for gi, (_, rows) in enumerate(sections):
                self.dataChanged.emit(self.createIndex(0, 0, gi + 1),
                                      self.createIndex(len(rows) - 1, SOURCE, gi + 1))
            return
        self.beginResetModel()
        self._entity = entity
        self._sections = sections
        self.endResetModel()

    # -- structure --------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if row < 0 or not 0 <= column <= SOURCE:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < len(self._sections) else \
                QModelIndex()
        if parent.internalId() != 0 or parent.column() != 0 or \
                row >= len(self._sections[parent.row()][1]):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._sections)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._sections[parent.row()][1])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 4

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # -- data -------------------------------------------------------------------------------
    def _section_title(self, kind: str, n: int) -> str:
        name = text(self._kb.entities[self._entity].short_name, self._lang) if self._entity \
            else ""
        if kind == "for":
            return self.tr("For {entity} ({n})").format(entity=name, n=n)
        if kind == "against":
            return self.tr("Against {entity} ({n})").format(entity=name, n=n)
        return self.tr("No effect ({n})").format(n=n)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            kind, rows = self._sections[index.row()]
            if index.column() == FINDING and role in (Qt.ItemDataRole.DisplayRole,
                                                      Qt.ItemDataRole.AccessibleTextRole):
                return self._section_title(kind, len(rows))
            if role == Qt.ItemDataRole.FontRole and index.column() == FINDING:
                return self._bold
            return None
        c = self._sections[index.internalId() - 1][1][index.row()]
        finding = self._kb.findings[c.finding]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if col == FINDING:
                return text(finding.label, self._lang)
            if col == RECORDED:
                if finding.is_numeric:
                    return f"{format_number(c.value)} {text(finding.unit, self._lang)}".strip()
                value = c.value if c.value in self._kb.state_labels else c.state
                return finding.state_label(value, self._kb, self._lang)
            if col == WEIGHT:
                return f"{c.llr:+.2f}"
            return c.provenance.label + (f" · {c.counts}" if c.counts else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(c, finding, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == WEIGHT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == WeightRole:
            return c.llr
        if role == FindingIdRole:
            return c.finding
        return None

    def _tooltip(self, c, finding, col: int) -> str:
        entity = text(self._kb.entities[self._entity].short_name, self._lang)
        if col == SOURCE:
            src = self._kb.sources.get(c.provenance.source) if c.provenance.source else None
            lines = []
            if src is not None:
                lines.append(src.citation)
                if src.link:
                    lines.append(src.link)
            else:
                lines.append(self.tr("Expert estimate (no published figure)"))
            if c.counts:
                lines.append(self.tr("Counts: {counts} with this result").format(
                    counts=c.counts))
            if c.provenance.note:
                lines.append(text(c.provenance.note, self._lang))
            return "\n".join(lines)
        state = finding.state_label(c.state, self._kb, self._lang)
        direction = self.tr("for") if c.llr > 0 else self.tr("against")
        return self.tr(
            "{finding}: {state}\nP(result | {entity}) = {pe:.2f}; in the alternatives {pa:.2f}\n"
            "Log-likelihood ratio {llr:+.2f} ({direction} {entity})").format(
                finding=text(finding.label, self._lang), state=state, entity=entity,
                pe=c.p_entity, pa=c.p_alternatives, llr=c.llr, direction=direction)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Finding"), self.tr("Recorded"), self.tr("Weight"),
                    self.tr("Source"))[section]
        return None
