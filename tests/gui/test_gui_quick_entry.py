"""The quick entry line (Ctrl+L) and Edit > Copy Summary (Ctrl+Shift+C)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from ddx_app.gui.models.roles import EntityIdRole, FindingIdRole, ProbabilityRole
from ddx_app.summary import summary_text

PANEL = "spindle cells, SMA+ desmin- CK focal ALK- S100 neg SOX10- Ki67 15% IgG4 60/HPF"


def _differential(window) -> dict:
    m = window.differential_model
    return {m.index(r, 0).data(EntityIdRole): m.index(r, 1).data(ProbabilityRole)
            for r in range(m.rowCount())}


def _evidence_findings(window) -> set:
    model = window.evidence.model
    return {model.index(r, 0).data(FindingIdRole) for r in range(model.rowCount())} - {None}


def test_quick_entry_sits_above_the_checklist_with_an_example(window):
    edit = window.findChild(QLineEdit, "quickEntry")
    assert edit is window.quick_entry and edit.accessibleName()
    assert "SMA+" in edit.placeholderText() and "Ctrl+L" in edit.placeholderText()
    for name in ("findingsView", "findingFilter", "differentialView", "evidenceTitle",
                 "evidenceView", "suggestionsView"):
        assert window.findChild(QWidget, name) is not None, name
    y = edit.mapTo(window, edit.rect().topLeft()).y()
    view = window.findings_view
    assert y < view.mapTo(window, view.rect().topLeft()).y()
    assert y < window.filter_edit.mapTo(window, window.filter_edit.rect().topLeft()).y()


def test_typing_a_panel_and_enter_is_one_undo_step(window, qtbot):
    window.doc.set_finding("necrosis", "absent")  # something to come back to
    window.doc.undo_stack.setClean()
    before_findings = dict(window.doc.case.findings)
    before_ranking = _differential(window)
    before_evidence = _evidence_findings(window)
    steps = window.doc.undo_stack.count()

    window.focus_quick_entry()
    qtbot.keyClicks(window.quick_entry, PANEL + " frobnicate")
    preview = window.findings_panel.quick_entry_box.preview
    assert preview.isVisible()
    assert "SMA</b> = Positive" in preview.text() and "frobnicate" in preview.text()
    qtbot.keyClick(window.quick_entry, Qt.Key.Key_Return)

    assert window.doc.value("ihc_sma") == "positive"
    assert window.doc.value("ihc_cytokeratin") == "focal"
    assert window.doc.value("ihc_ki67_percent") == 15
    assert window.doc.value("ihc_igg4_per_hpf") == 60
    assert window.doc.undo_stack.count() == steps + 1  # ONE undo step
    assert _differential(window) != before_ranking
    assert {"ihc_sma", "ihc_cytokeratin"} & _evidence_findings(window)
    assert window.quick_entry.text() == "frobnicate"  # not understood: kept, not lost
    assert window.isWindowModified()

    window.registry["ddx.edit.undo"].trigger()  # one undo restores the previous state
    assert window.doc.case.findings == before_findings
    assert _differential(window) == before_ranking
    assert _evidence_findings(window) == before_evidence
    assert not window.isWindowModified()
    window.registry["ddx.edit.redo"].trigger()
    assert window.doc.value("ihc_sma") == "positive"


def test_enter_with_nothing_understood_records_nothing(window, qtbot):
    steps = window.doc.undo_stack.count()
    qtbot.keyClicks(window.quick_entry, "xyzzy Ki67 5-10")
    assert "give one number" in window.findings_panel.quick_entry_box.preview.text()
    qtbot.keyClick(window.quick_entry, Qt.Key.Key_Return)
    assert window.doc.undo_stack.count() == steps and not window.doc.case.findings
    assert window.quick_entry.text() == "xyzzy Ki67 5-10"
    assert "nothing understood" in window.statusBar().currentMessage()


def test_values_already_recorded_push_no_empty_step(window, qtbot):
    window.doc.set_finding("ihc_sma", "positive")
    steps = window.doc.undo_stack.count()
    qtbot.keyClicks(window.quick_entry, "SMA+")
    qtbot.keyClick(window.quick_entry, Qt.Key.Key_Return)
    assert window.doc.undo_stack.count() == steps and window.quick_entry.text() == ""


def test_escape_clears_and_the_preview_goes(window, qtbot):
    qtbot.keyClicks(window.quick_entry, "SMA+")
    qtbot.keyClick(window.quick_entry, Qt.Key.Key_Escape)
    assert window.quick_entry.text() == ""
    assert not window.findings_panel.quick_entry_box.preview.isVisible()
    assert window.doc.value("ihc_sma") is None


def test_ctrl_l_focuses_the_quick_entry_line(window, qtbot):
    window.findings_view.setFocus()
    qtbot.waitUntil(lambda: window.findings_view.hasFocus())
    assert window.registry["ddx.edit.quick_entry"].shortcut().toString() == "Ctrl+L"
    qtbot.keyClick(window.findings_view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.quick_entry.hasFocus())


def test_ctrl_shift_c_copies_the_summary(window, qtbot):
    qtbot.keyClicks(window.quick_entry, PANEL)
    qtbot.keyClick(window.quick_entry, Qt.Key.Key_Return)
    clipboard = QApplication.clipboard()
    clipboard.clear()
    action = window.registry["ddx.edit.copy_summary"]
    assert action.shortcut().toString() == "Ctrl+Shift+C"
    assert action in window.edit_menu.actions()
    window.findings_view.setFocus()
    qtbot.waitUntil(lambda: window.findings_view.hasFocus())
    qtbot.keyClick(window.findings_view, Qt.Key.Key_C,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    copied = clipboard.text()
    assert copied == summary_text(window.doc.case, window.doc.analysis)
    assert window.kb.short_hash in copied and "SMA positive" in copied
    assert len(copied.strip().split("\n")) <= 12


def test_copy_summary_waits_in_trainee_mode(window):
    QApplication.clipboard().setText("unchanged")
    window.set_trainee_mode(True)
    window.registry["ddx.edit.copy_summary"].trigger()
    assert QApplication.clipboard().text() == "unchanged"
    assert "Trainee mode" in window.statusBar().currentMessage()
