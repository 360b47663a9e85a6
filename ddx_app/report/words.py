"""The report's static words and composed sentences, in the report's language.

The HTML (Jinja2, as ``t`` and ``v``) and the PDF (Typst, in its JSON input) print the
same words from here: :data:`LABELS` are the English headings and captions (translated
through :func:`ddx_app.i18n.translator`, catalogue
``resources/translations/report.<lang>.yaml``), :func:`view` composes the sentences that
carry numbers or names from the report facts. Nothing here is computed beyond wording.
"""

from __future__ import annotations

from typing import Any

from ..i18n import N_, translator

# key -> English; every word a report prints that is not data
LABELS: dict[str, str] = {
    "report_title": N_("Differential-diagnosis report"),
    "appendix": N_("Appendix"),
    "case": N_("Case"),
    "title": N_("Title"),
    "specimen": N_("Specimen"),
    "site": N_("Site"),
    "requesting_clinician": N_("Requesting clinician"),
    "pathologist": N_("Pathologist"),
    "exported": N_("Exported"),
    "software": N_("Software"),
    "knowledge_base": N_("Knowledge base"),
    "no_case_id": N_("(no case id)"),
    "not_recorded": N_("—"),
    "conclusion": N_("Conclusion"),
    "warnings": N_("Warnings"),
    "ranking": N_("Ranked differential"),
    "full_ranking": N_("Full ranking"),
    "entity": N_("Entity"),
    "probability": N_("Probability"),
    "band": N_("Band"),
    "key_evidence": N_("Key evidence"),
    "recommended_stains": N_("Recommended stains"),
    "stain": N_("Stain or test"),
    "why": N_("Why"),
    "expected_gain": N_("Expected gain"),
    "gain_bits": N_("Gain (bits)"),
    "expected_results": N_("Expected result"),
    "stains_detail": N_("Recommended stains: expected results"),
    "settled": N_("The findings recorded settle this differential: no stain or test is expected "
                  "to change it. This holds only within the model: check the warnings before "
                  "ordering more."),
    "nothing_to_order": N_("No stain or test left to order is expected to change the "
                           "differential."),
    "criteria": N_("Criteria"),
    "status_met": N_("met"),
    "status_not met": N_("not met"),
    "status_unknown": N_("unknown"),
    "not_assessed": N_("Not assessed"),
    "red_flags": N_("Red flags"),
    "no_red_flags": N_("None raised by the findings recorded."),
    "other_findings": N_("Other findings (recorded, not scored)"),
    "clinical_notes": N_("Clinical notes"),
    "no_notes": N_("None recorded."),
    "findings_recorded": N_("Findings recorded"),
    "no_findings": N_("No findings recorded."),
    "finding": N_("Finding"),
    "result": N_("Result"),
    "pertinent_negatives": N_("Pertinent negatives"),
    "none_recorded": N_("none recorded"),
    "evidence": N_("Evidence"),
    "odds_ratio": N_("Odds ratio"),
    "p_this_rival": N_("P(result): this / rival"),
    "source": N_("Source"),
    "none_among_findings": N_("None among the findings recorded."),
    "travels_with_others": N_("counted ×{weight}: travels with others recorded"),
    "how_computed": N_("How this was computed"),
    "references": N_("References"),
    "no_references": N_("No source is cited in this report."),
    "traceability": N_("Traceability"),
    "exported_at": N_("Exported at"),
    "kb_sha256": N_("Knowledge-base SHA-256"),
    "prior": N_("Prior"),
    "scope": N_("Scope"),
    "sections": N_("Sections"),
    "expert_estimate": N_("expert estimate"),
    "consider": N_("Consider"),
    "matches_findings": N_("matches the findings"),
    "raised_by": N_("Raised by"),
    "not_done": N_("Not done"),
    "resolved_by": N_("Resolved by"),
    "resolved": N_("resolved by"),
    "the_findings_recorded": N_("the findings recorded"),
    "workup_next": N_("Next step:"),
    "workup_conclusion": N_("Conclusion:"),
    "step": N_("Step"),
    "page_of": N_("Page {n} of {total}"),
    "disclaimer": N_("Decision support, not a diagnosis."),
}


def labels(lang: str | None) -> dict[str, str]:
    """:data:`LABELS` in ``lang``."""
    _ = translator(lang)
    return {key: _(english) for key, english in LABELS.items()}


def view(report: dict[str, Any], ranking_shown: int = 5) -> dict[str, Any]:
    """The composed sentences of a report (in its language), and which rows of the
    ranking the summary shows (``ranking_shown``, the rest in the appendix)."""
    r = report
    _ = translator(r.get("options", {}).get("lang"))
    out: dict[str, Any] = {"disclaimer": _(r["disclaimer"])}
    out["scope"] = _(r["scope"]) if r.get("scope") else ""
    rows = r.get("differential") or []
    out["ranking_rows"] = rows[:ranking_shown]
    rest = rows[ranking_shown:]
    out["ranking_rest"] = _("{n} more entities, each {percent} or less (full ranking in the "
                            "appendix).", n=len(rest), percent=rest[0]["percent"]) \
        if rest else ""
    odds = r.get("leader_odds")
    if odds and rows:
        names = {d["entity"]: d["short_name"] for d in rows}
        out["leader_sentence"] = _("{leader} is {times} as probable as {runner_up}.",
                                   leader=names[odds["leader"]], times=odds["display"],
                                   runner_up=names[odds["runner_up"]])
    else:
        out["leader_sentence"] = ""
    ev = r.get("key_evidence")
    if ev:
        out["evidence_for"] = _("For {leader} over {rival}", leader=ev["short_name"],
                                rival=ev["rival_short_name"])
        out["evidence_against"] = _("For {rival} over {leader}", leader=ev["short_name"],
                                    rival=ev["rival_short_name"])
        more = ev["more_for"] + ev["more_against"]
        out["evidence_more"] = _("{n} more findings weigh less (evidence tables in the "
                                 "appendix).", n=more) if more else ""
    out["prior"] = _("Prior: {prior}.", prior=r.get("prior_label", ""))
    out["scope_line"] = _("Scope: {scope} ({n} entities ranked).",
                          scope=r["entity_scope"]["label"], n=r["entity_scope"]["entities"])
    out["how_computed"] = [
        _("Each probability is the posterior of the entity given the findings recorded only, "
          "from the prior and the likelihood of each finding under each entity in the "
          "knowledge base; it is relative to the entities of the knowledge base, nothing "
          "outside it."),
        _("An odds ratio (×N for an entity) says how many times as likely the result is "
          "under that entity as under its strongest rival; findings that travel together "
          "are counted together, not as independent proofs."),
        _("A stain is recommended when its result is expected to change the differential: "
          "an expected information gain of at least {bits} bits.",
          bits=(r.get("suggestions_settled") or {}).get("below_bits")
          or r.get("settled_below_bits", "")),
    ]
    for key, message, fmt in (("bands", N_("Bands put a probability into words: {bands}."),
                               lambda x: f"{100 * x:g}%"),
                              ("gain_bands", N_("Expected gain in words: {bands}."),
                               lambda x: _("{bits} bits", bits=f"{x:g}"))):
        bands = r.get(key) or []
        if bands:
            parts = [_("{label} from {value}", label=b["label"], value=fmt(b["at_least"]))
                     for b in bands[:-1]]
            parts.append(_("{label} below {value}", label=bands[-1]["label"],
                           value=fmt(bands[-2]["at_least"]) if len(bands) > 1 else ""))
            out["how_computed"].append(_(message, bands=_(", ").join(parts)))
    out["not_scored"] = [_("{label} = {display} ({reason})", label=u["label"],
                           display=u["display"], reason=_(u["reason_text"]))
                         for u in r.get("not_scored", [])]
    return out
