"""The leading entities side by side (the Compare tab): one column per entity, one row
per finding that separates them, each cell how often the entity shows that result.

The rows come from the core (:func:`ddx_app.engine.compare.compare`): recorded
findings first, then those not yet assessed that separate the entities most. This
model only displays them: a section row heads each part ("Recorded in this case (12)",
"Not assessed: separate them most (9)"), a recorded row is bold on a tinted ground
with the recorded result in the Result column, and every cell's tooltip names the
source of its number (a recorded number shows its band, which the cells are about).
Columns: finding | result | one per entity, most probable first.
"""

# NamedTuple fields: annotations evaluated, not postponed (see knowledge/model.py).

from typing import Any, NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QPalette, QStandardItem

from ...engine import Analysis
from ...engine.compare import CompareCell, CompareRow, compare, compared_entities
from ...formatting import percent
from ...knowledge.model import KnowledgeBase, text
from ...values import value_text
from ..widgets.colors import muted_text
from .items import read_only_item, source_lines
from .keyed import KeyedItemModel
from .roles import ALIGNMENT, RIGHT_ALIGNED, TOOLTIP, EntityIdRole, FindingIdRole, SectionRole

FINDING, RESULT, FIRST_ENTITY = 0, 1, 2
BACKGROUND, FOREGROUND = 8, 9  # Qt::BackgroundRole, Qt::ForegroundRole
RecordedRole = SectionRole + 1  # bool: the row's finding is recorded in the case
_HORIZONTAL = Qt.Orientation.Horizontal


class Section(NamedTuple):
    kind: str  # "recorded" or "open"
    count: int


def recorded_tint(palette: QPalette) -> QColor:
    """The ground of a recorded row: the palette's highlight, faint (light and dark)."""
    c = palette.color(QPalette.ColorRole.Highlight)  # a copy
    c.setAlphaF(0.16)
    return c


class CompareModel(KeyedItemModel):
    COLUMNS = FIRST_ENTITY

    def __init__(self, kb: KnowledgeBase, lang: str = "en", parent=None):
        super().__init__(parent)
        self._kb = kb
        self._lang = lang
        self._entities: tuple[str, ...] = ()
        self._posterior: dict[str, float] = {}
        self._bold = QFont()
        self._bold.setBold(True)
        self._italic = QFont()
        self._italic.setItalic(True)
        self._set_headers()

    @property
    def entities(self) -> tuple[str, ...]:
        """The entities in the columns, most probable first."""
        return self._entities

    def is_section(self, row: int) -> bool:
        return self.key(row).startswith("§")

    def update(self, analysis: Analysis | None) -> None:
        """The comparison for ``analysis`` (None: an empty table, e.g. in trainee mode)."""
        if analysis is None:
            self._set_entities((), {})
            self.set_rows([], [])
            return
        kb = analysis.kb  # a scope ranks a subset: compare within it
        entities = tuple(compared_entities(analysis))
        self._set_entities(entities, {e: analysis.posterior[e] for e in entities})
        found = compare(kb, analysis, entities, self._lang)
        rows: list[Any] = []
        for kind, part in (("recorded", [r for r in found if r.is_recorded]),
                           ("open", [r for r in found if not r.is_recorded])):
            if part:
                rows.append(Section(kind, len(part)))
                rows.extend(part)
        self.set_rows(rows, [f"§{r.kind}" if isinstance(r, Section) else r.finding
                             for r in rows])

    def redraw(self) -> None:
        """Colours come from the palette: build every cell again after a theme change."""
        rows, keys = list(self._rows), list(self._keys)
        self.set_rows([], [])
        self.set_rows(rows, keys)

    # -- headers --------------------------------------------------------------------------
    def _set_entities(self, entities: tuple[str, ...], posterior: dict[str, float]) -> None:
        if entities != self._entities:
            self.set_rows([], [])  # other columns: no row carries over
            self._entities = entities
            self.setColumnCount(FIRST_ENTITY + len(entities))
        changed = posterior != self._posterior
        self._posterior = posterior
        if changed or not entities:
            self._set_headers()

    def _set_headers(self) -> None:
        self.setHeaderData(FINDING, _HORIZONTAL, self.tr("Finding"))
        self.setHeaderData(RESULT, _HORIZONTAL, self.tr("Result"))
        self.setHeaderData(RESULT, _HORIZONTAL, self.tr(
            "Recorded findings: the result recorded. Not assessed: the result whose "
            "frequency the columns give."), TOOLTIP)
        for i, e in enumerate(self._entities):
            entity = self._kb.entities[e]
            column = FIRST_ENTITY + i
            self.setHeaderData(column, _HORIZONTAL, text(entity.short_name, self._lang))
            self.setHeaderData(column, _HORIZONTAL, e, EntityIdRole)
            self.setHeaderData(column, _HORIZONTAL, self.tr(
                "{name}: {p} of this differential\nEach cell: how often {short} shows the "
                "row's result (knowledge-base frequency; hover a cell for its source)").format(
                    name=text(entity.name, self._lang), p=percent(self._posterior.get(e, 0.0)),
                    short=text(entity.short_name, self._lang)), TOOLTIP)
            self.setHeaderData(column, _HORIZONTAL, RIGHT_ALIGNED, ALIGNMENT)

    # -- items ----------------------------------------------------------------------------
    def items(self, row: Any) -> list[QStandardItem]:
        if isinstance(row, Section):
            if row.kind == "recorded":
                title = self.tr("Recorded in this case ({n})").format(n=row.count)
                tip = self.tr("Recorded findings that weigh between these entities, "
                              "the strongest first")
            else:
                title = self.tr("Not assessed: separate them most ({n})").format(n=row.count)
                tip = self.tr("Findings not yet assessed whose expected results differ most "
                              "between these entities")
            head = read_only_item(title, {SectionRole: row.kind, TOOLTIP: tip})
            head.setFont(self._bold)
            return [head] + [read_only_item() for _ in range(len(self._entities) + 1)]
        return self._finding_items(row)

    def _finding_items(self, r: CompareRow) -> list[QStandardItem]:
        palette = QGuiApplication.palette()
        finding = self._kb.findings[r.finding]
        common = {FindingIdRole: r.finding, RecordedRole: r.is_recorded}
        if r.is_recorded:
            result = self._recorded(finding, r)
            row_tip = self.tr("{finding}: {result} (recorded)").format(
                finding=r.label, result=result)
            if finding.is_numeric:  # the band compared; the number in the tooltip
                row_tip = self.tr("{finding}: {value} recorded, in the band {band}").format(
                    finding=r.label, value=value_text(finding, r.recorded, self._lang),
                    band=r.state_label)
        else:
            result = r.state_label
            row_tip = self.tr(
                "{finding}: not assessed. The columns give how often each entity shows "
                "the result '{state}'.").format(finding=r.label, state=r.state_label)
        row_tip += "\n" + self.tr("Enter or double-click: go to the finding in the checklist")
        items = [read_only_item(r.label, {**common, TOOLTIP: row_tip}),
                 read_only_item(result, {**common, TOOLTIP: row_tip})]
        for c in r.cells:
            items.append(read_only_item(percent(c.p), {
                **common, TOOLTIP: self._cell_tip(r, c), EntityIdRole: c.entity,
                ALIGNMENT: RIGHT_ALIGNED}))
            if not c.given:
                items[-1].setFont(self._italic)
                items[-1].setData(QBrush(muted_text(palette)), FOREGROUND)
        if r.is_recorded:
            tint = QBrush(recorded_tint(palette))
            for item in items:
                item.setData(tint, BACKGROUND)
            items[RESULT].setFont(self._bold)
        else:
            items[RESULT].setData(QBrush(muted_text(palette)), FOREGROUND)
        return items

    def _recorded(self, finding, r: CompareRow) -> str:
        if finding.is_numeric:
            return r.state_label  # the cells give how often each entity is in this band
        shown = r.recorded if r.recorded in self._kb.state_labels else r.state
        return finding.state_label(shown, self._kb, self._lang)

    def _cell_tip(self, r: CompareRow, c: CompareCell) -> str:
        entity = text(self._kb.entities[c.entity].name, self._lang)
        lines = [self.tr("{entity}: {finding} {state} in {p} of cases").format(
            entity=entity, finding=r.label, state=r.state_label.lower(), p=percent(c.p))]
        if not c.given:
            lines.append(self.tr("No figure for this entity in the knowledge base: the "
                                 "shared no-data value, not counted as a difference"))
        lines += source_lines(self._kb, c.provenance, c.counts, self._lang, estimate=c.given)
        return "\n".join(lines)

