"""Naive-Bayes posterior over the entities of a knowledge base.

log P(e | F) = log prior(e) + sum over observed findings of log P(state | e) - log Z.
Likelihoods are clipped into [floor, 1 - floor] when the KB is compiled, so no
single finding can drive an entity to exactly zero (stains are sometimes
aberrant). A finding that is not assessed contributes nothing.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from operator import add
from typing import Any

from ..knowledge.model import KnowledgeBase

PRIOR_MODES = ("prevalence", "uniform")

FindingValues = Mapping[str, Any]  # finding id -> recorded value (state, alias or number)


def observed_states(kb: KnowledgeBase, values: FindingValues) -> dict[str, str]:
    """Map recorded values to states (aliases resolved, numbers binned), in KB order.

    Values are assumed valid (case files are validated on load); an unknown
    finding raises KeyError and an invalid value ValueError.
    """
    states = {fid: kb.findings[fid].state_of(v) for fid, v in values.items()}
    return {fid: states[fid] for fid in kb.findings if fid in states}


def log_scores(kb: KnowledgeBase, states: Mapping[str, str], prior: str) -> list[float]:
    """Unnormalised log posterior per entity, in ``kb.entity_ids`` order."""
    if prior not in kb.log_priors:
        raise ValueError(f"unknown prior {prior!r} (expected one of {', '.join(PRIOR_MODES)})")
    acc = list(kb.log_priors[prior])
    loglik = kb.loglik
    for fid in sorted(states):  # a fixed order makes float sums independent of input order
        acc = list(map(add, acc, loglik[fid][states[fid]]))
    return acc


def normalise(logs: list[float]) -> list[float]:
    top = max(logs)
    weights = [math.exp(v - top) for v in logs]
    total = math.fsum(weights)
    return [w / total for w in weights]


def posterior(
    kb: KnowledgeBase, values: FindingValues, prior: str = "prevalence"
) -> dict[str, float]:
    """P(entity | findings) for every entity, in knowledge-base order."""
    probs = normalise(log_scores(kb, observed_states(kb, values), prior))
    return dict(zip(kb.entity_ids, probs))
