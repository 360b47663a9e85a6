"""Per-finding evidence: how much each observed finding moves one entity.

The contribution of finding f (observed in state s) to entity e is the log
likelihood ratio of e against the alternatives, the other entities weighted by
the prior in use:

    LLR = log P(s | e) - log sum_{e' != e} w(e') P(s | e'),   w = prior renormalised without e

Positive values favour e, negative values count against it. Each contribution
carries the provenance of P(s | e) (source id or expert estimate) and the raw
counts where the KB gives them.
"""

# NamedTuple fields: annotations evaluated, not postponed (see knowledge/model.py).

import math
from collections.abc import Mapping
from typing import Any, NamedTuple

from ..knowledge.model import KnowledgeBase, Provenance

NEGLIGIBLE_LLR = 0.005
"""A weight smaller than this in magnitude prints as +0.00 or -0.00 (two decimals, as
the window, the reports and ``ddx explain`` show weights): such a finding counts as
neither for nor against, everywhere."""


class Contribution(NamedTuple):
    finding: str
    value: Any  # as recorded (state, alias or number)
    state: str
    llr: float  # natural-log likelihood ratio against the alternatives
    p_entity: float  # P(state | entity), clipped
    p_alternatives: float  # prior-weighted P(state | other entities)
    provenance: Provenance
    counts: str | None  # e.g. "18/25"

    @property
    def direction(self) -> str:
        """"for", "against" or "neutral" (|llr| < NEGLIGIBLE_LLR)."""
        if self.llr >= NEGLIGIBLE_LLR:
            return "for"
        return "against" if self.llr <= -NEGLIGIBLE_LLR else "neutral"


def contributions(
    kb: KnowledgeBase,
    entity: str,
    values: Mapping[str, Any],
    states: Mapping[str, str],
    prior: str,
) -> list[Contribution]:
    """Contributions of every observed finding to ``entity``, strongest first."""
    ids = kb.entity_ids
    index = ids.index(entity)
    priors = [math.exp(v) for v in kb.log_priors[prior]]
    rest = math.fsum(p for i, p in enumerate(priors) if i != index) or 1.0
    result = []
    for fid, state in states.items():
        row = kb.loglik[fid][state]
        p_e = math.exp(row[index])
        if len(ids) > 1:
            p_alt = math.fsum(priors[i] * math.exp(v) for i, v in enumerate(row) if i != index)
            p_alt /= rest
        else:
            p_alt = p_e
        cell = kb.cell(entity, fid)
        result.append(Contribution(
            finding=fid,
            value=values[fid],
            state=state,
            llr=math.log(p_e / p_alt),
            p_entity=p_e,
            p_alternatives=p_alt,
            provenance=cell.provenance,
            counts=cell.counts_text(state),
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


def pairwise(kb: KnowledgeBase, a: str, b: str,
             states: Mapping[str, str]) -> list[PairwiseFinding]:
    """What separates ``a`` from ``b`` in these findings, strongest first.

    The posterior odds of a over b are their prior odds times exp(sum of the llr):
    the findings listed first are the ones a trainee should have weighed.
    """
    ia, ib = kb.entity_ids.index(a), kb.entity_ids.index(b)
    result = []
    for fid, state in states.items():
        row = kb.loglik[fid][state]
        result.append(PairwiseFinding(
            finding=fid, state=state, llr=row[ia] - row[ib],  # the engine's (weighted) table
            p_a=kb.likelihood(a, fid, state), p_b=kb.likelihood(b, fid, state),
            provenance_a=kb.cell(a, fid).provenance,
            provenance_b=kb.cell(b, fid).provenance))
    result.sort(key=lambda f: (-abs(f.llr), f.finding))
    return result
