"""Which entities the report discusses, and the key stains not done for them.

This is the report's only derived logic, and it only reads the knowledge base's
figures: a stain or test (a finding in an ``orderable`` group) that the case has
not assessed is *key* for the leading entities when its expected result differs
between two of them, measured as the total-variation distance between their
state distributions, ``1/2 sum_s |P(s|a) - P(s|b)|``. Pairs where the knowledge
base gives no figure for one entity are skipped: the shared "no data" cell
(equal across states) would look like a difference that nobody measured.
How many entities are discussed and compared, the smallest difference worth
listing and the length of the list come from kb.yaml ``report``.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from ..engine import Analysis
from ..knowledge.model import KnowledgeBase


def leading_entities(analysis: Analysis, most: int, min_probability: float,
                     at_least: int = 1) -> list[str]:
    """The top entities: at least ``at_least``, then those reaching ``min_probability``."""
    out = []
    for i, r in enumerate(analysis.ranking[:most]):
        if i < at_least or r.probability >= min_probability:
            out.append(r.entity)
    return out


@dataclass(frozen=True)
class StainNotDone:
    finding: str
    distance: float  # total-variation distance between the pair it separates best
    separates: tuple[str, str]
    expected: dict[str, tuple[str, float]]  # entity -> (most likely state, its probability)


def compared_entities(kb: KnowledgeBase, analysis: Analysis) -> list[str]:
    """The entities whose expected stain results are compared (kb.yaml report)."""
    return leading_entities(analysis, most=kb.report.compare_top, min_probability=0.0,
                            at_least=2)


def discussed_entities(kb: KnowledgeBase, analysis: Analysis) -> list[str]:
    """The leading entities the report discusses in detail (kb.yaml report)."""
    return leading_entities(analysis, most=kb.report.discuss_most,
                            min_probability=kb.report.discuss_min_probability)


def expected_results(kb: KnowledgeBase, fid: str, entities: list[str]
                     ) -> dict[str, tuple[str, float]]:
    """Entity -> (the most likely result of ``fid`` under it, its probability), for the
    entities of ``entities`` the knowledge base gives a figure for."""
    expected = {}
    for e in entities:
        if fid not in kb.entities[e].cells:
            continue
        probs = kb.cell(e, fid).probs
        state = max(kb.findings[fid].states, key=probs.__getitem__)
        expected[e] = (state, probs[state])
    return expected


def key_stains_not_done(kb: KnowledgeBase, analysis: Analysis,
                        entities: list[str]) -> list[StainNotDone]:
    """Orderable findings not assessed whose expected result differs most between ``entities``."""
    out = []
    for group in kb.groups.values():
        if not group.orderable:
            continue
        for fid in group.finding_ids:
            if fid in analysis.values:
                continue
            given = [e for e in entities if fid in kb.entities[e].cells]
            best = None
            for a, b in itertools.combinations(given, 2):
                pa, pb = kb.cell(a, fid).probs, kb.cell(b, fid).probs
                d = 0.5 * sum(abs(pa[s] - pb[s]) for s in kb.findings[fid].states)
                if best is None or d > best[0]:
                    best = (d, (a, b))
            if best is None or best[0] < kb.report.min_difference:
                continue
            out.append(StainNotDone(fid, best[0], best[1], expected_results(kb, fid, given)))
    out.sort(key=lambda s: (-s.distance, s.finding))
    return out[:kb.report.stains_most]
