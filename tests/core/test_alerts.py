"""Warnings that know when they are done, from one list (ddx_app/engine/alerts.py).

What a pathologist would notice: a red flag answered by a recorded result stops asking
for it and shows as resolved; a reminder about an entity the case has left behind is
silent; the command line and the report list the same warnings in the same order,
most urgent first.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from testdata import EXAMPLE_CASES, EXAMPLES

from ddx_app.case import Case
from ddx_app.cli import main
from ddx_app.engine import analyse
from ddx_app.engine.alerts import ACTIVE, LEVELS, RESOLVED, alert_lines
from ddx_app.knowledge import load_knowledge_base
from ddx_app.report.model import build_report

# Overwhelmingly spindle cell (sarcomatoid) SCC: the ALK-negative IMT reminder has
# nothing to say here.
SCC_CASE = {
    "ihc_cytokeratin": "diffuse", "ihc_p63_p40": "positive",
    "marked_nuclear_pleomorphism": "present", "atypical_mitoses": "present",
    "surface_dysplasia_or_carcinoma": "present", "ihc_sox10": "negative",
    "ihc_alk": "negative", "spindle_cell_proliferation": "present",
}
S100_FLAG = "red_flag:s100_negative_melanoma_not_excluded"
ALK_FLAG = "red_flag:alk_negative_does_not_exclude_imt"
RHINO_FLAG = "red_flag:endemic_exposure_organisms"


def _alert(analysis, alert_id):
    return next((x for x in analysis.alerts if x.id == alert_id), None)


def _case_file(tmp_path, findings: dict) -> str:
    path = tmp_path / "c.ddx.yaml"
    path.write_text("ddx_case: 1\ncase_id: T1\nfindings:\n"
                    + "".join(f"  {k}: {v}\n" for k, v in findings.items()), "utf-8")
    return str(path)


def _explain_text(capsys, path: str) -> str:
    assert main(["explain", path]) == 0
    return capsys.readouterr().out


def test_add_sox10_is_gone_once_sox10_is_recorded(kb, capsys, tmp_path):
    """S100 negative asks for SOX10; once SOX10 is negative the flag is resolved (even
    with HMB45 and Melan-A not done): its message and 'Not done' go, a muted line says
    which result resolved it."""
    message = analyse(kb, {"ihc_s100": "negative"}).alerts
    flag = next(x for x in message if x.id == S100_FLAG)
    assert flag.state == ACTIVE and "ihc_sox10" in flag.panel
    before = _explain_text(capsys, _case_file(tmp_path, {"ihc_s100": "negative"}))
    assert flag.message in before and "SOX10" in before

    a = analyse(kb, {"ihc_s100": "negative", "ihc_sox10": "negative"})
    resolved = _alert(a, S100_FLAG)
    assert resolved.state == RESOLVED and resolved.panel == ()
    assert resolved.resolved_with == ("ihc_sox10",) and "SOX10 = Negative" in resolved.resolution
    assert S100_FLAG not in [r.flag.id for r in a.red_flags]  # active flags only
    after = _explain_text(capsys, _case_file(
        tmp_path, {"ihc_s100": "negative", "ihc_sox10": "negative"}))
    assert flag.message not in after and "Add SOX10" not in after
    assert "[resolved]" in after and "SOX10 = Negative" in after


def test_rhinoscleroma_flag_resolves_on_organisms_or_both_tests(kb):
    """Bacilli found resolve it at once; a negative stain alone does not; a negative stain
    and a negative culture do."""
    base = {"mikulicz_cells": "present"}
    assert _alert(analyse(kb, base), RHINO_FLAG).state == ACTIVE
    found = _alert(analyse(kb, {**base, "special_stain_bacilli": "positive"}), RHINO_FLAG)
    assert found.state == RESOLVED and found.resolved_with == ("special_stain_bacilli",)
    stain_only = _alert(analyse(kb, {**base, "special_stain_bacilli": "negative"}), RHINO_FLAG)
    assert stain_only.state == ACTIVE and stain_only.panel == ("klebsiella_culture",)
    both = {**base, "special_stain_bacilli": "negative", "klebsiella_culture": "negative"}
    assert _alert(analyse(kb, both), RHINO_FLAG).state == RESOLVED


def test_every_bundled_red_flag_says_what_resolves_it(kb):
    assert all(f.resolves and f.title for f in kb.red_flags)
    a = analyse(kb, {"ihc_s100": "negative"})
    assert _alert(a, S100_FLAG).resolved_by


def test_alk_negative_imt_flag_is_silent_in_a_carcinoma(kb):
    """The ALK-negative IMT reminder is about IMT: silent in a >99% spindle cell SCC case,
    shown in an IMT case."""
    a = analyse(kb, SCC_CASE)
    assert a.leader.entity == "spindle_cell_scc" and a.leader.probability > 0.99
    assert a.posterior["imt"] < kb.settings.flag_silent_below
    assert ALK_FLAG not in [x.id for x in a.alerts]
    imt = analyse(kb, load_case_findings(EXAMPLES / "imt.ddx.yaml", kb))
    assert ALK_FLAG in [x.id for x in imt.alerts]


def load_case_findings(path: Path, kb) -> dict:
    from ddx_app.case import load_case

    return load_case(str(path), kb).findings


@pytest.mark.parametrize("path", EXAMPLE_CASES, ids=lambda p: p.name)
def test_alerts_most_urgent_first_resolved_last(kb, path):
    alerts = analyse(kb, load_case_findings(path, kb)).alerts
    keys = [(x.state != ACTIVE, LEVELS.index(x.level)) for x in alerts]
    assert keys == sorted(keys)
    assert len({x.id for x in alerts}) == len(alerts)


def test_cli_and_report_list_the_same_alerts_in_the_same_order(kb, capsys, tmp_path):
    """`ddx explain --json`, the report's JSON and the text output share one list."""
    findings = {**SCC_CASE, "ihc_s100": "negative", "mikulicz_cells": "present",
                "necrosis": "present"}
    path = _case_file(tmp_path, findings)
    a = analyse(kb, findings)
    ids = [x.id for x in a.alerts]
    assert len(ids) >= 3 and any(x.state == RESOLVED for x in a.alerts)
    assert main(["explain", path, "--json"]) == 0
    assert [x["id"] for x in json.loads(capsys.readouterr().out)["alerts"]] == ids
    report = build_report(kb, Case(findings=findings, case_id="T1"), a)
    assert [x["id"] for x in report["alerts"]] == ids
    shown = [x["id"] for x in report["warnings"]["alerts"]] + \
        [x["alert_id"] for x in report["red_flags"]]
    assert sorted(shown) == sorted(ids)
    text = _explain_text(capsys, path)
    heads = [alert_lines(kb, x)[0] for x in a.alerts]
    positions = [text.index(h) for h in heads]
    assert positions == sorted(positions)


def test_explain_json_has_every_part(kb, capsys):
    assert main(["explain", str(EXAMPLES / "imt_seed_case15.ddx.yaml"), "--json",
                 "--versus", "igg4_rd"]) == 0
    data = json.loads(capsys.readouterr().out)
    for key in ("case_id", "knowledge_base", "differential", "relative_to_entities", "alerts",
                "criteria", "evidence", "versus", "workups", "entity", "leader_odds"):
        assert key in data, key
    assert data["entity"] == data["differential"][0]["entity"] == "imt"
    assert set(data["criteria"]) == set(kb.entity_ids)
    assert all(c["status"] in ("met", "not met", "unknown")
               for cs in data["criteria"].values() for c in cs)
    row = data["evidence"]["findings"][0]
    for key in ("finding", "state", "weight", "direction", "p_entity", "source", "counts"):
        assert key in row, key
    assert data["workups"] and {"id", "path", "next_step", "conclusion"} <= set(data["workups"][0])
    for alert in data["alerts"]:
        assert {"id", "level", "state", "title", "message", "panel", "triggered_by",
                "resolved_by", "source", "entity"} <= set(alert)
    assert data["versus"]["other"] == "igg4_rd"


def test_rank_json_keeps_the_contract_and_adds_bands(kb, capsys):
    assert main(["rank", str(EXAMPLES / "imt.ddx.yaml"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    probs = [d["probability"] for d in data["differential"]]
    assert abs(sum(probs) - 1) < 1e-9 and probs == sorted(probs, reverse=True)
    assert any(0 < p < 0.005 for p in probs)  # unrounded: a "<1%" entity keeps its value
    assert data["relative_to_entities"] == len(kb.entities)
    bands = {b.id for b in kb.display.bands}
    assert all(d["band"] in bands and d["band_label"] for d in data["differential"])
    assert data["differential"][0]["band"] == "strongly_favoured"


def test_every_ranking_says_what_it_is_relative_to(kb, capsys):
    assert main(["rank", str(EXAMPLES / "igg4_rd.ddx.yaml")]) == 0
    out = capsys.readouterr().out
    assert f"relative to the {len(kb.entities)} entities in this knowledge base" in out
    assert "as probable as" in out and ">99.9" not in out
    assert any(b in out for b in ("strongly favoured", "favoured", "possible"))


def test_bands_come_from_the_knowledge_base(kb):
    assert kb.display.band(0.95).id == "strongly_favoured"
    assert kb.display.band(0.6).id == "favoured"
    assert kb.display.band(0.2).id == "possible"
    assert kb.display.band(0.001).id == "unlikely"
    assert kb.display.band(0.0).id == "unlikely"


def test_a_flag_about_an_unknown_entity_or_bands_out_of_order_are_kb_errors(mini_kb_dir):
    from ddx_app.errors import KnowledgeBaseError

    kb_yaml = mini_kb_dir / "kb.yaml"
    text = kb_yaml.read_text("utf-8")
    text = text.replace("    panel: [stain_k]\n",
                        "    panel: [stain_k]\n    about: nobody\n"
                        "    resolved_when: {finding: nothing, is: present}\n", 1)
    text = text.replace("red_flags:\n", "display:\n  bands:\n"
                        "    - {id: low, at_least: 0.1, label: {en: low}}\n"
                        "    - {id: high, at_least: 0.5, label: {en: high}}\n"
                        "red_flags:\n", 1)
    kb_yaml.write_text(text, "utf-8")
    with pytest.raises(KnowledgeBaseError) as exc:
        load_knowledge_base(mini_kb_dir, use_cache=False)
    found = "\n".join(str(p) for p in exc.value.problems)
    assert "unknown entity 'nobody'" in found
    assert "unknown finding 'nothing'" in found
    assert "0.5 is not below 0.1" in found
    assert "the last band must start at 0" in found
