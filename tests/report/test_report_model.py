"""The report facts: what the JSON says and the template shows, taken from the analysis."""

from __future__ import annotations

import json

import pytest

from ddx_app import DISCLAIMER, __version__
from ddx_app.report import SECTIONS, ReportOptions, build_report, render_json
from ddx_app.report.not_done import compared_entities, key_stains_not_done


def test_differential_is_the_analysis_ranking(kb, seed, seed_report):
    """The ranked differential lists every entity with the engine's probabilities, in order."""
    _, analysis = seed
    rows = seed_report["differential"]
    assert [r["entity"] for r in rows] == [r.entity for r in analysis.ranking]
    assert [r["probability"] for r in rows] == [r.probability for r in analysis.ranking]
    assert rows[0]["name"] == "Inflammatory myofibroblastic tumour"
    assert sum(r["probability"] for r in rows) == pytest.approx(1.0)


def test_traceability_fields(kb, seed_report):
    """Every report names the exact knowledge base (full SHA-256) and app version."""
    assert seed_report["knowledge_base"]["sha256"] == kb.sha256
    assert seed_report["knowledge_base"]["version"] == kb.version
    assert seed_report["app"]["version"] == __version__
    assert seed_report["disclaimer"] == DISCLAIMER
    assert seed_report["exported_at"] == "2026-03-14T09:26:53+08:00"
    assert seed_report["case"]["id"] == "SEED-ZHAO2025-15"


def test_findings_grouped_in_kb_order_with_pertinent_negatives(kb, seed, seed_report):
    """Findings follow kb.groups order; absent/negative findings are marked as such."""
    case, _ = seed
    groups = [g["group"] for g in seed_report["findings"]]
    assert groups == [g for g in kb.groups if g in groups]
    rows = {f["finding"]: f for g in seed_report["findings"] for f in g["findings"]}
    assert set(rows) == set(case.findings)
    assert rows["alk_fish"]["pertinent_negative"] and rows["alk_fish"]["display"] == "Negative"
    assert rows["bilateral_disease"]["pertinent_negative"]
    assert not rows["ihc_alk"]["pertinent_negative"]
    assert rows["age_years"]["display"].startswith("14 months")  # 1.17 years, under 2


def test_key_stains_not_done_are_orderable_and_not_assessed(kb, seed):
    """Listed stains come from orderable groups, are not in the case and separate leaders."""
    _, analysis = seed
    leaders = compared_entities(kb, analysis)
    stains = key_stains_not_done(kb, analysis, leaders)
    assert stains
    for s in stains:
        assert kb.groups[kb.findings[s.finding].group].orderable
        assert s.finding not in analysis.values
        assert set(s.separates) <= set(leaders)
    assert [s.distance for s in stains] == sorted((s.distance for s in stains), reverse=True)


def test_evidence_matches_explain(seed, seed_report):
    """Evidence for/against is the engine's explanation, split as the engine splits it (a
    weight that prints as +/-0.00 is neither for nor against)."""
    _, analysis = seed
    lead = seed_report["leading"][0]
    assert lead["entity"] == analysis.leader.entity
    contribs = analysis.explain(lead["entity"])
    for side in ("for", "against", "neutral"):
        assert [e["llr"] for e in lead[f"evidence_{side}"]] == [
            c.llr for c in contribs if c.direction == side]
    assert all(e["llr"] > 0 for e in lead["evidence_for"])
    assert all(e["llr"] < 0 for e in lead["evidence_against"])
    assert [c["status"] for c in lead["criteria"]] == [
        c.status for c in analysis.criteria(lead["entity"])]


def test_alk_workup_reported_when_imt_in_differential(seed_report):
    """The ALK workup recommendation appears with its path and conclusion."""
    (w,) = seed_report["workup"]
    assert w["entity"] == "imt" and w["finished"]
    assert [p["finding"] for p in w["path"]] == ["ihc_alk", "alk_fish", "alk_rt_pcr"]
    assert "RT-PCR" in w["conclusion"]


def test_references_numbered_in_order_of_first_citation(seed_report):
    """[1], [2] ... follow first citation; only cited sources are listed, each once."""
    cited = []

    def walk(node):
        if isinstance(node, dict):
            if node.get("ref") is not None and node["ref"] not in cited:
                cited.append(node["ref"])
            for key, value in node.items():
                if key != "references":
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(seed_report)
    numbers = [r["number"] for r in seed_report["references"]]
    assert cited == numbers == list(range(1, len(numbers) + 1))
    seed = next(r for r in seed_report["references"] if r["id"] == "zhao2025_seed")
    assert seed["link"] == "https://doi.org/10.2147/PGPM.S508156"


def test_hostile_report_keeps_close_call_and_red_flags(hostile_report):
    """A less clear case carries close-call and red-flag warnings through to the facts."""
    assert hostile_report["warnings"]["close_call"] is not None
    assert {f["id"] for f in hostile_report["red_flags"]} >= {"malignant_spindle_cells"}
    assert len(hostile_report["leading"]) >= 2


@pytest.mark.parametrize("omit", ["findings", "not_done", "evidence", "notes", "references",
                                  "workup", "suggestions", "red_flags", "warnings"])
def test_omitted_section_absent_from_facts(kb, seed, omit):
    """An omitted section leaves no data behind (the JSON has the same sections)."""
    case, analysis = seed
    report = build_report(kb, case, analysis, ReportOptions.omitting([omit]))
    assert omit not in report["options"]["sections"]
    if omit == "notes":
        assert "notes" not in report["case"]
    elif omit == "evidence":
        assert all("evidence_for" not in e for e in report["leading"])
    else:
        assert omit not in report
    assert report["disclaimer"] == DISCLAIMER and report["knowledge_base"]["sha256"] == kb.sha256


def test_options_validation():
    """Unknown sections and page sizes are refused with the valid choices named."""
    with pytest.raises(ValueError, match=r"unknown report section.*nonsense"):
        ReportOptions.omitting(["nonsense"])
    with pytest.raises(ValueError, match="A4, Letter"):
        ReportOptions(page_size="A5")
    assert ReportOptions().sections == frozenset(SECTIONS)


def test_json_round_trips_and_matches_analysis(seed, seed_report):
    """The JSON export parses back to the same facts and agrees with the analysis."""
    _, analysis = seed
    text = render_json(seed_report)
    back = json.loads(text)
    assert back == seed_report
    assert back["differential"][0]["probability"] == analysis.leader.probability
    for key in ("case", "knowledge_base", "app", "exported_at", "findings", "differential",
                "leading", "red_flags", "workup", "suggestions", "references", "disclaimer"):
        assert key in back


def test_stains_not_done_follow_the_kb_report_thresholds(kb, seed):
    """The smallest difference worth listing and the list length come from kb.yaml."""
    _, analysis = seed
    leaders = compared_entities(kb, analysis)
    listed = key_stains_not_done(kb, analysis, leaders)
    assert all(s.distance >= kb.report.min_difference for s in listed)
    assert len(listed) <= kb.report.stains_most
    stricter = kb.report._replace(min_difference=max(s.distance for s in listed) + 1e-9)
    shorter = kb.report._replace(stains_most=1)
    original = kb.report
    try:
        kb.report = stricter
        assert key_stains_not_done(kb, analysis, leaders) == []
        kb.report = shorter
        assert key_stains_not_done(kb, analysis, leaders) == listed[:1]
    finally:
        kb.report = original


def test_recommended_stains_are_one_orderable_list_by_gain(kb, seed, seed_report):
    """ONE list: orderable stains and tests not done (no H&E or clinical item), in the
    engine's order of expected gain, each with why in words and the gain in words."""
    _, analysis = seed
    stains = seed_report["recommended_stains"]
    assert stains
    engine = [s.finding for s in analysis.suggestions(top=None, orderable_only=True)]
    assert [s["finding"] for s in stains] == engine[:len(stains)]
    for s in stains:
        group = kb.groups[kb.findings[s["finding"]].group]
        assert group.orderable and group.id not in ("morphology", "clinical")
        assert s["finding"] not in analysis.values
        assert s["gain_bits"] >= kb.settings.settled_below_bits
        assert s["why"].startswith("Separates ") and s["gain_label"] in ("high", "moderate",
                                                                         "low")
    assert [s["gain_bits"] for s in stains] == sorted((s["gain_bits"] for s in stains),
                                                      reverse=True)


def test_no_recommended_stains_when_the_case_is_settled(kb, now):
    """When no stain is expected to change the differential the list is empty."""
    from ddx_app.case import load_case
    from ddx_app.engine import analyse
    from ddx_app.paths import examples_dir

    case = load_case(examples_dir() / "imt.ddx.yaml", kb)
    analysis = analyse(kb, case.findings)
    assert analysis.settled(orderable_only=True)
    report = build_report(kb, case, analysis, now=now)
    assert report["recommended_stains"] == []


def test_sign_out_other_findings_and_conclusion(kb, seed, now):
    """The case file's sign-out fields and other findings, and a conclusion line composed
    from the ranking, are in the facts (and so in the JSON)."""
    import copy

    case, analysis = seed
    case = copy.copy(case)
    case.sign_out = {"specimen": "Biopsy", "pathologist": "Dr Wang"}
    case.other_findings = ["EMA focal"]
    report = build_report(kb, case, analysis, now=now)
    assert report["sign_out"] == {"specimen": "Biopsy", "site": None,
                                  "requesting_clinician": None, "pathologist": "Dr Wang"}
    assert report["other_findings"] == ["EMA focal"]
    conclusion = report["conclusion"]
    lead, second = analysis.ranking[0], analysis.ranking[1]
    assert conclusion["leader"]["entity"] == lead.entity
    assert conclusion["runner_up"]["entity"] == second.entity
    assert conclusion["text"].startswith(f"Leading: {kb.entities[lead.entity].name['en']}")
    assert conclusion["text"].endswith("Decision support, not a diagnosis.")
    zh = build_report(kb, case, analysis, ReportOptions(lang="zh_CN"), now)
    assert "仅供决策支持" in zh["conclusion"]["text"]


def test_key_evidence_as_odds_ratios(seed, seed_report):
    """The key evidence names the strongest findings for and against the leader with odds
    ratios (exp of the weight), never the logarithm."""
    import math

    _, analysis = seed
    ev = seed_report["key_evidence"]
    assert ev["entity"] == analysis.leader.entity
    for item in ev["for"] + ev["against"]:
        ratio = math.exp(abs(item["llr"]))
        shown = float(item["odds_display"].lstrip("×>"))
        assert shown == pytest.approx(ratio, rel=0.06, abs=0.06)
        assert f"{item['llr']:.2f}" not in item["text"]
