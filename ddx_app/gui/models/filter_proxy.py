"""Filter the findings tree by label and synonyms, keeping the groups of the matches.

A query matches a finding when it occurs at the start of a word in one of
``Finding.search_terms()`` ("sma" finds SMA but not plasma cells); if nothing
matches that way the query is tried anywhere inside the terms. The matching set
is computed once per keystroke, so ``filterAcceptsRow`` is a set lookup.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from ...knowledge.model import KnowledgeBase, text
from .roles import FindingIdRole


def _normalise(query: str) -> str:
    return " ".join(query.lower().split())


def matching_findings(kb: KnowledgeBase, query: str, lang: str = "en") -> set[str]:
    """Ids of the findings a filter query selects (all of them for an empty query)."""
    return find_matches(kb, query, lang)[0]


def find_matches(kb: KnowledgeBase, query: str, lang: str = "en") -> tuple[set[str], bool]:
    """(the findings a query selects, whether one is named by it): a query found only
    inside words ("EMA" in "female", "oedematous") selects those findings, but names
    none, so the window also offers to record it as an other finding."""
    q = _normalise(query)
    if not q:
        return set(kb.findings), True
    at_word = re.compile(r"(?<![0-9a-z])" + re.escape(q))
    terms = {fid: f.search_terms(lang) for fid, f in kb.findings.items()}
    hits = {fid for fid, ts in terms.items() if any(at_word.search(t) for t in ts)}
    if hits:
        return hits, True
    return {fid for fid, ts in terms.items() if any(q in t for t in ts)}, False


class FindingFilterProxy(QSortFilterProxyModel):
    """Keeps matching findings and the groups that contain them (recursive filtering)."""

    def __init__(self, kb: KnowledgeBase, lang: str = "en", parent=None):
        super().__init__(parent)
        self._kb = kb
        self._lang = lang
        self._query = ""
        self._matches: set[str] | None = None
        self._named = True  # the query names a finding (or there is none)
        self.setRecursiveFilteringEnabled(True)
        self.setAutoAcceptChildRows(True)  # a matching group label shows its whole group

    @property
    def query(self) -> str:
        return self._query

    @property
    def names_a_finding(self) -> bool:
        """False when the query only occurs inside words ("EMA" in "female") or nowhere."""
        return self._named

    def set_query(self, query: str) -> None:
        if _normalise(query) == _normalise(self._query):
            self._query = query
            return
        self.beginFilterChange()
        self._query = query
        q = _normalise(query)
        self._matches, self._named = find_matches(self._kb, q, self._lang) if q \
            else (None, True)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int,
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if self._matches is None:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        fid = index.data(FindingIdRole)
        if fid is not None:
            return fid in self._matches
        group = list(self._kb.groups.values())[source_row]
        q = _normalise(self._query)
        return re.search(r"(?<![0-9a-z])" + re.escape(q),
                         text(group.label, self._lang).lower()) is not None
