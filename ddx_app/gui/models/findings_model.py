"""The findings checklist as a tree model: knowledge-base groups -> findings.

Columns: 0 = label, 1 = recorded value. The model is a thin adapter over
:class:`~ddx_app.gui.document.CaseDocument`: it reads values from the case and
writes through ``document.set_finding`` (undoable). The tree's shape is fixed by
the knowledge base, so a change is always a ``dataChanged`` of one row.

Internal ids: 0 for a group row, ``group row + 1`` for a finding row.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QGuiApplication, QPalette

from ...knowledge.model import Finding, KnowledgeBase, text
from ..document import CaseDocument
from .roles import (
    ACCESSIBLE,
    DISPLAY,
    EDIT,
    FONT,
    FOREGROUND,
    TOOLTIP,
    AssessedRole,
    FindingIdRole,
    KindRole,
    OptionsRole,
    ValueRole,
)

LABEL, VALUE = 0, 1
NOT_ASSESSED_MARK = "—"
Index = QModelIndex | QPersistentModelIndex
_SELECTABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE = _SELECTABLE | Qt.ItemFlag.ItemIsEditable
_ROLES = frozenset({DISPLAY, EDIT, TOOLTIP, FONT, FOREGROUND, ACCESSIBLE, FindingIdRole,
                    OptionsRole, KindRole, ValueRole, AssessedRole})


def _tr(s: str) -> str:
    return QCoreApplication.translate("FindingsModel", s)


def not_assessed_label(finding: Finding, kb: KnowledgeBase) -> str:
    """Orderable tests (stains, molecular) are 'not done'; everything else 'not assessed'."""
    return _tr("Not done") if kb.groups[finding.group].orderable else _tr("Not assessed")


def state_options(finding: Finding, kb: KnowledgeBase, lang: str = "en"
                  ) -> list[tuple[str | None, str]]:
    """The choices of a non-numeric finding, 'not assessed' first.

    The knowledge base orders states (stains: negative, positive, then the aliases
    focal and diffuse, the order a pathologist reads a stain report in).
    """
    values = list(finding.accepted_values)  # the KB's state order, then aliases
    return [(None, not_assessed_label(finding, kb))] + [
        (v, finding.state_label(v, kb, lang) if v in finding.states
         else text(kb.state_labels.get(v), lang) or v) for v in values]


def short_unit(unit: str) -> str:
    """The unit as the value column shows it: '%' for percentages, nothing if long.

    The full unit stays in the tooltip and beside the number field.
    """
    if unit.startswith("%"):
        return "%"
    return unit if len(unit) <= 10 else ""


def format_number(value: float) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


class FindingsModel(QAbstractItemModel):
    """Groups -> findings, label | value; edits go through the document's undo stack."""

    valueRejected = Signal(str)  # a readable reason, e.g. "age_years must be between 0 and 120"

    def __init__(self, document: CaseDocument, parent=None):
        super().__init__(parent)
        self._doc = document
        kb = document.kb
        self._groups = list(kb.groups.values())
        self._where: dict[str, tuple[int, int]] = {}
        for gi, g in enumerate(self._groups):
            for fi, fid in enumerate(g.finding_ids):
                self._where[fid] = (gi, fi)
        self._italic = QFont()
        self._italic.setItalic(True)
        self._bold = QFont()
        self._bold.setBold(True)
        self._options_cache: dict[str, list] = {}
        document.findingChanged.connect(self._on_finding_changed)
        document.caseReplaced.connect(self._on_case_replaced)

    @property
    def lang(self) -> str:
        return self._doc.lang

    # -- structure --------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if column < 0 or column > 1 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < len(self._groups) else QModelIndex()
        if parent.internalId() != 0 or parent.column() != 0:
            return QModelIndex()
        group = parent.row()
        if row >= len(self._groups[group].finding_ids):
            return QModelIndex()
        return self.createIndex(row, column, group + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._groups[parent.row()].finding_ids)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 2

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:
        return self.rowCount(parent) > 0

    # -- lookup -----------------------------------------------------------------------------
    def finding_at(self, index: Index) -> Finding | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        group = self._groups[index.internalId() - 1]
        return self._doc.kb.findings[group.finding_ids[index.row()]]

    def index_of(self, finding: str, column: int = LABEL) -> QModelIndex:
        gi, fi = self._where[finding]
        return self.createIndex(fi, column, gi + 1)

    def options(self, finding: Finding) -> list[tuple[str | None, str]]:
        cached = self._options_cache.get(finding.id)
        if cached is None:
            cached = state_options(finding, self._doc.kb, self.lang)
            self._options_cache[finding.id] = cached
        return cached

    def value_text(self, finding: Finding) -> str:
        value = self._doc.value(finding.id)
        if value is None:
            return NOT_ASSESSED_MARK
        if finding.is_numeric:
            unit = short_unit(text(finding.unit, self.lang))
            return f"{format_number(value)} {unit}".strip()
        for v, label in self.options(finding):
            if v == value:
                return label
        return str(value)

    # -- data -------------------------------------------------------------------------------
    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() != 0 and index.column() == VALUE:
            return _EDITABLE
        return _SELECTABLE

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if role not in _ROLES or not index.isValid():
            return None
        if index.internalId() == 0:
            return self._group_data(index, role)
        finding = self.finding_at(index)
        value = self._doc.value(finding.id)
        col = index.column()
        if role == DISPLAY:
            return text(finding.label, self.lang) if col == LABEL else self.value_text(finding)
        if role == FONT:
            return self._italic if col == VALUE and value is None else None
        if role == FOREGROUND:
            # Not assessed reads as secondary text, in whatever palette is in use.
            if col == VALUE and value is None:
                return QGuiApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
            return None
        if role == EDIT:
            return text(finding.label, self.lang) if col == LABEL else value
        if role == TOOLTIP:
            return self._tooltip(finding)
        if role == ACCESSIBLE:
            if col == LABEL:
                return text(finding.label, self.lang)
            return (not_assessed_label(finding, self._doc.kb) if value is None
                    else self.value_text(finding))
        if role == FindingIdRole:
            return finding.id
        if role == KindRole:
            return finding.kind
        if role == ValueRole:
            return value
        if role == AssessedRole:
            return value is not None
        if role == OptionsRole:
            return None if finding.is_numeric else self.options(finding)
        return None

    def _group_data(self, index: Index, role: int) -> Any:
        group = self._groups[index.row()]
        if role in (DISPLAY, ACCESSIBLE):
            if index.column() == LABEL:
                return text(group.label, self.lang)
            done = sum(1 for f in group.finding_ids if self._doc.value(f) is not None)
            return _tr("{done} of {total} recorded").format(done=done,
                                                             total=len(group.finding_ids))
        if role == FONT and index.column() == LABEL:
            return self._bold
        return None

    def _tooltip(self, finding: Finding) -> str:
        lines = [text(finding.label, self.lang)]
        help_text = text(finding.help, self.lang)
        if help_text:
            lines.append(help_text)
        if finding.is_numeric and finding.range:
            lo, hi = finding.range
            lines.append(_tr("Range {lo:g}–{hi:g} {unit}").format(
                lo=lo, hi=hi, unit=text(finding.unit, self.lang)).strip())
        value = self._doc.value(finding.id)
        if value is None:
            lines.append(not_assessed_label(finding, self._doc.kb))
        elif finding.is_numeric:
            state = finding.state_of(value)
            lines.append(_tr("Recorded {value} (band: {band})").format(
                value=format_number(value), band=finding.state_label(state, self._doc.kb,
                                                                     self.lang)))
        return "\n".join(lines)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Record a value (undoable). Numbers may come as text; '' or None clears."""
        finding = self.finding_at(index)
        if finding is None or index.column() != VALUE or role != Qt.ItemDataRole.EditRole:
            return False
        if isinstance(value, str) and finding.is_numeric:
            value = value.strip().replace(",", ".")
            if value:
                try:
                    value = float(value)
                except ValueError:
                    self.valueRejected.emit(_tr("{value!r} is not a number").format(value=value))
                    return False
        try:
            self._doc.set_finding(finding.id, value)
        except ValueError as exc:
            self.valueRejected.emit(str(exc))
            return False
        return True

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (_tr("Finding"), _tr("Value"))[section] if section in (0, 1) else None
        return None

    # -- document signals -------------------------------------------------------------------
    def _on_finding_changed(self, finding: str) -> None:
        # Single cells, not a row range: a view repaints one cell for a one-cell change
        # but the whole viewport for any range.
        gi, fi = self._where[finding]
        value = self.createIndex(fi, VALUE, gi + 1)
        self.dataChanged.emit(value, value)
        group = self.createIndex(gi, VALUE, 0)
        self.dataChanged.emit(group, group)

    def _on_case_replaced(self) -> None:
        for gi, g in enumerate(self._groups):
            self.dataChanged.emit(self.createIndex(0, LABEL, gi + 1),
                                  self.createIndex(len(g.finding_ids) - 1, VALUE, gi + 1))
        self.dataChanged.emit(self.createIndex(0, LABEL, 0),
                              self.createIndex(len(self._groups) - 1, VALUE, 0))
