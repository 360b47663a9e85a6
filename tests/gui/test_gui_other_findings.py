"""A filter that names no finding offers to record the term as an other finding (not
scored): one undo step, shown in the window, removable, saved in the case file."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ddx_app.case import load_case


def _filter(window, qtbot, term: str) -> None:
    window.filter_edit.clear()
    qtbot.keyClicks(window.filter_edit, term)


def test_a_filter_matching_nothing_says_so_and_offers_to_record_it(window, qtbot):
    panel = window.findings_panel
    _filter(window, qtbot, "bcl-2")
    assert panel.no_match.isVisible() and not window.findings_view.isVisible()
    assert "No finding matches 'bcl-2'" in panel.no_match_label.text()
    assert "Record 'bcl-2' as an other finding" in panel.record_other.text()
    _filter(window, qtbot, "SMA")  # a finding's name: the checklist, no offer
    assert window.findings_view.isVisible() and not panel.no_match.isVisible()


def test_a_term_found_only_inside_words_is_offered_too(window, qtbot):
    """'EMA' occurs in 'female' and 'oedematous': those show, and the offer with them."""
    panel = window.findings_panel
    _filter(window, qtbot, "EMA")
    assert window.findings_view.isVisible() and panel.no_match.isVisible()
    assert "EMA" in panel.record_other.text()


def test_recording_is_one_undo_step_marks_the_case_modified_and_clears_the_filter(
        window, qtbot):
    panel = window.findings_panel
    other = panel.other_findings
    assert not other.isVisible()  # no other findings yet: no box
    _filter(window, qtbot, "bcl-2")
    before, analysis = window.doc.undo_stack.count(), window.doc.analysis
    qtbot.mouseClick(panel.record_other, Qt.MouseButton.LeftButton)
    assert window.doc.case.other_findings == ["bcl-2"]
    assert window.doc.undo_stack.count() == before + 1 and window.doc.is_modified
    assert window.filter_edit.text() == "" and window.findings_view.isVisible()
    assert other.isVisible() and other.list.item(0).text() == "bcl-2"
    assert window.doc.analysis is analysis  # never scored: the differential stays
    window.doc.undo_stack.undo()
    assert window.doc.case.other_findings == [] and not other.isVisible()
    window.doc.undo_stack.redo()
    assert window.doc.case.other_findings == ["bcl-2"]


def test_an_other_finding_is_removed_with_delete_and_the_removal_undone(window, qtbot):
    for term in ("bcl-2", "CD99 membranous"):
        _filter(window, qtbot, term)
        window.findings_panel.record_other.click()
    other = window.findings_panel.other_findings
    assert [other.list.item(i).text() for i in range(other.list.count())] == \
        ["bcl-2", "CD99 membranous"]
    other.list.setCurrentRow(0)
    other.list.setFocus()
    qtbot.keyClick(other.list, Qt.Key.Key_Delete)
    assert window.doc.case.other_findings == ["CD99 membranous"]
    window.doc.undo_stack.undo()
    assert window.doc.case.other_findings == ["bcl-2", "CD99 membranous"]


def test_recording_the_same_term_twice_keeps_one(window, qtbot):
    for term in ("bcl-2", "BCL-2 "):
        _filter(window, qtbot, term)
        window.findings_panel.record_other.click()
    assert window.doc.case.other_findings == ["bcl-2"]


def test_other_findings_are_saved_in_the_case_file_and_reloaded(window, qtbot, kb, tmp_path):
    _filter(window, qtbot, "bcl-2")
    window.findings_panel.record_other.click()
    path = tmp_path / "case.ddx.yaml"
    window.doc.save(path)
    assert "other_findings:" in path.read_text("utf-8")
    assert load_case(path, kb).other_findings == ["bcl-2"]
    window.doc.new()
    assert not window.findings_panel.other_findings.isVisible()
    window.doc.load(path)
    other = window.findings_panel.other_findings
    assert other.isVisible() and other.list.item(0).text() == "bcl-2"


def test_ctrl_enter_keeps_what_the_quick_entry_did_not_understand(window, qtbot):
    entry = window.findChild(type(window.quick_entry), "quickEntry")
    entry.setFocus()
    qtbot.keyClicks(entry, "SMA+ EMA focal, CD99")
    qtbot.keyClick(entry, Qt.Key.Key_Return)  # records SMA; the rest stays in the line
    assert window.doc.case.findings == {"ihc_sma": "positive"}
    before = window.doc.analysis.posterior
    qtbot.keyClick(entry, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    terms = window.doc.case.other_findings
    assert any("EMA" in t for t in terms) and any("CD99" in t for t in terms)
    assert entry.text() == ""  # they left the line
    assert window.doc.analysis.posterior == before  # never scored
    window.doc.undo_stack.undo()  # one undo step for all of them
    assert window.doc.case.other_findings == []
