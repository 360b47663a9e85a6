"""The checklist's number editor: the unit beside the field is a drop-down where the
finding may be typed in other units (converted on commit); '<5', ranges and values
outside the finding's range are refused with a message naming the finding's label; a
fraction for a percentage asks '0.4 → 40 %?'."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ddx_app.gui.models.findings_model import VALUE
from ddx_app.gui.widgets.state_delegate import NumberEditor


def open_editor(window, qtbot, finding: str) -> NumberEditor:
    window.findings_panel.focus_finding(finding)
    proxy = window.filter_proxy
    index = proxy.mapFromSource(window.findings_model.index_of(finding, VALUE))
    view = window.findings_view
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.indexWidget(index)
    assert isinstance(editor, NumberEditor)
    qtbot.waitUntil(editor.line.hasFocus)
    return editor


def type_and_enter(qtbot, editor: NumberEditor, typed: str, unit: str | None = None):
    editor.line.selectAll()
    qtbot.keyClicks(editor.line, typed)
    if unit is not None:
        assert editor.unit_combo is not None
        editor.unit_combo.setCurrentIndex(editor.unit_combo.findData(unit))
    qtbot.keyClick(editor.line, Qt.Key.Key_Return)


def shown(window, finding: str) -> str:
    return window.findings_model.index_of(finding, VALUE).data()


def test_the_unit_drop_down_converts_to_the_findings_unit(window, qtbot):
    editor = open_editor(window, qtbot, "serum_igg4_mg_dl")
    assert [editor.unit_combo.itemText(i) for i in range(editor.unit_combo.count())] == \
        ["mg/dL", "g/L", "mg/L"]
    type_and_enter(qtbot, editor, "2.1", "g/L")
    assert window.doc.value("serum_igg4_mg_dl") == 210
    assert shown(window, "serum_igg4_mg_dl") == "210 mg/dL"


def test_an_age_in_months_is_recorded_in_years_and_shown_in_months(window, qtbot):
    editor = open_editor(window, qtbot, "age_years")
    type_and_enter(qtbot, editor, "14", "months")
    assert window.doc.value("age_years") == 1.17
    assert shown(window, "age_years") == "14 months"
    editor = open_editor(window, qtbot, "age_years")  # edited again: still in months
    assert editor.text() == "14" and editor.unit() == "months"
    qtbot.keyClick(editor.line, Qt.Key.Key_Return)
    assert window.doc.value("age_years") == 1.17  # unchanged, not re-rounded
    window.doc.set_finding("age_years", 30)
    assert shown(window, "age_years") == "30 years"


def test_a_finding_with_one_unit_shows_it_without_a_drop_down(window, qtbot):
    editor = open_editor(window, qtbot, "ihc_igg4_per_hpf")
    assert editor.unit_combo is None


def _refused(window, qtbot, finding, typed, rejected):
    before = window.doc.value(finding)
    editor = open_editor(window, qtbot, finding)
    type_and_enter(qtbot, editor, typed)
    assert window.doc.value(finding) == before  # nothing recorded
    assert window.findings_view.indexWidget(
        window.filter_proxy.mapFromSource(window.findings_model.index_of(finding, VALUE))
    ) is editor  # still editing: the value can be corrected
    message = rejected[-1]
    qtbot.keyClick(editor.line, Qt.Key.Key_Escape)  # given up: the editor closes
    qtbot.waitUntil(lambda: window.findings_view.indexWidget(
        window.filter_proxy.mapFromSource(window.findings_model.index_of(finding, VALUE)))
        is None)
    assert window.doc.value(finding) == before
    return message


def test_less_than_a_range_and_out_of_range_are_refused_naming_the_finding(window, qtbot):
    rejected: list[str] = []
    window.findings_model.valueRejected.connect(rejected.append)
    window.doc.set_finding("ihc_ki67_percent", 15)
    for typed in ("<5", "5-10", "130"):
        message = _refused(window, qtbot, "ihc_ki67_percent", typed, rejected)
        assert message.startswith("Ki-67 (MIB-1) index"), message
        assert "ihc_ki67" not in message
        assert window.doc.value("ihc_ki67_percent") == 15
    assert "100" in message  # the range is named
    assert window.statusBar().currentMessage() == message


def test_a_fraction_for_a_percentage_asks_and_records_what_is_meant(window, qtbot,
                                                                      prompter):
    prompter.confirm_answer = True
    editor = open_editor(window, qtbot, "ihc_igg4_igg_ratio_percent")
    type_and_enter(qtbot, editor, "0.4")
    assert prompter.confirm_calls and "0.4 → 40 %?" in prompter.confirm_calls[-1][1]
    assert window.doc.value("ihc_igg4_igg_ratio_percent") == 40
    prompter.confirm_answer = False  # no: nothing recorded, still editing
    editor = open_editor(window, qtbot, "ihc_igg4_igg_ratio_percent")
    type_and_enter(qtbot, editor, "0.5")
    assert window.doc.value("ihc_igg4_igg_ratio_percent") == 40
