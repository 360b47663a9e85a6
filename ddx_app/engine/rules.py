"""Criteria sets, red flags, ALK-style workups and the honesty warnings.

Everything evaluated here is data from the knowledge base; this module only
knows how to follow it.
"""

# NamedTuple fields: annotations evaluated, not postponed (see knowledge/model.py).

import math
from collections.abc import Mapping
from typing import Any, NamedTuple

from ..i18n import gettext
from ..knowledge.conditions import evaluate, findings_in
from ..knowledge.model import (
    Criterion,
    KnowledgeBase,
    Mimic,
    OutsidePattern,
    RedFlag,
    Workup,
    WorkupStep,
    text,
)
from .terms import Terms


class CriterionResult(NamedTuple):
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


class RedFlagResult(NamedTuple):
    flag: RedFlag
    triggered_by: tuple[str, ...]  # findings of the condition that are recorded
    not_done: tuple[str, ...]  # panel findings not yet assessed
    resolved_by: tuple[str, ...] = ()  # recorded findings that resolve it (when resolved)
    resolved: bool = False


def red_flags(kb: KnowledgeBase, values: Mapping[str, Any],
              probabilities: Mapping[str, float] | None = None) -> list[RedFlagResult]:
    """Every flag whose condition holds, active or resolved, in knowledge-base order.

    A flag is *resolved* when its ``resolved_when`` condition holds or its whole panel
    (if it has one) is done. A flag ``about`` an entity is left out (silent) while that
    entity's probability is below ``engine.flag_silent_below``.
    """
    out = []
    silent_below = kb.settings.flag_silent_below
    for flag in kb.red_flags:
        if evaluate(flag.when, values, kb.findings) is not True:
            continue
        if flag.about is not None and flag.about not in kb.entities:
            continue  # about an entity outside the scope ranked
        if flag.about is not None and probabilities is not None and \
                probabilities.get(flag.about, 1.0) < silent_below:
            continue
        not_done = tuple(f for f in flag.panel if f not in values)
        triggered = tuple(f for f in findings_in(flag.when) if f in values)
        by: tuple[str, ...] = ()
        resolved = True
        if flag.resolved_when is not None and \
                evaluate(flag.resolved_when, values, kb.findings) is True:
            by = _witnesses(flag.resolved_when, values, kb)
        elif flag.panel and not not_done:
            by = flag.panel
        else:
            resolved = False
        out.append(RedFlagResult(flag, triggered, not_done, by, resolved))
    return out


def _witnesses(cond: dict, values: Mapping[str, Any], kb: KnowledgeBase) -> tuple[str, ...]:
    """The recorded findings that make a (true) condition true: for ``any`` only the
    branches that hold, for ``all`` every branch."""
    if "finding" in cond:
        return (cond["finding"],) if cond["finding"] in values else ()
    if "not" in cond:
        return tuple(f for f in findings_in(cond["not"]) if f in values)
    branches = cond.get("all") or cond.get("any") or cond.get("of") or ()
    if "all" not in cond:
        branches = [c for c in branches if evaluate(c, values, kb.findings) is True]
    seen: list[str] = []
    for sub in branches:
        seen += [f for f in _witnesses(sub, values, kb) if f not in seen]
    return tuple(seen)


class UrgentResult(NamedTuple):
    """An emergency in the differential: the fields the alerts list reads."""

    id: str
    entity: str
    title: dict
    message: dict
    level: str
    probability: float
    leads: bool
    panel: tuple[str, ...]  # tests that settle it, not yet done
    triggered_by: tuple[str, ...]
    resolves: dict | None
    provenance: "object"


def urgent(kb: KnowledgeBase, values: Mapping[str, Any], ranking) -> tuple[UrgentResult, ...]:
    """Entities with an ``urgency`` that lead the differential or reach its threshold,
    most probable first. The warning stays while it holds: an emergency is excluded by
    findings that lower its probability, not by a panel being done."""
    out = []
    for i, r in enumerate(ranking):
        u = kb.entities[r.entity].urgency
        if u is None or (i > 0 and r.probability < u.threshold):
            continue
        out.append(UrgentResult(
            id=r.entity, entity=r.entity, title=u.title, message=u.message, level="critical",
            probability=r.probability, leads=i == 0,
            panel=tuple(f for f in u.panel if f not in values),
            triggered_by=(), resolves=u.resolves, provenance=u.provenance))
    return tuple(out)


class WorkupResult(NamedTuple):
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
    path: list[tuple[WorkupStep, str]] = []
    for _ in range(len(workup.steps)):
        if step.finding not in values:
            return WorkupResult(workup, probability, tuple(path), step, None)
        state = kb.findings[step.finding].state_of(values[step.finding])
        path.append((step, state))
        outcome = step.outcomes[state]
        if "conclude" in outcome:
            return WorkupResult(workup, probability, tuple(path), None, outcome["conclude"])
        step = workup.steps[outcome["next"]]
    raise AssertionError("workup loops (the loader rejects this)")  # pragma: no cover


def workups(kb: KnowledgeBase, values: Mapping[str, Any],
            probabilities: Mapping[str, float]) -> list[WorkupResult]:
    """Workups of entities whose posterior reaches the workup's threshold and whose
    ``when`` condition (if any) is met: an ALK stain is asked for once there is a spindle
    cell proliferation to stain, not on clinical data alone."""
    out = []
    for eid, entity in kb.entities.items():
        for workup in entity.workups:
            if workup.when is not None and evaluate(workup.when, values, kb.findings) is not True:
                continue
            if probabilities[eid] >= workup.threshold:
                out.append(follow_workup(kb, workup, values, probabilities[eid]))
    return out


class OutsideWarning(NamedTuple):
    """The findings are atypical for every entity of this differential."""

    best_fit: str  # the entity the findings fit least badly
    z: float  # its typicality score (see outside_differential)
    unexplained: tuple[tuple[str, str, float], ...]  # (finding, state, P(state | best fit))
    mimics: tuple[Mimic, ...]
    matched_mimics: tuple[str, ...]  # ids of mimics whose suggested_by conditions hold
    patterns: tuple[OutsidePattern, ...] = ()  # KB patterns no entity shows, that hold
    atypical: bool = True  # the typicality score alone is below the threshold
    # entities outside a restricted scope that lead when every entity is ranked:
    # (entity id, its probability among all the knowledge base's entities)
    outside_scope: tuple[tuple[str, float], ...] = ()

    @property
    def explanation(self) -> str:
        """:meth:`explanation_in` English."""
        return self.explanation_in("en")

    def explanation_in(self, lang: str = "en") -> str:
        """Why the findings may lie outside the differential, in ``lang``: the knowledge
        base's patterns that hold, a left-out entity that fits better, the typicality."""
        parts = [text(p.message, lang) for p in self.patterns]
        if self.outside_scope and not parts and not self.atypical:
            parts.append(gettext("An entity outside the scope ranked fits these findings "
                                 "better than any entity inside it (listed below).", lang))
        if self.atypical:
            parts.append(gettext(
                "Even the best-fitting entity explains these findings poorly: the findings "
                "that argue against it are {sd} standard deviations less likely than in a "
                "typical case of that entity.", lang, sd=f"{abs(self.z):.1f}"))
        return gettext(" ", lang).join(parts)


def typicality(kb: KnowledgeBase, states: Mapping[str, str],
               weights: Mapping[str, float] | None = None) -> list[float]:
    """Per entity, how typical the observed findings are for a case of that entity.

    z(e) = (L(e) - E[L | e]) / SD[L | e], where L(e) = sum of log P(state | e) over the
    observed findings that e does *not* explain best, and the expectation and spread
    are taken over the states each of those findings could have shown in a case of e.
    A finding that e explains better than every other entity (ALK+ for IMT, however
    rare) is evidence for e, not for something outside the differential, so it is
    left out of e's score. A z far below 0 means findings that argue against e are
    surprising even for e. ``weights`` (dependence discounts, default 1) scale each
    finding's term, its expectation and (squared) its variance, as the posterior does.
    """
    n = len(kb.entity_ids)
    moments = _moments(kb)
    observed = [0.0] * n
    mean = [0.0] * n
    var = [0.0] * n
    for fid, state in states.items():
        row = kb.loglik[fid][state]
        best = max(row)
        m, v = moments[fid]
        w = 1.0 if weights is None else weights.get(fid, 1.0)
        for i in range(n):
            if row[i] < best:
                observed[i] += w * row[i]
                mean[i] += w * m[i]
                var[i] += w * w * v[i]
    return [(o - m) / math.sqrt(v) if v > 1e-12 else 0.0
            for o, m, v in zip(observed, mean, var)]


def _moments(kb: KnowledgeBase) -> dict[str, tuple[tuple[float, ...], tuple[float, ...]]]:
    """Per finding and entity, mean and variance of log P(state | e) over the states a case
    of e would show; fixed for a KB, so computed once and kept on it."""
    return kb.derived("typicality_moments", _compute_moments)


def _compute_moments(kb: KnowledgeBase) -> dict[str, tuple[tuple[float, ...], tuple[float, ...]]]:
    table = {}
    for fid, rows in kb.loglik.items():
        means, variances = [], []
        for i in range(len(kb.entity_ids)):
            logs = [rows[s][i] for s in kb.findings[fid].states]  # exclusive states only
            ps = [math.exp(v) for v in logs]
            total = math.fsum(ps)
            m = math.fsum(p * v for p, v in zip(ps, logs)) / total
            m2 = math.fsum(p * v * v for p, v in zip(ps, logs)) / total
            means.append(m)
            variances.append(max(m2 - m * m, 0.0))
        table[fid] = (tuple(means), tuple(variances))
    return table


def outside_differential(kb: KnowledgeBase, values: Mapping[str, Any],
                         terms: "Terms", prior: str = "prevalence") -> OutsideWarning | None:
    """Warn when the findings are atypical for every entity (max typicality z < threshold).

    Needs at least ``min_findings`` observed findings; thresholds come from kb.yaml
    (engine.outside). The findings listed are those the best-fitting entity
    explains worst (P below ``improbable_below``).
    """
    s = kb.settings
    states = {f.finding: f.state for f in terms.scored}
    patterns = tuple(p for p in s.outside_patterns
                     if not any(e in kb.entities for e in p.explained_by)
                     and evaluate(p.when, values, kb.findings) is True)
    better = _better_outside_scope(kb, values, prior)
    # under a scope, an entity left out that the whole KB puts first (kb.yaml
    # engine.outside.left_out_leads_at_least) is reason enough: the ranking shown is among
    # the wrong entities
    left_out_leads = bool(better) and better[0][1] >= s.left_out_leads_at_least
    if len(states) < s.min_findings and not patterns and not left_out_leads:
        return None
    z = typicality(kb, states, {f.finding: f.weight for f in terms.scored})
    best = max(range(len(z)), key=z.__getitem__)
    atypical = len(states) >= s.min_findings and z[best] < s.typicality_z_below
    if not atypical and not patterns and not left_out_leads:
        return None
    unexplained = sorted(
        ((fid, st, math.exp(kb.loglik[fid][st][best])) for fid, st in states.items()
         if math.exp(kb.loglik[fid][st][best]) < s.improbable_below),
        key=lambda item: item[2])
    matched = tuple(
        m.id for m in kb.mimics
        if any(evaluate(c, values, kb.findings) is True for c in m.suggested_by)
    )
    ordered = tuple(sorted(kb.mimics, key=lambda m: m.id not in matched))
    return OutsideWarning(kb.entity_ids[best], z[best], tuple(unexplained), ordered, matched,
                          patterns, atypical, better)


def _better_outside_scope(kb: KnowledgeBase, values: Mapping[str, Any],
                          prior: str) -> tuple[tuple[str, float], ...]:
    """Under a scope, the entities it leaves out that the whole knowledge base ranks above
    every entity of the scope (at most three): where to look first."""
    if kb.whole is kb:
        return ()
    from .analysis import analyse  # the whole KB's ranking, computed only for a warning

    ranking = analyse(kb.whole, values, prior).ranking
    best_inside = max(r.probability for r in ranking if r.entity in kb.entities)
    return tuple((r.entity, r.probability) for r in ranking
                 if r.entity not in kb.entities and r.probability > best_inside)[:3]
