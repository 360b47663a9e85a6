"""The leading entities side by side (engine/compare.py): which findings separate them,
in the order a pathologist reads them, with the knowledge base's own numbers."""

from __future__ import annotations

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from testdata import EXAMPLES

from ddx_app.case import load_case
from ddx_app.engine import analyse
from ddx_app.engine.compare import compare, compared_entities
from ddx_app.engine.explain import NEGLIGIBLE_LLR


def test_mini_kb_rows_by_hand(mini_kb):
    """Nothing recorded: the findings whose state distributions differ by at least
    report.min_difference (0.3), most separating first; stain_s (equal) is left out."""
    a = analyse(mini_kb, {})
    entities = compared_entities(a)
    assert entities == [r.entity for r in a.ranking]  # two entities, most probable first
    rows = compare(mini_kb, a, entities)
    # total variation: atypia |0.05-0.9| = 0.85; age and stain_k 0.6; sex 0.3
    assert [(r.finding, round(r.separation, 6)) for r in rows] == [
        ("atypia", 0.85), ("age", 0.6), ("stain_k", 0.6), ("sex", 0.3)]
    assert not any(r.is_recorded for r in rows)
    atypia = rows[0]
    assert atypia.state == "present" and atypia.state_label
    assert {c.entity: c.p for c in atypia.cells} == {"alpha": 0.05, "beta": 0.9}


def test_recorded_findings_come_first_with_their_weight(mini_kb):
    """A recorded finding heads the table with its recorded state and its largest weight
    between the entities; one that weighs nothing between them is left out."""
    a = analyse(mini_kb, {"stain_k": "negative", "stain_s": "negative"})
    rows = compare(mini_kb, a, ["alpha", "beta"])
    assert rows[0].finding == "stain_k" and rows[0].is_recorded
    assert rows[0].recorded == "negative" and rows[0].state == "negative"
    row = mini_kb.loglik["stain_k"]["negative"]
    assert math.isclose(rows[0].separation, abs(row[0] - row[1]))
    assert rows[0].cell("alpha").p == mini_kb.cell("alpha", "stain_k").probs["negative"]
    assert "stain_s" not in {r.finding for r in rows}  # 98% in both: no separation
    assert all(not r.is_recorded for r in rows[1:])


def test_imt_example_compares_the_leaders_with_kb_numbers(kb):
    """The worked-up IMT case: the top entities (kb.yaml report.compare_top) in order;
    recorded rows first, strongest first; then findings not assessed that separate them
    most; every cell is the knowledge base's figure with its provenance."""
    case = load_case(EXAMPLES / "imt.ddx.yaml", kb)
    a = analyse(kb, case.findings)
    entities = compared_entities(a)
    assert entities == [r.entity for r in a.ranking[:kb.report.compare_top]]
    assert entities[0] == "imt"
    rows = compare(kb, a, entities)
    recorded = [r for r in rows if r.is_recorded]
    rest = [r for r in rows if not r.is_recorded]
    assert recorded and rest
    assert rows == recorded + rest  # recorded first
    assert [r.separation for r in recorded] == sorted((r.separation for r in recorded),
                                                      reverse=True)
    assert [r.separation for r in rest] == sorted((r.separation for r in rest), reverse=True)
    assert all(r.finding in case.findings for r in recorded)
    assert all(r.finding not in case.findings for r in rest)
    assert all(r.separation >= kb.report.min_difference for r in rest)
    assert all(r.separation >= NEGLIGIBLE_LLR for r in recorded)
    # plasma cells (85% in IMT, rare in the spindle cell mimics) lead the recorded rows
    assert recorded[0].finding == "plasma_cells_abundant"
    for r in rows:
        assert [c.entity for c in r.cells] == entities
        for c in r.cells:
            cell = kb.cell(c.entity, r.finding)
            assert c.p == cell.probs[r.state]
            assert c.provenance == cell.provenance
            assert c.counts == cell.counts_text(r.state)
    # a stain not assessed shows its positive result (the P key of findings.yaml entry)
    stains = [r for r in rest if kb.findings[r.finding].kind == "stain"]
    assert stains and all(r.state == "positive" for r in stains)
    # the recorded result, not the positive one: S100 was negative
    s100 = next(r for r in recorded if r.finding == "ihc_s100")
    assert s100.state == "negative" and s100.state_label == "Negative"
    assert len(compare(kb, a, entities, limit=5)) == 5


def test_fewer_than_two_entities_compare_nothing(kb):
    a = analyse(kb, {})
    assert compare(kb, a, ["imt"]) == []
    assert compare(kb, a, ["imt", "imt"]) == []
    assert compared_entities(a, most=1) == [a.leader.entity]


def test_labels_follow_the_language(kb):
    a = analyse(kb, {"ihc_s100": "negative"})
    rows = compare(kb, a, compared_entities(a), lang="zh_CN")
    finding = kb.findings[rows[0].finding]
    assert rows[0].label == (finding.label.get("zh_CN") or finding.label.get("zh")
                             or finding.label["en"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_rows_are_ordered_and_unique_for_any_case(kb, data):
    """Any case: each finding once; recorded rows first, then the rest; each part by
    separation; context findings never suggested as separating."""
    fids = data.draw(st.lists(st.sampled_from(sorted(kb.findings)), max_size=12, unique=True))
    values = {}
    for fid in fids:
        f = kb.findings[fid]
        if f.is_numeric:
            lo, hi = f.range
            values[fid] = data.draw(st.floats(min_value=lo, max_value=hi, allow_nan=False))
        else:
            values[fid] = data.draw(st.sampled_from(f.accepted_values))
    a = analyse(kb, values)
    rows = compare(kb, a, compared_entities(a))
    assert len({r.finding for r in rows}) == len(rows)
    flags = [r.is_recorded for r in rows]
    assert flags == sorted(flags, reverse=True)
    for part in (True, False):
        seps = [r.separation for r in rows if r.is_recorded is part]
        assert seps == sorted(seps, reverse=True)
    assert not any(kb.findings[r.finding].is_context for r in rows if not r.is_recorded)
    assert all(0.0 <= c.p <= 1.0 for r in rows for c in r.cells)
