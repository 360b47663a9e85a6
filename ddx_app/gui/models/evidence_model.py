"""Evidence for one entity: the recorded findings that speak for it and against it.

A flat table: a section row ("For IMT (7)", "Against IMT (3)", "No effect (1)")
followed by its findings, strongest first. Columns: finding | recorded value |
weight (natural-log likelihood ratio) | source. The source column shows the
source id and counts (e.g. "zhao2025_seed · 18/25"); hovering shows the full
citation.

Like the other tables, the cells live in a keyed QStandardItemModel
(:mod:`.keyed`): rows are keyed by section id and finding id, so recording one
finding inserts one row and a change of weight re-sorts the rows that moved; only
a change of entity rebuilds the table.
"""

# NamedTuple fields: annotations evaluated, not postponed (see knowledge/model.py).

from typing import Any, NamedTuple

from PySide6.QtCore import QObject, QRectF
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPainter,
    QPainterPath,
    QPixmap,
    QStandardItem,
)

from ...engine import Analysis
from ...engine.explain import NEGLIGIBLE_LLR
from ...engine.terms import UnscoredFinding
from ...formatting import factor
from ...knowledge.model import KnowledgeBase, text
from ...values import value_text
from ..widgets.colors import bar_track, evidence_color, solid_brush
from .items import read_only_item, source_lines
from .keyed import KeyedItemModel
from .roles import (
    ALIGNMENT,
    DECORATION,
    RIGHT_ALIGNED,
    TOOLTIP,
    FindingIdRole,
    SectionRole,
    WeightRole,
)

FINDING, RECORDED, WEIGHT, SOURCE = range(4)


_BAR_CACHE: dict[tuple, QPixmap] = {}
BAR_WIDTH, BAR_HEIGHT, BAR_SCALE = 56, 10, 4.0  # |LLR| of BAR_SCALE fills half the bar


def weight_bar(llr: float) -> QPixmap:
    """A signed bar from a centre line, green hue for, red hue against (palette-derived);
    the centre line alone for a weight that counts neither way.

    Drawn once per width step and cached: the default delegate paints pixmaps in C++,
    so the table repaints without calling Python per cell.
    """
    app = QGuiApplication.instance()
    dpr = max(1.0, app.devicePixelRatio()) if app is not None else 1.0
    half = BAR_WIDTH / 2
    neutral = abs(llr) < NEGLIGIBLE_LLR
    length = 0 if neutral else max(1, round(half * min(1.0, abs(llr) / BAR_SCALE)))
    palette = QGuiApplication.palette()
    key = (length, llr > 0 and not neutral, dpr, palette.cacheKey())
    pixmap = _BAR_CACHE.get(key)
    if pixmap is None:
        pixmap = QPixmap(round(BAR_WIDTH * dpr), round(BAR_HEIGHT * dpr))
        pixmap.setDevicePixelRatio(dpr)
        pixmap.fill(QColor(0, 0, 0, 0))
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        centre = QPainterPath()
        centre.addRect(QRectF(half - 0.5, 0, 1, BAR_HEIGHT))
        painter.fillPath(centre, solid_brush(bar_track(palette)))
        if length:
            left = half if llr > 0 else half - length
            bar = QPainterPath()
            bar.addRoundedRect(QRectF(left, 1, length, BAR_HEIGHT - 2), 2, 2)
            painter.fillPath(bar, solid_brush(evidence_color(palette, llr > 0)))
        painter.end()
        _BAR_CACHE[key] = pixmap
    return pixmap


class Section(NamedTuple):
    kind: str  # "for", "against", "neutral", "unscored"
    count: int


class _EvidenceRows(KeyedItemModel):
    COLUMNS = 4

    def __init__(self, adapter: "EvidenceModel"):
        super().__init__(adapter)
        self._adapter = adapter

    def items(self, row: Any) -> list[QStandardItem]:
        return self._adapter.items(row)


class EvidenceModel(QObject):
    """Keeps ``self.model`` (a keyed QStandardItemModel) in step with the analysis."""

    def __init__(self, kb: KnowledgeBase, lang: str = "en", parent=None):
        super().__init__(parent)
        self._kb = kb
        self._lang = lang
        self._entity: str | None = None
        self._rival: str | None = None  # the entity the weights are against
        self._bold = QFont()
        self._bold.setBold(True)
        self.model = _EvidenceRows(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.model.setHorizontalHeaderLabels([self.tr("Finding"), self.tr("Recorded"),
                                              self.tr("Weight"), self.tr("Source")])

    @property
    def entity(self) -> str | None:
        return self._entity

    def is_section(self, row: int) -> bool:
        return self.model.key(row).startswith("§")

    def update(self, analysis: Analysis | None, entity: str | None) -> None:
        rows: list[Any] = []
        self._rival = analysis.rival(entity) if analysis is not None and entity else None
        if analysis is not None and entity is not None:
            groups: dict[str, list] = {"for": [], "against": [], "neutral": [],
                                       "unscored": list(analysis.unscored)}
            for c in analysis.explain(entity):  # strongest first
                groups[c.direction].append(c)
            for kind, items in groups.items():
                if items:
                    rows.append(Section(kind, len(items)))
                    rows.extend(items)
        if entity != self._entity:  # another entity's table: no row carries over
            self._entity = entity
            self.model.set_rows([], [])
        # rows are immutable records: equal rows look the same
        self.model.set_rows(rows, [f"§{r.kind}" if isinstance(r, Section) else r.finding
                                   for r in rows])

    def redraw(self) -> None:
        self.model.redraw()

    def set_palette_changed(self) -> None:
        """Weight bars are pixmaps in the palette's colours: redraw them all."""
        _BAR_CACHE.clear()
        self.model.set_rows([], [])

    # -- items ----------------------------------------------------------------------------
    def _short(self, entity: str | None) -> str:
        return text(self._kb.entities[entity].short_name, self._lang) if entity else ""

    def _section_title(self, section: Section) -> str:
        name, rival = self._short(self._entity), self._short(self._rival)
        if section.kind == "unscored":
            return self.tr("Recorded, not scored ({n})").format(n=section.count)
        if not rival:
            return self.tr("No effect ({n})").format(n=section.count)
        if section.kind == "for":
            return self.tr("For {entity}, against {rival} ({n})").format(
                entity=name, rival=rival, n=section.count)
        if section.kind == "against":
            return self.tr("For {rival}, against {entity} ({n})").format(
                entity=name, rival=rival, n=section.count)
        return self.tr("No effect between {entity} and {rival} ({n})").format(
            entity=name, rival=rival, n=section.count)

    def items(self, row: Any) -> list[QStandardItem]:
        """The four cells of a section heading or of one finding's contribution."""
        if isinstance(row, Section):
            title = read_only_item(self._section_title(row), {SectionRole: row.kind})
            title.setFont(self._bold)
            return [title] + [read_only_item() for _ in range(3)]
        if isinstance(row, UnscoredFinding):
            return self._unscored_items(row)
        c = row
        finding = self._kb.findings[c.finding]
        recorded = self._recorded(finding, c.value, c.state)
        cells = [text(finding.label, self._lang), recorded,
                 factor(c.llr, self._kb.display.odds_cap),
                 c.provenance.label_in(self._lang) + (f" · {c.counts}" if c.counts else "")]
        explanation = self._explanation(c, finding)
        tips = [explanation, explanation, explanation, self._source_tip(c)]
        items = [read_only_item(label, {TOOLTIP: tip, FindingIdRole: c.finding})
                 for label, tip in zip(cells, tips)]
        for role, value in ((WeightRole, c.llr), (DECORATION, weight_bar(c.llr)),
                            (ALIGNMENT, RIGHT_ALIGNED)):
            items[WEIGHT].setData(value, role)
        return items

    def _recorded(self, finding, value, state) -> str:
        if finding.is_numeric:
            return value_text(finding, value, self._lang)
        shown = value if value in self._kb.state_labels else state
        return finding.state_label(shown, self._kb, self._lang)

    def _unscored_items(self, u: UnscoredFinding) -> list[QStandardItem]:
        finding = self._kb.findings[u.finding]
        reason = {
            "context": self.tr("context (patient or background mucosa), not lesion evidence"),
            "not_applicable": self.tr("not applicable to the other findings recorded"),
            "preset": self.tr("already part of the prior chosen"),
        }.get(u.reason, u.reason)
        tip = text(finding.help, self._lang)
        cells = [text(finding.label, self._lang), finding.state_label(u.state, self._kb,
                                                                      self._lang), "—", reason]
        return [read_only_item(label, {TOOLTIP: tip, FindingIdRole: u.finding})
                for label in cells]

    def _source_tip(self, c) -> str:
        return "\n".join(source_lines(self._kb, c.provenance, c.counts, self._lang))

    def _explanation(self, c, finding) -> str:
        entity = text(self._kb.entities[self._entity].short_name, self._lang)
        state = finding.state_label(c.state, self._kb, self._lang)
        direction = {"for": self.tr("for"), "against": self.tr("against"),
                     "neutral": self.tr("neither for nor against")}[c.direction]
        rival = self._short(c.rival) or entity
        tip = self.tr(
            "{finding}: {state}\nP(result | {entity}) = {pe:.2f}; P(result | {rival}) = {pr:.2f}\n"
            "Log-likelihood ratio {llr:+.2f} ({direction} {entity}, against {rival})").format(
                finding=text(finding.label, self._lang), state=state, entity=entity,
                rival=rival, pe=c.p_entity, pr=c.p_rival, llr=c.llr, direction=direction)
        if c.group and c.weight < 1.0:
            group = next(g for g in self._kb.dependence_groups if g.id == c.group)
            tip += "\n" + self.tr(
                "Counted at {w:.0%}: it travels with the other {group} recorded, which say "
                "much the same").format(w=c.weight, group=text(group.label, self._lang))
        return tip
