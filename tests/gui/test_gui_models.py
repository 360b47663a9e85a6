"""Item models of the main window: structure, display, and that they follow the case."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QStyleOptionViewItem
from testdata import EXAMPLES

from ddx_app.gui.models.filter_proxy import matching_findings
from ddx_app.gui.models.findings_model import NOT_ASSESSED_MARK, VALUE
from ddx_app.gui.models.roles import EntityIdRole, FindingIdRole, ProbabilityRole
from ddx_app.gui.models.suggestions_model import format_bits


def _visible_findings(window) -> set[str]:
    proxy = window.filter_proxy
    found = set()
    for g in range(proxy.rowCount()):
        group = proxy.index(g, 0)
        for r in range(proxy.rowCount(group)):
            found.add(proxy.index(r, 0, group).data(FindingIdRole))
    return found


def _probabilities(window) -> dict[str, float]:
    m = window.differential_model
    return {m.index(r, 0).data(EntityIdRole): m.index(r, 1).data(ProbabilityRole)
            for r in range(m.rowCount())}


def test_models_pass_qt_model_tester(window, qtmodeltester):
    """The checklist, filter, differential, evidence and suggestion models are valid Qt models
    (views never see inconsistent rows, parents or roles)."""
    window.doc.set_finding("ihc_sma", "focal")
    window.doc.set_finding("age_years", 40)
    qtmodeltester.check(window.findings_model)
    window.filter_edit.setText("igg4")
    qtmodeltester.check(window.filter_proxy)
    qtmodeltester.check(window.differential_model)
    qtmodeltester.check(window.suggestions_model)
    qtmodeltester.check(window.evidence.model)


def test_checklist_follows_knowledge_base_groups(window, kb):
    """The checklist shows the knowledge base's groups, in order, each with its findings."""
    m = window.findings_model
    assert [m.index(r, 0).data() for r in range(m.rowCount())] == \
        [g.label["en"] for g in kb.groups.values()]
    first = next(iter(kb.groups.values()))
    group = m.index(0, 0)
    assert [m.index(r, 0, group).data(FindingIdRole) for r in range(m.rowCount(group))] == \
        list(first.finding_ids)


def test_setting_a_finding_through_the_model_updates_the_differential(window):
    """Recording a finding in the checklist re-ranks the differential at once, no button."""
    before = _probabilities(window)
    index = window.findings_model.index_of("mikulicz_cells", VALUE)
    assert window.findings_model.setData(index, "present", Qt.ItemDataRole.EditRole)
    after = _probabilities(window)
    assert after != before
    assert window.differential_model.index(0, 0).data(EntityIdRole) == "rhinoscleroma"
    assert abs(sum(after.values()) - 1) < 1e-9


def _text_colour(view, index):
    """The text colour the view's delegate paints a cell in."""
    option = QStyleOptionViewItem()
    option.initFrom(view)
    view.itemDelegateForIndex(index).initStyleOption(option, index)
    return option.palette.color(QPalette.ColorRole.Text)


def test_not_assessed_and_absent_differ_in_scores_and_display(window):
    """'Not assessed' never moves a score and looks different from 'Absent'."""
    m = window.findings_model
    index = m.index_of("spindle_cell_proliferation", VALUE)
    not_assessed = _probabilities(window)
    assert index.data() == NOT_ASSESSED_MARK
    assert index.data(Qt.ItemDataRole.FontRole).italic()
    assert index.data(Qt.ItemDataRole.AccessibleTextRole) == "Not assessed"
    view = window.findings_view
    palette = view.palette()
    shown = window.filter_proxy.mapFromSource(index)
    assert _text_colour(view, shown) == palette.color(QPalette.ColorRole.PlaceholderText)

    m.setData(index, "absent", Qt.ItemDataRole.EditRole)
    absent = _probabilities(window)
    assert index.data() == "Absent"
    assert index.data(Qt.ItemDataRole.FontRole) is None
    assert _text_colour(view, shown) == palette.color(QPalette.ColorRole.Text)
    assert absent != not_assessed
    assert window.doc.case.findings == {"spindle_cell_proliferation": "absent"}

    m.setData(index, None, Qt.ItemDataRole.EditRole)
    assert _probabilities(window) == not_assessed
    assert "spindle_cell_proliferation" not in window.doc.case.findings


def test_stains_offer_not_done_negative_positive_focal_diffuse(window):
    """A stain's choices read like a stain report; tests have no focal/diffuse."""
    from ddx_app.gui.models.roles import OptionsRole

    m = window.findings_model
    stain = m.index_of("ihc_sma", VALUE).data(OptionsRole)
    assert [v for v, _ in stain] == [None, "negative", "positive", "focal", "diffuse"]
    assert stain[0][1] == "Not done"
    test = m.index_of("alk_fish", VALUE).data(OptionsRole)
    assert [v for v, _ in test] == [None, "negative", "positive"]
    feature = m.index_of("necrosis", VALUE).data(OptionsRole)
    assert feature[0][1] == "Not assessed"


def test_numeric_findings_show_value_and_reject_out_of_range(window):
    """Numbers show with their unit; a value outside the finding's range is refused."""
    m = window.findings_model
    index = m.index_of("age_years", VALUE)
    assert m.setData(index, "34", Qt.ItemDataRole.EditRole)
    assert index.data() == "34 years"
    assert window.doc.value("age_years") == 34
    assert not m.setData(index, "300", Qt.ItemDataRole.EditRole)
    assert not m.setData(index, "abc", Qt.ItemDataRole.EditRole)
    assert window.doc.value("age_years") == 34
    assert m.setData(index, "", Qt.ItemDataRole.EditRole)
    assert window.doc.value("age_years") is None
    assert "Range 0–120" in index.data(Qt.ItemDataRole.ToolTipRole)


def test_tooltip_is_the_finding_help(window, kb):
    """Hovering a finding shows its help text from the knowledge base."""
    index = window.findings_model.index_of("mikulicz_cells")
    assert kb.findings["mikulicz_cells"].help["en"] in index.data(Qt.ItemDataRole.ToolTipRole)


def test_filter_by_label_and_synonym(window):
    """Typing SMA, 'smooth muscle' or IgG4 narrows the checklist to matching findings."""
    window.filter_edit.setText("sma")
    assert _visible_findings(window) == {"ihc_sma"}  # not 'plasma cells'
    window.filter_edit.setText("smooth muscle")
    assert "ihc_sma" in _visible_findings(window)
    window.filter_edit.setText("IgG4")
    visible = _visible_findings(window)
    assert {"ihc_igg4_per_hpf", "ihc_igg4_igg_ratio_percent", "serum_igg4_mg_dl"} <= visible
    assert "ihc_sma" not in visible
    # groups without a match disappear, groups with one stay
    groups = {window.filter_proxy.index(r, 0).data()
              for r in range(window.filter_proxy.rowCount())}
    assert "H&E morphology" not in groups
    window.filter_edit.setText("Mott cells")  # synonym of Russell bodies
    assert _visible_findings(window) == {"russell_bodies"}
    window.filter_edit.clear()
    assert len(_visible_findings(window)) == len(window.kb.findings)


def test_filter_falls_back_to_substring(kb):
    """A fragment inside a word still finds something when no word starts with it."""
    assert "eosinophils_prominent" in matching_findings(kb, "sinophil")


def test_differential_reorders_without_losing_the_selected_entity(window):
    """Selecting an entity keeps the evidence on it when the ranking order changes."""
    window.select_entity("igg4_rd")
    window.doc.set_finding("mikulicz_cells", "present")
    assert window.selected_entity() == "igg4_rd"
    assert window.evidence.entity == "igg4_rd"
    assert window.differential_model.index(0, 0).data(EntityIdRole) == "rhinoscleroma"


def test_differential_lists_every_entity_most_probable_first(window, kb):
    """Every entity has a bar and a percentage, sorted by probability."""
    window.open_path(str(EXAMPLES / "imt.ddx.yaml"))
    m = window.differential_model
    probs = [m.index(r, 1).data(ProbabilityRole) for r in range(m.rowCount())]
    assert m.rowCount() == len(kb.entities)
    assert probs == sorted(probs, reverse=True)
    assert m.index(0, 0).data(EntityIdRole) == "imt"
    assert m.index(0, 1).data().endswith("%")


def test_small_gains_are_not_all_zero():
    """Expected gains keep two significant digits, so tiny gains stay distinguishable."""
    assert format_bits(0.42) == "0.42 bits"
    assert format_bits(0.000176) == "0.00018 bits"
    assert format_bits(0.0000177) == "0.000018 bits"
    assert format_bits(0.000176) != format_bits(0.0000177)
    assert format_bits(0.0) == "<0.000001 bits"


def _coloured_columns(llr: float) -> tuple[int, int]:
    """Pixel columns of a weight bar left and right of its centre line that hold paint."""
    from ddx_app.gui.models.evidence_model import BAR_WIDTH, weight_bar

    image = weight_bar(llr).toImage()
    scale = image.width() / BAR_WIDTH
    centre = range(int((BAR_WIDTH / 2 - 1) * scale), int((BAR_WIDTH / 2 + 1) * scale) + 1)
    painted = {x for x in range(image.width()) for y in range(image.height())
               if x not in centre and image.pixelColor(x, y).alpha() > 0}
    half = image.width() / 2
    return sum(1 for x in painted if x < half), sum(1 for x in painted if x >= half)


def test_weight_bars_point_the_way_the_finding_counts(qapp):
    """A bar grows right for a finding in favour, left against, and not at all for a
    weight that prints as +0.00 (it counts neither way)."""
    left, right = _coloured_columns(+1.0)
    assert right > 0 and left == 0
    left, right = _coloured_columns(-1.0)
    assert left > 0 and right == 0
    assert _coloured_columns(-0.003) == (0, 0)
    assert _coloured_columns(+0.004) == (0, 0)
    from ddx_app.gui.models.evidence_model import weight_bar

    # small, but it shows as +0.02: a sliver of colour by the centre line
    assert weight_bar(+0.02).toImage() != weight_bar(+0.004).toImage()
