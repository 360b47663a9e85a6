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
:mod:`ddx_app.engine.presentation`, like every other front end.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import DISCLAIMER
from .engine.presentation import band_label, leader_sentence, scope_sentence
from .formatting import percent
from .knowledge.model import KnowledgeBase, text
from .quick_entry import with_unit

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
        return f"{f.short_name(lang)} {with_unit(value, f.display_unit or text(f.unit, lang))}"
    return f"{f.short_name(lang)} {state_words(kb, fid, str(value), lang)}"


def group_lines(kb: KnowledgeBase, values: dict, lang: str = "en") -> list[str]:
    """One line per orderable group with results ('Immunohistochemistry: ...')."""
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
        body = "; ".join(part for part in (", ".join(states), ", ".join(numbers)) if part)
        lines.append(f"{text(group.label, lang)}: {body}.")
    if len(lines) > MAX_GROUP_LINES:
        lines[MAX_GROUP_LINES - 1:] = [" ".join(lines[MAX_GROUP_LINES - 1:])]
    return lines


def differential_line(a: Analysis, lang: str = "en") -> str:
    kb = a.kb
    shown = []
    for i, r in enumerate(a.ranking[:max(1, kb.report.discuss_most)]):
        if i == 0 or r.probability >= kb.report.discuss_min_probability:
            shown.append(f"{text(kb.entities[r.entity].short_name, lang)} "
                         f"{percent(r.probability)} ({band_label(kb, r.probability, lang)})")
    line = "Differential (decision support): " + ", ".join(shown) + "."
    odds = leader_sentence(a, lang)
    return f"{line} {odds}" if odds else line


def next_stains_line(a: Analysis, lang: str = "en") -> str | None:
    """The orderable next best tests, while they are still expected to help."""
    kb = a.kb
    if a.settled(orderable_only=True):
        return None
    best = [s for s in a.suggestions(top=NEXT_STAINS, orderable_only=True)
            if s.gain_bits >= kb.settings.settled_below_bits]
    if not best:
        return None
    names = ", ".join(kb.findings[s.finding].short_name(lang) for s in best)
    return f"Recommended next stains and tests: {names}."


def critical_line(a: Analysis, lang: str = "en") -> str | None:
    titles = [x.title for x in a.alerts_in(lang) if x.level == "critical" and x.active]
    return ("Critical: " + "; ".join(_one_line(t) for t in titles) + ".") if titles else None


def kb_line(a: Analysis) -> str:
    kb = a.kb
    return (f"Knowledge base {kb.id} {kb.version} (sha256 {kb.short_hash}); prior: "
            f"{kb.prior_label(a.prior)}. {scope_sentence(kb, short=True)}")


def summary_lines(case: Case | None, a: Analysis, lang: str = "en") -> list[str]:
    """The summary, line by line (at most :data:`MAX_LINES`)."""
    lines = []
    if case is not None and (case.case_id is not None or case.title):
        head = "Case " + (_one_line(case.case_id) if case.case_id is not None else
                          "(no case id)")
        if case.title:
            head += " - " + _one_line(case.title)
        lines.append(head)
    groups = group_lines(a.kb, a.values, lang)
    lines += groups or ["Stains and tests: none recorded."]
    lines.append(differential_line(a, lang))
    lines += [x for x in (next_stains_line(a, lang), critical_line(a, lang)) if x]
    lines += [kb_line(a), DISCLAIMER]
    return lines[:MAX_LINES]


def summary_text(case: Case | None, a: Analysis, lang: str = "en") -> str:
    return "\n".join(summary_lines(case, a, lang)) + "\n"
