"""What the engine scores for one case: the prior of the population, and each
recorded finding with the weight its dependence group leaves it.

The posterior is

    log P(e | F) = log prior(e | preset, context)
                   + sum over scored findings f of  w_f * log P(state_f | e)
                   + log(exclusion_factor)  for each published exclusion of e that is met
                   - log Z

* **One population.** The entities' prevalence values describe the knowledge base's
  default population (kb.yaml ``priors``). A preset names another population by the
  findings it *assumes* (a child: age 0-17; an inflammatory lesion without a mass:
  no spindle cell proliferation), by factors on prevalence (an endemic region) or as
  uniform. An assumed finding enters the prior only while the case has not recorded
  that finding: what the pathologist records replaces the assumption, so no finding
  is counted twice.
* **Context, not lesion evidence.** Findings with ``role: context`` (the thickened
  basement membrane of the surrounding mucosa, the patient's residence in an endemic
  region) never enter the likelihood. A preset's ``selected_by`` condition lets a
  context finding change the prior instead (exposure in an endemic region applies the
  endemic preset's factors): a change of population, bounded by that preset, not a
  likelihood ratio.
* **Nested findings.** A finding with ``applies_if`` (fascicular growth needs a
  spindle cell proliferation) is not scored when its condition is false.
* **Dependent findings.** Findings in one dependence group share a cause beyond the
  entity (SMA, MSA and desmin all read the myoid phenotype), so multiplying their
  likelihoods overcounts (Hand & Yu 2001). The method is set in kb.yaml:

  - ``ordered_discount`` (bundled): the group's recorded findings are ordered by how
    strongly their result separates the entities (the spread of log P(state | e)
    across entities); the strongest counts fully and each next one is weighted
    (1 - rho)^k, rho the group's correlation and k the summed agreement (cosine of the
    centred log-likelihood rows) with the findings before it. Concordant results are
    discounted like repeats ((1 - rho)^i for i earlier identical ones), discordant ones
    (S100+ with SOX10-) keep their weight, a near-neutral extra stain cannot dilute a
    decisive one, and four concordant melanocytic stains count about as much as two
    independent ones.
  - ``design_effect``: every recorded member weighted 1 / (1 + (k - 1) rho), Kish's
    effective sample size for k equicorrelated observations.
  - ``independent``: weight 1 (plain naive Bayes).

  Weights depend only on what was recorded, not on the entity, so each finding keeps
  one weight and explanations stay per finding.
* **Exclusions.** A published exclusion criterion that is met (ACR/EULAR 2019: ALK
  positivity or an ALK/ROS1 fusion excludes IgG4-related disease) multiplies the
  entity's score by ``engine.exclusion_factor`` - small but not zero, because the
  excluding result can itself be wrong - and is reported as a critical warning.
"""

# NamedTuple fields: annotations evaluated, not postponed (see knowledge/model.py).

import math
from collections.abc import Mapping
from typing import Any, NamedTuple

from ..knowledge.conditions import evaluate, findings_in
from ..knowledge.model import Exclusion, KnowledgeBase


class ScoredFinding(NamedTuple):
    finding: str
    state: str
    weight: float  # dependence discount: 1.0 for an independent finding
    group: str | None  # dependence group id


class UnscoredFinding(NamedTuple):
    finding: str
    state: str
    reason: str  # "context" | "not_applicable" | "preset"


class ExclusionResult(NamedTuple):
    entity: str
    criterion: Exclusion
    triggered_by: tuple[str, ...]  # the recorded findings of its rule


class Terms(NamedTuple):
    prior: str  # the prior asked for (a preset id, "prevalence" or "uniform")
    presets_applied: tuple[str, ...]  # presets whose factors apply (asked for, or selected_by)
    log_prior: tuple[float, ...]  # normalised, in kb.entity_ids order, assumptions included
    assumed: tuple[tuple[str, str], ...]  # (finding, state) assumed by the preset
    overridden: tuple[tuple[str, str, str], ...]  # (finding, assumed, recorded) where they differ
    scored: tuple[ScoredFinding, ...]
    unscored: tuple[UnscoredFinding, ...]
    exclusions: tuple[ExclusionResult, ...]

    def weight(self, finding: str) -> float:
        for s in self.scored:
            if s.finding == finding:
                return s.weight
        return 0.0


def _logsumexp_normalise(logs: list[float]) -> tuple[float, ...]:
    top = max(logs)
    total = math.log(math.fsum(math.exp(v - top) for v in logs)) + top
    return tuple(v - total for v in logs)


def prior_terms(kb: KnowledgeBase, values: Mapping[str, Any], states: Mapping[str, str],
                prior: str):
    """(log prior, presets applied, assumed, overridden, findings the presets ignore)."""
    if prior not in kb.log_priors:
        raise ValueError(f"unknown prior {prior!r} (expected one of {', '.join(kb.prior_names)})")
    logs = list(kb.log_priors[prior])
    chosen = kb.preset(prior)
    applied: list[str] = [chosen.id] if chosen is not None else []
    ignores: set[str] = set(chosen.ignores) if chosen is not None else set()
    uniform = chosen is None or chosen.uniform
    if not uniform:
        for preset in kb.presets.values():
            if preset.id in applied or not preset.selected_by or not preset.factors:
                continue
            if evaluate(preset.selected_by, values, kb.findings) is True:
                applied.append(preset.id)
                ignores.update(preset.ignores)
                for i, eid in enumerate(kb.entity_ids):
                    logs[i] += math.log(preset.factors.get(eid, 1.0))
    assumed, overridden = [], []
    for fid, state in (chosen.assumes if chosen is not None else ()):
        if fid in states:
            if states[fid] != state:
                overridden.append((fid, state, states[fid]))
            continue
        assumed.append((fid, state))
        row = kb.loglik[fid][state]
        logs = [v + r for v, r in zip(logs, row)]
    return _logsumexp_normalise(logs), tuple(applied), tuple(assumed), tuple(overridden), ignores


def dependence_weights(kb: KnowledgeBase, states: Mapping[str, str]) -> dict[str, float]:
    """Weight of each recorded finding that belongs to a dependence group."""
    method = kb.settings.dependence_method
    weights: dict[str, float] = {}
    if method == "independent":
        return weights
    for group in kb.dependence_groups:
        members = [f for f in group.findings if f in states]
        if len(members) < 2:
            continue
        rho = group.correlation
        if method == "design_effect":
            w = 1.0 / (1.0 + (len(members) - 1) * rho)
            weights.update({f: w for f in members})
            continue
        weights.update(_ordered_discount(kb, members, states, rho))
    return weights


def _ordered_discount(kb: KnowledgeBase, members: list[str], states: Mapping[str, str],
                      rho: float) -> dict[str, float]:
    """Strongest separator first (spread of log P(state | e) across entities); each next
    finding is discounted by (1 - rho) for every earlier one it *agrees* with.

    Agreement is the cosine of the two findings' centred log-likelihood rows: results that
    point to the same entities (S100+ and SOX10+ both to melanoma and schwannoma) say the
    same thing twice; results that point apart (S100+ with SOX10-, the profile of
    biphenotypic sinonasal sarcoma) are not redundant, and keep their weight.
    """
    rows = {}
    for fid in members:
        row = kb.loglik[fid][states[fid]]
        mean = math.fsum(row) / len(row)
        centred = [v - mean for v in row]
        norm = math.sqrt(math.fsum(v * v for v in centred))
        rows[fid] = (centred, norm, max(row) - min(row))
    ranked = sorted(members, key=lambda f: (-rows[f][2], f))
    weights = {}
    for i, fid in enumerate(ranked):
        a, na, _ = rows[fid]
        overlap = 0.0
        for earlier in ranked[:i]:
            b, nb, _ = rows[earlier]
            if na > 0 and nb > 0:
                overlap += max(0.0, math.fsum(x * y for x, y in zip(a, b)) / (na * nb))
        weights[fid] = (1.0 - rho) ** overlap
    return weights


def build_terms(kb: KnowledgeBase, values: Mapping[str, Any], states: Mapping[str, str],
                prior: str) -> Terms:
    """Everything the posterior is made of, for one case under one prior."""
    log_prior, applied, assumed, overridden, ignores = prior_terms(kb, values, states, prior)
    candidates: dict[str, str] = {}
    unscored: list[UnscoredFinding] = []
    for fid, state in states.items():
        finding = kb.findings[fid]
        if finding.is_context:
            unscored.append(UnscoredFinding(fid, state, "context"))
        elif fid in ignores:
            unscored.append(UnscoredFinding(fid, state, "preset"))
        elif finding.applies_if and evaluate(finding.applies_if, values, kb.findings) is False:
            unscored.append(UnscoredFinding(fid, state, "not_applicable"))
        else:
            candidates[fid] = state
    weights = dependence_weights(kb, candidates)
    scored = tuple(
        ScoredFinding(fid, state, weights.get(fid, 1.0),
                      kb.group_of[fid].id if fid in kb.group_of else None)
        for fid, state in candidates.items())
    exclusions = []
    for eid, entity in kb.entities.items():
        for excl in entity.exclusions:
            if evaluate(excl.rule, values, kb.findings) is True:
                triggered = tuple(f for f in findings_in(excl.rule) if f in values)
                exclusions.append(ExclusionResult(eid, excl, triggered))
    return Terms(prior, applied, log_prior, assumed, overridden, scored, tuple(unscored),
                 tuple(exclusions))


def log_scores(kb: KnowledgeBase, terms: Terms) -> list[float]:
    """Unnormalised log posterior per entity, in ``kb.entity_ids`` order."""
    if len(kb.entity_ids) >= VECTOR_FROM:
        return _log_scores_vector(kb, terms)
    acc = list(terms.log_prior)
    loglik = kb.loglik
    for s in sorted(terms.scored):  # a fixed order makes float sums independent of input order
        row = loglik[s.finding][s.state]
        w = s.weight
        acc = [a + w * r for a, r in zip(acc, row)] if w != 1.0 else \
            [a + r for a, r in zip(acc, row)]
    return _apply_exclusions(kb, terms, acc)


def _apply_exclusions(kb: KnowledgeBase, terms: Terms, acc: list[float]) -> list[float]:
    if terms.exclusions:
        penalty = math.log(kb.settings.exclusion_factor)
        index = {e: i for i, e in enumerate(kb.entity_ids)}
        for entity in {x.entity for x in terms.exclusions}:
            acc[index[entity]] += penalty
    return acc


VECTOR_FROM = 200  # entities; below this plain Python beats NumPy's call overhead


def _loglik_arrays(kb: KnowledgeBase) -> dict:
    import numpy as np

    return {f: {s: np.array(v) for s, v in by_state.items()} for f, by_state in kb.loglik.items()}


def _log_scores_vector(kb: KnowledgeBase, terms: Terms) -> list[float]:
    """The same sum with NumPy rows, for large knowledge bases."""
    import numpy as np

    rows = kb.derived("loglik_arrays", _loglik_arrays)
    acc = np.array(terms.log_prior)
    for s in sorted(terms.scored):
        acc += s.weight * rows[s.finding][s.state]
    return _apply_exclusions(kb, terms, acc.tolist())
