"""Next best test: expected information gain about the differential.

For a candidate finding f not yet assessed, with current posterior p(e):

    P(s) = sum_e p(e) P(s | e)
    EIG(f) = H(p) - sum_s P(s) H(p(. | s))          (bits)

The finding with the largest EIG is the one whose result is expected to narrow
the differential most. For a batch of k stains the panel is grown greedily,
each step adding the stain that most increases the *joint* information gain of
the panel (outcomes enumerated jointly, so redundant stains are not chosen
twice). NumPy is imported here only, lazily, to keep start-up fast.
"""

# NamedTuple fields: annotations evaluated, not postponed (see knowledge/model.py).

import math
from collections.abc import Sequence
from typing import NamedTuple

from ..knowledge.model import KnowledgeBase


class Suggestion(NamedTuple):
    finding: str
    gain_bits: float
    separates: tuple[str, str] | None  # the pair of entities this finding best tells apart
    outcome_probabilities: dict[str, float]  # predicted P(state) given the findings so far


class _Tables:
    """Per-KB arrays: predictive P(state | entity) stacked over all finding states."""

    def __init__(self, kb: KnowledgeBase):
        import numpy as np

        self.np = np
        self.finding_ids = list(kb.findings)
        blocks, owners, self.slices = [], [], {}
        start = 0
        for i, fid in enumerate(self.finding_ids):
            block = np.exp(np.array([kb.loglik[fid][s] for s in kb.findings[fid].states]))
            block /= block.sum(axis=0, keepdims=True)  # predictive distribution per entity
            blocks.append(block)
            owners += [i] * block.shape[0]
            self.slices[fid] = slice(start, start + block.shape[0])
            start += block.shape[0]
        self.matrix = np.vstack(blocks)  # (total states, entities)
        self.owner = np.array(owners)
        # conditional entropy H(S_f | e) in bits, per finding and entity: (findings, entities)
        plogp = self.matrix * np.log2(self.matrix)
        self.cond_entropy = -np.add.reduceat(plogp, [s.start for s in self.slices.values()])


def _tables(kb: KnowledgeBase) -> _Tables:
    return kb.derived("suggest_tables", _Tables)


def _entropy_rows(np, joint):
    """Entropy (bits) of each row of an unnormalised non-negative matrix, and row sums."""
    mass = joint.sum(axis=1)
    safe = np.where(mass > 0, mass, 1.0)
    p = joint / safe[:, None]
    with np.errstate(divide="ignore", invalid="ignore"):
        h = -np.where(p > 0, p * np.log2(p), 0.0).sum(axis=1)
    return h, mass


def _entropy(probs: Sequence[float]) -> float:
    return -sum(p * math.log2(p) for p in probs if p > 0)


def rank_tests(
    kb: KnowledgeBase,
    post: Sequence[float],
    assessed: set[str],
    *,
    orderable_only: bool = False,
    top: int | None = None,
) -> list[Suggestion]:
    """Not-yet-assessed findings ranked by expected information gain (bits).

    Computed as the mutual information I(E; S_f) = H(S_f) - sum_e p(e) H(S_f | e),
    which equals H(p) - E_s[H(p | s)] but needs only two matrix-vector products.
    """
    t = _tables(kb)
    np = t.np
    p = np.asarray(post, dtype=float)
    mass = t.matrix @ p  # predicted P(state) for every state of every finding
    with np.errstate(divide="ignore", invalid="ignore"):
        mlogm = np.where(mass > 0, mass * np.log2(mass), 0.0)
    h_marginal = -np.bincount(t.owner, weights=mlogm, minlength=len(t.finding_ids))
    gains = h_marginal - t.cond_entropy @ p
    candidates = [
        (float(gains[i]), fid)
        for i, fid in enumerate(t.finding_ids)
        if fid not in assessed
        and (not orderable_only or kb.groups[kb.findings[fid].group].orderable)
    ]
    candidates.sort(key=lambda c: (-c[0], c[1]))
    if top is not None:
        candidates = candidates[:top]
    pairs = _best_pairs(kb, t, p)
    index = {fid: i for i, fid in enumerate(t.finding_ids)}
    out = []
    for gain, fid in candidates:
        out.append(Suggestion(
            finding=fid,
            gain_bits=max(gain, 0.0),
            separates=pairs[index[fid]],
            outcome_probabilities={
                s: float(m) for s, m in zip(kb.findings[fid].states, mass[t.slices[fid]])},
        ))
    return out


def _best_pairs(kb: KnowledgeBase, t: _Tables, p) -> list[tuple[str, str] | None]:
    """Per finding, the pair of leading entities it separates best.

    Score of a pair (a, b) for finding f: p(a) p(b) J_f(a, b), with J the Jeffreys
    divergence between P(S_f | a) and P(S_f | b); computed for all findings at once.
    """
    np = t.np
    leaders = np.argsort(-p, kind="stable")[: min(6, len(p))]
    if len(leaders) < 2:
        return [None] * len(t.finding_ids)
    sub = t.matrix[:, leaders]  # (states, k)
    diff = sub[:, :, None] - sub[:, None, :]
    logratio = np.log(sub)[:, :, None] - np.log(sub)[:, None, :]
    k = len(leaders)
    per_state = (diff * logratio).reshape(len(sub), k * k)
    jeffreys = np.zeros((len(t.finding_ids), k * k))
    np.add.at(jeffreys, t.owner, per_state)
    weights = np.outer(p[leaders], p[leaders]).reshape(-1)
    scores = jeffreys * weights
    best = scores.argmax(axis=1)
    out: list[tuple[str, str] | None] = []
    for row, idx in zip(scores, best):
        if row[idx] <= 1e-15:
            out.append(None)
            continue
        a, b = sorted(divmod(int(idx), k))
        out.append((kb.entity_ids[leaders[a]], kb.entity_ids[leaders[b]]))
    return out


def best_panel(
    kb: KnowledgeBase,
    post: Sequence[float],
    assessed: set[str],
    k: int,
    *,
    orderable_only: bool = True,
    max_outcomes: int = 4096,
) -> list[tuple[str, float]]:
    """Greedy panel of up to ``k`` findings; returns (finding, cumulative gain in bits)."""
    t = _tables(kb)
    np = t.np
    p = np.asarray(post, dtype=float)
    h0 = _entropy(post)
    outcomes = p[None, :]  # rows: joint outcomes of the panel so far, weighted P(o, e)
    chosen: list[tuple[str, float]] = []
    pool = [
        fid for fid in t.finding_ids
        if fid not in assessed
        and (not orderable_only or kb.groups[kb.findings[fid].group].orderable)
    ]
    for _ in range(k):
        best = None
        for fid in pool:
            block = t.matrix[t.slices[fid]]
            if outcomes.shape[0] * block.shape[0] > max_outcomes:
                continue
            joint = (outcomes[:, None, :] * block[None, :, :]).reshape(-1, p.size)
            h, mass = _entropy_rows(np, joint)
            gain = h0 - float((mass * h).sum())
            if best is None or gain > best[0] + 1e-12:
                best = (gain, fid, joint)
        if best is None:
            break
        gain, fid, outcomes = best
        chosen.append((fid, max(gain, 0.0)))
        pool.remove(fid)
    return chosen


def joint_gain(
    kb: KnowledgeBase,
    post: Sequence[float],
    findings: Sequence[str],
    *,
    max_outcomes: int = 16384,
) -> tuple[float, int]:
    """Expected information gain (bits) of learning the results of ``findings`` together,
    from the posterior ``post``: H(p) - E[H(p | all their results)], outcomes enumerated
    jointly as in :func:`best_panel`. Findings are taken in the order given while the
    joint outcomes stay within ``max_outcomes``; returns (gain, how many were counted), so
    a caller can say when the figure is a lower bound for a longer list."""
    t = _tables(kb)
    np = t.np
    p = np.asarray(post, dtype=float)
    outcomes = p[None, :]
    counted = 0
    for fid in findings:
        block = t.matrix[t.slices[fid]]
        if outcomes.shape[0] * block.shape[0] > max_outcomes:
            break
        outcomes = (outcomes[:, None, :] * block[None, :, :]).reshape(-1, p.size)
        counted += 1
    h, mass = _entropy_rows(np, outcomes)
    return max(_entropy(post) - float((mass * h).sum()), 0.0), counted
