"""The Compare tab: the leading entities side by side (issue 13)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QTreeView
from testdata import EXAMPLES

from ddx_app.engine.compare import compare
from ddx_app.formatting import percent
from ddx_app.gui.models.compare_model import (
    BACKGROUND,
    FINDING,
    FIRST_ENTITY,
    RESULT,
    RecordedRole,
)
from ddx_app.gui.models.roles import EntityIdRole, FindingIdRole, SectionRole
from ddx_app.knowledge.model import text


def rows(model) -> list[str | None]:
    return [model.index(r, 0).data(FindingIdRole) for r in range(model.rowCount())]


def row_of(model, fid: str) -> int:
    return rows(model).index(fid)


def test_compare_tab_sits_beside_the_evidence_which_stays_in_front(window):
    view = window.findChild(QTreeView, "compareView")
    assert view is window.compare_panel.view and view.accessibleName()
    tabs = window.right_tabs
    assert tabs.currentWidget() is window.evidence  # the evidence stays visible by default
    assert window.evidence.isVisible() and not view.isVisible()
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["Evidence", "Compare"]
    window.registry["ddx.view.compare"].trigger()
    assert view.isVisible()
    window.registry["ddx.view.compare"].trigger()
    assert window.evidence.isVisible()


def test_columns_are_the_leading_entities_in_order(window, kb):
    window.registry["ddx.view.compare"].trigger()  # the tab in front: it follows each edit
    window.open_path(str(EXAMPLES / "imt.ddx.yaml"))
    model = window.compare_panel.model
    leaders = [r.entity for r in window.doc.analysis.ranking[:kb.report.compare_top]]
    assert list(model.entities) == leaders
    assert model.columnCount() == FIRST_ENTITY + len(leaders)
    headers = [model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(FIRST_ENTITY, model.columnCount())]
    assert headers == [text(kb.entities[e].short_name) for e in leaders]
    assert [model.headerData(c, Qt.Orientation.Horizontal, EntityIdRole)
            for c in range(FIRST_ENTITY, model.columnCount())] == leaders
    assert "IMT" in window.compare_panel.heading.text()
    # another case, other leaders: the columns follow
    window.open_path(str(EXAMPLES / "igg4_rd.ddx.yaml"))
    assert model.entities[0] == window.doc.analysis.leader.entity == "igg4_rd"


def test_recorded_findings_first_highlighted_with_kb_numbers(window, kb):
    window.open_path(str(EXAMPLES / "imt.ddx.yaml"))
    model = window.compare_panel.model
    assert model.index(0, 0).data(SectionRole) == "recorded"
    assert model.index(0, 0).data().startswith("Recorded in this case")
    view = window.compare_panel.view
    sections = [r for r in range(model.rowCount()) if model.is_section(r)]
    assert len(sections) == 2  # section titles span the row, also after a theme change
    window.compare_panel.redraw()
    assert all(view.isFirstColumnSpanned(r, QModelIndex()) for r in sections)
    recorded = [model.index(r, 0).data(RecordedRole) for r in range(model.rowCount())
                if not model.is_section(r)]
    assert recorded == sorted(recorded, reverse=True) and True in recorded
    assert False in recorded  # findings not yet assessed that separate the leaders follow
    r = row_of(model, "ihc_s100")  # recorded negative
    result = model.index(r, RESULT)
    assert result.data() == "Negative"
    assert result.data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(r, FINDING).data(BACKGROUND) is not None
    for i, entity in enumerate(model.entities):
        cell = model.index(r, FIRST_ENTITY + i)
        assert cell.data() == percent(kb.cell(entity, "ihc_s100").probs["negative"])
        tip = cell.data(Qt.ItemDataRole.ToolTipRole)
        assert text(kb.entities[entity].name) in tip
        source = kb.cell(entity, "ihc_s100").provenance.source
        assert (kb.sources[source].citation if source else "Expert estimate") in tip
    # a finding not assessed: no highlight, its positive result's frequency
    open_row = next(i for i in range(model.rowCount())
                    if not model.is_section(i) and not model.index(i, 0).data(RecordedRole))
    fid = model.index(open_row, 0).data(FindingIdRole)
    assert fid not in window.doc.case.findings
    assert model.index(open_row, FINDING).data(BACKGROUND) is None
    font = model.index(open_row, RESULT).data(Qt.ItemDataRole.FontRole)
    assert font is None or not font.bold()
    analysis = window.doc.analysis
    core = next(row for row in compare(analysis.kb, analysis, model.entities)
                if row.finding == fid)  # the table shows the core's rows
    assert model.index(open_row, RESULT).data() == core.state_label
    for i, entity in enumerate(model.entities):
        assert model.index(open_row, FIRST_ENTITY + i).data() == percent(
            kb.cell(entity, fid).probs[core.state])


def test_recording_a_finding_moves_its_row_to_the_recorded_part(window):
    window.registry["ddx.view.compare"].trigger()
    window.open_path(str(EXAMPLES / "imt.ddx.yaml"))
    model = window.compare_panel.model
    fid = next(f for f in rows(model)
               if f and not model.index(row_of(model, f), 0).data(RecordedRole))
    window.doc.set_finding(fid, "negative" if "negative" in
                           window.kb.findings[fid].states else "absent")
    r = row_of(model, fid)
    assert model.index(r, 0).data(RecordedRole)
    first_open = next(i for i in range(model.rowCount()) if model.index(i, 0).data(
        SectionRole) == "open")
    assert r < first_open


def test_edits_behind_the_evidence_tab_show_when_the_compare_tab_does(window):
    window.open_path(str(EXAMPLES / "imt.ddx.yaml"))
    view = window.compare_panel.view
    assert window.right_tabs.currentWidget() is window.evidence
    window.open_path(str(EXAMPLES / "igg4_rd.ddx.yaml"))  # while the comparison is hidden
    window.registry["ddx.view.compare"].trigger()
    shown = view.model()  # what the table shows, not the panel's accessor
    assert shown.entities[0] == window.doc.analysis.leader.entity == "igg4_rd"
    assert "IgG4" in window.compare_panel.heading.text()


def test_enter_on_a_row_goes_to_the_finding(window, qtbot):
    window.open_path(str(EXAMPLES / "imt.ddx.yaml"))
    window.right_tabs.setCurrentWidget(window.compare_panel)
    view = window.compare_panel.view
    model = window.compare_panel.model
    r = next(i for i in range(model.rowCount()) if not model.is_section(i)
             and not model.index(i, 0).data(RecordedRole))
    fid = model.index(r, 0).data(FindingIdRole)
    window.filter_edit.setText("zzz-no-match")
    view.setFocus()
    view.setCurrentIndex(model.index(r, 0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.filter_edit.text() == ""
    assert window.current_finding() == fid


def test_trainee_mode_keeps_the_comparison_hidden_until_the_reveal(window):
    window.open_path(str(EXAMPLES / "imt.ddx.yaml"))
    window.set_trainee_mode(True)
    window.doc.set_finding("ihc_msa", "positive")
    assert window.compare_panel.model.rowCount() == 0
    window.set_trainee_mode(False)
    assert window.compare_panel.model.rowCount() > 0
