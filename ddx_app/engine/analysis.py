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
from . import alerts, explain, rules, suggest
from .alerts import Alert
from .explain import PairwiseFinding
from .posterior import normalise, observed_states
from .terms import ExclusionResult, Terms, UnscoredFinding, build_terms, log_scores


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
        self.terms: Terms = build_terms(kb, self.values, self.states, prior)
        self.probabilities: list[float] = normalise(log_scores(kb, self.terms))
        self._explanations: dict[tuple[str, str | None], list[explain.Contribution]] = {}
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

    def rival(self, entity: str) -> str | None:
        """The entity an explanation of ``entity`` weighs it against: the leader, or for
        the leader the runner-up (None when the knowledge base holds one entity)."""
        if len(self.ranking) < 2:
            return None
        first, second = self.ranking[0].entity, self.ranking[1].entity
        return second if entity == first else first

    def explain(self, entity: str, rival: str | None = None) -> list[explain.Contribution]:
        """Each scored finding's weight for ``entity`` against ``rival`` (default: its
        strongest rival, see :meth:`rival`), strongest first."""
        rival = rival or self.rival(entity)
        key = (entity, rival)
        if key not in self._explanations:
            self._explanations[key] = explain.contributions(
                self.kb, entity, rival, self.values, self.terms)
        return self._explanations[key]

    def group_totals(self, entity: str, rival: str | None = None) -> dict[str, float]:
        """What each dependence group with two or more recorded findings contributes
        together: the weighted sum of its members' weights against the rival."""
        totals: dict[str, float] = {}
        counts: dict[str, int] = {}
        for c in self.explain(entity, rival):
            if c.group:
                totals[c.group] = totals.get(c.group, 0.0) + c.llr
                counts[c.group] = counts.get(c.group, 0) + 1
        return {g: v for g, v in totals.items() if counts[g] > 1}

    def compare(self, a: str, b: str) -> list[PairwiseFinding]:
        """The recorded findings that separate entity ``a`` from ``b``, strongest first."""
        return explain.pairwise(self.kb, a, b, self.terms)

    @property
    def exclusions(self) -> tuple[ExclusionResult, ...]:
        """Published exclusion criteria met by the recorded findings."""
        return self.terms.exclusions

    @cached_property
    def urgent(self) -> tuple[rules.UrgentResult, ...]:
        """Emergencies (entity ``urgency``) that lead or reach their threshold."""
        return rules.urgent(self.kb, self.values, self.ranking)

    @property
    def unscored(self) -> tuple[UnscoredFinding, ...]:
        """Recorded findings that do not enter the ranking (context, not applicable)."""
        return self.terms.unscored

    def odds(self, a: str, b: str) -> float:
        """Posterior odds of ``a`` over ``b`` (inf when b's probability underflows)."""
        pa, pb = self.posterior[a], self.posterior[b]
        return pa / pb if pb > 0 else math.inf

    def criteria(self, entity: str) -> list[rules.CriterionResult]:
        return rules.criteria(self.kb, entity, self.values)

    @cached_property
    def red_flags(self) -> list[rules.RedFlagResult]:
        """The red flags still active (see :attr:`red_flag_results` for resolved ones)."""
        return [r for r in self.red_flag_results if not r.resolved]

    @cached_property
    def red_flag_results(self) -> list[rules.RedFlagResult]:
        """Every red flag that applies, active or resolved (those silenced left out)."""
        return rules.red_flags(self.kb, self.values, self.posterior)

    @cached_property
    def alerts(self) -> list[Alert]:
        """Every warning the front ends show, most urgent first (engine/alerts.py)."""
        return alerts.build_alerts(self)

    def alerts_in(self, lang: str) -> list[Alert]:
        """:attr:`alerts` with the knowledge base's texts in another language."""
        return self.alerts if lang == "en" else alerts.build_alerts(self, lang)

    @cached_property
    def workups(self) -> list[rules.WorkupResult]:
        return rules.workups(self.kb, self.values, self.posterior)

    @cached_property
    def outside(self) -> rules.OutsideWarning | None:
        return rules.outside_differential(self.kb, self.values, self.terms, self.prior)

    def suggestions(self, top: int | None = 5, orderable_only: bool = False
                    ) -> list[suggest.Suggestion]:
        # One ranking per orderable_only, kept at the longest length asked for: a shorter
        # request (settled() asks for the best one) is a slice of it.
        cached = self._rankings.get(orderable_only)
        if cached is not None:
            longest, ranking = cached
            if longest is None or (top is not None and top <= longest):
                return ranking if top is None else ranking[:top]
        ranking = suggest.rank_tests(self.kb, self.probabilities, self._not_candidates,
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
        return suggest.best_panel(self.kb, self.probabilities, self._not_candidates, k)

    @cached_property
    def _not_candidates(self) -> set[str]:
        """Findings a next-best-test list skips: those recorded, and context findings
        (they never move the ranking)."""
        return set(self.values) | {f for f, x in self.kb.findings.items() if x.is_context}


def analyse(kb: KnowledgeBase, values: Mapping[str, Any], prior: str = "prevalence") -> Analysis:
    """Analyse recorded findings (finding id -> state/alias/number) under a prior mode."""
    return Analysis(kb, dict(values), prior)
