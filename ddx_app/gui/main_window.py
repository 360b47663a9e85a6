"""The main window: findings checklist | differential, warnings, next tests | evidence.

The window wires views to models and models to the document; it computes
nothing. File handling, trainee mode and window state live in mixins
(:mod:`.file_actions`, :mod:`.trainee`, :mod:`.window_state`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
)
from PySide6.QtGui import QActionGroup, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from .. import DISCLAIMER
from ..i18n import LANGUAGES, normalise
from ..knowledge.model import KnowledgeBase, text
from .actions import ActionRegistry, StandardKey
from .dialogs.prompts import Prompter
from .document import CaseDocument
from .file_actions import FileActionsMixin
from .models.differential_model import DifferentialModel
from .models.filter_proxy import FindingFilterProxy
from .models.findings_model import FindingsModel
from .models.keyed import KeyedItemModel
from .models.roles import EntityIdRole, FindingIdRole
from .models.suggestions_model import SuggestionsModel
from .recovery import RecoveryStore
from .settings import Settings
from .trainee import TraineeMixin
from .widgets.alerts_panel import AlertsPanel
from .widgets.analysis_panels import DifferentialPanel, SuggestionsPanel
from .widgets.case_form import CaseForm
from .widgets.compare_panel import ComparePanel
from .widgets.evidence_panel import EvidencePanel
from .widgets.findings_panel import FindingsPanel
from .widgets.parts import note, splitter
from .window_state import WindowStateMixin

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from .widgets.trainee_panel import TraineePanel

AUTOSAVE_MS = 30_000
_SELECT_ROW = (QItemSelectionModel.SelectionFlag.ClearAndSelect
               | QItemSelectionModel.SelectionFlag.Rows)


def _note() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


class MainWindow(TraineeMixin, FileActionsMixin, WindowStateMixin, QMainWindow):
    # TraineeMixin first: in trainee mode it keeps file names out of the title, menus and
    # status bar, and treats a practice copy as scratch (see gui/trainee.py).
    def __init__(self, kb: KnowledgeBase, settings: Settings | None = None,
                 prompter: Prompter | None = None, recovery: RecoveryStore | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.kb = kb
        self.settings = settings or Settings()
        self.lang = self.settings.language
        self.prompter = prompter or Prompter(self)
        self.recovery = recovery or RecoveryStore()
        self.persist_settings = True  # off for --screenshot / --exit-after-startup
        self._example_titles = {}
        self._suggestions_live = False  # suggestions wait until the window is shown
        self._select_leader = True  # after new/open the evidence shows the leader
        self._syncing = False  # True while the window, not the user, moves the selection

        self.doc = CaseDocument(kb, self.settings.prior, self.lang, self)
        self.registry = ActionRegistry(self)
        self.findings_model = FindingsModel(self.doc, self)
        self.filter_proxy = FindingFilterProxy(self.kb, self.lang, self)
        self.filter_proxy.setSourceModel(self.findings_model)
        self.differential_model = DifferentialModel(self.kb, self.lang, self)
        self.suggestions_model = SuggestionsModel(self.kb, self.lang, self)
        self._build_ui()
        self._build_actions()
        self._build_menus()
        self.retranslate()

        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.autosave_now)

        self.doc.analysisChanged.connect(self._on_analysis)
        self.doc.modifiedChanged.connect(self.setWindowModified)
        self.doc.pathChanged.connect(self._update_title)
        self.doc.caseReplaced.connect(self._on_case_replaced)
        self.doc.undo_stack.indexChanged.connect(self._schedule_autosave)
        self.findings_model.valueRejected.connect(
            lambda msg: self.statusBar().showMessage(msg, 8000))
        self._on_analysis(self.doc.analysis)
        self._update_title()
        self.restore_window_state()
        self.findings_view.setFocus()

    # -- construction ---------------------------------------------------------------------------
    def _build_ui(self) -> None:
        # Left: case fields over the findings checklist.
        self.case_form = CaseForm(self.doc)
        self.findings_panel = FindingsPanel(self.kb, self.findings_model, self.filter_proxy,
                                            self.lang)
        self.filter_edit = self.findings_panel.filter_edit
        self.quick_entry = self.findings_panel.quick_entry
        self.findings_panel.quick_entry_box.applyRequested.connect(self.apply_quick_entry)
        self.findings_panel.quick_entry_box.otherRequested.connect(self.record_other_findings)
        self.findings_view = self.findings_panel.view
        self.left_splitter = splitter("leftSplitter", (self.case_form, self.findings_panel),
                                      vertical=True, stretch=(0, 1), sizes=(150, 650))

        # Middle: trainee box (built when trainee mode is first used), differential,
        # warnings and workup, next best tests.
        self._trainee_panel: TraineePanel | None = None
        self.differential_panel = DifferentialPanel(self.differential_model, self.kb,
                                                    self.lang)
        self.differential_view = self.differential_panel.view
        self.prior_combo = self.differential_panel.prior_combo
        self.differential_view.selectionModel().currentRowChanged.connect(
            self._on_entity_selected)
        self.differential_panel.scope_combo.currentIndexChanged.connect(
            lambda _i: self.doc.set_scope(self.differential_panel.scope_combo.currentData()
                                          or "all"))
        self.prior_combo.currentIndexChanged.connect(
            lambda _i: self.set_prior(self.prior_combo.currentData()))
        self.alerts = AlertsPanel(self.kb, self.lang)
        self.suggestions_panel = SuggestionsPanel(self.suggestions_model,
                                                  self.settings.stains_only)
        self.suggestions_view = self.suggestions_panel.view
        self.stains_only = self.suggestions_panel.stains_only
        self.stains_only.toggled.connect(self.set_stains_only)
        self.suggestions_view.activated.connect(self._on_suggestion_activated)
        self.middle_splitter = splitter(
            "middleSplitter", (self.differential_panel, self.alerts, self.suggestions_panel),
            vertical=True, sizes=(225, 310, 245), collapsible=False)
        # In trainee mode the analysis pages give way to a note until the reveal
        # (show_hidden_notes adds the notes on first use).
        self._hidden_notes: tuple[QLabel, QLabel] | None = None
        self.middle_stack = QStackedWidget()
        self.middle_stack.addWidget(self.middle_splitter)
        middle = QWidget()
        self._middle_layout = QVBoxLayout(middle)
        self._middle_layout.setContentsMargins(0, 0, 0, 0)
        self._middle_layout.addWidget(self.middle_stack, 1)

        # Right: evidence for the selected entity (it follows the leader unless the user
        # pins another), and in a second tab the leading entities side by side.
        self.evidence = EvidencePanel(self.kb, self.lang)
        self.evidence.followLeaderRequested.connect(self.follow_leader)
        self.compare_panel = ComparePanel(self.kb, self.lang)
        self.compare_panel.findingActivated.connect(self.focus_finding)
        self.right_tabs = QTabWidget()
        self.right_tabs.setObjectName("rightTabs")
        self.right_tabs.setDocumentMode(True)
        self.right_tabs.addTab(self.evidence, "")
        self.right_tabs.addTab(self.compare_panel, "")
        self.right_stack = QStackedWidget()
        self.right_stack.addWidget(self.right_tabs)
        # trainee mode swaps the tabs for a note until the reveal: compare again then
        self.right_stack.currentChanged.connect(lambda _i: self._update_compare())

        self.main_splitter = splitter(
            "mainSplitter", (self.left_splitter, middle, self.right_stack),
            stretch=(4, 4, 5), sizes=(440, 380, 580), collapsible=False)

        self.disclaimer = note("disclaimer")
        self.disclaimer.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        # Emergencies (entity `urgency` in the KB: invasive fungal rhinosinusitis, NK/T-cell
        # lymphoma...) in a banner across the top, where no column layout can hide them.
        self.urgent_banner = QLabel()
        self.urgent_banner.setObjectName("urgentBanner")
        self.urgent_banner.setWordWrap(True)
        self.urgent_banner.setVisible(False)
        self.urgent_banner.setStyleSheet(
            "QLabel#urgentBanner { background: #b3261e; color: white; padding: 6px; "
            "font-weight: bold; border-radius: 3px; }")
        central = QWidget()
        cl = QVBoxLayout(central)
        cl.setContentsMargins(6, 6, 6, 2)
        cl.addWidget(self.urgent_banner)
        cl.addWidget(self.main_splitter, 1)
        cl.addWidget(self.disclaimer)
        self.setCentralWidget(central)
        self.kb_label = QLabel()
        self.statusBar().addPermanentWidget(self.kb_label)

    @property
    def trainee_panel(self) -> TraineePanel:
        """The trainee box above the differential, created on first use."""
        if self._trainee_panel is None:
            from .widgets.trainee_panel import TraineePanel

            panel = TraineePanel(self.kb, self.lang)
            panel.setVisible(False)
            panel.committed.connect(self.commit_guess)
            panel.revealRequested.connect(self.reveal)
            panel.orderRequested.connect(self.order_test)
            self._middle_layout.insertWidget(0, panel)
            self._trainee_panel = panel
        return self._trainee_panel

    def show_hidden_notes(self, shown: bool) -> None:
        """Trainee mode: notes in place of the analysis and of the evidence, or not.

        The notes are created the first time they are shown: a word-wrapped label costs a
        text layout at every layout pass of the window, even on a stack page not shown."""
        if shown and self._hidden_notes is None:
            self._hidden_notes = (_note(), _note())
            self.middle_stack.addWidget(self._hidden_notes[0])
            self.right_stack.addWidget(self._hidden_notes[1])
            self._retranslate_notes()
        self.middle_stack.setCurrentIndex(int(shown))
        self.right_stack.setCurrentIndex(int(shown))

    def splitters(self) -> dict[str, QSplitter]:
        return {"main_splitter": self.main_splitter, "left_splitter": self.left_splitter,
                "middle_splitter": self.middle_splitter,
                "evidence_splitter": self.evidence.splitter}

    def _build_actions(self) -> None:
        a = self.registry
        a.add("ddx.case.new", self.new_case, shortcut=StandardKey.New)
        a.add("ddx.case.open", self.open_dialog, shortcut=StandardKey.Open)
        a.add("ddx.case.save", self.save, shortcut=StandardKey.Save)
        a.add("ddx.case.save_as", self.save_as, shortcut=StandardKey.SaveAs)
        a.add("ddx.recent.clear", self.settings.clear_recent)
        a.add("ddx.report.export", self.export_report)
        a.add("ddx.report.print", self.print_report, shortcut=StandardKey.Print)
        a.add("ddx.app.quit", self.close, shortcut=StandardKey.Quit)
        stack = self.doc.undo_stack
        undo = a.add("ddx.edit.undo", stack.undo, shortcut=StandardKey.Undo)
        redo_keys = [k.toString() for k in QKeySequence.keyBindings(StandardKey.Redo)]
        if "Ctrl+Shift+Z" not in redo_keys:
            redo_keys.append("Ctrl+Shift+Z")
        redo = a.add("ddx.edit.redo", stack.redo, shortcut=redo_keys)
        undo.setEnabled(False)
        redo.setEnabled(False)
        stack.canUndoChanged.connect(undo.setEnabled)
        stack.canRedoChanged.connect(redo.setEnabled)
        a.add("ddx.edit.find", self.focus_filter, shortcut=StandardKey.Find)
        a.add("ddx.edit.quick_entry", self.focus_quick_entry, shortcut=["Ctrl+L"])
        a.add("ddx.edit.copy_summary", self.copy_summary, shortcut=["Ctrl+Shift+C"])
        a.add("ddx.edit.clear_findings", self.clear_findings)
        a.add("ddx.view.trainee", self.set_trainee_mode, checkable=True)
        a.add("ddx.view.stains_only", self.stains_only.setChecked, checkable=True)
        a.add("ddx.view.follow_leader", self.follow_leader).setEnabled(False)
        a.add("ddx.view.compare", lambda: self.right_tabs.setCurrentWidget(
            self.compare_panel if self.right_tabs.currentWidget() is self.evidence
            else self.evidence))
        a["ddx.view.stains_only"].setChecked(self.stains_only.isChecked())
        group = QActionGroup(self)
        for mode, _label, _description in self.kb.prior_choices():  # presets are KB data
            group.addAction(a.add(f"ddx.prior.{mode}",
                                  lambda _c=False, m=mode: self.set_prior(m), checkable=True))
        a.add("ddx.help.shortcuts", self.show_shortcuts, shortcut=StandardKey.HelpContents)
        a.add("ddx.help.about", self.show_about)
        a.add("ddx.help.about_qt", QApplication.aboutQt)
        self._build_practice_actions()
        for action_id in a.ids():
            self.addAction(a[action_id])  # shortcuts work whatever has focus

    def _build_menus(self) -> None:
        a, bar = self.registry, self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addActions([a["ddx.case.new"], a["ddx.case.open"]])
        self.examples_menu = QMenu(self)
        self.examples_menu.setObjectName("examplesMenu")
        self.examples_menu.aboutToShow.connect(
            lambda: self._fill_examples_menu(self.examples_menu))
        self.file_menu.addMenu(self.examples_menu)
        self.recent_menu = QMenu(self)
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(lambda: self._fill_recent_menu(self.recent_menu))
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addSeparator()
        self.file_menu.addActions([a["ddx.case.save"], a["ddx.case.save_as"]])
        self.file_menu.addSeparator()
        self.file_menu.addActions([a["ddx.report.export"], a["ddx.report.print"]])
        self.file_menu.addSeparator()
        self.file_menu.addAction(a["ddx.app.quit"])
        self.edit_menu = bar.addMenu("")
        self.edit_menu.addActions([a["ddx.edit.undo"], a["ddx.edit.redo"]])
        self.edit_menu.addSeparator()
        self.edit_menu.addActions([a["ddx.edit.quick_entry"], a["ddx.edit.find"],
                                   a["ddx.edit.clear_findings"]])
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(a["ddx.edit.copy_summary"])
        self.view_menu = bar.addMenu("")
        self.view_menu.addActions([a["ddx.view.trainee"], a["ddx.view.stains_only"],
                                   a["ddx.view.follow_leader"], a["ddx.view.compare"]])
        self.view_menu.addSeparator()
        self.prior_menu = self.view_menu.addMenu("")
        self.prior_menu.addActions(
            [a[f"ddx.prior.{mode}"] for mode, _, _ in self.kb.prior_choices()])
        self.language_menu = self.view_menu.addMenu("")
        self.language_menu.setObjectName("languageMenu")
        languages = QActionGroup(self)
        for code, name in LANGUAGES.items():  # each language named in its own words
            action = languages.addAction(name)
            action.setObjectName(f"ddx.language.{code}")
            action.setCheckable(True)
            action.setChecked(code == self.settings.language)
            action.triggered.connect(lambda _c=False, c=code: self.set_language(c))
        self.language_menu.addActions(languages.actions())
        self._build_practice_menu(bar)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(a["ddx.help.shortcuts"])
        self.help_menu.addSeparator()
        self.help_menu.addActions([a["ddx.help.about"], a["ddx.help.about_qt"]])

    def retranslate(self) -> None:
        """Every user-visible text of the window, set again after a language change."""
        self.registry.retranslate()
        self.file_menu.setTitle(self.tr("&File"))
        self.examples_menu.setTitle(self.tr("Open &Example"))
        self.recent_menu.setTitle(self.tr("Open &Recent"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.findings_panel.retranslate()
        self.differential_panel.retranslate()
        self.differential_panel.show_prior(self.doc.prior)
        self.suggestions_panel.retranslate()
        self.right_tabs.setTabText(0, self.tr("Evidence"))
        self.right_tabs.setTabText(1, self.tr("Compare"))
        self.right_tabs.setTabToolTip(1, self.tr(
            "The leading entities side by side: how often each shows the findings that "
            "separate them"))
        self.compare_panel.retranslate()
        self.prior_menu.setTitle(self.tr("&Prior"))
        self.language_menu.setTitle(self.tr("&Language"))
        self._retranslate_practice()
        for mode, label, description in self.kb.prior_choices():
            action = self.registry[f"ddx.prior.{mode}"]
            action.setText(text(label, self.lang))
            action.setStatusTip(text(description, self.lang))
        self.registry[f"ddx.prior.{self.doc.prior}"].setChecked(True)
        if self._hidden_notes is not None:
            self._retranslate_notes()
        self.disclaimer.setText(QCoreApplication.translate("Disclaimer", DISCLAIMER))
        self.disclaimer.setAccessibleName(self.tr("Disclaimer"))
        self.kb_label.setText(self.tr("Knowledge base {id} {version} · {hash}").format(
            id=self.kb.id, version=self.kb.version, hash=self.kb.short_hash))
        self.kb_label.setToolTip(self.tr("SHA-256 {sha}").format(sha=self.kb.sha256))
        self._update_title()

    def _retranslate_notes(self) -> None:
        analysis_note, evidence_note = self._hidden_notes
        analysis_note.setText(self.tr(
            "Trainee mode: the differential, warnings and next best tests are hidden until "
            "you commit a diagnosis or reveal."))
        evidence_note.setText(self.tr(
            "The evidence is hidden until you commit a diagnosis or reveal."))

    # -- analysis -> views --------------------------------------------------------------------
    def _on_analysis(self, analysis) -> None:
        self._syncing = True  # rows re-sorting move the current row: not a user's choice
        try:
            self.differential_model.update(analysis)
            self.differential_panel.show_analysis(analysis)
            self._show_evidence_entity(analysis)
        finally:
            self._syncing = False
        self._update_compare()
        self.alerts.update_from(None if self.analysis_hidden() else analysis)
        self._show_urgent(None if self.analysis_hidden() else analysis)
        self._update_suggestions()

    def _show_urgent(self, analysis) -> None:
        """The banner names every emergency that leads or reaches its threshold."""
        urgent = [a for a in analysis.alerts if a.kind == "urgent"] if analysis else []
        self.urgent_banner.setVisible(bool(urgent))
        if urgent:
            self.urgent_banner.setText("\n".join(f"\u26a0 {a.title}: {a.message}"
                                                  for a in urgent))

    def _update_suggestions(self) -> None:
        live = self._suggestions_live and not self.analysis_hidden()
        stains_only = self.stains_only.isChecked()
        analysis = self.doc.analysis if live else None
        self.suggestions_model.update(analysis, stains_only)
        settled = analysis is not None and analysis.settled(stains_only)
        self.suggestions_panel.show_settled(
            self.kb.settings.settled_below_bits if settled else None)

    def selected_entity(self) -> str | None:
        index = self.differential_view.selectionModel().currentIndex()
        return index.data(EntityIdRole) if index.isValid() else None

    def select_entity(self, entity: str) -> None:
        self.differential_view.selectionModel().setCurrentIndex(
            self.differential_model.index(self.differential_model.row_of(entity), 0),
            _SELECT_ROW)

    def _update_compare(self) -> None:
        self.compare_panel.show_analysis(None if self.analysis_hidden() else self.doc.analysis)

    def _show_evidence_entity(self, analysis) -> None:
        """The evidence follows the leader, unless the user pinned another entity (a new
        or opened case, or a scope without that entity, follows the leader again)."""
        pinned = self.evidence.pinned
        if self._select_leader or pinned not in analysis.posterior:
            pinned = None
        self._select_leader = False
        leader = analysis.leader.entity
        target = pinned or leader
        if self.selected_entity() != target:
            self.select_entity(target)
        self.evidence.set_pinned(pinned, leader)
        self.registry["ddx.view.follow_leader"].setEnabled(pinned is not None)
        self.evidence.show_entity(analysis, target)

    def follow_leader(self) -> None:
        """Unpin: the evidence shows the leading entity again, and follows it."""
        self.evidence.set_pinned(None)
        self._syncing = True
        try:
            self._show_evidence_entity(self.doc.analysis)
        finally:
            self._syncing = False

    def _on_entity_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid() or self._syncing:
            return
        entity = current.data(EntityIdRole)
        leader = self.doc.analysis.leader.entity
        pinned = None if entity == leader else entity  # the leader itself: follow it
        self.evidence.set_pinned(pinned, leader)
        self.registry["ddx.view.follow_leader"].setEnabled(pinned is not None)
        self.evidence.show_entity(self.doc.analysis, entity)

    def finish_startup(self, offer_recovery: bool = True) -> None:
        """After the window is shown: compute suggestions (imports NumPy), offer recovery."""
        self._suggestions_live = True
        self._update_suggestions()
        if offer_recovery:
            self.offer_recovery()

    def _on_case_replaced(self) -> None:
        self._select_leader = True
        self.trainee_case_replaced()
        self._update_title()

    # -- user settings ------------------------------------------------------------------------
    def set_prior(self, mode: str | None) -> None:
        if mode is None:
            return
        self.doc.set_prior(mode)
        self.settings.prior = mode
        self.differential_panel.show_prior(mode)
        self.registry[f"ddx.prior.{mode}"].setChecked(True)

    def set_language(self, lang: str) -> None:
        """View ▸ Language: stored, and the whole window changes at once: the interface's
        own words (Qt translations) and the knowledge base's texts, which every model and
        panel reads through its ``lang`` (``_lang``) attribute."""
        from .app import install_translations

        lang = normalise(lang)
        self.settings.language = lang
        install_translations(QCoreApplication.instance(), lang)
        self.lang = lang
        self.drop_kept_dialogs()  # built anew, in the new language, when next opened
        for obj in self.findChildren(QObject):  # the document, models, panels, dialogs
            for attr in ("lang", "_lang"):  # a plain attribute, not a property
                if isinstance(vars(obj).get(attr), str):
                    setattr(obj, attr, lang)
        self.retranslate()
        for obj in self.findChildren(QObject):  # column titles, case form, checklist
            retranslate = getattr(obj, "retranslate", None)
            if callable(retranslate):
                retranslate()
        self.filter_proxy.invalidate()
        for model in self.findChildren(KeyedItemModel):
            model.redraw()
        self._on_analysis(self.doc.analysis)  # ranking, notes, warnings, evidence anew
        self.evidence.redraw()
        for action in self.language_menu.actions():
            action.setChecked(action.objectName() == f"ddx.language.{lang}")
        self.statusBar().showMessage(self.tr("Language: {language}").format(
            language=LANGUAGES[lang]), 5000)

    def set_stains_only(self, on: bool) -> None:
        self.settings.stains_only = on
        if self.stains_only.isChecked() != on:
            self.stains_only.setChecked(on)
        self.registry["ddx.view.stains_only"].setChecked(on)
        self._update_suggestions()

    # -- findings -----------------------------------------------------------------------------
    def focus_filter(self) -> None:
        self.findings_panel.focus_filter()

    def focus_quick_entry(self) -> None:
        self.findings_panel.quick_entry_box.focus()

    def apply_quick_entry(self, result) -> None:
        """Record every finding the quick entry line understood as ONE undo step; the
        line keeps what was not understood (and what needs an answer)."""
        if not result.findings:
            self.statusBar().showMessage(self.tr(
                "Quick entry: nothing understood; see the line under it"), 8000)
            return
        try:
            changed = self.doc.set_findings(result.findings, self.tr(
                "Quick entry ({count} findings)").format(count=len(result.findings)))
        except ValueError as exc:  # the parser gives valid values; a KB edit might not
            self.statusBar().showMessage(str(exc), 8000)
            return
        self.findings_panel.quick_entry_box.keep_leftover()
        left = len(result.unrecognised) + len(result.questions)
        message = self.tr("Quick entry: recorded {count} finding(s)").format(count=len(changed))
        if left:
            message += self.tr("; {left} item(s) not understood stay in the line "
                               "(Ctrl+Enter keeps them as other findings)").format(left=left)
        self.statusBar().showMessage(message, 8000)

    def record_other_findings(self, terms: list) -> None:
        """Ctrl+Enter in the quick entry: the words it did not understand become other
        findings (one undo step; kept in the case file and the report, never scored)."""
        try:
            added = self.doc.add_other_findings(terms)
        except ValueError as exc:
            self.statusBar().showMessage(str(exc), 8000)
            return
        self.statusBar().showMessage(self.tr(
            "Recorded {count} other finding(s), not scored: {terms}").format(
                count=len(added), terms=", ".join(added)), 8000)

    def copy_summary(self) -> None:
        """Edit > Copy Summary: the plain-text summary (ddx summary) on the clipboard."""
        if self.analysis_hidden():
            self.statusBar().showMessage(self.tr(
                "Trainee mode: the summary shows the differential; commit a diagnosis or "
                "reveal first"), 8000)
            return
        from ..summary import summary_text

        summary = summary_text(self.doc.case, self.doc.analysis, self.lang)
        QApplication.clipboard().setText(summary)
        self.statusBar().showMessage(self.tr("Summary copied to the clipboard ({lines} lines)")
                                     .format(lines=summary.count("\n")), 6000)

    def focus_finding(self, finding: str) -> None:
        """Select a finding in the checklist (clearing the filter if it hides it), ready to set."""
        self.findings_panel.focus_finding(finding)
        label = text(self.kb.findings[finding].label, self.lang)
        self.statusBar().showMessage(self.tr("{finding}: press P/N (or Space) to record the "
                                             "result").format(finding=label), 6000)

    def _on_suggestion_activated(self, index: QModelIndex) -> None:
        fid = index.data(FindingIdRole)
        if fid:
            self.focus_finding(fid)

    def current_finding(self) -> str | None:
        return self.findings_view.currentIndex().data(FindingIdRole)

    def clear_findings(self) -> None:
        """One undo step that sets every recorded finding back to not assessed."""
        recorded = list(self.doc.case.findings)
        if not recorded:
            return
        stack = self.doc.undo_stack
        stack.beginMacro(self.tr("Clear all findings"))
        for fid in recorded:
            self.doc.set_finding(fid, None)
        stack.endMacro()

    # -- reports and about ------------------------------------------------------------------
    def _report_bridge(self):
        """The report dialogs, imported on first use (they pull in the PDF renderer)."""
        try:
            from . import report_dialog
        except ImportError:
            self.prompter.information(self.tr("Reports"), self.tr("Reports are not available."))
            return None
        return report_dialog

    def export_report(self) -> None:
        """Export on a worker thread (report_dialog.start_export_dialog): the window stays
        responsive while a PDF is laid out; one export at a time."""
        job = getattr(self, "report_export", None)
        if job is not None and job.running:
            self.statusBar().showMessage(self.tr("A report is still being exported."), 4000)
            return
        bridge = self._report_bridge()
        if bridge is not None:
            self.report_export = bridge.start_export_dialog(
                self, self.kb, self.doc.case, self.doc.analysis, self.settings)

    def print_report(self) -> None:
        bridge = self._report_bridge()
        if bridge is not None:
            bridge.print_report(self, self.kb, self.doc.case, self.doc.analysis, self.settings)

    def show_shortcuts(self) -> None:
        from .dialogs.shortcuts import ShortcutsDialog

        actions = [self.registry[i] for i in self.registry.ids()]
        ShortcutsDialog(self.kb, actions, self.lang, self).exec()

    def show_about(self) -> None:
        from .dialogs.about import AboutDialog

        AboutDialog(self.kb, self.lang, self).exec()

    # -- window ---------------------------------------------------------------------------------
    def _update_title(self) -> None:
        suffix = self.tr(" (trainee)") if self._trainee else ""
        name = self.trainee_title() if self._trainee else self.doc.display_name()
        self.setWindowTitle(self.tr("{name}[*] — DDx Assistant{suffix}").format(
            name=name, suffix=suffix))
        self.setWindowModified(self.doc.is_modified)

    def _schedule_autosave(self) -> None:
        if not self._autosave.isActive():
            self._autosave.start()

    def setVisible(self, visible: bool) -> None:
        """Showing lays the window out; the checklist then opens its groups at their
        real widths, before the first paint. (Not a showEvent override: the event's
        wrapper would make PySide build its QEvent classes during start-up.)"""
        super().setVisible(visible)
        if visible:
            self.findings_panel.open_groups_once()
            self.evidence.lay_out_text()

    def release_session(self) -> None:
        """Stop autosaving and give back this session's recovery files and lock (a clean
        close, or the end of a batch run such as --screenshot)."""
        self._autosave.stop()
        self.recovery.discard()
        self.recovery.release()
        self.release_case_lock()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        if self.persist_settings:
            self.save_window_state()
        job = getattr(self, "report_export", None)
        if job is not None and job.running:
            job.wait()  # a report being written is finished, not cut off
        self.release_session()
        event.accept()
