"""Next best tests as a pathologist reads them (issue 13): orderable stains and tests by
default, the expected gain in words with the bits on hover, nothing once settled."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from testdata import EXAMPLES

from ddx_app.engine.presentation import gain_label
from ddx_app.formatting import bits
from ddx_app.gui.models.roles import FindingIdRole
from ddx_app.gui.models.suggestions_model import FINDING, GAIN, GainRole

WORDS = {"high", "moderate", "low"}  # the bundled kb.yaml display.gain_bands


def listed(window) -> list[str]:
    m = window.suggestions_model
    return [m.index(r, FINDING).data(FindingIdRole) for r in range(m.rowCount())]


def test_only_stains_and_tests_by_default(window, kb):
    """A fresh user sees orderable stains and tests only: no H&E or clinical item."""
    assert window.stains_only.isChecked() and window.settings.stains_only
    window.doc.set_finding("spindle_cell_proliferation", "present")
    fids = listed(window)
    assert fids
    assert all(kb.groups[kb.findings[f].group].orderable for f in fids)
    window.stains_only.setChecked(False)  # the toggle still brings them back
    assert any(not kb.groups[kb.findings[f].group].orderable for f in listed(window))


def test_gain_reads_in_words_with_the_bits_on_hover(window, kb):
    window.doc.set_finding("spindle_cell_proliferation", "present")
    m = window.suggestions_model
    assert m.rowCount() > 0
    suggestions = window.doc.analysis.suggestions(top=m.rowCount(), orderable_only=True)
    for r, s in enumerate(suggestions):
        cell = m.index(r, GAIN)
        assert cell.data() in WORDS
        assert not re.search(r"\d", cell.data())  # no '0.0000044 bits' in the column
        assert cell.data() == gain_label(kb, s.gain_bits)
        assert cell.data(GainRole) == s.gain_bits
        tip = cell.data(Qt.ItemDataRole.ToolTipRole)
        assert f"{bits(s.gain_bits)} bits" in tip
        assert not re.search(r"\d\.\d{5,}", tip)  # never six decimals
    assert m.index(0, GAIN).data() == "high"  # the first stain can settle much of it


def test_settled_case_lists_nothing_and_says_why(window):
    window.open_path(str(EXAMPLES / "imt.ddx.yaml"))
    assert window.doc.analysis.settled(orderable_only=True)
    assert window.suggestions_model.rowCount() == 0
    panel = window.suggestions_panel
    assert not panel.view.isVisibleTo(window)
    assert panel.settled_note.isVisibleTo(window)
    assert "Settled" in panel.settled_note.text()
    assert "no further stain or test" in panel.settled_note.text().lower()
    window.doc.set_finding("ihc_s100", None)  # reopen the question
    if not window.doc.analysis.settled(orderable_only=True):
        assert window.suggestions_model.rowCount() > 0 and panel.view.isVisibleTo(window)
