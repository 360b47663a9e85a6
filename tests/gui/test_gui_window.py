"""The main window's panels: prior, suggestions, evidence, warnings, trainee mode, about."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QWidget
from testdata import EXAMPLES

from ddx_app import DISCLAIMER
from ddx_app.formatting import percent
from ddx_app.gui.app import dark_palette
from ddx_app.gui.models.evidence_model import SOURCE, WEIGHT
from ddx_app.gui.models.roles import EntityIdRole, FindingIdRole, ProbabilityRole
from ddx_app.gui.widgets.colors import bar_color, evidence_color, muted_text
from ddx_app.knowledge.model import text


def test_stable_object_names_and_accessible_names(window):
    """Main widgets keep stable object names (for tests, styling, automation) and have
    accessible names for screen readers."""
    for name in ("findingsView", "findingFilter", "differentialView", "evidenceView",
                 "suggestionsView"):
        widget = window.findChild(QWidget, name)
        assert widget is not None, name
        assert widget.accessibleName(), name


def test_disclaimer_is_always_visible(window):
    """The 'decision support, not a diagnosis' note is on screen."""
    assert window.disclaimer.isVisible()
    assert window.disclaimer.text() == DISCLAIMER


def test_prior_switch_changes_probabilities_and_is_remembered(window, make_window):
    """Switching prevalence -> uniform changes the probabilities; a new window starts with
    the prior chosen last."""
    def probs(w):
        m = w.differential_model
        return {m.index(r, 0).data(EntityIdRole): m.index(r, 1).data(ProbabilityRole)
                for r in range(m.rowCount())}

    window.doc.set_finding("spindle_cell_proliferation", "present")
    window.doc.undo_stack.setClean()
    prevalence = probs(window)
    window.prior_combo.setCurrentIndex(window.prior_combo.findData("uniform"))
    uniform = probs(window)
    assert uniform != prevalence
    assert window.registry["ddx.prior.uniform"].isChecked()
    assert not window.isWindowModified()  # a view preference, not case content
    again = make_window()
    assert again.doc.prior == "uniform"
    assert again.prior_combo.currentData() == "uniform"
    again.registry["ddx.prior.prevalence"].trigger()
    assert again.doc.prior == "prevalence"
    assert again.settings.prior == "prevalence"


def test_suggestions_show_gain_and_pair(window):
    """Next best tests list findings not yet assessed, with the gain in words (the bits
    on hover) and the pair they separate."""
    window.stains_only.setChecked(False)
    window.doc.set_finding("spindle_cell_proliferation", "present")  # far from settled
    m = window.suggestions_model
    assert m.rowCount() > 0
    first = [m.index(0, c).data() for c in range(3)]
    assert first[1] in {"high", "moderate", "low"}
    assert " bits" in m.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert " vs " in first[2]
    recorded = set(window.doc.case.findings)
    assert all(m.index(r, 0).data(FindingIdRole) not in recorded for r in range(m.rowCount()))


def test_settled_note_appears_only_when_no_test_is_worth_much(window):
    """A new case has much to learn (no note); the worked-up IMT example is settled."""
    note = window.suggestions_panel.settled_note
    assert not note.isVisibleTo(window)
    window.open_path(str(EXAMPLES / "imt.ddx.yaml"))
    assert window.doc.analysis.settled() and note.isVisibleTo(window)
    assert "settle" in note.text()
    window.new_case()
    assert not note.isVisibleTo(window)


def test_stains_only_option_limits_suggestions_and_is_remembered(window, make_window, kb):
    """'Stains and tests only' (on by default) keeps orderable tests only and persists
    in settings."""
    assert window.stains_only.isChecked()
    m = window.suggestions_model
    groups = {kb.findings[m.index(r, 0).data(FindingIdRole)].group for r in range(m.rowCount())}
    assert groups and all(kb.groups[g].orderable for g in groups)
    assert window.registry["ddx.view.stains_only"].isChecked()
    window.stains_only.setChecked(False)
    assert not make_window().stains_only.isChecked()
    window.stains_only.setChecked(True)
    assert make_window().stains_only.isChecked()


def test_activating_a_suggestion_selects_the_finding(window, qtbot):
    """Activating a suggestion clears a filter that hides it and selects the finding in
    the checklist, ready for a key to set it."""
    window.filter_edit.setText("zzz-no-match")
    index = window.suggestions_model.index(0, 0)
    fid = index.data(FindingIdRole)
    window.suggestions_view.activated.emit(index)
    assert window.filter_edit.text() == ""
    assert window.current_finding() == fid
    qtbot.keyClick(window.findings_view, Qt.Key.Key_N)
    assert window.doc.value(fid) in ("absent", "negative")


def test_evidence_lists_findings_for_and_against_with_sources(window, kb):
    """The evidence panel shows weights against the strongest rival (named in each
    section) and sources; hovering the source gives the citation and the counts."""
    window.open_path(str(EXAMPLES / "imt.ddx.yaml"))
    window.select_entity("imt")
    model = window.evidence.model
    rival = text(kb.entities[window.doc.analysis.rival("imt")].short_name)
    sections = [model.index(r, 0).data() for r in range(model.rowCount())
                if window.evidence.adapter.is_section(r)]
    assert sections[0].startswith(f"For IMT, against {rival} (")
    assert window.evidence.table.isFirstColumnSpanned(0, model.index(0, 0).parent())
    rows = [model.index(r, 0) for r in range(model.rowCount())]
    spindle = next(i for i in rows if i.data(FindingIdRole) == "spindle_cell_proliferation")
    source = spindle.siblingAtColumn(SOURCE)
    assert "25/25" in source.data()
    citation = kb.sources["zhao2025_seed"].citation
    assert citation in source.data(Qt.ItemDataRole.ToolTipRole)
    html = window.evidence.details.toHtml()
    assert "Criteria" in html and "Pitfalls" in html and "Description" in html
    # one more finding adds one row, in its section, without rebuilding the table
    before = model.rowCount()
    window.doc.set_finding("ihc_msa", "positive")
    assert model.rowCount() == before + 1
    assert window.evidence.adapter.is_section(0)
    window.select_entity("igg4_rd")  # not the leader: weighed against the leader, IMT
    sections = [model.index(r, 0).data() for r in range(model.rowCount())
                if window.evidence.adapter.is_section(r)]
    assert any(s.startswith("For IMT, against IgG4-RD (") for s in sections)
    assert "IgG4" in window.evidence.title.text()
    shown = percent(window.doc.analysis.posterior["igg4_rd"])
    assert window.evidence.probability.text() == shown


def test_alk_workup_and_red_flags_appear_when_they_apply(window):
    """The ALK workup (path and next step or conclusion) and red flags show for IMT."""
    assert not window.alerts.isVisible()
    window.open_path(str(EXAMPLES / "imt_seed_case15.ddx.yaml"))
    text = window.alerts.toPlainText()
    assert window.alerts.isVisible()
    assert "ALK workup" in text and "Conclusion:" in text
    window.doc.set_finding("alk_fish", None)
    window.doc.set_finding("alk_rt_pcr", None)
    assert "Next step:" in window.alerts.toPlainText()


def test_outside_differential_and_close_call_warnings(window, kb):
    """Findings no entity explains raise 'outside this differential'; a near tie raises
    a close call."""
    for fid in ("melanin_pigment", "mikulicz_cells", "obliterative_phlebitis",
                "surface_dysplasia_or_carcinoma", "thickened_basement_membrane"):
        window.doc.set_finding(fid, "present")
    analysis = window.doc.analysis
    text = window.alerts.toPlainText()
    assert (analysis.outside is not None) == ("Outside this differential?" in text)
    assert (analysis.close_call is not None) == ("Close call" in text)
    assert analysis.outside is not None or analysis.close_call is not None


def test_trainee_mode_hides_then_reveals(window):
    """In trainee mode the differential and evidence stay hidden until the trainee commits
    a diagnosis; then the verdict against the teaching answer is shown."""
    window.open_path(str(EXAMPLES / "imt.ddx.yaml"))
    window.registry["ddx.view.trainee"].trigger()
    assert window.trainee_panel.isVisible()
    assert not window.differential_view.isVisible()
    assert not window.evidence.isVisible()
    assert not window.suggestions_view.isVisible()
    assert window.suggestions_model.rowCount() == 0  # nothing leaks through the model
    shown = window.middle_stack.currentWidget()
    assert shown.isVisible() and "hidden until you commit" in shown.text()
    assert "evidence is hidden" in window.right_stack.currentWidget().text()
    panel = window.trainee_panel
    panel.choice.setCurrentIndex(panel.choice.findData("nasal_polyp"))
    panel.commit_button.click()
    assert window.differential_view.isVisible()
    assert window.evidence.isVisible()
    assert "the answer is Inflammatory myofibroblastic tumour" in panel.result.toPlainText()
    assert window.selected_entity() == "imt"
    # a new case hides it again
    window.open_path(str(EXAMPLES / "igg4_rd.ddx.yaml"))
    assert not window.differential_view.isVisible()
    panel.reveal_button.click()
    assert window.differential_view.isVisible()
    assert "IgG4" in panel.result.toPlainText()
    window.registry["ddx.view.trainee"].trigger()
    assert not window.trainee_panel.isVisible()


def test_trainee_verdict_says_what_separates_the_answer_from_the_guess(window):
    """A wrong guess: the feedback (right-hand column) lists the trainee's findings that
    separate the answer from the guess (strongest first, with both figures) and the
    posterior odds, computed on what the trainee recorded and ordered."""
    window.open_path(str(EXAMPLES / "imt.ddx.yaml"))
    window.set_trainee_mode(True)
    for fid, value in window.practice_session.picture():  # the trainee reads the picture
        window.doc.set_finding(fid, value)
    for fid in ("ihc_igg4_per_hpf", "ihc_igg4_igg_ratio_percent"):
        window.order_test(fid)
    window.commit_guess("igg4_rd")
    shown = window.feedback_view.toPlainText()
    analysis = window.doc.analysis
    assert "What separates IMT from IgG4-RD" in shown
    strongest = analysis.compare("imt", "igg4_rd")[0]
    label = window.kb.findings[strongest.finding].label["en"]
    assert strongest.llr > 0 and label in shown
    assert "Posterior odds" in shown and "Teaching note" in shown
    window.open_path(str(EXAMPLES / "igg4_rd.ddx.yaml"))  # a new case hides the verdict
    assert not window.trainee_panel.result.isVisibleTo(window)
    assert not window.feedback_view.isVisibleTo(window)


def test_trainee_match_is_reported(window):
    """Committing the right diagnosis says so."""
    window.open_path(str(EXAMPLES / "imt.ddx.yaml"))
    window.set_trainee_mode(True)
    window.commit_guess("imt")
    assert "Right: Inflammatory myofibroblastic tumour" in \
        window.trainee_panel.result.toPlainText()
    assert "Right: the answer is" in window.feedback_view.toPlainText()


def test_reports_unavailable_message(window, prompter, monkeypatch):
    """Export Report and Print say 'Reports are not available' when the report dialogs
    cannot be imported (e.g. the PDF renderer is missing), and the window carries on."""
    import sys

    monkeypatch.delitem(sys.modules, "ddx_app.gui.report_dialog", raising=False)
    monkeypatch.setitem(sys.modules, "ddx_app.gui.report_dialog", None)  # import -> ImportError
    import ddx_app.gui

    monkeypatch.delattr(ddx_app.gui, "report_dialog", raising=False)
    window.registry["ddx.report.export"].trigger()
    window.registry["ddx.report.print"].trigger()
    assert [m for _, m in prompter.infos] == ["Reports are not available."] * 2


def test_report_actions_call_the_report_dialogs(window, monkeypatch):
    """Export and Print hand the window, knowledge base, case, analysis and settings to
    ddx_app.gui.report_dialog (patched here: the real dialogs are modal)."""
    from ddx_app.gui import report_dialog

    calls = []
    monkeypatch.setattr(report_dialog, "start_export_dialog",
                        lambda *a: calls.append(("export", a)))
    monkeypatch.setattr(report_dialog, "print_report", lambda *a: calls.append(("print", a)))
    window.registry["ddx.report.export"].trigger()
    window.registry["ddx.report.print"].trigger()
    assert [c[0] for c in calls] == ["export", "print"]
    args = calls[0][1]
    assert args[0] is window and args[1] is window.kb and args[2] is window.doc.case
    assert args[3] is window.doc.analysis and args[4] is window.settings


def test_about_box_shows_versions_hash_and_sources(window, kb):
    """The About box gives the app version, KB id/version, full SHA-256 and each source
    with its DOI or PMID link."""
    from ddx_app import __version__
    from ddx_app.gui.dialogs.about import AboutDialog

    dialog = AboutDialog(kb, "en", window)
    html = dialog.browser.toHtml()
    assert __version__ in html and kb.version in html and kb.id in html
    assert kb.sha256 in html
    assert "https://doi.org/10.2147/PGPM.S508156" in html
    assert dialog.browser.toPlainText().count("[") >= len(kb.sources)
    dialog.close()


def test_geometry_is_restored_and_clamped_on_screen(window, make_window):
    """A saved window position off every screen is pulled back onto the screen."""
    window.setGeometry(QRect(100, 80, 640, 480))
    window.save_window_state()
    assert not window.settings.state("geometry").isEmpty()
    window.settings.set_state("geometry", QByteArray())
    window.move(50_000, 50_000)
    window.save_window_state()
    other = make_window()
    avail = QGuiApplication.primaryScreen().availableGeometry()
    assert avail.intersects(other.geometry())
    assert other.width() <= avail.width() and other.height() <= avail.height()


def test_colours_come_from_the_palette():
    """Bars and for/against colours follow the palette, so dark themes stay readable."""
    light, dark = QPalette(), dark_palette()
    assert bar_color(dark) == dark.color(QPalette.ColorRole.Highlight)
    assert muted_text(dark) == dark.color(QPalette.ColorRole.PlaceholderText)
    for palette in (light, dark):
        base = palette.color(QPalette.ColorRole.Base).lightnessF()
        for supports in (True, False):
            c = evidence_color(palette, supports)
            assert abs(c.lightnessF() - base) > 0.25  # visible against the background
    assert evidence_color(dark, True) != evidence_color(light, True)


def test_keyboard_shortcuts_help_lists_what_the_window_answers_to(window, monkeypatch):
    """Help ▸ Keyboard Shortcuts (F1) shows the checklist letters from the knowledge base
    and every menu shortcut as bound on this platform."""
    from PySide6.QtGui import QKeySequence

    from ddx_app.gui.dialogs import shortcuts

    shown = []
    monkeypatch.setattr(shortcuts.ShortcutsDialog, "exec",
                        lambda self: shown.append(self.browser.toPlainText()) or 0)
    window.registry["ddx.help.shortcuts"].trigger()
    assert len(shown) == 1
    listed = shown[0]
    for letter in window.kb.state_keys:
        assert f"\n{letter}\n" in f"\n{listed}\n"
    save = window.registry["ddx.case.save"].shortcut().toString(
        QKeySequence.SequenceFormat.NativeText)
    assert save and save in listed
    assert "not assessed" in listed


def test_evidence_bars_follow_a_switch_to_dark(window, qtbot):
    """When the system switches colour scheme, the weight bars are redrawn in the new
    palette's colours (they are cached pixmaps)."""
    window.open_path(str(EXAMPLES / "imt.ddx.yaml"))
    window.select_entity("imt")
    model = window.evidence.model

    def bar_colour():
        for r in range(model.rowCount()):
            icon = model.index(r, WEIGHT).data(Qt.ItemDataRole.DecorationRole)
            if icon is not None:
                image = icon.toImage()
                return [image.pixelColor(x, image.height() // 2).rgb()
                        for x in range(image.width()) if image.pixelColor(
                            x, image.height() // 2).alpha() > 200]
        return None

    before = bar_colour()
    assert before
    app = QGuiApplication.instance()
    old = app.palette()
    try:
        app.setPalette(dark_palette())
        QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
        qtbot.waitUntil(lambda: bar_colour() not in (None, before), timeout=2000)
    finally:
        app.setPalette(old)


def test_long_finding_labels_wrap_to_their_column_width(window, qtbot):
    """A long label takes more lines when its column narrows and fewer when it widens
    again (row heights follow the column width, not a width cached at start-up)."""
    view = window.findings_view
    window.resize(1400, 900)
    qtbot.waitUntil(lambda: view.viewport().width() > 300, timeout=2000)
    proxy = window.filter_proxy
    long_label = proxy.mapFromSource(window.findings_model.index_of("multiorgan_involvement"))
    header = view.header()

    def row_height():
        QGuiApplication.processEvents()
        view.doItemsLayout()
        return view.visualRect(long_label).height()

    header.setSectionResizeMode(0, header.ResizeMode.Interactive)
    header.resizeSection(0, 600)
    wide = row_height()
    header.resizeSection(0, 160)
    narrow = row_height()
    header.resizeSection(0, 600)
    assert narrow > wide and row_height() == wide


def test_evidence_text_is_laid_out_once_the_window_has_its_size(qtbot, kb, prompter):
    """Before the window is shown the details hold no text (it would be laid out at a
    throw-away width); shown, they hold the leading entity's criteria and description."""
    from ddx_app.gui.main_window import MainWindow
    from ddx_app.gui.settings import Settings

    w = MainWindow(kb, Settings(), prompter=prompter)
    qtbot.addWidget(w)
    assert w.evidence.details.toPlainText() == ""
    w.show()
    qtbot.waitExposed(w)
    shown = w.evidence.details.toPlainText()
    assert "Criteria" in shown and "Description" in shown
    w.doc.set_finding("ihc_alk", "positive")  # later changes go straight in
    assert w.evidence.details.toPlainText() != shown
    w.doc.undo_stack.setClean()
    w.close()


def test_emergency_banner_and_scope_box(window, kb):
    """An emergency that leads (invasive fungal rhinosinusitis) is named in a banner across
    the top of the window; the scope box restricts the differential to the seed six."""
    assert not window.urgent_banner.isVisible()
    for fid, value in (("immunocompromised_or_diabetic", "present"), ("necrosis", "present"),
                       ("fungal_hyphae", "present")):
        window.doc.set_finding(fid, value)
    assert window.doc.analysis.leader.entity == "invasive_fungal_rhinosinusitis"
    assert window.urgent_banner.isVisible()
    assert "fungal" in window.urgent_banner.text().lower()
    combo = window.differential_panel.scope_combo
    combo.setCurrentIndex(combo.findData("seed_six"))
    model = window.differential_view.model()
    assert model.rowCount() == 6
    assert not window.urgent_banner.isVisible()  # no emergency among the six
    combo.setCurrentIndex(combo.findData("all"))
    assert model.rowCount() == len(kb.entities)
