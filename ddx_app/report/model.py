"""The report's facts as plain data, built from what the core computed.

:func:`build_report` turns (knowledge base, case, analysis, options) into one
JSON-compatible dict. That same dict is the JSON export and the context of the
HTML/PDF template, so the three outputs cannot disagree. Nothing is computed
here beyond picking, labelling and numbering: probabilities, evidence, criteria,
workups and suggestions all come from :class:`~ddx_app.engine.Analysis`, and every
warning (exclusions, outside this differential, red flags, close call) from its
``alerts`` (ddx_app/engine/alerts.py), the list the CLI and the window show: the
warnings section holds ``warnings.alerts``, the red flags section ``red_flags``, and
``alerts`` gives the order of both together.

References are numbered [1], [2] ... in order of first citation, following the
order in which the sections appear in the report; only sources cited by the
sections included get a number.

The one-page summary reads keys composed here in the report's language (through
:func:`ddx_app.i18n.translator`): ``sign_out`` (specimen, site, requesting clinician,
pathologist from the case file), ``conclusion`` (the leader over the runner-up, with
bands), ``key_evidence`` (the strongest findings for and against the leader, as odds
ratios "×4.2 for IMT", never raw logarithms), ``recommended_stains`` (ONE list:
orderable stains and tests not done, by expected gain, each with why in words; empty
when the findings settle the differential) and ``other_findings`` (terms recorded
outside the vocabulary, not scored). ``not_done`` and ``suggestions`` stay in the JSON
for the programs that read them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from .. import __version__, disclaimer
from ..case import SIGN_OUT_FIELDS, Case
from ..engine import Analysis
from ..engine.alerts import RED_FLAG, Alert, alert_json
from ..engine.presentation import (
    band,
    gain_label,
    leader_odds_json,
    leader_sentence,
    scope_sentence,
    unscored_reason,
)
from ..formatting import factor, percent
from ..i18n import translator
from ..knowledge.model import KnowledgeBase, Provenance, text
from ..values import value_text
from .not_done import (
    compared_entities,
    discussed_entities,
    expected_results,
    key_stains_not_done,
)
from .options import SECTIONS, ReportOptions

SCHEMA = "ddx-report/1"
APP_NAME = "DDx Assistant"
SUGGESTIONS_SHOWN = 5
KEY_EVIDENCE_FOR = 3  # findings for the leader the summary names
KEY_EVIDENCE_AGAINST = 2  # and against it


class _Citations:
    """Numbers sources in order of first citation."""

    def __init__(self, kb: KnowledgeBase, lang: str):
        self.kb, self.lang = kb, lang
        self.numbers: dict[str, int] = {}

    def cite(self, provenance: Provenance | None) -> dict[str, Any]:
        """``{"ref": n | None, "source": id | None, "expert_estimate": bool, "note": str}``."""
        if provenance is None:
            return {"ref": None, "source": None, "expert_estimate": False, "note": ""}
        ref = None
        if provenance.source:
            ref = self.numbers.setdefault(provenance.source, len(self.numbers) + 1)
        return {"ref": ref, "source": provenance.source,
                "expert_estimate": provenance.expert_estimate,
                "note": text(provenance.note, self.lang)}

    def references(self) -> list[dict[str, Any]]:
        out = []
        for sid, n in sorted(self.numbers.items(), key=lambda item: item[1]):
            s = self.kb.sources[sid]
            out.append({"number": n, "id": sid, "citation": s.citation, "doi": s.doi,
                        "pmid": s.pmid, "url": s.url, "link": s.link})
        return out


class _Builder:
    def __init__(self, kb: KnowledgeBase, case: Case, analysis: Analysis, options: ReportOptions):
        self.kb, self.case, self.a, self.opt = kb, case, analysis, options
        self.lang = options.lang
        self._ = translator(self.lang)
        self.cites = _Citations(kb, self.lang)

    def t(self, langmap) -> str:
        return text(langmap, self.lang)

    def flabel(self, fid: str) -> str:
        return self.t(self.kb.findings[fid].label)

    def ename(self, eid: str) -> str:
        return self.t(self.kb.entities[eid].name)

    def short(self, eid: str) -> str:
        return self.t(self.kb.entities[eid].short_name)

    def state_label(self, fid: str, state: str) -> str:
        return self.kb.findings[fid].state_label(state, self.kb, self.lang)

    def display(self, fid: str, value: Any, state: str) -> str:
        """How a recorded value reads: '1.17 years (0-17 y)', 'Focal (positive)', 'Absent'."""
        f = self.kb.findings[fid]
        if f.is_numeric:
            return f"{value_text(f, value, self.lang)} ({self.state_label(fid, state)})"
        if isinstance(value, str) and value in f.aliases:
            return self.state_label(fid, value)
        return self.state_label(fid, state)

    # ---------------------------------------------------------------- sections
    def findings(self) -> list[dict]:
        groups = []
        for g in self.kb.groups.values():
            rows = []
            for fid in g.finding_ids:
                if fid not in self.a.values:
                    continue
                value, state = self.a.values[fid], self.a.states[fid]
                rows.append({"finding": fid, "label": self.flabel(fid), "value": value,
                             "state": state, "display": self.display(fid, value, state),
                             "pertinent_negative": state in self.kb.pertinent_negative_states})
            if rows:
                groups.append({"group": g.id, "label": self.t(g.label), "orderable": g.orderable,
                               "findings": rows})
        return groups

    def not_done(self) -> dict:
        entities = compared_entities(self.kb, self.a)
        stains = []
        for s in key_stains_not_done(self.kb, self.a, entities):
            stains.append({
                "finding": s.finding, "label": self.flabel(s.finding),
                "distance": s.distance, "separates": list(s.separates),
                "separates_names": [self.short(e) for e in s.separates],
                "expected": [{"entity": e, "short_name": self.short(e), "state": st,
                              "state_label": self.state_label(s.finding, st), "probability": p}
                             for e, (st, p) in s.expected.items()],
            })
        return {"entities": entities, "entity_names": [self.short(e) for e in entities],
                "stains": stains}

    def band(self, p: float) -> dict:
        b = band(self.kb, p)
        return {"band": b.id, "band_label": self.t(b.label)}

    def differential(self) -> list[dict]:
        return [{"rank": i, "entity": r.entity, "name": self.ename(r.entity),
                 "short_name": self.short(r.entity), "probability": r.probability,
                 "percent": percent(r.probability), **self.band(r.probability)}
                for i, r in enumerate(self.a.ranking, 1)]

    def alerts(self, red_flags: bool) -> dict[str, dict]:
        """Alert id -> alert data (engine/alerts.py): the red flags, or all the others.
        Built section by section, so that their sources are numbered where they appear."""
        return {x.id: self.alert(x) for x in self.a.alerts_in(self.lang)
                if (x.kind == RED_FLAG) == red_flags}

    def alert(self, x: Alert) -> dict:
        d = alert_json(self.kb, x, self.lang)
        d["resolved_with_labels"] = [self.flabel(f) for f in x.resolved_with]
        d["items"] = [{**item, **self.cites.cite(src.provenance)}
                      for item, src in zip(d["items"], x.items)]
        return {**d, **self.cites.cite(x.provenance)}

    def warnings(self) -> dict:
        close = None
        if self.a.close_call:
            x, y = self.a.close_call
            close = {"entities": [x, y], "names": [self.short(x), self.short(y)],
                     "ratio": self.kb.settings.close_call_ratio,
                     "text": f"{self.short(x)} vs {self.short(y)}: the leader is less than "
                             f"{self.kb.settings.close_call_ratio:g} times as probable as the "
                             "runner-up."}
        outside = None
        o = self.a.outside
        if o is not None:
            outside = {
                "explanation": o.explanation_in(self.lang),
                "best_fit": o.best_fit,
                "best_fit_name": self.short(o.best_fit),
                # findings the best-fitting entity explains worst, with P(state | best fit)
                "unexplained": [{"finding": f, "label": self.flabel(f), "state": s,
                                 "state_label": self.state_label(f, s), "probability": p}
                                for f, s, p in o.unexplained],
                "mimics": [{"id": m.id, "name": self.t(m.name), "hint": self.t(m.hint),
                            "matched": m.id in o.matched_mimics, **self.cites.cite(m.provenance)}
                           for m in o.mimics[:self.kb.display.mimics_shown]],
            }
        return {"close_call": close, "outside": outside}

    def leading(self, entities: list[str]) -> list[dict]:
        out = []
        for eid in entities:
            p = self.a.posterior[eid]
            item: dict[str, Any] = {"entity": eid, "name": self.ename(eid),
                                    "short_name": self.short(eid), "probability": p,
                                    "percent": percent(p), **self.band(p)}
            if self.opt.has("evidence"):
                split: dict[str, list[dict]] = {"for": [], "against": [], "neutral": []}
                for c in self.a.explain(eid):
                    split[c.direction].append(self.contribution(c))
                item["evidence_for"] = split["for"]
                item["evidence_against"] = split["against"]
                item["evidence_neutral"] = split["neutral"]
                rival = self.a.rival(eid)
                item["rival"] = rival
                item["rival_short_name"] = self.t(self.kb.entities[rival].short_name) \
                    if rival else None
                labels = {g.id: self.t(g.label) for g in self.kb.dependence_groups}
                item["group_totals"] = [{"id": g, "label": labels[g], "llr": v,
                                         "odds_display": self.odds_display(v)}
                                        for g, v in sorted(self.a.group_totals(eid).items(),
                                                           key=lambda t: -abs(t[1]))]
            if self.opt.has("criteria"):
                item["criteria"] = [
                    {"id": cr.criterion.id, "name": self.t(cr.criterion.name), "met": cr.met,
                     "status": cr.status, "missing": list(cr.missing),
                     "missing_labels": [self.flabel(f) for f in cr.missing],
                     **self.cites.cite(cr.criterion.provenance)}
                    for cr in self.a.criteria(eid)]
            out.append(item)
        return out

    def contribution(self, c) -> dict:
        return {"finding": c.finding, "label": self.flabel(c.finding), "value": c.value,
                "state": c.state, "display": self.display(c.finding, c.value, c.state),
                "llr": c.llr, "odds_display": self.odds_display(c.llr),
                "p_entity": c.p_entity, "p_rival": c.p_rival,
                "p_alternatives": c.p_rival, "weight": c.weight, "group": c.group,
                "counts": c.counts, **self.cites.cite(c.provenance)}

    def _prior_description(self) -> str:
        for name, _label, description in self.kb.prior_choices():
            if name == self.a.prior:
                return self.t(description)
        preset = self.kb.preset(self.a.prior)
        return self.t(preset.description) if preset is not None else ""

    def red_flags(self, alerts: list[dict]) -> list[dict]:
        """The red-flag alerts (active, then resolved), keyed by the flag's own id."""
        return [{**x, "id": x["id"].removeprefix("red_flag:"), "alert_id": x["id"],
                 "not_done": x["panel"], "not_done_labels": x["panel_labels"]}
                for x in alerts if x["kind"] == RED_FLAG]

    def workup(self) -> list[dict]:
        out = []
        for w in self.a.workups:
            nxt = w.next_step
            out.append({
                "id": w.workup.id, "name": self.t(w.workup.name), "entity": w.workup.entity,
                "entity_short_name": self.short(w.workup.entity),
                "probability": w.probability, "percent": percent(w.probability),
                "path": [{"finding": step.finding, "label": self.flabel(step.finding),
                          "state": state, "state_label": self.state_label(step.finding, state)}
                         for step, state in w.path],
                "finished": w.finished,
                "next_step": None if nxt is None else {
                    "finding": nxt.finding, "label": self.flabel(nxt.finding),
                    "ask": self.t(nxt.ask)},
                "conclusion": self.t(w.conclusion) if w.conclusion else None,
                "note": self.t(w.workup.note),
                **self.cites.cite(w.workup.provenance),
            })
        return out

    def suggestions_settled(self) -> dict | None:
        """The threshold, when no test is expected to change the differential much."""
        if not self.a.settled():
            return None
        return {"below_bits": self.kb.settings.settled_below_bits}

    def suggestions(self) -> list[dict]:
        return [{"finding": s.finding, "label": self.flabel(s.finding), "gain_bits": s.gain_bits,
                 "separates": list(s.separates) if s.separates else None,
                 "separates_names": [self.short(e) for e in s.separates] if s.separates else None,
                 "outcome_probabilities": dict(s.outcome_probabilities)}
                for s in self.a.suggestions(top=SUGGESTIONS_SHOWN)]

    # ---------------------------------------------------------------- summary
    def sign_out(self) -> dict[str, str | None]:
        """The sign-out fields of the case file (None when not recorded)."""
        return {k: self.case.sign_out.get(k) or None for k in SIGN_OUT_FIELDS}

    def conclusion(self) -> dict | None:
        """'Leading: X (band, p) over Y (band, p) — decision support, not a diagnosis.'"""
        ranking = self.a.ranking
        if not ranking:
            return None
        _ = self._
        first = ranking[0]
        lead = {"entity": first.entity, "name": self.ename(first.entity),
                "short_name": self.short(first.entity), "percent": percent(first.probability),
                **self.band(first.probability)}
        if len(ranking) < 2:
            return {"leader": lead, "runner_up": None, "close_call": False,
                    "text": _("Leading: {leader}, {band} ({percent}). Decision support, "
                              "not a diagnosis.", leader=lead["name"],
                              band=lead["band_label"], percent=lead["percent"])}
        second = ranking[1]
        runner = {"entity": second.entity, "name": self.ename(second.entity),
                  "short_name": self.short(second.entity),
                  "percent": percent(second.probability), **self.band(second.probability)}
        close = self.a.close_call is not None
        fields = {"leader": lead["name"], "band": lead["band_label"],
                  "percent": lead["percent"], "runner_up": runner["name"],
                  "runner_band": runner["band_label"], "runner_percent": runner["percent"]}
        if close:
            sentence = _("Close call: {leader}, {band} ({percent}), barely over {runner_up}, "
                         "{runner_band} ({runner_percent}). Decision support, not a "
                         "diagnosis.", **fields)
        else:
            sentence = _("Leading: {leader}, {band} ({percent}), over {runner_up}, "
                         "{runner_band} ({runner_percent}). Decision support, not a "
                         "diagnosis.", **fields)
        return {"leader": lead, "runner_up": runner, "close_call": close, "text": sentence}

    def odds_display(self, llr: float) -> str:
        """A weight as an odds ratio: '×4.2' (never the logarithm itself)."""
        return factor(llr, self.kb.display.odds_cap)

    def key_evidence(self) -> dict | None:
        """The strongest findings for and against the leader, against its rival, in words."""
        if not self.a.ranking:
            return None
        _ = self._
        leader = self.a.ranking[0].entity
        rival = self.a.rival(leader)
        lead_name = self.short(leader)
        rival_name = self.short(rival) if rival else _("the others")
        split: dict[str, list[dict]] = {"for": [], "against": []}
        for c in sorted(self.a.explain(leader), key=lambda c: -abs(c.llr)):
            if c.direction not in split:
                continue
            favours = lead_name if c.direction == "for" else rival_name
            odds = self.odds_display(c.llr)
            split[c.direction].append({
                "finding": c.finding, "label": self.flabel(c.finding),
                "display": self.display(c.finding, c.value, c.state), "llr": c.llr,
                "odds_display": odds, "favours": leader if c.direction == "for" else rival,
                "text": _("{finding}: {result} — {odds} for {entity}",
                          finding=self.flabel(c.finding),
                          result=self.display(c.finding, c.value, c.state),
                          odds=odds, entity=favours)})
        return {"entity": leader, "short_name": lead_name, "rival": rival,
                "rival_short_name": rival_name,
                "for": split["for"][:KEY_EVIDENCE_FOR],
                "against": split["against"][:KEY_EVIDENCE_AGAINST],
                "more_for": max(0, len(split["for"]) - KEY_EVIDENCE_FOR),
                "more_against": max(0, len(split["against"]) - KEY_EVIDENCE_AGAINST)}

    def recommended_stains(self) -> list[dict]:
        """ONE list of stains and tests to order: orderable findings not assessed, by
        expected information gain, those expected to change the differential at all
        (``settled_below_bits`` and more), at most ``report.stains_most``; each says
        which entities it separates and the result expected under each. Empty when the
        findings settle the differential."""
        _ = self._
        floor = self.kb.settings.settled_below_bits
        compared = compared_entities(self.kb, self.a)
        out = []
        for s in self.a.suggestions(top=self.kb.report.stains_most, orderable_only=True):
            if s.gain_bits < floor:
                break
            pair = list(s.separates) if s.separates else []
            shown = pair + [e for e in compared if e not in pair]
            results = expected_results(self.kb, s.finding, shown)
            expected: list[dict[str, Any]] = [
                {"entity": e, "short_name": self.short(e), "state": st,
                 "state_label": self.state_label(s.finding, st), "probability": p}
                for e, (st, p) in results.items()]
            parts = [_("{result} in {entity} ({percent})",
                       result=self.state_label(s.finding, results[e][0]).lower(),
                       entity=self.short(e), percent=percent(results[e][1]))
                     for e in pair if e in results]
            if pair and parts:
                why = _("Separates {a} from {b}: expected {results}.",
                        a=self.short(pair[0]), b=self.short(pair[1]),
                        results=_("; ").join(parts))
            elif pair:
                why = _("Separates {a} from {b}.", a=self.short(pair[0]), b=self.short(pair[1]))
            else:
                why = _("Narrows the differential.")
            out.append({"finding": s.finding, "label": self.flabel(s.finding),
                        "gain_bits": s.gain_bits,
                        "gain_label": gain_label(self.kb, s.gain_bits, self.lang),
                        "separates": pair or None,
                        "separates_names": [self.short(e) for e in pair] or None,
                        "expected": expected, "why": why})
        return out

    # ---------------------------------------------------------------- whole
    def build(self, now: datetime) -> dict[str, Any]:
        kb, case, has = self.kb, self.case, self.opt.has
        r: dict[str, Any] = {
            "schema": SCHEMA,
            "app": {"name": APP_NAME, "version": __version__},
            "exported_at": now.isoformat(timespec="seconds"),
            "knowledge_base": {"id": kb.id, "version": kb.version, "title": self.t(kb.title),
                               "sha256": kb.sha256, "short_hash": kb.short_hash},
            "prior": self.a.prior,
            "prior_label": kb.prior_label(self.a.prior, self.lang),
            "entity_scope": {"id": kb.scope, "label": kb.scope_label(kb.scope, self.lang),
                             "entities": len(kb.entities)},
            "prior_description": self._prior_description(),
            "priors_applied": [kb.prior_label(p, self.lang)
                               for p in self.a.terms.presets_applied],
            "not_scored": [{"finding": u.finding, "label": self.flabel(u.finding),
                            "display": self.display(u.finding, self.a.values[u.finding],
                                                    u.state),
                            "reason": u.reason, "reason_text": unscored_reason(u.reason, self.lang)}
                           for u in self.a.unscored],
            "options": {"sections": [s for s in SECTIONS if has(s)],
                        "page_size": self.opt.page_size, "lang": self.lang,
                        "appendix": self.opt.appendix},
            "institution": self.opt.institution or None,
            "case": {"id": None if case.case_id is None else str(case.case_id),
                     "title": None if case.title is None else str(case.title)},
            "sign_out": self.sign_out(),
            "disclaimer": disclaimer(self.lang),
            "scope": scope_sentence(kb, lang=self.lang),
            "relative_to_entities": len(kb.entities),
            "settled_below_bits": kb.settings.settled_below_bits,
            "bands": [{"id": b.id, "label": self.t(b.label), "at_least": b.at_least}
                      for b in kb.display.bands],
            "gain_bands": [{"id": b.id, "label": self.t(b.label), "at_least": b.at_least}
                           for b in kb.display.gain_bands],
        }
        # Built in the order the sections appear, so that references are numbered in
        # order of first citation in the document.
        if has("differential"):
            r["differential"] = self.differential()
            r["leader_odds"] = leader_odds_json(self.a)
            r["leader_sentence"] = leader_sentence(self.a, self.lang)
            r["conclusion"] = self.conclusion()
        shown: dict[str, dict] = {}  # the alerts of the sections included
        if has("warnings"):
            others = self.alerts(red_flags=False)
            shown.update(others)
            r["warnings"] = {**self.warnings(), "alerts": list(others.values())}
        if has("findings"):
            r["findings"] = self.findings()
            r["other_findings"] = [str(t) for t in case.other_findings]
        if has("evidence"):
            r["key_evidence"] = self.key_evidence()
        if has("not_done"):
            r["not_done"] = self.not_done()
        if has("evidence") or has("criteria"):
            r["leading"] = self.leading(discussed_entities(self.kb, self.a))
        if has("red_flags"):
            flags = self.alerts(red_flags=True)
            shown.update(flags)
            r["red_flags"] = self.red_flags(list(flags.values()))
        if has("workup"):
            r["workup"] = self.workup()
        if has("suggestions"):
            r["suggestions"] = self.suggestions()
            r["suggestions_settled"] = self.suggestions_settled()
            r["recommended_stains"] = self.recommended_stains()
        if has("notes"):
            r["case"]["notes"] = None if case.notes is None else str(case.notes)
        if has("warnings") or has("red_flags"):
            # the order every front end shows them in (most urgent first); the alerts
            # themselves are under warnings.alerts and red_flags
            r["alerts"] = [{key: shown[x.id][key] for key in ("id", "kind", "level", "state")}
                           for x in self.a.alerts_in(self.lang) if x.id in shown]
        if has("references"):
            r["references"] = self.cites.references()
        return r


def build_report(kb: KnowledgeBase, case: Case, analysis: Analysis,
                 options: ReportOptions | None = None, now: datetime | None = None
                 ) -> dict[str, Any]:
    """The report's facts as a JSON-compatible dict (see the module docstring).

    Parameters
    ----------
    kb, case, analysis
        The knowledge base, the case and ``analyse(kb, case.findings, prior)``.
    options
        Sections, institution, page size and language; all sections by default.
    now
        The export time (timezone-aware); the current local time by default.
    """
    options = options or ReportOptions()
    now = now or datetime.now()
    if now.tzinfo is None:
        now = now.astimezone()  # a naive time is local time
    return _Builder(kb, case, analysis, options).build(now)
