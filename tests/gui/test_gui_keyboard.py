"""Full keyboard use of the findings checklist."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ddx_app.gui.widgets.state_delegate import NumberEditor


def _select(window, finding: str) -> None:
    index = window.filter_proxy.mapFromSource(window.findings_model.index_of(finding))
    window.findings_view.setCurrentIndex(index)


def _keys_give(window, qtbot, finding: str, steps) -> None:
    """Press each key on ``finding``'s row and check the value it leaves recorded."""
    _select(window, finding)
    for key, expected in steps:
        qtbot.keyClick(window.findings_view, key)
        assert window.doc.value(finding) == expected, key


def test_letter_keys_set_stain_states(window, qtbot):
    """P, F, D, N and Delete set positive, focal, diffuse, negative and not done on a stain."""
    _keys_give(window, qtbot, "ihc_sma", (
        (Qt.Key.Key_P, "positive"), (Qt.Key.Key_F, "focal"), (Qt.Key.Key_D, "diffuse"),
        (Qt.Key.Key_N, "negative"), (Qt.Key.Key_A, "negative"), (Qt.Key.Key_Delete, None),
        (Qt.Key.Key_P, "positive"), (Qt.Key.Key_0, None), (Qt.Key.Key_P, "positive"),
        (Qt.Key.Key_Backspace, None)))


def test_letter_keys_set_feature_states(window, qtbot):
    """P and A (or N) record present and absent; F and D do nothing on a feature."""
    _keys_give(window, qtbot, "necrosis", (
        (Qt.Key.Key_P, "present"), (Qt.Key.Key_A, "absent"), (Qt.Key.Key_F, "absent")))


def test_space_cycles_through_every_state_including_not_assessed(window, qtbot):
    """Space steps through the states and back to not assessed."""
    view = window.findings_view
    _select(window, "ihc_alk")
    seen = []
    for _ in range(5):
        qtbot.keyClick(view, Qt.Key.Key_Space)
        seen.append(window.doc.value("ihc_alk"))
    assert seen == ["negative", "positive", "focal", "diffuse", None]


def test_categorical_keys_use_first_letters(window, qtbot):
    """On 'Sex', M and F choose male and female."""
    _keys_give(window, qtbot, "sex", ((Qt.Key.Key_F, "female"), (Qt.Key.Key_M, "male")))


def test_arrows_move_and_keys_apply_to_the_new_row(window, qtbot):
    """Down arrow moves to the next finding, whose state the next key then sets."""
    view = window.findings_view
    _select(window, "necrosis")
    qtbot.keyClick(view, Qt.Key.Key_Down)
    next_id = window.current_finding()
    assert next_id not in (None, "necrosis")
    qtbot.keyClick(view, Qt.Key.Key_P)
    assert window.doc.value(next_id) == "present"
    assert window.doc.value("necrosis") is None


def test_typing_a_number_edits_a_numeric_finding(window, qtbot):
    """On a number row, digits open the number field; Enter records the value."""
    view = window.findings_view
    _select(window, "ihc_ki67_percent")
    qtbot.keyClick(view, Qt.Key.Key_1)
    editor = view.findChild(NumberEditor)
    assert editor is not None and editor.text() == "1"
    qtbot.keyClicks(editor.line, "5")
    qtbot.keyClick(editor.line, Qt.Key.Key_Return)
    assert window.doc.value("ihc_ki67_percent") == 15


def test_enter_opens_the_editor_and_delete_clears_a_number(window, qtbot):
    """Enter edits the value of the current finding; Delete sets a number back to empty."""
    view = window.findings_view
    window.doc.set_finding("age_years", 40)
    _select(window, "age_years")
    qtbot.keyClick(view, Qt.Key.Key_Return)
    editor = view.findChild(NumberEditor)
    assert editor is not None and editor.text() == "40"
    qtbot.keyClick(editor.line, Qt.Key.Key_Escape)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert window.doc.value("age_years") is None


def test_ctrl_f_focuses_the_filter_and_down_goes_to_the_first_match(window, qtbot):
    """Ctrl+F jumps to the filter box; Down moves into the filtered checklist."""
    window.registry["ddx.edit.find"].trigger()
    qtbot.keyClicks(window.filter_edit, "desmin")
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_Down)
    assert window.current_finding() == "ihc_desmin"
    qtbot.keyClick(window.findings_view, Qt.Key.Key_P)
    assert window.doc.value("ihc_desmin") == "positive"
    window.focus_filter()
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_Escape)
    assert window.filter_edit.text() == ""


def test_find_action_has_the_standard_shortcut(window):
    """The Find action is bound to the platform's Find key (Ctrl+F)."""
    keys = [k.toString() for k in window.registry["ddx.edit.find"].shortcuts()]
    assert "Ctrl+F" in keys
