"""The leading entities side by side: which findings tell them apart, in numbers.

One row per finding, one cell per entity: how often the entity shows one result of
the finding (its expected frequency in the knowledge base, with where the figure
comes from). Rows come in the order a pathologist reads them:

1. the findings **recorded** in the case, each with its recorded result, strongest
   separation first: the spread of the weighted log likelihoods of that result
   across the compared entities, i.e. the largest weight it has between any two of
   them (what the evidence panel shows for one pair). A recorded finding that weighs
   nothing between them (spread below ``NEGLIGIBLE_LLR``) and recorded findings the
   engine does not score (context, not applicable) are left out;
2. the findings **not yet assessed** whose expected results differ most between the
   entities: the largest total-variation distance ``1/2 sum_s |P(s|a) - P(s|b)|``
   between two of them, at least kb.yaml ``report.min_difference`` (the same measure
   and threshold the report uses for the key stains not done). A cell shows the
   finding's positive result (the states the ``P`` key records, findings.yaml
   ``entry``); a finding without one (categorical, numeric) shows the state whose
   frequency differs most between the entities.

Entities without a figure of their own for a finding (the shared no-data cell) are
shown but do not count towards a separation: equal "no data" values would look like a
difference nobody measured. How many entities are compared is kb.yaml
``report.stains_not_done.compare_top`` (:func:`compared_entities`).

Pure Python, no Qt: the window, the reports and the command line can all show it.
Annotations are evaluated, not postponed (see knowledge/model.py).
"""

import itertools
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from ..knowledge.model import KnowledgeBase, Provenance, text
from .explain import NEGLIGIBLE_LLR

if TYPE_CHECKING:  # pragma: no cover
    from .analysis import Analysis


class CompareCell(NamedTuple):
    """How often one entity shows the row's result."""

    entity: str
    p: float  # P(state | entity) as the knowledge base gives it (not clipped)
    provenance: Provenance
    counts: str | None  # e.g. "18/25" where the source gives counts
    given: bool  # False: the entity has no figure; p is the shared no-data value


class CompareRow(NamedTuple):
    finding: str
    label: str  # the finding's label in the language asked for
    state: str  # the result whose frequency the cells give
    state_label: str
    recorded: Any  # the value recorded in the case (None: not assessed)
    separation: float  # recorded: log-likelihood spread; not assessed: total variation
    cells: tuple[CompareCell, ...]  # one per entity, in the order asked for

    @property
    def is_recorded(self) -> bool:
        return self.recorded is not None

    def cell(self, entity: str) -> CompareCell:
        return next(c for c in self.cells if c.entity == entity)


def compared_entities(analysis: "Analysis", most: int | None = None) -> list[str]:
    """The leading entities, most probable first: kb.yaml ``report.stains_not_done.
    compare_top`` of them unless ``most`` says otherwise (never more than the KB holds)."""
    n = analysis.kb.report.compare_top if most is None else most
    return [r.entity for r in analysis.ranking[:max(0, n)]]


def _cells(kb: KnowledgeBase, fid: str, state: str,
           entities: Sequence[str]) -> tuple[CompareCell, ...]:
    out = []
    for e in entities:
        cell = kb.cell(e, fid)
        out.append(CompareCell(e, cell.probs[state], cell.provenance, cell.counts_text(state),
                               fid in kb.entities[e].cells))
    return tuple(out)


def _total_variation(kb: KnowledgeBase, fid: str, given: Sequence[str]) -> float:
    """The largest total-variation distance between two of ``given`` (0 for fewer)."""
    states = kb.findings[fid].states
    best = 0.0
    for a, b in itertools.combinations(given, 2):
        pa, pb = kb.cell(a, fid).probs, kb.cell(b, fid).probs
        best = max(best, 0.5 * sum(abs(pa[s] - pb[s]) for s in states))
    return best


def _shown_state(kb: KnowledgeBase, fid: str, given: Sequence[str]) -> str:
    """The positive result (the ``P`` key's states), else the state that differs most."""
    finding = kb.findings[fid]
    for state in kb.state_keys.get("P", ()):
        if state in finding.scored_states:
            return state

    def spread(state: str) -> float:
        ps = [kb.cell(e, fid).probs[state] for e in given]
        return max(ps) - min(ps) if ps else 0.0

    return max(finding.states, key=spread)  # ties: the first in the knowledge base's order


def compare(kb: KnowledgeBase, analysis: "Analysis", entities: Sequence[str],
            lang: str = "en", limit: int | None = None) -> list[CompareRow]:
    """The findings that separate ``entities`` (see the module text), recorded first.

    ``kb`` is the knowledge base the analysis ranks with (``analysis.kb``: a scope's
    subset when one is chosen); ``limit`` caps the number of rows (None: every row).
    """
    entities = list(dict.fromkeys(entities))
    if len(entities) < 2:
        return []
    index = [kb.entity_ids.index(e) for e in entities]
    recorded: list[CompareRow] = []
    for s in analysis.terms.scored:
        row = kb.loglik[s.finding][s.state]
        weights = [s.weight * row[i] for i in index]
        spread = max(weights) - min(weights)
        if spread < NEGLIGIBLE_LLR:
            continue
        finding = kb.findings[s.finding]
        recorded.append(CompareRow(
            s.finding, text(finding.label, lang), s.state,
            finding.state_label(s.state, kb, lang), analysis.values[s.finding], spread,
            _cells(kb, s.finding, s.state, entities)))
    recorded.sort(key=lambda r: (-r.separation, r.finding))

    skip = set(analysis.values)
    others: list[CompareRow] = []
    for fid, finding in kb.findings.items():
        if fid in skip or finding.is_context:
            continue
        given = [e for e in entities if fid in kb.entities[e].cells]
        distance = _total_variation(kb, fid, given)
        if distance < kb.report.min_difference:
            continue
        state = _shown_state(kb, fid, given)
        others.append(CompareRow(fid, text(finding.label, lang), state,
                                 finding.state_label(state, kb, lang), None, distance,
                                 _cells(kb, fid, state, entities)))
    others.sort(key=lambda r: (-r.separation, r.finding))
    rows = recorded + others
    return rows if limit is None else rows[:max(0, limit)]
