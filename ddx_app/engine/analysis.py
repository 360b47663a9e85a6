"""One object with everything a front end shows for a case.

The GUI, the CLI and the report renderer all call :func:`analyse`; the costlier
parts (explanations, suggestions) are computed on first use and cached on the
Analysis, so a front end pays only for what it shows.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import cached_property
from typing import Any, NamedTuple

from ..knowledge.model import KnowledgeBase
from . import explain, rules, suggest
from .posterior import log_scores, normalise, observed_states


class Ranked(NamedTuple):
    entity: str
    probability: float


class Analysis:
    """The posterior for one set of findings, and everything derived from it (lazily)."""

    def __init__(self, kb: KnowledgeBase, values: Mapping[str, Any], prior: str):
        self.kb = kb
        self.prior = prior
        self.values: dict[str, Any] = {f: values[f] for f in kb.findings if f in values}
        self.states: dict[str, str] = observed_states(kb, self.values)
        self.probabilities: list[float] = normalise(log_scores(kb, self.states, prior))
        self._explanations: dict[str, list[explain.Contribution]] = {}
        # orderable_only -> (length asked for, None = all; the ranking of that length)
        self._rankings: dict[bool, tuple[int | None, list[suggest.Suggestion]]] = {}

    def __repr__(self) -> str:
        return f"<Analysis {self.prior} leader={self.leader.entity} of {len(self.values)} findings>"

    @cached_property
    def ranking(self) -> list[Ranked]:
        """Every entity, most probable first (ties: knowledge-base order)."""
        probs, ids = self.probabilities, self.kb.entity_ids
        order = sorted(range(len(probs)), key=probs.__getitem__, reverse=True)  # stable
        return [Ranked(ids[i], probs[i]) for i in order]

    @property
    def posterior(self) -> dict[str, float]:
        return dict(zip(self.kb.entity_ids, self.probabilities))

    @property
    def leader(self) -> Ranked:
        return self.ranking[0]

    @cached_property
    def close_call(self) -> tuple[str, str] | None:
        """The leading pair, when the leader is less than close_call_ratio x the runner-up."""
        if len(self.ranking) < 2:
            return None
        first, second = self.ranking[0], self.ranking[1]
        if first.probability < self.kb.settings.close_call_ratio * second.probability:
            return first.entity, second.entity
        return None

    def explain(self, entity: str) -> list[explain.Contribution]:
        if entity not in self._explanations:
            self._explanations[entity] = explain.contributions(
                self.kb, entity, self.values, self.states, self.prior)
        return self._explanations[entity]

    def compare(self, a: str, b: str) -> list[explain.PairwiseFinding]:
        """The recorded findings that separate entity ``a`` from ``b``, strongest first."""
        return explain.pairwise(self.kb, a, b, self.states)

    def odds(self, a: str, b: str) -> float:
        """Posterior odds of ``a`` over ``b`` (inf when b's probability underflows)."""
        pa, pb = self.posterior[a], self.posterior[b]
        return pa / pb if pb > 0 else math.inf

    def criteria(self, entity: str) -> list[rules.CriterionResult]:
        return rules.criteria(self.kb, entity, self.values)

    @cached_property
    def red_flags(self) -> list[rules.RedFlagResult]:
        return rules.red_flags(self.kb, self.values)

    @cached_property
    def workups(self) -> list[rules.WorkupResult]:
        return rules.workups(self.kb, self.values, self.posterior)

    @cached_property
    def outside(self) -> rules.OutsideWarning | None:
        return rules.outside_differential(self.kb, self.values, self.states)

    def suggestions(self, top: int | None = 5, orderable_only: bool = False
                    ) -> list[suggest.Suggestion]:
        # One ranking per orderable_only, kept at the longest length asked for: a shorter
        # request (settled() asks for the best one) is a slice of it.
        cached = self._rankings.get(orderable_only)
        if cached is not None:
            longest, ranking = cached
            if longest is None or (top is not None and top <= longest):
                return ranking if top is None else ranking[:top]
        ranking = suggest.rank_tests(self.kb, self.probabilities, set(self.values),
                                     orderable_only=orderable_only, top=top)
        self._rankings[orderable_only] = (top, ranking)
        return ranking

    def settled(self, orderable_only: bool = False) -> bool:
        """True when findings are left to assess but none is expected to gain
        ``settled_below_bits`` (kb.yaml): more tests would not change this differential.
        It says nothing about whether the model fits the case (see ``outside``)."""
        best = self.suggestions(top=1, orderable_only=orderable_only)
        return bool(best) and best[0].gain_bits < self.kb.settings.settled_below_bits

    def panel(self, k: int = 3) -> list[tuple[str, float]]:
        return suggest.best_panel(self.kb, self.probabilities, set(self.values), k)


def analyse(kb: KnowledgeBase, values: Mapping[str, Any], prior: str = "prevalence") -> Analysis:
    """Analyse recorded findings (finding id -> state/alias/number) under a prior mode."""
    return Analysis(kb, dict(values), prior)
