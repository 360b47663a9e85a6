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
    loglik = kb.loglik
    order = sorted(states)  # a fixed order makes float sums independent of input order
    if len(kb.entity_ids) >= VECTOR_FROM:
        return _log_scores_vector(kb, states, order, prior)
    acc = list(kb.log_priors[prior])
    for fid in order:
        acc = list(map(add, acc, loglik[fid][states[fid]]))
    return acc


VECTOR_FROM = 200  # entities; below this plain Python beats NumPy's call overhead


def _loglik_arrays(kb: KnowledgeBase) -> dict:
    import numpy as np

    rows: dict = {f: {s: np.array(v) for s, v in by_state.items()}
                  for f, by_state in kb.loglik.items()}
    rows[None] = {p: np.array(v) for p, v in kb.log_priors.items()}
    return rows


def _log_scores_vector(kb: KnowledgeBase, states: Mapping[str, str], order: list[str],
                       prior: str) -> list[float]:
    """The same sum with NumPy rows, for ImmunoQuery-sized knowledge bases."""
    rows = kb.derived("loglik_arrays", _loglik_arrays)
    acc = rows[None][prior].copy()
    for fid in order:
        acc += rows[fid][states[fid]]
    return acc.tolist()


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
