"""Posterior over the entities of a knowledge base.

The terms of the sum (prior of the population, weighted findings, exclusions) are
built in :mod:`.terms`; this module maps recorded values to states and normalises.
Likelihoods are clipped into [floor, 1 - floor] when the KB is compiled, so no
single finding can drive an entity to exactly zero (stains are sometimes
aberrant). A finding that is not assessed contributes nothing.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from ..knowledge.model import KnowledgeBase
from .terms import build_terms, log_scores

FindingValues = Mapping[str, Any]  # finding id -> recorded value (state, alias or number)


def observed_states(kb: KnowledgeBase, values: FindingValues) -> dict[str, str]:
    """Map recorded values to states (aliases resolved, numbers binned), in KB order.

    Values are assumed valid (case files are validated on load); an unknown
    finding raises KeyError and an invalid value ValueError.
    """
    states = {fid: kb.findings[fid].state_of(v) for fid, v in values.items()}
    return {fid: states[fid] for fid in kb.findings if fid in states}


def normalise(logs: list[float]) -> list[float]:
    top = max(logs)
    weights = [math.exp(v - top) for v in logs]
    total = math.fsum(weights)
    return [w / total for w in weights]


def posterior(
    kb: KnowledgeBase, values: FindingValues, prior: str = "prevalence"
) -> dict[str, float]:
    """P(entity | findings) for every entity, in knowledge-base order."""
    states = observed_states(kb, values)
    probs = normalise(log_scores(kb, build_terms(kb, values, states, prior)))
    return dict(zip(kb.entity_ids, probs))
