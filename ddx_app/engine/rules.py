"""Criteria sets, red flags, ALK-style workups and the honesty warnings.

Everything evaluated here is data from the knowledge base; this module only
knows how to follow it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..knowledge.conditions import evaluate, findings_in
from ..knowledge.model import Criterion, KnowledgeBase, Mimic, RedFlag, Workup, WorkupStep


@dataclass(frozen=True)
class CriterionResult:
    entity: str
    criterion: Criterion
    met: bool | None  # None: unknown (a finding it needs is not assessed)
    missing: tuple[str, ...]  # findings it mentions that are not assessed

    @property
    def status(self) -> str:
        return {True: "met", False: "not met", None: "unknown"}[self.met]


def criteria(kb: KnowledgeBase, entity: str, values: Mapping[str, Any]) -> list[CriterionResult]:
    out = []
    for crit in kb.entities[entity].criteria:
        met = evaluate(crit.rule, values, kb.findings)
        missing = tuple(f for f in findings_in(crit.rule) if f not in values)
        out.append(CriterionResult(entity, crit, met, missing))
    return out


@dataclass(frozen=True)
class RedFlagResult:
    flag: RedFlag
    triggered_by: tuple[str, ...]  # findings of the condition that are recorded
    not_done: tuple[str, ...]  # panel findings not yet assessed


def red_flags(kb: KnowledgeBase, values: Mapping[str, Any]) -> list[RedFlagResult]:
    """Flags whose condition holds while part of their panel is still not done."""
    out = []
    for flag in kb.red_flags:
        if evaluate(flag.when, values, kb.findings) is not True:
            continue
        not_done = tuple(f for f in flag.panel if f not in values)
        if flag.panel and not not_done:
            continue
        triggered = tuple(f for f in findings_in(flag.when) if f in values)
        out.append(RedFlagResult(flag, triggered, not_done))
    return out


@dataclass(frozen=True)
class WorkupResult:
    workup: Workup
    probability: float
    path: tuple[tuple[WorkupStep, str], ...]  # steps taken and the state found at each
    next_step: WorkupStep | None  # the test to do now, if the algorithm is not finished
    conclusion: dict | None  # language map, when it is finished

    @property
    def finished(self) -> bool:
        return self.next_step is None


def follow_workup(kb: KnowledgeBase, workup: Workup, values: Mapping[str, Any],
                  probability: float) -> WorkupResult:
    step = workup.steps[workup.start]
    path = []
    for _ in range(len(workup.steps)):
        if step.finding not in values:
            return WorkupResult(workup, probability, tuple(path), step, None)
        state = kb.findings[step.finding].state_of(values[step.finding])
        path.append((step, state))
        outcome = step.on[state]
        if "conclude" in outcome:
            return WorkupResult(workup, probability, tuple(path), None, outcome["conclude"])
        step = workup.steps[outcome["next"]]
    raise AssertionError("workup loops (the loader rejects this)")  # pragma: no cover


def workups(kb: KnowledgeBase, values: Mapping[str, Any],
            probabilities: Mapping[str, float]) -> list[WorkupResult]:
    """Workups of entities whose posterior reaches the workup's threshold."""
    out = []
    for eid, entity in kb.entities.items():
        for workup in entity.workups:
            if probabilities[eid] >= workup.threshold:
                out.append(follow_workup(kb, workup, values, probabilities[eid]))
    return out


@dataclass(frozen=True)
class OutsideWarning:
    """The findings are improbable under every entity of this differential."""

    unexplained: tuple[tuple[str, str, float], ...]  # (finding, state, best P over entities)
    mean_loglik: float | None  # best entity's mean log-likelihood per observed finding
    mimics: tuple[Mimic, ...]
    matched_mimics: tuple[str, ...]  # ids of mimics whose suggested_by conditions hold


def outside_differential(kb: KnowledgeBase, values: Mapping[str, Any],
                         states: Mapping[str, str], post: Sequence[float]) -> OutsideWarning | None:
    """See the module docs of the knowledge base README (engine.outside)."""
    s = kb.settings
    unexplained = []
    for fid, state in states.items():
        best = max(math.exp(v) for v in kb.loglik[fid][state])
        if best < s.improbable_below:
            unexplained.append((fid, state, best))
    mean = None
    if len(states) >= 3:
        leader = max(range(len(post)), key=post.__getitem__)
        mean = math.fsum(kb.loglik[f][st][leader] for f, st in states.items()) / len(states)
    if len(unexplained) < s.min_unexplained and (mean is None or mean >= s.mean_loglik_below):
        return None
    matched = tuple(
        m.id for m in kb.mimics
        if any(evaluate(c, values, kb.findings) is True for c in m.suggested_by)
    )
    ordered = tuple(sorted(kb.mimics, key=lambda m: m.id not in matched))
    return OutsideWarning(tuple(unexplained), mean, ordered, matched)
