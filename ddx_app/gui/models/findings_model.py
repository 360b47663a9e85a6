"""The findings checklist as a tree model: knowledge-base groups -> findings.

Columns: 0 = label, 1 = recorded value. The tree's shape is fixed by the knowledge
base; the model mirrors the :class:`~ddx_app.gui.document.CaseDocument`'s values
into the value cells (a change rewrites one row and its group's count) and sends
edits back through ``document.set_finding`` (undoable).

A QStandardItemModel rather than a Python item model: the tree is laid out and
painted at start-up and after every edit, and with the items in C++ none of the
view's thousands of index/data/flags/header calls go through Python.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Signal,
)
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel

from ... import values
from ...knowledge.model import Finding, KnowledgeBase, text
from ..document import CaseDocument
from .items import read_only_item, set_roles
from .roles import (
    ACCESSIBLE,
    DISPLAY,
    EDIT,
    FONT,
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


class FindingsModel(QStandardItemModel):
    """Groups -> findings, label | value; edits go through the document's undo stack."""

    valueRejected = Signal(str)  # a readable reason, e.g. "age_years must be between 0 and 120"

    def __init__(self, document: CaseDocument, parent=None):
        super().__init__(0, 2, parent)
        self._doc = document
        kb = document.kb
        self._groups = list(kb.groups.values())
        self._where: dict[str, tuple[int, int]] = {}
        self._italic = QFont()
        self._italic.setItalic(True)
        bold = QFont()
        bold.setBold(True)
        self._options_cache: dict[str, list] = {}
        self.setHorizontalHeaderLabels([_tr("Finding"), _tr("Value")])
        for gi, group in enumerate(self._groups):
            label = read_only_item(text(group.label, self.lang))
            label.setFont(bold)
            for fi, fid in enumerate(group.finding_ids):
                self._where[fid] = (gi, fi)
                label.appendRow(self._finding_items(kb.findings[fid]))
            self.appendRow([label, read_only_item(self._group_count(group))])
        document.findingChanged.connect(self._on_finding_changed)
        document.caseReplaced.connect(self._on_case_replaced)

    @property
    def lang(self) -> str:
        return self._doc.lang

    def retranslate(self) -> None:
        """Every text anew in the document's (new) language: titles, groups, findings."""
        self._options_cache.clear()
        self.setHorizontalHeaderLabels([_tr("Finding"), _tr("Value")])
        kb = self._doc.kb
        for gi, group in enumerate(self._groups):
            self.item(gi, LABEL).setText(text(group.label, self.lang))
            self.item(gi, VALUE).setText(self._group_count(group))
            for fid in group.finding_ids:
                finding = kb.findings[fid]
                item = self.item(gi, LABEL).child(self._where[fid][1], LABEL)
                item.setText(text(finding.label, self.lang))
                item.setToolTip(self._tooltip(finding))
                self._write_recorded(fid)

    @property
    def document(self) -> CaseDocument:
        return self._doc

    # -- lookup -----------------------------------------------------------------------------
    def finding_at(self, index: Index) -> Finding | None:
        fid = index.data(FindingIdRole) if index.isValid() else None
        return self._doc.kb.findings[fid] if fid is not None else None

    def index_of(self, finding: str, column: int = LABEL) -> QModelIndex:
        gi, fi = self._where[finding]
        return self.index(fi, column, self.index(gi, LABEL))

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
        if finding.is_numeric:  # the unit in short ('%'); the full one in the tooltip
            return values.value_text(finding, value, self.lang)
        for v, label in self.options(finding):
            if v == value:
                return label
        return str(value)

    # -- items ------------------------------------------------------------------------------
    def _finding_items(self, finding: Finding) -> list[QStandardItem]:
        name = text(finding.label, self.lang)
        options = None if finding.is_numeric else self.options(finding)
        fixed = {FindingIdRole: finding.id, KindRole: finding.kind, OptionsRole: options}
        label_roles, value_roles = self._recorded_roles(finding)
        label = read_only_item(name, {**fixed, ACCESSIBLE: name, **label_roles})
        value = QStandardItem()  # the one editable cell
        value.setDragEnabled(False)
        value.setDropEnabled(False)
        return [label, set_roles(value, {**fixed, **value_roles})]

    def _recorded_roles(self, finding: Finding) -> tuple[dict[int, Any], dict[int, Any]]:
        """What the label and value cells show of the recorded value (None: no data)."""
        recorded = self._doc.value(finding.id)
        assessed = recorded is not None
        tooltip = self._tooltip(finding)
        shown = self.value_text(finding)
        # Not assessed is an italic dash (greyed by the view's delegate), so that it never
        # reads as "Absent".
        value = {DISPLAY: shown, TOOLTIP: tooltip, ValueRole: recorded, AssessedRole: assessed,
                 ACCESSIBLE: shown if assessed else not_assessed_label(finding, self._doc.kb),
                 FONT: None if assessed else self._italic}
        label = {TOOLTIP: tooltip, ValueRole: recorded, AssessedRole: assessed}
        return label, value

    def _write_recorded(self, finding: str) -> None:
        """One finding's row and its group's count, after the document changed."""
        gi, fi = self._where[finding]
        group = self.index(gi, LABEL)
        label, value = self._recorded_roles(self._doc.kb.findings[finding])
        self.setItemData(self.index(fi, LABEL, group), label)  # one dataChanged per cell
        self.setItemData(self.index(fi, VALUE, group), value)

    def _group_count(self, group) -> str:
        done = sum(1 for f in group.finding_ids if self._doc.value(f) is not None)
        return _tr("{done} of {total} recorded").format(done=done,
                                                         total=len(group.finding_ids))

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
                value=values.value_text(finding, value, self.lang),
                band=finding.state_label(state, self._doc.kb, self.lang)))
        return "\n".join(lines)

    # -- editing ----------------------------------------------------------------------------
    def setData(self, index: Index, value: Any, role: int = EDIT) -> bool:
        """Record a value (undoable). Numbers may come as text; '' or None clears."""
        finding = self.finding_at(index)
        if finding is None or index.column() != VALUE or role != EDIT:
            return False
        if isinstance(value, str) and finding.is_numeric:
            # read as quick entry reads a number: units, "<5", ranges, the finding's range
            from ...quick_entry import read_number

            reading = read_number(self._doc.kb, finding.id, value, None, self.lang)
            if reading.refused:
                self.valueRejected.emit(reading.message)
                return False
            value = reading.value
        try:
            self._doc.set_finding(finding.id, value)
        except ValueError as exc:
            self.valueRejected.emit(str(exc))
            return False
        return True

    # -- document signals -------------------------------------------------------------------
    def _on_finding_changed(self, finding: str) -> None:
        self._write_recorded(finding)
        gi, _ = self._where[finding]
        self.item(gi, VALUE).setText(self._group_count(self._groups[gi]))

    def _on_case_replaced(self) -> None:
        for gi, group in enumerate(self._groups):
            for fid in group.finding_ids:
                self._write_recorded(fid)
            self.item(gi, VALUE).setText(self._group_count(group))
