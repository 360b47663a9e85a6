"""Documents like a desktop app: undo, modified marker, open, save, prompts, recent files."""

from __future__ import annotations

from pathlib import Path

import yaml
from PySide6.QtCore import Qt
from testdata import EXAMPLES

from ddx_app.gui.dialogs.prompts import CANCEL, DISCARD, SAVE
from ddx_app.gui.models.findings_model import VALUE

HOSTILE_NOTES = 'Seen <script>alert("x")</script> & "quotes" \'single\'\nsecond line'
CASE_WITH_EXTRAS = """\
ddx_case: 1
case_id: S25-00412
title: Left maxillary sinus mass
notes: "Seen <script>alert(\\"x\\")</script> & \\"quotes\\" 'single'\\nsecond line"
teaching:
  answer: imt
lab_system_ref: {order: 991, tags: [a, b]}
findings:
  spindle_cell_proliferation: present
  ihc_sma: focal
  age_years: 34
"""


def test_undo_redo_of_finding_changes(window):
    """Every finding change is undoable (Ctrl+Z) and redoable (Ctrl+Shift+Z)."""
    undo, redo = window.registry["ddx.edit.undo"], window.registry["ddx.edit.redo"]
    assert not undo.isEnabled()
    window.doc.set_finding("necrosis", "present")
    window.doc.set_finding("necrosis", "absent")
    leader_after = window.doc.analysis.leader
    undo.trigger()
    assert window.doc.value("necrosis") == "present"
    undo.trigger()
    assert window.doc.value("necrosis") is None
    assert not window.isWindowModified()
    redo.trigger()
    redo.trigger()
    assert window.doc.value("necrosis") == "absent"
    assert window.doc.analysis.leader == leader_after
    assert "Ctrl+Z" in [k.toString() for k in undo.shortcuts()]
    assert "Ctrl+Shift+Z" in [k.toString() for k in redo.shortcuts()]


def test_undo_updates_the_checklist_display(window):
    """Undo shows the previous state in the checklist, not only in the data."""
    index = window.findings_model.index_of("ihc_alk", VALUE)
    window.findings_model.setData(index, "positive", Qt.ItemDataRole.EditRole)
    assert index.data() == "Positive"
    window.doc.undo_stack.undo()
    assert index.data() == "—"


def test_modified_marker_follows_the_undo_stack(window):
    """The title shows '[*]' modified after a change, and clean again after undoing it."""
    assert "[*]" in window.windowTitle()
    assert not window.isWindowModified()
    window.doc.set_finding("epistaxis", "present")
    assert window.isWindowModified()
    window.doc.undo_stack.undo()
    assert not window.isWindowModified()


def test_case_fields_are_undoable_and_mark_modified(window, qtbot):
    """Typing a title marks the case modified; one undo restores the old title."""
    qtbot.keyClicks(window.case_form.title, "Nasal mass")
    assert window.doc.case.title == "Nasal mass"
    assert window.isWindowModified()
    window.doc.undo_stack.undo()  # consecutive typing merges into one step
    assert window.doc.case.title is None
    assert window.case_form.title.text() == ""
    window.case_form.notes.setPlainText("history")
    assert window.doc.case.notes == "history"
    window.doc.undo_stack.undo()
    assert window.case_form.notes.toPlainText() == ""


def test_open_edit_save_reopen_keeps_everything(window, make_window, tmp_path, prompter):
    """A saved case reopens with every finding, the notes verbatim and unknown keys kept."""
    path = tmp_path / "case.ddx.yaml"
    path.write_text(CASE_WITH_EXTRAS, encoding="utf-8")
    assert window.open_path(str(path))
    assert window.case_form.notes.toPlainText() == HOSTILE_NOTES
    window.doc.set_finding("ihc_alk", "negative")
    window.doc.set_finding("ihc_sma", "diffuse")
    window.doc.set_finding("age_years", 35.5)
    window.case_form.title.setText("")  # programmatic: not an edit
    window.doc.set_meta("title", "Revised title")
    assert window.save()
    assert not window.isWindowModified()

    other = make_window()
    assert other.open_path(str(path))
    case = other.doc.case
    assert case.findings == {"spindle_cell_proliferation": "present", "ihc_sma": "diffuse",
                             "age_years": 35.5, "ihc_alk": "negative"}
    assert case.title == "Revised title"
    assert case.case_id == "S25-00412"
    assert case.notes == HOSTILE_NOTES
    assert case.teaching == {"answer": "imt"}
    assert case.extra == {"lab_system_ref": {"order": 991, "tags": ["a", "b"]}}
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["lab_system_ref"] == {"order": 991, "tags": ["a", "b"]}


def test_save_as_asks_for_a_name_and_updates_the_title(window, tmp_path, prompter):
    """Saving an untitled case asks for a file name; the title then shows that name."""
    window.doc.set_finding("necrosis", "present")
    prompter.save_answer = str(tmp_path / "new.ddx.yaml")
    window.registry["ddx.case.save"].trigger()
    assert (tmp_path / "new.ddx.yaml").is_file()
    assert window.windowTitle().startswith("new.ddx.yaml")
    assert not window.isWindowModified()


def test_unsaved_changes_prompt_on_new(window, prompter, tmp_path):
    """New with unsaved changes asks first: Cancel keeps the case, Discard drops it."""
    window.doc.set_finding("necrosis", "present")
    prompter.unsaved_answer = CANCEL
    assert not window.new_case()
    assert window.doc.value("necrosis") == "present"
    prompter.unsaved_answer = DISCARD
    assert window.new_case()
    assert window.doc.case.findings == {}
    assert prompter.unsaved_calls == ["Untitled", "Untitled"]


def test_unsaved_changes_prompt_save_writes_the_file(window, prompter, tmp_path):
    """Answering Save to the prompt saves before opening another case."""
    window.doc.set_finding("necrosis", "present")
    prompter.unsaved_answer = SAVE
    prompter.save_answer = str(tmp_path / "kept.ddx.yaml")
    assert window.open_path(str(EXAMPLES / "imt.ddx.yaml"))
    saved = yaml.safe_load((tmp_path / "kept.ddx.yaml").read_text(encoding="utf-8"))
    assert saved["findings"] == {"necrosis": "present"}
    assert window.doc.case.case_id == "EX-IMT-01"


def test_unsaved_changes_prompt_on_close(window, prompter):
    """Closing with unsaved changes asks; Cancel keeps the window open."""
    window.doc.set_finding("necrosis", "present")
    prompter.unsaved_answer = CANCEL
    window.close()
    assert window.isVisible()
    assert prompter.unsaved_calls


def test_open_dialog_prompts_before_choosing_a_file(window, prompter):
    """File ▸ Open asks about unsaved changes before showing the file chooser."""
    window.doc.set_finding("necrosis", "present")
    prompter.unsaved_answer = CANCEL
    prompter.open_answer = str(EXAMPLES / "imt.ddx.yaml")
    window.registry["ddx.case.open"].trigger()
    assert window.doc.value("necrosis") == "present"
    prompter.unsaved_answer = DISCARD
    window.registry["ddx.case.open"].trigger()
    assert window.doc.case.case_id == "EX-IMT-01"


def test_bad_case_file_shows_every_problem_and_keeps_the_case(window, prompter, tmp_path):
    """A bad file on Open: an error listing each file:line problem; the window stays usable
    and the current case is not lost."""
    window.doc.set_finding("necrosis", "present")
    bad = tmp_path / "bad.ddx.yaml"
    bad.write_text("ddx_case: 1\nfindings:\n  ihc_sma: purple\n  not_a_finding: present\n",
                   encoding="utf-8")
    prompter.unsaved_answer = DISCARD
    assert not window.open_path(str(bad))
    _title, message, problems = prompter.errors[-1]
    assert "bad.ddx.yaml" in message
    assert len(problems) == 2
    assert any(p.startswith(f"{bad}:3:") and "purple" in p for p in problems)
    assert any(p.startswith(f"{bad}:4:") and "not_a_finding" in p for p in problems)
    assert window.doc.value("necrosis") == "present"
    assert window.isWindowModified()
    window.doc.set_finding("ihc_sma", "positive")  # still usable
    assert window.doc.value("ihc_sma") == "positive"
    assert str(bad) not in window.settings.recent_files


def test_recent_files_are_bounded_and_drop_missing_files(window, tmp_path):
    """Recent files: most recent first, at most ten, missing files dropped, clearable."""
    from ddx_app.gui.settings import MAX_RECENT

    paths = []
    for i in range(MAX_RECENT + 3):
        p = tmp_path / f"c{i}.ddx.yaml"
        p.write_text("ddx_case: 1\nfindings: {}\n", encoding="utf-8")
        window.settings.add_recent(p)
        paths.append(str(p))
    recent = window.settings.recent_files
    assert recent[0] == paths[-1]
    assert len(recent) == MAX_RECENT
    Path(paths[-1]).unlink()
    assert paths[-1] not in window.settings.recent_files
    window._fill_recent_menu(window.recent_menu)
    labels = [a.text() for a in window.recent_menu.actions()]
    assert any("c11.ddx.yaml" in t for t in labels)
    window.registry["ddx.recent.clear"].trigger()
    assert window.settings.recent_files == []


def test_open_example_menu_lists_examples_by_title(window):
    """File ▸ Open Example lists the bundled cases by their titles and opens them."""
    window._fill_examples_menu(window.examples_menu)
    actions = window.examples_menu.actions()
    titles = [a.text() for a in actions]
    assert len(actions) == len(list(EXAMPLES.glob("*.ddx.yaml")))
    imt = next(a for a in actions if a.text().startswith("Left maxillary sinus mass"))
    assert all(not t.endswith(".ddx.yaml") for t in titles)
    imt.trigger()
    assert window.doc.case.case_id == "EX-IMT-01"
    assert window.differential_model.index(0, 0).data() == "IMT"


def test_new_case_after_open_clears_everything(window, prompter):
    """New starts an empty, untitled, unmodified case."""
    window.open_path(str(EXAMPLES / "igg4_rd.ddx.yaml"))
    assert window.new_case()
    assert window.doc.case.findings == {}
    assert window.doc.path is None
    assert window.case_form.case_id.text() == ""
    assert window.windowTitle().startswith("Untitled")
