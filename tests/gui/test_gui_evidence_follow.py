"""The evidence follows the leading entity until the user pins another one (issue 13)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton
from testdata import EXAMPLES

from ddx_app.gui.dialogs.prompts import DISCARD
from ddx_app.gui.models.roles import EntityIdRole
from ddx_app.knowledge.model import text

TOWARDS_IMT = {"spindle_cell_proliferation": "present", "plasma_cells_abundant": "present"}
TOWARDS_IGG4 = {"storiform_fibrosis": "present", "obliterative_phlebitis": "present"}


def name(kb, entity: str) -> str:
    return text(kb.entities[entity].name)


def first_row(window) -> str:
    return window.differential_model.index(0, 0).data(EntityIdRole)


def record(window, values: dict) -> None:
    for fid, value in values.items():
        window.doc.set_finding(fid, value)


def test_evidence_follows_a_new_leader(window, kb):
    """Recording findings that change the leader moves the evidence to the new leader
    (it used to stay on the entity selected at start-up)."""
    start = first_row(window)
    assert window.evidence.title.text() == name(kb, start)
    record(window, TOWARDS_IMT)
    assert first_row(window) == "imt" != start
    assert window.evidence.title.text() == name(kb, "imt")
    record(window, TOWARDS_IGG4)
    assert first_row(window) == "igg4_rd"
    assert window.evidence.title.text() == name(kb, "igg4_rd")
    assert window.selected_entity() == "igg4_rd"
    assert not window.evidence.pin.isVisibleTo(window)
    assert not window.registry["ddx.view.follow_leader"].isEnabled()


def test_an_entity_the_user_picks_stays_pinned_until_unpinned(window, kb, qtbot):
    record(window, TOWARDS_IMT)
    view = window.differential_view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Down)  # the third entity, picked with the keyboard
    qtbot.keyClick(view, Qt.Key.Key_Down)
    picked = window.selected_entity()
    assert picked == "spindle_cell_scc"
    pin = window.findChild(QToolButton, "evidencePin")
    assert pin is window.evidence.pin
    assert pin.isVisibleTo(window) and pin.isChecked()
    assert f"Pinned: {text(kb.entities[picked].short_name)}" in pin.text()
    assert window.evidence.title.text() == name(kb, picked)
    assert window.registry["ddx.view.follow_leader"].isEnabled()
    # the leader changes: the evidence stays on the pinned entity
    record(window, TOWARDS_IGG4)
    assert first_row(window) == "igg4_rd"
    assert window.evidence.title.text() == name(kb, picked)
    assert window.selected_entity() == picked
    assert pin.isVisibleTo(window) and pin.isChecked()
    # unpin with the mouse: the leader again, and the pin goes away
    qtbot.mouseClick(pin, Qt.MouseButton.LeftButton)
    assert window.evidence.title.text() == name(kb, "igg4_rd")
    assert window.selected_entity() == "igg4_rd"
    assert not pin.isVisibleTo(window)
    # and it follows the next leader again
    record(window, {"ihc_alk": "positive", "ihc_sma": "positive", "storiform_fibrosis": None,
                    "obliterative_phlebitis": None})
    assert window.evidence.title.text() == name(kb, first_row(window))


def test_unpin_from_the_keyboard_and_by_picking_the_leader(window, kb, qtbot):
    record(window, TOWARDS_IMT)
    window.select_entity("spindle_cell_scc")
    pin = window.evidence.pin
    assert pin.isChecked() and pin.focusPolicy() & Qt.FocusPolicy.TabFocus
    pin.setFocus()
    qtbot.keyClick(pin, Qt.Key.Key_Space)
    assert window.evidence.title.text() == name(kb, "imt")
    assert not pin.isVisibleTo(window)
    # View > Follow the Leader does the same
    window.select_entity("igg4_rd")
    assert pin.isVisibleTo(window)
    window.registry["ddx.view.follow_leader"].trigger()
    assert window.evidence.title.text() == name(kb, "imt") and not pin.isVisibleTo(window)
    # picking the leader itself means following it
    window.select_entity("igg4_rd")
    window.select_entity("imt")
    assert not pin.isVisibleTo(window)
    record(window, TOWARDS_IGG4)
    assert window.evidence.title.text() == name(kb, "igg4_rd")


def test_new_or_opened_case_follows_the_leader_again(window, kb, prompter):
    prompter.unsaved_answer = DISCARD
    record(window, TOWARDS_IMT)
    window.select_entity("spindle_cell_scc")
    assert window.evidence.pin.isVisibleTo(window)
    window.open_path(str(EXAMPLES / "igg4_rd.ddx.yaml"))
    assert not window.evidence.pin.isVisibleTo(window)
    assert window.evidence.title.text() == name(kb, first_row(window))
    window.select_entity("imt")
    window.new_case()
    assert not window.evidence.pin.isVisibleTo(window)
    assert window.evidence.title.text() == name(kb, first_row(window))


def test_a_scope_without_the_pinned_entity_unpins(window, kb):
    record(window, TOWARDS_IMT)
    outside = next(e for e in kb.entity_ids if e not in kb.scopes["seed_six"].entities)
    window.select_entity(outside)
    assert window.evidence.pin.isVisibleTo(window)
    combo = window.differential_panel.scope_combo
    combo.setCurrentIndex(combo.findData("seed_six"))
    assert not window.evidence.pin.isVisibleTo(window)
    assert window.evidence.title.text() == name(kb, first_row(window))
