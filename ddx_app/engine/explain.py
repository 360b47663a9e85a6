"""Per-finding evidence: how much each scored finding moves one entity against its rival.

The contribution of finding f (observed in state s, dependence weight w) to entity e
is its weighted log likelihood ratio against the strongest rival r - the leader, or
for the leader the runner-up:

    LLR = w * (log P(s | e) - log P(s | r))

Positive values favour e over r, negative values favour r. Weighing against one
named rival (not against a prior-weighted mixture of all the others) means a result
that e almost never shows (0/n, at the likelihood floor) can never read as evidence
*for* e: the rival shows it at least as often. Each contribution carries the
provenance of P(s | e) (source id or expert estimate), the raw counts where the KB
gives them, and its dependence group, so the group's joint weight can be shown.
"""

# NamedTuple fields: annotations evaluated, not postponed (see knowledge/model.py).

import math
from collections.abc import Mapping
from typing import Any, NamedTuple

from ..knowledge.model import KnowledgeBase, Provenance
from .terms import Terms

NEGLIGIBLE_LLR = 0.005
"""A weight smaller than this in magnitude prints as +0.00 or -0.00 (two decimals, as
the window, the reports and ``ddx explain`` show weights): such a finding counts as
neither for nor against, everywhere."""


class Contribution(NamedTuple):
    finding: str
    value: Any  # as recorded (state, alias or number)
    state: str
    llr: float  # weighted natural-log likelihood ratio against the rival
    p_entity: float  # P(state | entity), clipped
    p_rival: float  # P(state | rival), clipped
    provenance: Provenance
    counts: str | None  # e.g. "18/25"
    rival: str | None = None  # the entity weighed against
    weight: float = 1.0  # dependence discount applied to the llr
    group: str | None = None  # dependence group id

    @property
    def direction(self) -> str:
        """"for", "against" or "neutral" (|llr| < NEGLIGIBLE_LLR)."""
        if self.llr >= NEGLIGIBLE_LLR:
            return "for"
        return "against" if self.llr <= -NEGLIGIBLE_LLR else "neutral"


def contributions(
    kb: KnowledgeBase,
    entity: str,
    rival: str | None,
    values: Mapping[str, Any],
    terms: Terms,
) -> list[Contribution]:
    """Contributions of every scored finding to ``entity`` against ``rival``, strongest
    first. With no rival (a one-entity KB) every weight is 0."""
    ids = kb.entity_ids
    index = ids.index(entity)
    r_index = ids.index(rival) if rival is not None else index
    result = []
    for s in terms.scored:
        row = kb.loglik[s.finding][s.state]
        cell = kb.cell(entity, s.finding)
        result.append(Contribution(
            finding=s.finding,
            value=values[s.finding],
            state=s.state,
            llr=s.weight * (row[index] - row[r_index]),
            p_entity=math.exp(row[index]),
            p_rival=math.exp(row[r_index]),
            provenance=cell.provenance,
            counts=cell.counts_text(s.state),
            rival=rival,
            weight=s.weight,
            group=s.group,
        ))
    result.sort(key=lambda c: (-abs(c.llr), c.finding))
    return result


class PairwiseFinding(NamedTuple):
    """One observed finding's weight in telling entity a from entity b."""

    finding: str
    state: str
    llr: float  # natural-log likelihood ratio log P(s | a) - log P(s | b); > 0 favours a
    p_a: float  # P(state | a), clipped as the engine uses it
    p_b: float  # P(state | b)
    provenance_a: Provenance
    provenance_b: Provenance

    @property
    def favours(self) -> str | None:
        """"a", "b", or None when the weight is negligible (|llr| < NEGLIGIBLE_LLR)."""
        if abs(self.llr) < NEGLIGIBLE_LLR:
            return None
        return "a" if self.llr > 0 else "b"

    @property
    def sources(self) -> str:
        """Where the two figures come from: 'zhao2025_seed / expert estimate', or one label."""
        return " / ".join(dict.fromkeys((self.provenance_a.label, self.provenance_b.label)))


def pairwise(kb: KnowledgeBase, a: str, b: str, terms: Terms) -> list[PairwiseFinding]:
    """What separates ``a`` from ``b`` in these findings, strongest first.

    The posterior odds of a over b are their prior odds times exp(sum of the llr):
    the findings listed first are the ones a trainee should have weighed.
    """
    ia, ib = kb.entity_ids.index(a), kb.entity_ids.index(b)
    result = []
    for s in terms.scored:
        fid, state = s.finding, s.state
        row = kb.loglik[fid][state]
        result.append(PairwiseFinding(
            finding=fid, state=state, llr=s.weight * (row[ia] - row[ib]),  # as the engine sums
            p_a=kb.likelihood(a, fid, state), p_b=kb.likelihood(b, fid, state),
            provenance_a=kb.cell(a, fid).provenance,
            provenance_b=kb.cell(b, fid).provenance))
    result.sort(key=lambda f: (-abs(f.llr), f.finding))
    return result
