"""The window at a small (1024×700) and a large (1920×1080) screen: the differential
shows its leading entities without scrolling, checklist labels stay readable, the case
form folds away (and the window remembers it), the evidence gets the widest column."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from ddx_app.gui.models.findings_model import LABEL

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "imt.ddx.yaml"


def rows_fully_shown(view) -> int:
    model, height = view.model(), view.viewport().height()
    rects = [view.visualRect(model.index(r, 0)) for r in range(model.rowCount())]
    return sum(1 for rect in rects if rect.top() >= 0 and rect.bottom() < height)


def sized(window, qtbot, width: int, height: int):
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width and window.height() == height)
    window.doc.load(EXAMPLE)
    qtbot.wait(10)
    return window


def test_at_1024x700_the_differential_shows_six_entities_or_more(window, qtbot):
    sized(window, qtbot, 1024, 700)
    # the panes settle after the case is laid out (a queued resize): wait for them
    qtbot.waitUntil(lambda: rows_fully_shown(window.differential_view) >= 6, timeout=3000)
    assert window.differential_model.rowCount() == 16  # the rest by scrolling


def test_at_1024x700_no_checklist_label_wraps_onto_four_lines(window, qtbot):
    sized(window, qtbot, 1024, 700)
    view, model = window.findings_view, window.filter_proxy
    line = view.fontMetrics().lineSpacing()
    group = model.index(0, LABEL)
    heights = [view.visualRect(model.index(r, LABEL, group)).height()
               for r in range(model.rowCount(group))]
    assert heights and max(heights) < 4 * line


def test_the_case_form_folds_into_one_line_and_the_checklist_takes_the_room(window, qtbot):
    sized(window, qtbot, 1024, 700)
    form = window.case_form
    before = window.findings_panel.height()
    qtbot.mouseClick(form.toggle, Qt.MouseButton.LeftButton)
    assert form.collapsed and not form.notes.isVisible()
    assert "EX-IMT-01" in form.toggle.text()  # the case is still named
    qtbot.waitUntil(lambda: window.findings_panel.height() > before + 80)
    qtbot.mouseClick(form.toggle, Qt.MouseButton.LeftButton)
    assert not form.collapsed and form.notes.isVisible()


def test_the_fold_is_remembered_by_the_next_window(make_window, qtbot):
    first = make_window()
    first.case_form.toggle.click()
    first.close()
    assert make_window().case_form.collapsed


@pytest.mark.parametrize("width, height", [(1920, 1080)])
def test_a_large_screen_shows_every_entity_and_gives_the_evidence_the_widest_column(
        window, qtbot, width, height):
    sized(window, qtbot, width, height)
    qtbot.waitUntil(lambda: rows_fully_shown(window.differential_view) == 16, timeout=3000)
    left, middle, right = window.main_splitter.sizes()
    assert right > max(left, middle)
