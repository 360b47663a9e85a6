"""Evidence for one entity: the recorded findings that speak for it and against it.

A flat table: a section row ("For IMT (7)", "Against IMT (3)", "No effect (1)")
followed by its findings, strongest first. Columns: finding | recorded value |
weight (natural-log likelihood ratio) | source. The source column shows the
source id and counts (e.g. "zhao2025_seed · 18/25"); hovering shows the full
citation.

Unlike the checklist (a Python QAbstractItemModel over the case), this adapter
writes into a plain QStandardItemModel: the table is repainted after every edit,
and a Python ``data()`` called for every role of every cell doubled the cost of
that repaint. Rows are keyed (section ids, finding ids), so recording one finding
inserts one row; only a change of entity or of order rebuilds the table.
"""

from __future__ import annotations

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
    QStandardItemModel,
)

from ...engine import Analysis
from ...knowledge.model import KnowledgeBase, text
from ..widgets.colors import bar_track, evidence_color, solid_brush
from .findings_model import format_number, short_unit
from .items import read_only_item
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
NEUTRAL_BELOW = 0.005  # |LLR| shown as +0.00 is neither for nor against


def _longest_increasing(seq: list[int]) -> set[int]:
    """The values of a longest strictly increasing subsequence (rows that need not move)."""
    import bisect

    tails: list[int] = []
    tails_at: list[int] = []
    previous: list[int] = [-1] * len(seq)
    for i, v in enumerate(seq):
        j = bisect.bisect_left(tails, v)
        if j == len(tails):
            tails.append(v)
            tails_at.append(i)
        else:
            tails[j] = v
            tails_at[j] = i
        previous[i] = tails_at[j - 1] if j else -1
    out, i = set(), tails_at[-1] if tails_at else -1
    while i >= 0:
        out.add(seq[i])
        i = previous[i]
    return out


_BAR_CACHE: dict[tuple, QPixmap] = {}
BAR_WIDTH, BAR_HEIGHT, BAR_SCALE = 56, 10, 4.0  # |LLR| of BAR_SCALE fills half the bar


def weight_bar(llr: float) -> QPixmap:
    """A signed bar from a centre line, green hue for, red hue against (palette-derived).

    Drawn once per width step and cached: the default delegate paints pixmaps in C++,
    so the table repaints without calling Python per cell.
    """
    app = QGuiApplication.instance()
    dpr = max(1.0, app.devicePixelRatio()) if app is not None else 1.0
    half = BAR_WIDTH / 2
    length = round(half * min(1.0, abs(llr) / BAR_SCALE))
    palette = QGuiApplication.palette()
    key = (length, llr > 0, dpr, palette.cacheKey())
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
        left = half if llr > 0 else half - length
        bar = QPainterPath()
        bar.addRoundedRect(QRectF(left, 1, max(length, 1), BAR_HEIGHT - 2), 2, 2)
        painter.fillPath(bar, solid_brush(evidence_color(palette, llr > 0)))
        painter.end()
        _BAR_CACHE[key] = pixmap
    return pixmap


class Section(NamedTuple):
    kind: str  # "for", "against", "neutral"
    count: int


class EvidenceModel(QObject):
    """Keeps ``self.model`` (a QStandardItemModel) in step with the analysis."""

    def __init__(self, kb: KnowledgeBase, lang: str = "en", parent=None):
        super().__init__(parent)
        self._kb = kb
        self._lang = lang
        self._entity: str | None = None
        self._keys: list[str] = []
        self._shown: list[Any] = []
        self._bold = QFont()
        self._bold.setBold(True)
        self.model = QStandardItemModel(0, 4, self)
        self.model.setHorizontalHeaderLabels([self.tr("Finding"), self.tr("Recorded"),
                                              self.tr("Weight"), self.tr("Source")])

    @property
    def entity(self) -> str | None:
        return self._entity

    def is_section(self, row: int) -> bool:
        return self._keys[row].startswith("§")

    def update(self, analysis: Analysis | None, entity: str | None) -> None:
        rows: list[Any] = []
        if analysis is not None and entity is not None:
            contributions = analysis.explain(entity)
            groups = (
                ("for", sorted((c for c in contributions if c.llr >= NEUTRAL_BELOW),
                               key=lambda c: -c.llr)),
                ("against", sorted((c for c in contributions if c.llr <= -NEUTRAL_BELOW),
                                   key=lambda c: c.llr)),
                ("neutral", [c for c in contributions if abs(c.llr) < NEUTRAL_BELOW]),
            )
            for kind, items in groups:
                if items:
                    rows.append(Section(kind, len(items)))
                    rows.extend(items)
        keys = [f"§{r.kind}" if isinstance(r, Section) else r.finding for r in rows]
        if entity != self._entity:
            self._entity = entity
            self.model.setRowCount(0)
            self._keys, self._shown = [], []
        self._apply(rows, keys)

    def _apply(self, rows: list[Any], keys: list[str]) -> None:
        """Remove, move (as remove + insert) and insert as few rows as possible."""
        position = {k: i for i, k in enumerate(keys)}
        in_place = _longest_increasing([position[k] for k in self._keys if k in position])
        wanted = {keys[i] for i in in_place}
        for i in range(len(self._keys) - 1, -1, -1):
            if self._keys[i] not in wanted:
                self.model.removeRow(i)
                del self._keys[i], self._shown[i]
        old = dict(zip(self._keys, self._shown))
        for pos, (row, key) in enumerate(zip(rows, keys)):
            shown = row  # rows are immutable records: equal rows look the same
            if pos < len(self._keys) and self._keys[pos] == key:
                if old[key] != shown:
                    for col, item in enumerate(self._items(row)):
                        self.model.setItem(pos, col, item)
                    self._shown[pos] = shown
                continue
            self.model.insertRow(pos, self._items(row))
            self._keys.insert(pos, key)
            self._shown.insert(pos, shown)

    def set_palette_changed(self) -> None:
        """Weight bars are pixmaps in the palette's colours: redraw them all."""
        _BAR_CACHE.clear()
        self.model.setRowCount(0)
        self._keys, self._shown = [], []

    # -- items ----------------------------------------------------------------------------
    def _section_title(self, section: Section) -> str:
        name = text(self._kb.entities[self._entity].short_name, self._lang) if self._entity \
            else ""
        if section.kind == "for":
            return self.tr("For {entity} ({n})").format(entity=name, n=section.count)
        if section.kind == "against":
            return self.tr("Against {entity} ({n})").format(entity=name, n=section.count)
        return self.tr("No effect ({n})").format(n=section.count)

    def _items(self, row: Any) -> list[QStandardItem]:
        if isinstance(row, Section):
            title = read_only_item(self._section_title(row), {SectionRole: row.kind})
            title.setFont(self._bold)
            return [title] + [read_only_item() for _ in range(3)]
        c = row
        finding = self._kb.findings[c.finding]
        if finding.is_numeric:
            unit = short_unit(text(finding.unit, self._lang))
            recorded = f"{format_number(c.value)} {unit}".strip()
        else:
            value = c.value if c.value in self._kb.state_labels else c.state
            recorded = finding.state_label(value, self._kb, self._lang)
        cells = [text(finding.label, self._lang), recorded, f"{c.llr:+.2f}",
                 c.provenance.label + (f" · {c.counts}" if c.counts else "")]
        explanation = self._explanation(c, finding)
        tips = [explanation, explanation, explanation, self._source_tip(c)]
        items = [read_only_item(label, {TOOLTIP: tip, FindingIdRole: c.finding})
                 for label, tip in zip(cells, tips)]
        for role, value in ((WeightRole, c.llr), (DECORATION, weight_bar(c.llr)),
                            (ALIGNMENT, RIGHT_ALIGNED)):
            items[WEIGHT].setData(value, role)
        return items

    def _source_tip(self, c) -> str:
        src = self._kb.sources.get(c.provenance.source) if c.provenance.source else None
        lines = []
        if src is not None:
            lines.append(src.citation)
            if src.link:
                lines.append(src.link)
        else:
            lines.append(self.tr("Expert estimate (no published figure)"))
        if c.counts:
            lines.append(self.tr("Counts: {counts} with this result").format(counts=c.counts))
        if c.provenance.note:
            lines.append(text(c.provenance.note, self._lang))
        return "\n".join(lines)

    def _explanation(self, c, finding) -> str:
        entity = text(self._kb.entities[self._entity].short_name, self._lang)
        state = finding.state_label(c.state, self._kb, self._lang)
        direction = self.tr("for") if c.llr > 0 else self.tr("against")
        return self.tr(
            "{finding}: {state}\nP(result | {entity}) = {pe:.2f}; in the alternatives {pa:.2f}\n"
            "Log-likelihood ratio {llr:+.2f} ({direction} {entity})").format(
                finding=text(finding.label, self._lang), state=state, entity=entity,
                pe=c.p_entity, pa=c.p_alternatives, llr=c.llr, direction=direction)
