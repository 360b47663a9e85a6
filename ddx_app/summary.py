"""A plain-text summary of a case for the laboratory system (4-10 lines, 12 at most).

``ddx summary CASE`` prints it and the window's Edit > Copy Summary puts the same text on
the clipboard. One line each, in this order:

1. the case id and title (when the case has either);
2. the results of each orderable group (stains and tests), states in words, numbers with
   their unit: "Immunohistochemistry: SMA positive, desmin negative, keratin focal
   positive, ALK negative; Ki-67 15 %, IgG4+ plasma cells 60/HPF." (one line per group,
   three at most; "none recorded" when the case has no stain or test yet);
3. the differential in words: the leading entities (kb.yaml ``report.discuss``) with
   their percentages and verbal bands, and how many times as probable the leader is;
4. the recommended next stains (the orderable next best tests), only while the
   findings do not settle the differential;
5. the active critical warnings, titles only;
6. the knowledge base's id, version and short hash, the prior and what the
   probabilities are relative to;
7. the disclaimer.

No Qt here; every number goes through :mod:`ddx_app.formatting` and every band through
:mod:`ddx_app.engine.presentation`, like every other front end. The knowledge base's
words come in ``lang`` from its language maps, the summary's own words (and its
punctuation: "，" "；" "。" in Chinese) from the catalogues (summary.<lang>.yaml).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import disclaimer
from .engine.presentation import band_label, leader_sentence, scope_sentence
from .formatting import percent
from .i18n import translator
from .knowledge.model import KnowledgeBase, text
from .values import value_text

if TYPE_CHECKING:  # pragma: no cover
    from .case import Case
    from .engine import Analysis

MAX_LINES = 12
MAX_GROUP_LINES = 3
NEXT_STAINS = 3


def _one_line(value: object) -> str:
    """Free text (a case id, a title) on one printable line."""
    return " ".join("".join(ch if ch.isprintable() else " " for ch in str(value)).split())


def state_words(kb: KnowledgeBase, fid: str, state: str, lang: str = "en") -> str:
    """A state as it reads in a sentence: 'positive', 'focal positive', 'absent'."""
    label = kb.findings[fid].state_label(state, kb, lang)
    words = label.replace("(", " ").replace(")", " ").split()
    return " ".join(w.lower() if w[:1].isupper() and w[1:].islower() else w for w in words)


def result_phrase(kb: KnowledgeBase, fid: str, value: Any, lang: str = "en") -> str:
    """'SMA positive', 'keratin focal positive', 'Ki-67 15 %'."""
    f = kb.findings[fid]
    if f.is_numeric:
        return f"{f.short_name(lang)} {value_text(f, value, lang)}"
    return f"{f.short_name(lang)} {state_words(kb, fid, str(value), lang)}"


def group_lines(kb: KnowledgeBase, values: dict, lang: str = "en") -> list[str]:
    """One line per orderable group with results ('Immunohistochemistry: ...')."""
    _ = translator(lang)
    lines = []
    for group in kb.groups.values():
        if not group.orderable:
            continue
        recorded = [fid for fid in group.finding_ids if fid in values]
        if not recorded:
            continue
        states = [result_phrase(kb, f, values[f], lang) for f in recorded
                  if not kb.findings[f].is_numeric]
        numbers = [result_phrase(kb, f, values[f], lang) for f in recorded
                   if kb.findings[f].is_numeric]
        # list separators: ", " and "; " in English, "，" and "；" in Chinese
        body = _("; ").join(part for part in (_(", ").join(states), _(", ").join(numbers))
                            if part)
        lines.append(_("{group}: {results}.", group=text(group.label, lang), results=body))
    if len(lines) > MAX_GROUP_LINES:
        lines[MAX_GROUP_LINES - 1:] = [_(" ").join(lines[MAX_GROUP_LINES - 1:])]
    return lines


def differential_line(a: Analysis, lang: str = "en") -> str:
    kb = a.kb
    _ = translator(lang)
    shown = []
    for i, r in enumerate(a.ranking[:max(1, kb.report.discuss_most)]):
        if i == 0 or r.probability >= kb.report.discuss_min_probability:
            shown.append(_("{entity} {percent} ({band})",
                           entity=text(kb.entities[r.entity].short_name, lang),
                           percent=percent(r.probability),
                           band=band_label(kb, r.probability, lang)))
    line = _("Differential (decision support): {entities}.", entities=_(", ").join(shown))
    odds = leader_sentence(a, lang)
    return line + _(" ") + odds if odds else line


def next_stains_line(a: Analysis, lang: str = "en") -> str | None:
    """The orderable next best tests, while they are still expected to help."""
    kb = a.kb
    if a.settled(orderable_only=True):
        return None
    best = [s for s in a.suggestions(top=NEXT_STAINS, orderable_only=True)
            if s.gain_bits >= kb.settings.settled_below_bits]
    if not best:
        return None
    _ = translator(lang)
    names = _(", ").join(kb.findings[s.finding].short_name(lang) for s in best)
    return _("Recommended next stains and tests: {tests}.", tests=names)


def critical_line(a: Analysis, lang: str = "en") -> str | None:
    _ = translator(lang)
    titles = [x.title for x in a.alerts_in(lang) if x.level == "critical" and x.active]
    return _("Critical: {titles}.", titles=_("; ").join(_one_line(t) for t in titles)) \
        if titles else None


def kb_line(a: Analysis, lang: str = "en") -> str:
    kb = a.kb
    _ = translator(lang)
    return _("Knowledge base {kb} {version} (sha256 {hash}); prior: {prior}. {scope}",
        kb=kb.id, version=kb.version, hash=kb.short_hash, prior=kb.prior_label(a.prior, lang),
        scope=scope_sentence(kb, short=True, lang=lang))


def summary_lines(case: Case | None, a: Analysis, lang: str = "en") -> list[str]:
    """The summary, line by line (at most :data:`MAX_LINES`)."""
    _ = translator(lang)
    lines = []
    if case is not None and (case.case_id is not None or case.title):
        case_id = _one_line(case.case_id) if case.case_id is not None else _("(no case id)")
        lines.append(_("Case {id} - {title}", id=case_id, title=_one_line(case.title))
                     if case.title else _("Case {id}", id=case_id))
    groups = group_lines(a.kb, a.values, lang)
    lines += groups or [_("Stains and tests: none recorded.")]
    lines.append(differential_line(a, lang))
    lines += [x for x in (next_stains_line(a, lang), critical_line(a, lang)) if x]
    lines += [kb_line(a, lang), disclaimer(lang)]
    return lines[:MAX_LINES]


def summary_text(case: Case | None, a: Analysis, lang: str = "en") -> str:
    return "\n".join(summary_lines(case, a, lang)) + "\n"
