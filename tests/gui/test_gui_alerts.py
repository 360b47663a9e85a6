"""The window's warnings panel and differential show the core's alerts and honest numbers:
the same alerts, in the same order, as ``ddx explain --json``; a resolved flag muted on
one line; a verbal band beside each probability; the scope of the ranking said."""

from __future__ import annotations

import json

from ddx_app.cli import main
from ddx_app.gui.models.differential_model import BAND

S100_FLAG = "red_flag:s100_negative_melanoma_not_excluded"
ALK_FLAG = "red_flag:alk_negative_does_not_exclude_imt"
SCC_CASE = {
    "ihc_cytokeratin": "diffuse", "ihc_p63_p40": "positive",
    "marked_nuclear_pleomorphism": "present", "atypical_mitoses": "present",
    "surface_dysplasia_or_carcinoma": "present", "ihc_sox10": "negative",
    "ihc_alk": "negative", "spindle_cell_proliferation": "present",
}


def _record(window, findings: dict) -> None:
    for fid, value in findings.items():
        window.doc.set_finding(fid, value)


def test_window_lists_the_same_alerts_in_the_same_order_as_the_cli(window, capsys, tmp_path):
    findings = {**SCC_CASE, "ihc_s100": "negative", "mikulicz_cells": "present",
                "necrosis": "present"}
    path = tmp_path / "c.ddx.yaml"
    path.write_text("ddx_case: 1\nfindings:\n"
                    + "".join(f"  {k}: {v}\n" for k, v in findings.items()), "utf-8")
    assert main(["explain", str(path), "--json"]) == 0
    cli_ids = [a["id"] for a in json.loads(capsys.readouterr().out)["alerts"]]
    window.open_path(str(path))
    analysis = window.doc.analysis
    assert window.alerts.alert_ids(analysis) == cli_ids and len(cli_ids) >= 3
    text = window.alerts.toPlainText()
    positions = [text.index(a.title) for a in analysis.alerts]
    assert positions == sorted(positions)


def test_add_sox10_goes_once_sox10_is_negative(window):
    _record(window, {"ihc_s100": "negative", "spindle_cell_proliferation": "present"})
    flag = next(a for a in window.doc.analysis.alerts if a.id == S100_FLAG)
    assert flag.message in window.alerts.toPlainText()
    window.doc.set_finding("ihc_sox10", "negative")
    text = window.alerts.toPlainText()
    assert flag.message not in text and "Add SOX10" not in text
    assert f"{flag.title} — resolved by SOX10 = Negative." in text


def test_alk_negative_imt_flag_is_silent_in_a_carcinoma(window):
    _record(window, SCC_CASE)
    assert window.doc.analysis.leader.entity == "spindle_cell_scc"
    assert ALK_FLAG not in window.alerts.alert_ids(window.doc.analysis)
    assert "IMT not excluded" not in window.alerts.toPlainText()


def test_differential_shows_bands_odds_and_scope(window, kb):
    _record(window, SCC_CASE)
    model = window.differential_model
    assert model.index(0, BAND).data() == "strongly favoured"
    assert model.index(model.rowCount() - 1, BAND).data() == "unlikely"
    assert all(not model.index(r, 1).data().startswith(">99.9")
               for r in range(model.rowCount()))
    note = window.differential_panel.note.text()
    assert "as probable as" in note and f"{len(kb.entities)} entities" in note
    assert "a lesion outside them is not ranked" in window.differential_panel.note.toolTip()
