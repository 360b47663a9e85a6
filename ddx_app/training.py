"""Practice sessions for trainees: the decisions, without Qt.

A *practice session* works on a teaching case (one with ``teaching.answer``) without
showing it. The trainee starts from

* the **history** (``teaching.history``; never the case's title, id, notes or file), and
* the **starting picture**: the case's clinical and H&E findings (every finding of a
  group that is not ``orderable`` in findings.yaml), shown read-only as the case's
  "slides",

and a blank checklist of their own. They record what they make of the picture, may
**order** stains and tests one at a time (findings of the orderable groups: each is
revealed from the case, or "not done in this case", and every order is counted), and
then **commit** a leading diagnosis (or reveal the answer without one).

:meth:`PracticeSession.finish` turns that into :class:`Feedback`:

* the verdict (right, wrong, or revealed without a guess);
* the engine's differential at the moment of commitment, on the trainee's own findings
  plus the ordered results (the whole knowledge base, the session's prior);
* the findings that really separate the answer from the trainee's choice (or, when
  right, from the closest rival): :meth:`Analysis.compare` rows whose weight is at least
  ``MIN_SEPARATING_LLR`` in magnitude, not the near-zero ones;
* the trainee's findings against the case's, over what the trainee could see (the
  picture and the results they ordered): *missed* (in the case, not recorded),
  *disagreeing* (recorded with another state) and *extra* (recorded, not in the case),
  each with its weight between the two entities compared;
* stains ordered against the most efficient panel the engine would have chosen from the
  starting picture (:meth:`Analysis.panel`), compared by expected information gain;
* the case's teaching note.
"""

# NamedTuple fields: annotations evaluated, not postponed (see knowledge/model.py).

import math
import time
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

from .case import Case
from .engine import Analysis, analyse
from .engine.analysis import Ranked
from .engine.explain import PairwiseFinding
from .knowledge.model import KnowledgeBase

MIN_SEPARATING_LLR = math.log(2.0)
"""A finding "really separates" two entities when it makes one at least twice as likely
as the other (|natural-log likelihood ratio| >= log 2, after the dependence discount)."""

PANEL_SIZE = 3  # the engine's efficient panel: Analysis.panel's default size
EFFICIENT_SHARE = 0.9  # ordered stains expected to gain this share of the panel's bits
RANKING_SHOWN = 5  # entities of the differential at commitment the feedback lists


def picture_groups(kb: KnowledgeBase) -> set[str]:
    """Finding groups shown as the starting picture: those that are not orderable."""
    return {g.id for g in kb.groups.values() if not g.orderable}


def is_orderable(kb: KnowledgeBase, finding: str) -> bool:
    return kb.groups[kb.findings[finding].group].orderable


class OrderResult(NamedTuple):
    """One stain or test the trainee ordered, and what the case says about it."""

    finding: str
    value: Any  # the case's recorded value, or None: not done in this case

    @property
    def done(self) -> bool:
        return self.value is not None


class FindingDiff(NamedTuple):
    """One finding where the trainee's checklist and the case's findings differ."""

    finding: str
    kind: str  # "missed" | "disagrees" | "extra"
    case_value: Any  # None for "extra"
    trainee_value: Any  # None for "missed"
    llr: float  # log P(s | answer) - log P(s | compared entity), at the case's value
    #             (the trainee's for "extra"); single finding, before dependence weights


class Efficiency(NamedTuple):
    """The stains and tests ordered against the engine's most efficient panel."""

    ordered: tuple[str, ...]  # every order, in order
    with_results: tuple[str, ...]  # those done in this case
    engine_panel: tuple[str, ...]  # greedy best panel from the starting picture
    engine_gain: float  # its expected information gain, bits
    ordered_gain: float  # expected gain of what was ordered (from the same picture), bits
    ordered_counted: int  # how many orders the gain counts (a lower bound if < len)
    overlap: tuple[str, ...]  # panel stains the trainee ordered too
    panel_not_done: tuple[str, ...]  # panel stains this case has no result for
    verdict: str  # "efficient" | "more_than_needed" | "less_informative" | "none"

    @property
    def share(self) -> float:
        """Expected gain of the orders as a share of the panel's (1 when nothing to gain)."""
        return self.ordered_gain / self.engine_gain if self.engine_gain > 1e-9 else 1.0


class Feedback(NamedTuple):
    answer: str
    guess: str | None  # None: revealed without committing
    compared_with: str  # the guess when wrong, else the closest rival of the answer
    ranking: tuple[Ranked, ...]  # the differential at commitment, most probable first
    answer_rank: int  # 1-based rank of the answer in it
    odds: float  # posterior odds of the answer over compared_with at commitment
    separating: tuple[PairwiseFinding, ...]  # |llr| >= MIN_SEPARATING_LLR, strongest first
    missed: tuple[FindingDiff, ...]
    disagreeing: tuple[FindingDiff, ...]
    extra: tuple[FindingDiff, ...]
    efficiency: Efficiency
    note: str | None  # the case's teaching explanation and note
    seconds: float  # from the start of the session to the commitment

    @property
    def correct(self) -> bool:
        return self.guess is not None and self.guess == self.answer

    @property
    def revealed(self) -> bool:
        return self.guess is None

    @property
    def stains_ordered(self) -> int:
        return len(self.efficiency.ordered)


class PracticeSession:
    """One trainee's attempt at one teaching case (see the module docstring)."""

    def __init__(self, kb: KnowledgeBase, case: Case, prior: str = "prevalence",
                 clock: Callable[[], float] = time.monotonic):
        if case.answer not in kb.whole.entities:
            raise ValueError("a practice case needs a teaching answer the knowledge base has")
        self.kb = kb.whole
        self.case = case
        self.answer: str = case.answer
        self.prior = prior if prior in self.kb.prior_names else "prevalence"
        self._clock = clock
        self.started = clock()
        self.orders: list[OrderResult] = []
        self.feedback: Feedback | None = None

    # -- what the trainee is given --------------------------------------------------------
    @property
    def history(self) -> str | None:
        value = (self.case.teaching or {}).get("history")
        return (value.strip() or None) if isinstance(value, str) else None

    def picture(self) -> list[tuple[str, Any]]:
        """The case's clinical and H&E findings, in knowledge-base order."""
        groups = picture_groups(self.kb)
        return [(f, self.case.findings[f]) for f, x in self.kb.findings.items()
                if f in self.case.findings and x.group in groups]

    def picture_values(self) -> dict[str, Any]:
        return dict(self.picture())

    def working_case(self) -> Case:
        """The trainee's checklist: blank, with the history as its notes; no title, id,
        teaching block or anything else that could name the answer."""
        return Case(findings={}, notes=self.history)

    # -- ordering -----------------------------------------------------------------------
    def orderable(self) -> list[str]:
        """Stains and tests that may still be ordered, in knowledge-base order."""
        done = {o.finding for o in self.orders}
        return [f for f in self.kb.findings if is_orderable(self.kb, f) and f not in done]

    def order(self, finding: str) -> OrderResult:
        """Order one stain or test: its result in this case, or not done (value None)."""
        if self.feedback is not None:
            raise ValueError("the case is already committed")
        if finding not in self.kb.findings or not is_orderable(self.kb, finding):
            raise ValueError(f"{finding!r} is not a stain or test that can be ordered")
        if any(o.finding == finding for o in self.orders):
            raise ValueError(f"{finding!r} is already ordered")
        result = OrderResult(finding, self.case.findings.get(finding))
        self.orders.append(result)
        return result

    @property
    def ordered_results(self) -> dict[str, Any]:
        return {o.finding: o.value for o in self.orders if o.done}

    @property
    def committed(self) -> bool:
        return self.feedback is not None

    # -- commitment -----------------------------------------------------------------------
    def finish(self, guess: str | None, trainee_findings: Mapping[str, Any]) -> Feedback:
        """Commit ``guess`` (None: reveal without one) given the trainee's checklist (which
        holds the ordered results the window recorded for them); computed once."""
        if self.feedback is not None:
            return self.feedback
        if guess is not None and guess not in self.kb.entities:
            raise ValueError(f"unknown entity {guess!r}")
        seconds = max(0.0, self._clock() - self.started)
        self.feedback = build_feedback(self.kb, self.case, guess, dict(trainee_findings),
                                       self.orders, self.prior, seconds)
        return self.feedback


def _same(kb: KnowledgeBase, finding: str, a: Any, b: Any) -> bool:
    """Two recorded values say the same (same state; a union covers its states)."""
    f = kb.findings[finding]
    try:
        sa, sb = f.state_of(a), f.state_of(b)
    except ValueError:
        return a == b
    return sa == sb or f.covers(sa, sb) or f.covers(sb, sa)


def _llr(kb: KnowledgeBase, finding: str, value: Any, a: str, b: str) -> float:
    try:
        state = kb.findings[finding].state_of(value)
    except ValueError:
        return 0.0
    row = kb.loglik[finding][state]
    ids = kb.entity_ids
    return row[ids.index(a)] - row[ids.index(b)]


def compare_findings(kb: KnowledgeBase, case_findings: Mapping[str, Any],
                     trainee: Mapping[str, Any], visible: set[str], a: str, b: str
                     ) -> tuple[list[FindingDiff], list[FindingDiff], list[FindingDiff]]:
    """(missed, disagreeing, extra): the trainee's checklist against the case's findings.

    Missed: findings the trainee could see (``visible``) that the case records and the
    checklist does not. Disagreeing: recorded by both with different states. Extra:
    recorded by the trainee, absent from the case. Each is weighed between ``a`` (the
    answer) and ``b`` and listed strongest first."""
    missed, disagreeing, extra = [], [], []
    for fid in kb.findings:
        in_case, in_trainee = fid in case_findings, fid in trainee
        if in_case and not in_trainee and fid in visible:
            missed.append(FindingDiff(fid, "missed", case_findings[fid], None,
                                      _llr(kb, fid, case_findings[fid], a, b)))
        elif in_case and in_trainee and not _same(kb, fid, case_findings[fid], trainee[fid]):
            disagreeing.append(FindingDiff(fid, "disagrees", case_findings[fid], trainee[fid],
                                           _llr(kb, fid, case_findings[fid], a, b)))
        elif in_trainee and not in_case:
            extra.append(FindingDiff(fid, "extra", None, trainee[fid],
                                     _llr(kb, fid, trainee[fid], a, b)))

    def strongest(rows: list[FindingDiff]) -> list[FindingDiff]:
        return sorted(rows, key=lambda d: (-abs(d.llr), d.finding))

    return strongest(missed), strongest(disagreeing), strongest(extra)


def efficiency(kb: KnowledgeBase, picture: Mapping[str, Any], orders: list[OrderResult],
               case_findings: Mapping[str, Any], prior: str) -> Efficiency:
    """The orders against the engine's best panel of ``PANEL_SIZE`` from the picture.

    Both are compared by their *expected* information gain from the starting picture
    (what a trainee can know before the results): "efficient" when the orders are
    expected to gain at least ``EFFICIENT_SHARE`` of what the panel would with no more
    stains than it, "more_than_needed" when they gain as much with more stains,
    "less_informative" when they gain less, "none" when nothing was ordered."""
    from .engine.suggest import joint_gain

    start = analyse(kb, picture, prior)
    panel = start.panel(PANEL_SIZE)
    names = tuple(f for f, _gain in panel)
    engine_gain = panel[-1][1] if panel else 0.0
    ordered = tuple(o.finding for o in orders)
    gain, counted = joint_gain(kb, start.probabilities, ordered) if ordered else (0.0, 0)
    if not ordered:
        verdict = "none"
    elif gain >= EFFICIENT_SHARE * engine_gain - 1e-9:
        verdict = "efficient" if len(ordered) <= max(len(names), 1) else "more_than_needed"
    else:
        verdict = "less_informative"
    return Efficiency(
        ordered=ordered,
        with_results=tuple(o.finding for o in orders if o.done),
        engine_panel=names, engine_gain=engine_gain, ordered_gain=gain,
        ordered_counted=counted,
        overlap=tuple(f for f in names if f in ordered),
        panel_not_done=tuple(f for f in names if f not in case_findings),
        verdict=verdict)


def teaching_note(case: Case) -> str | None:
    teaching = case.teaching or {}
    parts = [teaching.get(k) for k in ("explanation", "note")]
    text = "\n\n".join(p.strip() for p in parts if isinstance(p, str) and p.strip())
    return text or None


def build_feedback(kb: KnowledgeBase, case: Case, guess: str | None,
                   trainee: dict[str, Any], orders: list[OrderResult], prior: str,
                   seconds: float = 0.0) -> Feedback:
    """Everything the trainee is shown after committing (see the module docstring)."""
    kb = kb.whole
    answer = case.answer
    if answer is None:
        raise ValueError("a practice case needs teaching.answer")
    at_commit: Analysis = analyse(kb, trainee, prior)
    ranking = tuple(at_commit.ranking)
    if guess is not None and guess != answer:
        other = guess
    else:  # right (or no guess): against the closest rival at commitment
        other = next(r.entity for r in ranking if r.entity != answer)
    separating = tuple(r for r in at_commit.compare(answer, other)
                       if abs(r.llr) >= MIN_SEPARATING_LLR)
    groups = picture_groups(kb)
    visible = {f for f in case.findings if kb.findings[f].group in groups}
    visible |= {o.finding for o in orders if o.done}
    missed, disagreeing, extra = compare_findings(kb, case.findings, trainee, visible,
                                                  answer, other)
    picture = {f: v for f, v in case.findings.items() if kb.findings[f].group in groups}
    return Feedback(
        answer=answer, guess=guess, compared_with=other, ranking=ranking,
        answer_rank=1 + [r.entity for r in ranking].index(answer),
        odds=at_commit.odds(answer, other), separating=separating,
        missed=tuple(missed), disagreeing=tuple(disagreeing), extra=tuple(extra),
        efficiency=efficiency(kb, picture, orders, case.findings, prior),
        note=teaching_note(case), seconds=seconds)
