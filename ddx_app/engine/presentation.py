"""How a ranking is put into words, the same in every front end.

Beside each probability a verbal band (kb.yaml ``display.bands``); under the ranking
how many times as probable the leader is as the runner-up (capped at
``display.odds_cap``) and what the probabilities are relative to: the entities of
this knowledge base, nothing outside it. Numbers themselves go through
:func:`ddx_app.formatting.percent` and :func:`ddx_app.formatting.times`.

No Qt here. Annotations are evaluated, not postponed (see knowledge/model.py).
"""

import math
from typing import TYPE_CHECKING, NamedTuple

from ..formatting import times
from ..i18n import N_, gettext
from ..knowledge.model import Band, KnowledgeBase, text

if TYPE_CHECKING:  # pragma: no cover
    from .analysis import Analysis


def band(kb: KnowledgeBase, p: float) -> Band:
    """The verbal band of a probability."""
    return kb.display.band(p)


def band_label(kb: KnowledgeBase, p: float, lang: str = "en") -> str:
    """'strongly favoured', 'favoured', 'possible', 'unlikely' (the bundled bands)."""
    return text(kb.display.band(p).label, lang)


def gain_label(kb: KnowledgeBase, bits: float, lang: str = "en") -> str:
    """An expected information gain in words: 'high', 'moderate', 'low' (the bundled
    kb.yaml ``display.gain_bands``); the bits themselves go in a tooltip or appendix."""
    return text(kb.display.gain_band(bits).label, lang)


class LeaderOdds(NamedTuple):
    leader: str
    runner_up: str
    ratio: float  # P(leader) / P(runner-up); inf when the runner-up underflows


def leader_odds(a: "Analysis") -> LeaderOdds | None:
    """The leader against the runner-up (None with fewer than two entities)."""
    if len(a.ranking) < 2:
        return None
    first, second = a.ranking[0], a.ranking[1]
    ratio = first.probability / second.probability if second.probability > 0 else math.inf
    return LeaderOdds(first.entity, second.entity, ratio)


def leader_sentence(a: "Analysis", lang: str = "en") -> str:
    """'IMT is 4.2× as probable as IgG4-RD.' ('>100×' beyond the cap; '' for one entity)."""
    lo = leader_odds(a)
    if lo is None:
        return ""
    kb = a.kb
    return gettext("{leader} is {times} as probable as {runner_up}.", lang,
                   leader=text(kb.entities[lo.leader].short_name, lang),
                   times=times(lo.ratio, kb.display.odds_cap),
                   runner_up=text(kb.entities[lo.runner_up].short_name, lang))


def leader_odds_json(a: "Analysis") -> dict | None:
    """The leader's odds as JSON data (an infinite ratio is null: JSON has no infinity)."""
    lo = leader_odds(a)
    if lo is None:
        return None
    return {"leader": lo.leader, "runner_up": lo.runner_up,
            "ratio": lo.ratio if math.isfinite(lo.ratio) else None,
            "display": times(lo.ratio, a.kb.display.odds_cap)}


UNSCORED_REASONS = {
    "context": N_("context (the patient or the background mucosa), not lesion evidence"),
    "not_applicable": N_("not applicable given the other findings"),
    "preset": N_("already part of the prior in use"),
}
"""Why a recorded finding is not scored (engine.terms.UnscoredFinding.reason), in English
words, for the command line and the reports (the window says the same through tr());
:func:`unscored_reason` gives them in another language."""


def unscored_reason(reason: str, lang: str = "en") -> str:
    """Why a recorded finding is not scored, in ``lang`` (the reason id itself when it
    has no words)."""
    words = UNSCORED_REASONS.get(reason)
    return gettext(words, lang) if words is not None else reason


def scope_sentence(kb: KnowledgeBase, short: bool = False, lang: str = "en") -> str:
    """What every displayed ranking is relative to (``short``: where space is tight, with
    the full sentence at hand, e.g. in a tooltip)."""
    n = len(kb.entities)
    if kb.scope != "all":
        label = kb.scope_label(kb.scope, lang)
        if short:
            return gettext("Relative to the {n} entities of the scope '{scope}' only.", lang,
                           n=n, scope=label)
        return gettext("Probabilities are relative to the {n} entities of the scope '{scope}' "
                       "(knowledge base {kb} {version}); a lesion outside them is not ranked.",
                       lang, n=n, scope=label, kb=kb.id, version=kb.version)
    if short:
        return gettext("Relative to the {n} entities of this knowledge base only.", lang, n=n)
    return gettext("Probabilities are relative to the {n} entities in this knowledge base "
                   "({kb} {version}); a lesion outside them is not ranked.",
                   lang, n=n, kb=kb.id, version=kb.version)
