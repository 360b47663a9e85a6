"""Cells of the QStandardItemModels the views show."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QStandardItem


def set_roles(item: QStandardItem, roles: dict[int, Any]) -> QStandardItem:
    """``item`` with each of ``roles`` set (an item not yet in a model)."""
    for role, value in roles.items():
        item.setData(value, role)
    return item


def read_only_item(label: str = "", roles: dict[int, Any] | None = None) -> QStandardItem:
    """A selectable, non-editable cell with ``label`` and any further ``roles``."""
    item = QStandardItem(label)
    item.setEditable(False)
    item.setDragEnabled(False)
    item.setDropEnabled(False)
    return set_roles(item, roles or {})


def source_lines(kb, provenance, counts, lang: str, estimate: bool = True) -> list[str]:
    """Where a number comes from, for a tooltip: the citation and its link, or "Expert
    estimate" (when ``estimate``), the raw counts, the knowledge base's note. One wording
    for the evidence table and the comparison."""
    from PySide6.QtCore import QCoreApplication

    from ...knowledge.model import text

    src = kb.sources.get(provenance.source) if provenance.source else None
    lines = []
    if src is not None:
        lines.append(src.citation)
        if src.link:
            lines.append(src.link)
    elif estimate:
        lines.append(QCoreApplication.translate("SourceTip",
                                                "Expert estimate (no published figure)"))
    if counts:
        lines.append(QCoreApplication.translate(
            "SourceTip", "Counts: {counts} with this result").format(counts=counts))
    if provenance.note:
        lines.append(text(provenance.note, lang))
    return lines
