"""Trainees in the window: blind cases, a practice session from opening to feedback,
progress in SQLite (chart, reset, CSV), the comparison table and the seed series."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from testdata import EXAMPLES

from ddx_app.case import load_case, save_case
from ddx_app.knowledge.model import text


@pytest.fixture
def teaching_file(tmp_path, kb) -> Path:
    """An IMT teaching case with a history, under a name that gives the answer away."""
    case = load_case(EXAMPLES / "imt.ddx.yaml", kb)
    case.teaching = {**case.teaching, "history": "A 38-year-old woman with left cheek "
                     "swelling and nasal obstruction for four months."}
    path = tmp_path / "imt_ALK_negative_teaching.ddx.yaml"
    save_case(case, path, kb)
    return path


def _answer_words(kb, path: Path) -> list[str]:
    case = load_case(path, kb)
    e = kb.entities[case.answer]
    return [path.name, path.stem, str(case.case_id), str(case.title), text(e.name),
            text(e.short_name)]


def _shown_texts(window) -> list[str]:
    """Every text a trainee can read before committing: title, status bar, case form,
    recent-files and examples menus (texts and tips), trainee panel."""
    window._fill_recent_menu(window.recent_menu)
    window._fill_examples_menu(window.examples_menu)
    menu_texts = []
    for menu in (window.recent_menu, window.examples_menu):
        for action in menu.actions():
            menu_texts += [action.text(), action.toolTip(), action.statusTip()]
    form = window.case_form
    return [window.windowTitle(), window.statusBar().currentMessage(), form.case_id.text(),
            form.title.text(), form.notes.toPlainText(), *menu_texts,
            *window.trainee_panel.visible_texts()]


def test_nothing_shown_before_commitment_names_the_answer(window, kb, teaching_file):
    """In trainee mode the title, status bar, case form, recent files and trainee panel
    never show the case's title, id, file name or the answer's name; the history stands
    in for the notes. The other order (case open first, then trainee mode) is blind too."""
    window.set_trainee_mode(True)
    assert window.open_path(str(teaching_file))
    assert window.practice_session is not None
    shown = _shown_texts(window)
    for word in _answer_words(kb, teaching_file):
        for s in shown:
            assert word not in s, (word, s)
    assert window.case_form.notes.toPlainText().startswith("A 38-year-old woman")
    assert "Practice case" in window.windowTitle()
    assert not window.differential_view.isVisible() and not window.evidence.isVisible()
    assert not window.registry["ddx.report.export"].isEnabled()  # a report would tell

    window.set_trainee_mode(False)  # the teaching case comes back whole
    assert window.doc.case.case_id == "EX-IMT-01" and window.doc.path == teaching_file
    assert teaching_file.name in window.windowTitle()
    window.open_path(str(teaching_file))  # opened outside trainee mode: named ...
    assert teaching_file.name in window.statusBar().currentMessage()
    window.set_trainee_mode(True)  # ... until trainee mode is switched on
    for word in _answer_words(kb, teaching_file):
        for s in _shown_texts(window):
            assert word not in s, (word, s)


def test_practice_session_order_commit_feedback_progress(window, kb, teaching_file, prompter,
                                                         tmp_path, qtbot):
    """Open a teaching case in trainee mode, record the picture, order two stains (counted,
    revealed, one of them not done in this case), commit: the feedback in the right-hand
    column says right or wrong, lists missed and extra findings and the efficient panel;
    the attempt is in SQLite; the progress dialog draws it; reset (confirmed) clears it."""
    window.set_trainee_mode(True)
    window.open_path(str(teaching_file))
    session = window.practice_session
    panel = window.trainee_panel
    assert window.doc.case.findings == {}  # a blank checklist
    picture = dict(session.picture())
    assert "Spindle cell proliferation" in panel.picture.toPlainText()
    assert "SMA" not in panel.picture.toPlainText()  # stains are ordered, not shown
    for fid, value in list(picture.items())[:-2]:  # the trainee misses the last two
        window.doc.set_finding(fid, value)
    window.doc.set_finding("eosinophils_prominent", "present")  # not in the case: extra

    panel.order_choice.setCurrentIndex(panel.order_choice.findData("ihc_sma"))
    panel.order_button.click()
    assert window.order_test("ihc_stat6").done is False
    assert panel.order_count.text() == "2 ordered"
    shown = panel.picture.toPlainText()
    assert "SMA (smooth muscle actin): Positive" in shown
    assert "STAT6 (nuclear): not done in this case" in shown
    assert window.doc.case.findings["ihc_sma"] == "positive"  # recorded for the trainee
    assert "ihc_stat6" not in window.doc.case.findings
    assert panel.order_choice.findData("ihc_sma") == -1  # ordered once

    panel.choice.setCurrentIndex(panel.choice.findData("igg4_rd"))
    panel.commit_button.click()
    feedback = window.feedback_view.toPlainText()
    assert window.feedback_view.isVisibleTo(window)
    assert "Not this time: you chose IgG4-related disease" in feedback
    assert "Missed (2)" in feedback and "Extra (1)" in feedback
    assert "Prominent eosinophils" in feedback
    assert "most efficient panel" in feedback
    for fid in session.feedback.efficiency.engine_panel:
        assert text(kb.findings[fid].label) in feedback
    assert "What separates IMT from IgG4-RD" in feedback and "Teaching note" in feedback
    assert window.differential_view.isVisible()
    assert window.order_test("ihc_s100") is None  # no orders after the commitment

    db = tmp_path / "data" / "progress.sqlite3"
    rows = sqlite3.connect(db).execute(
        "SELECT answer, guess, correct, stains_ordered, results_found FROM attempts").fetchall()
    assert rows == [("imt", "igg4_rd", 0, 2, 1)]
    content = db.read_bytes()
    assert b"imt_ALK_negative_teaching" not in content and b"EX-IMT-01" not in content

    dialog = window.show_progress()
    qtbot.addWidget(dialog)
    assert [r.entity for r in dialog.chart.rows] == ["imt"]
    assert dialog.table.item(0, 1).text() == "1" and dialog.table.item(0, 3).text() == "0%"
    dialog.chart.repaint()  # the QPainter chart draws
    csv_path = tmp_path / "progress.csv"
    prompter.export_answer = str(csv_path)
    dialog.export_button.click()
    assert csv_path.read_text().splitlines()[1].split(",")[2:5] == ["imt", "igg4_rd", "0"]

    prompter.confirm_answer = False
    dialog.reset_button.click()
    assert prompter.confirm_calls and window.progress_store().summary() != []
    prompter.confirm_answer = True
    assert window.reset_progress()
    assert window.progress_store().summary() == [] and dialog.chart.rows == []


def test_reveal_counts_as_an_attempt_and_a_new_case_starts_afresh(window, teaching_file):
    window.set_trainee_mode(True)
    window.open_path(str(teaching_file))
    window.trainee_panel.reveal_button.click()
    assert "Revealed without a diagnosis" in window.feedback_view.toPlainText()
    (attempt,) = window.progress_store().attempts()
    assert attempt.guess is None and not attempt.correct
    window.open_path(str(EXAMPLES / "igg4_rd.ddx.yaml"))  # no unsaved-changes question
    assert window.practice_session is not None and not window.practice_session.committed
    assert not window.feedback_view.isVisibleTo(window)
    assert window.trainee_panel.order_count.text() == "0 ordered"


def test_practice_copy_is_scratch(window, prompter, teaching_file):
    """The working copy is never autosaved and dropping it asks nothing."""
    window.set_trainee_mode(True)
    window.open_path(str(teaching_file))
    window.doc.set_finding("necrosis", "absent")
    window.autosave_now()
    assert not list(window.recovery.directory.glob("autosave-*.ddx.yaml"))
    window.new_case()
    assert prompter.unsaved_calls == []


def test_random_practice_case_and_seed_series_rows(window, kb, qtbot):
    """Practice ▸ Random Practice Case starts a session; Practice ▸ Seed Series lists the 25
    rows, sortable, and each row opens as a practice case of IMT."""
    assert window.new_practice_case(seed=5)
    assert window._trainee and window.practice_session is not None
    assert window.doc.case.findings == {}
    dialog = window.show_seed_series()
    qtbot.addWidget(dialog)
    assert dialog.proxy.rowCount() == 25
    dialog.view.sortByColumn(2, dialog.view.horizontalHeader().sortIndicatorOrder())
    ages = [dialog.proxy.index(r, 2).data(dialog.proxy.sortRole()) for r in range(25)]
    assert ages == sorted(ages) or ages == sorted(ages, reverse=True)  # as numbers
    for no in (1, 15, 25):
        dialog.open_row(no)
        session = window.practice_session
        assert session is not None and session.answer == "imt"
        assert session.case.findings["ihc_alk"] in ("positive", "negative")
        assert f"Seed series case {no}" not in window.windowTitle()
    assert dialog.model.horizontalHeaderItem(5).text() == "ALK (D5F3)"


def test_comparison_table_dialog(window, kb, qtbot, prompter, tmp_path):
    dialog = window.show_kb_table()
    qtbot.addWidget(dialog)
    model = dialog.model
    assert model.columnCount() == 1 + len(kb.entities)
    headers = [model.horizontalHeaderItem(c).text() for c in range(1, model.columnCount())]
    assert headers == [text(e.short_name) for e in kb.entities.values()]
    sma = next(r for r in range(model.rowCount())
               if model.item(r, 0).text().startswith("SMA"))
    imt_col = 1 + list(kb.entities).index("imt")
    assert model.item(sma, imt_col).text().startswith("72%")
    assert "zhao2025_seed" in model.item(sma, imt_col).toolTip()
    dialog.group_combo.setCurrentIndex(dialog.group_combo.findData("ihc"))
    dialog.sort_a.setCurrentIndex(dialog.sort_a.findData("imt"))
    dialog.sort_b.setCurrentIndex(dialog.sort_b.findData("spindle_cell_scc"))
    assert model.horizontalHeaderItem(1).text() == "J"
    assert model.horizontalHeaderItem(2).text() == "IMT"
    separations = [float(model.item(r, 1).text()) for r in range(model.rowCount())
                   if model.item(r, 1).text()]
    assert separations == sorted(separations, reverse=True)
    sheet = tmp_path / "sheet.pdf"
    prompter.export_answer = str(sheet)
    dialog.sheet_button.click()
    assert sheet.read_bytes().startswith(b"%PDF")


def test_unusable_data_folder_does_not_stop_practice(make_window, monkeypatch, tmp_path,
                                                     teaching_file):
    """DDX_DATA_DIR names a file: the commitment still gives its feedback, the status bar
    says the progress was not saved, and the progress dialog says why."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("DDX_DATA_DIR", str(blocker))
    window = make_window()
    window.set_trainee_mode(True)
    window.open_path(str(teaching_file))
    window.commit_guess("imt")
    assert "Right: the answer is" in window.feedback_view.toPlainText()
    assert "Progress not saved" in window.statusBar().currentMessage()
    dialog = window.show_progress()
    assert "not available" in dialog.totals.text()
    dialog.close()


def test_unsaved_teaching_edits_are_asked_about(window, prompter, teaching_file):
    """A teaching case edited and not saved, then practised: dropping the practice asks
    about the edits (cancel keeps the practice going)."""
    from ddx_app.gui.dialogs.prompts import CANCEL, DISCARD

    window.open_path(str(teaching_file))
    window.doc.set_finding("necrosis", "present")
    window.set_trainee_mode(True)
    assert window.practice_session is not None
    prompter.unsaved_answer = CANCEL
    assert not window.new_case()
    assert prompter.unsaved_calls == [teaching_file.name]
    assert window.practice_session is not None and window.doc.path is None
    prompter.unsaved_answer = DISCARD
    assert window.new_case()
    assert window.practice_session is None and window.doc.case.findings == {}
