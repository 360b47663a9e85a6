"""Incremental model updates: rows end up exactly as asked, selections follow their rows."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPersistentModelIndex

from ddx_app.gui.models.keyed import KeyedItemModel

KEYS = st.lists(st.sampled_from([f"k{i}" for i in range(10)]), unique=True, max_size=10)


@settings(max_examples=150, deadline=None)
@given(st.lists(KEYS, min_size=1, max_size=6))
def test_keyed_model_reaches_any_new_key_order(sequence):
    """Whatever the ranking does between edits, the differential shows exactly the new
    rows in the new order, and a selected entity stays selected."""
    model = KeyedItemModel()
    for keys in sequence:
        kept = {k: QPersistentModelIndex(model.index(i, 0))
                for i, k in enumerate(model._keys)}
        model.set_rows([k.upper() for k in keys], keys)
        assert [model.key(r) for r in range(model.rowCount())] == keys
        assert [model.row_data(r) for r in range(model.rowCount())] == [k.upper() for k in keys]
        # what the view shows, not just the bookkeeping
        assert [model.index(r, 0).data() for r in range(model.rowCount())] == \
            [k.upper() for k in keys]
        for key, index in kept.items():
            if key in keys:
                assert index.isValid() and index.row() == keys.index(key)
            else:
                assert not index.isValid()


def test_evidence_table_follows_edits_row_by_row(window):
    """The evidence table always lists exactly the recorded findings, in order of weight,
    through a series of edits and undos."""
    model = window.evidence.model
    steps = [("ihc_sma", "positive"), ("ihc_cytokeratin", "negative"), ("necrosis", "present"),
             ("ihc_sma", "negative"), ("age_years", 70), ("age_years", 8), ("necrosis", None)]
    window.select_entity("imt")
    for fid, value in steps:
        window.doc.set_finding(fid, value)
        _check_evidence(window, model)
    for _ in steps:
        window.doc.undo_stack.undo()
        _check_evidence(window, model)


def _check_evidence(window, model):
    from ddx_app.gui.models.roles import FindingIdRole, SectionRole, WeightRole

    expected = {c.finding: c.llr for c in window.doc.analysis.explain("imt")}
    shown, sections = {}, {}
    section = None
    for r in range(model.rowCount()):
        if window.evidence.adapter.is_section(r):
            section = model.index(r, 0).data(SectionRole)
            sections[section] = []
            continue
        fid = model.index(r, 0).data(FindingIdRole)
        shown[fid] = model.index(r, 2).data(WeightRole)
        sections[section].append(shown[fid])
    assert shown == expected
    # each finding under its heading, strongest first
    assert list(sections) == [k for k in ("for", "against", "neutral") if k in sections]
    assert sections.get("for", []) == sorted(sections.get("for", []), reverse=True)
    assert sections.get("against", []) == sorted(sections.get("against", []))
    assert all(w > 0 for w in sections.get("for", []))
    assert all(w < 0 for w in sections.get("against", []))
