"""Practice cases drawn from the knowledge base (``ddx practice``), reproducibly.

The entities are assigned with ``random.Random(seed)`` (every entity in turn, shuffled
within each round) and case ``i`` is drawn with its own ``random.Random("ddx-practice:
<seed>:<i>")``: the same seed, entity filter and knowledge base give the same files, byte
for byte, and case ``i`` does not change with ``--count``.

**Which findings are recorded.** A real case records what is usually looked at, not
every finding of the catalogue. Which ones is knowledge-base data (kb.yaml ``practice``,
:class:`~ddx_app.knowledge.model.PracticeSettings`; the bundled values in brackets):

* always: ``always_shown`` (age, sex and whether there is a spindle cell proliferation,
  the question that opens this differential), where the knowledge base has them;
* a few more findings of each group that is not orderable (``picture_counts``: 2-4
  clinical, 3-5 H&E, 1-3 inflammatory; ``default_count`` for a group it does not name),
  picked without replacement with weights
  ``0.05 + KL(P(.|e) || Q)``, Q the prevalence-weighted mixture of the other entities:
  what is characteristic of ``e`` (present or absent) is what a report mentions;
* a typical panel: the stains and tests the engine's best panel of 2-4 picks from the
  picture drawn so far (blind to ``e``: the differential the picture raises), plus one
  confirmatory stain or test that best separates ``e`` from its closest rival on that
  picture (Jeffreys divergence; a second one half the time): what a pathologist who
  suspects ``e`` adds.

A finding that does not apply given the states drawn (``applies_if``) is not recorded.

**How states are drawn (the sampler).** Every state is drawn from P(s | e) as the engine
uses it (clipped into [floor, 1 - floor], renormalised), by the inverse of its cumulative
distribution at a uniform number u, the states ordered from the negative end (absent,
negative) to the positive end (present, positive; focal before diffuse; bins ascending).
Findings of one dependence group (kb.yaml ``dependence.groups``, correlation rho) share
a latent uniform ``U_g`` drawn once per case: each member takes ``u = U_g`` with
probability sqrt(rho) and a fresh uniform otherwise. So

* every finding's marginal is exactly P(s | e) (u is uniform either way), and
* two members of a group use the same ``U_g`` with probability rho; when they do their
  states agree in quantile (both at the positive end, or both at the negative end),
  otherwise they are independent given e. For two findings with equal marginals the
  correlation (phi) of their states is exactly rho; for unequal marginals it is rho
  times the largest correlation those marginals allow.

This is the "first member from P(state | entity), later members agree with probability
related to the group's correlation" scheme made order-free and marginal-preserving: the
melanocytic stains of a melanoma come out concordant about as often as the group's 0.6
says, not independently (which would make four-stain discordance common) nor always
together.

**Numbers.** A numeric finding gets a whole number inside the bin drawn; the open-ended
last bin is cut at ``LAST_BIN_SPAN`` times the width of the bin before it (age 60-84,
Ki-67 30-54 %), and no lower than kb.yaml ``practice.sampled_minimum`` (age from 1 year).

Each case carries ``teaching.answer``, a short generated ``teaching.history`` (age, sex
and the findings of one group in words, naming no entity: kb.yaml ``practice.history``,
a language map for each sentence), an explanation built from the entity's key features
and pitfalls, and a note naming the generator, seed and knowledge base version (words of
the program: :func:`ddx_app.i18n.gettext`, catalogue ``practice.<lang>.yaml``). File
names, case ids and titles are neutral (``practice-s7-001``).

The numeric constants below are the sampler's design, not medical facts.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from .case import Case, case_to_yaml
from .i18n import gettext
from .knowledge.conditions import evaluate
from .knowledge.model import KnowledgeBase, text

GENERATOR = "ddx practice"
SAMPLER_VERSION = 1  # bump when the same seed and knowledge base would give other cases
PANEL_SIZES = (2, 4)  # fewest and most stains of the engine's panel from the picture
SECOND_CONFIRMATORY = 0.5  # chance of a second confirmatory stain
BASE_WEIGHT = 0.05  # added to every finding's weight: an uninformative one can be drawn
LAST_BIN_SPAN = 1.25  # the open last bin is cut at this times the width of the one before
# a parenthetical gloss in a finding's label, left out of the history (ASCII or full-width)
_GLOSS = re.compile(r"\s*[(（][^)）]*[)）]")


# -- distributions -----------------------------------------------------------------------
def state_order(kb: KnowledgeBase, finding: str) -> tuple[str, ...]:
    """States from the negative to the positive end (bins ascending)."""
    f = kb.findings[finding]
    if f.bins:
        return tuple(b.id for b in f.bins)
    negative = [s for s in f.states if s in kb.pertinent_negative_states]
    return tuple(negative + [s for s in f.states if s not in negative])


def distribution(kb: KnowledgeBase, entity: str, finding: str) -> list[tuple[str, float]]:
    """P(s | entity) as the engine uses it (clipped, renormalised), in state order."""
    states = state_order(kb, finding)
    probs = [kb.likelihood(entity, finding, s) for s in states]
    total = math.fsum(probs)
    return [(s, p / total) for s, p in zip(states, probs)]


def _mixture(kb: KnowledgeBase, entity: str, finding: str) -> list[float]:
    """P(s) under the prevalence-weighted mixture of the entities other than ``entity``."""
    others = [e for e in kb.entity_ids if e != entity]
    weights = [kb.entities[e].prevalence for e in others]
    total = math.fsum(weights) or 1.0
    rows = [[p for _s, p in distribution(kb, e, finding)] for e in others]
    return [math.fsum(w * row[i] for w, row in zip(weights, rows)) / total
            for i in range(len(rows[0]))] if rows else []


def informativeness(kb: KnowledgeBase, entity: str, finding: str) -> float:
    """KL(P(. | entity) || mixture of the others), nats: how characteristic the finding is."""
    own = [p for _s, p in distribution(kb, entity, finding)]
    mix = _mixture(kb, entity, finding)
    if not mix:
        return 0.0
    return math.fsum(p * math.log(p / q) for p, q in zip(own, mix) if p > 0 and q > 0)


def jeffreys(kb: KnowledgeBase, a: str, b: str, finding: str) -> float:
    """Jeffreys divergence between P(. | a) and P(. | b) for one finding (nats)."""
    pa = [p for _s, p in distribution(kb, a, finding)]
    pb = [p for _s, p in distribution(kb, b, finding)]
    return math.fsum((x - y) * math.log(x / y) for x, y in zip(pa, pb))


def _inverse_cdf(dist: list[tuple[str, float]], u: float) -> str:
    acc = 0.0
    for state, p in dist:
        acc += p
        if u < acc:
            return state
    return dist[-1][0]


def _weighted_pick(rng: random.Random, items: Sequence[str], weights: Sequence[float],
                   k: int) -> list[str]:
    """k items without replacement, chance proportional to weight (Efraimidis-Spirakis)."""
    keys = [(rng.random() ** (1.0 / w), item) for item, w in zip(items, weights)]
    keys.sort(key=lambda t: (-t[0], t[1]))
    return [item for _key, item in keys[:k]]


class _Sampler:
    """States for one case: group uniforms shared as described in the module docstring."""

    def __init__(self, kb: KnowledgeBase, entity: str, rng: random.Random):
        self.kb, self.entity, self.rng = kb, entity, rng
        self.shared = {g.id: rng.random() for g in kb.dependence_groups}

    def uniform(self, finding: str) -> float:
        group = self.kb.group_of.get(finding)
        coupled = self.rng.random()  # drawn for every finding: one stream whatever the groups
        fresh = self.rng.random()
        if group is not None and coupled < math.sqrt(max(group.correlation, 0.0)):
            return self.shared[group.id]
        return fresh

    def value(self, finding: str) -> Any:
        state = _inverse_cdf(distribution(self.kb, self.entity, finding),
                             self.uniform(finding))
        f = self.kb.findings[finding]
        if not f.is_numeric:
            return state
        return _number_in_bin(self.kb, finding, state, self.rng)


def _number_in_bin(kb: KnowledgeBase, finding: str, state: str, rng: random.Random) -> int:
    f = kb.findings[finding]
    bins = list(f.bins)
    i = next(i for i, b in enumerate(bins) if b.id == state)
    lo, hi = bins[i].lo, bins[i].hi
    if i == len(bins) - 1 and i > 0:
        hi = min(hi, lo + LAST_BIN_SPAN * (bins[i - 1].hi - bins[i - 1].lo))
    low = math.ceil(lo)
    least = kb.practice.sampled_minimum.get(finding)
    if least is not None:
        low = max(low, math.ceil(least))
    high = max(low, math.ceil(hi) - 1)  # bins are half-open [lo, hi)
    return rng.randint(low, high)


# -- one case ----------------------------------------------------------------------------
def _applies(kb: KnowledgeBase, finding: str, values: dict[str, Any]) -> bool:
    cond = kb.findings[finding].applies_if
    return cond is None or evaluate(cond, values, kb.findings) is not False


def _draw(kb: KnowledgeBase, sampler: _Sampler, chosen: list[str], values: dict[str, Any]
          ) -> None:
    for fid in kb.findings:  # knowledge-base order: applies_if parents come first
        if fid in chosen and fid not in values and _applies(kb, fid, values):
            values[fid] = sampler.value(fid)


def draw_findings(kb: KnowledgeBase, entity: str, rng: random.Random) -> dict[str, Any]:
    """The recorded findings of one practice case of ``entity`` (see the module docstring)."""
    from .engine import analyse

    settings = kb.practice
    sampler = _Sampler(kb, entity, rng)
    picture_groups = [g for g in kb.groups.values() if not g.orderable]
    chosen = [f for f in settings.always_shown if f in kb.findings]
    for group in picture_groups:
        lo, hi = settings.picture_counts.get(group.id, settings.default_count)
        pool = [f for f in group.finding_ids if f not in chosen]
        weights = [BASE_WEIGHT + informativeness(kb, entity, f) for f in pool]
        chosen += _weighted_pick(rng, pool, weights, rng.randint(lo, hi))
    values: dict[str, Any] = {}
    _draw(kb, sampler, chosen, values)

    # the workup: the engine's panel for the differential this picture raises, then what
    # a pathologist suspecting the entity adds
    start = analyse(kb, values, "prevalence")
    stains = [f for f, _gain in start.panel(rng.randint(*PANEL_SIZES))]
    rival = next(r.entity for r in start.ranking if r.entity != entity)
    orderable = [f for f, x in kb.findings.items()
                 if kb.groups[x.group].orderable and f not in stains]
    confirm = sorted(orderable, key=lambda f: (-jeffreys(kb, entity, rival, f), f))
    extra = 2 if rng.random() < SECOND_CONFIRMATORY else 1
    stains += confirm[:extra]
    _draw(kb, sampler, stains, values)
    return values


def history_text(kb: KnowledgeBase, values: dict[str, Any], lang: str = "en") -> str:
    """A short history from the recorded findings of kb.yaml ``practice.history.group``,
    worded as that block says (in ``lang``); names no entity.

    Context findings (e.g. residence in an endemic region) are left to the picture: their
    labels may name an entity."""
    h = kb.practice.history

    def say(key: str, **fields: Any) -> str:
        return text(h.wording[key], lang).format(**fields)

    age = values.get(h.age_finding) if h.age_finding else None
    opening = h.opening(values.get(h.sex_finding) if h.sex_finding else None)
    if isinstance(age, (int, float)) and not isinstance(age, bool):
        who = text(opening["child" if age < h.adult_from else "adult"], lang).format(
            age=f"{age:g}")
    else:
        who = text(opening["no_age"], lang)
    present, absent, results = [], [], []
    for fid, f in kb.findings.items():
        if f.group != h.group or kb.groups[f.group].orderable or f.is_context or \
                fid in (h.age_finding, h.sex_finding) or fid not in values:
            continue
        label = _GLOSS.sub("", text(f.label, lang))  # no parenthetical glosses
        value = values[fid]
        if f.is_numeric:
            unit = text(f.unit, lang) if f.unit else ""
            results.append(say("number", label=label, value=f"{value:g}", unit=unit).strip())
        elif value == h.present_state:
            present.append(label)
        elif value == h.absent_state:
            absent.append(label)
        else:
            state = f.state_label(f.state_of(value), kb, lang).lower()
            results.append(say("result", label=label, state=state))

    def lower(s: str) -> str:
        return s[:1].lower() + s[1:] if s[:2] != s[:2].upper() else s

    sep = text(h.wording["list_separator"], lang)
    parts = [say("with_findings", opening=who, findings=sep.join(lower(p) for p in present))
             if present else say("lesion_only", opening=who)]
    if absent:
        parts.append(say("not_present", findings=sep.join(lower(a) for a in absent)))
    if results:
        parts.append(say("results", findings=sep.join(results)))
    return "".join(parts)


def explanation_text(kb: KnowledgeBase, entity: str, lang: str = "en") -> str:
    e = kb.entities[entity]
    lines = [gettext("{entity}: drawn from this knowledge base's figures for the entity "
                     "(a generated case, not a patient).", lang, entity=text(e.name, lang))]
    if e.key_features:
        lines.append(gettext("Key features: {features}", lang,
                             features=" ".join(text(k, lang) for k in e.key_features[:3])))
    if e.pitfalls:
        lines.append(gettext("Pitfall: {pitfall}", lang, pitfall=text(e.pitfalls[0], lang)))
    return "\n".join(lines)


def practice_case(kb: KnowledgeBase, entity: str, rng: random.Random, *, seed: int,
                  index: int, count: int, lang: str = "en") -> Case:
    """One generated teaching case of ``entity`` (case ``index`` of ``count``), its words
    in ``lang`` (the findings drawn do not depend on it)."""
    values = draw_findings(kb, entity, rng)
    label = f"P{seed}-{index:03d}"
    teaching = {
        "answer": entity,
        "kind": "generated",
        "history": history_text(kb, values, lang),
        "explanation": explanation_text(kb, entity, lang),
        "note": gettext("Generated by `{generator}` (sampler {version}) from knowledge base "
                        "{kb} {kb_version}, seed {seed}, case {index} of {count}.", lang,
                        generator=GENERATOR, version=SAMPLER_VERSION, kb=kb.id,
                        kb_version=kb.version, seed=seed, index=index, count=count),
    }
    return Case(findings=values, case_id=label,
                title=gettext("Practice case {label}", lang, label=label), teaching=teaching)


def entity_plan(kb: KnowledgeBase, count: int, rng: random.Random,
                entity: str | None = None) -> list[str]:
    """Which entity each case is drawn for: every entity in turn (so any count of at least
    the number of entities covers them all), shuffled within each round."""
    if entity is not None:
        if entity not in kb.entities:
            raise ValueError(f"unknown entity {entity!r} (expected one of "
                             f"{', '.join(kb.entity_ids)})")
        return [entity] * count
    plan: list[str] = []
    while len(plan) < count:
        round_ = list(kb.entity_ids)
        rng.shuffle(round_)
        plan += round_
    return plan[:count]


def generate(kb: KnowledgeBase, count: int, seed: int, entity: str | None = None,
             lang: str = "en") -> Iterator[tuple[str, Case]]:
    """(file name, case) for ``count`` practice cases; reproducible for a seed."""
    kb = kb.whole
    plan = entity_plan(kb, count, random.Random(seed), entity)
    for i, eid in enumerate(plan, 1):
        # one generator per case, seeded from (seed, index): case i is the same whatever
        # the count, and does not depend on how many numbers the cases before it drew
        rng = random.Random(f"ddx-practice:{seed}:{i}")
        case = practice_case(kb, eid, rng, seed=seed, index=i, count=count, lang=lang)
        yield f"practice-s{seed}-{i:03d}.ddx.yaml", case


def write_practice_cases(kb: KnowledgeBase, out: str | Path, count: int, seed: int,
                         entity: str | None = None, lang: str = "en") -> list[Path]:
    """Write the cases into folder ``out`` (created if need be); the paths written."""
    from .atomic import write_atomic

    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, case in generate(kb, count, seed, entity, lang):
        path = folder / name
        write_atomic(path, case_to_yaml(case, kb))
        written.append(path)
    return written
