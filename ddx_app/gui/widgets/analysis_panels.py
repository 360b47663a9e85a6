"""The middle column's panels: the differential (with the prior switch) and the next
best tests (with 'stains and tests only')."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ...engine.presentation import leader_sentence, scope_sentence
from ...formatting import bits
from ...knowledge.model import KnowledgeBase, text
from ..models.differential_model import BAND, NAME, PROBABILITY, DifferentialModel
from ..models.roles import TOOLTIP as TOOLTIP_ROLE
from ..models.suggestions_model import FINDING, GAIN, SEPARATES, SuggestionsModel
from .bar_delegate import ProbabilityBarDelegate
from .parts import heading, list_view, note


class DifferentialPanel(QWidget):
    def __init__(self, model: DifferentialModel, kb: KnowledgeBase, lang: str = "en",
                 parent=None):
        super().__init__(parent)
        self._kb = kb
        self._lang = lang
        self.view = list_view("differentialView")
        self.view.setModel(model)
        self.view.setItemDelegateForColumn(PROBABILITY, ProbabilityBarDelegate(self.view))
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(PROBABILITY, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(BAND, QHeaderView.ResizeMode.Interactive)
        self.view.fit_columns(NAME, {PROBABILITY: 140, BAND: 112}, {PROBABILITY: 90, BAND: 96},
                              stretch_floor=100)
        # the leader's odds against the runner-up, and what the probabilities are relative to
        self.note = note("differentialNote")
        self.heading = heading()
        self.prior_label = QLabel()
        self.prior_combo = QComboBox()
        self.prior_combo.setObjectName("priorCombo")
        self.prior_label.setBuddy(self.prior_combo)
        self.scope_label = QLabel()
        self.scope_combo = QComboBox()
        self.scope_combo.setObjectName("scopeCombo")
        self.scope_label.setBuddy(self.scope_combo)
        head = QHBoxLayout()
        head.addWidget(self.heading, 1)
        head.addWidget(self.scope_label)
        head.addWidget(self.scope_combo)
        head.addWidget(self.prior_label)
        head.addWidget(self.prior_combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.note)

    def show_analysis(self, analysis) -> None:
        """The note under the ranking: 'IMT is 4.2× as probable as IgG4-RD. Relative to the
        6 entities of this knowledge base only.' (the full sentence in its tooltip)."""
        kb, lang = analysis.kb, self._lang
        self.note.setText(f"{leader_sentence(analysis, lang)} "
                          f"{scope_sentence(kb, short=True, lang=lang)}".strip())
        full = scope_sentence(kb, lang=lang)
        self.note.setToolTip(full)
        self.view.setToolTip(full)

    def retranslate(self) -> None:
        """Texts anew in the current language; the prior and scope chosen stay chosen."""
        kb, lang = self._kb, self._lang
        self.heading.setText(self.tr("Differential"))
        self.prior_label.setText(self.tr("&Prior:"))
        self.view.setAccessibleName(self.tr("Differential diagnosis"))
        self.prior_combo.setAccessibleName(self.tr("Prior"))
        self.prior_combo.setToolTip(self.tr(
            "The population the case comes from: it sets the odds before the findings"))
        prior = self.prior_combo.currentData()
        self.prior_combo.blockSignals(True)
        self.prior_combo.clear()
        for i, (mode, label, description) in enumerate(kb.prior_choices()):  # KB data
            self.prior_combo.addItem(text(label, lang), mode)
            self.prior_combo.setItemData(i, text(description, lang), TOOLTIP_ROLE)
        self.prior_combo.blockSignals(False)
        if prior:
            self.show_prior(prior)
        self.scope_label.setText(self.tr("&Scope:"))
        self.scope_combo.setAccessibleName(self.tr("Scope"))
        self.scope_combo.setToolTip(self.tr(
            "Rank every entity of the knowledge base, or only a named subset"))
        current = self.scope_combo.currentData() or "all"
        self.scope_combo.blockSignals(True)
        self.scope_combo.clear()
        for i, name in enumerate(kb.scope_names):  # scopes are KB data
            self.scope_combo.addItem(kb.scope_label(name, lang), name)
            scope = kb.scopes.get(name)
            if scope is not None:
                self.scope_combo.setItemData(i, text(scope.description, lang), TOOLTIP_ROLE)
        self.scope_combo.setCurrentIndex(max(0, self.scope_combo.findData(current)))
        self.scope_combo.blockSignals(False)
        self.scope_label.setVisible(len(kb.scope_names) > 1)
        self.scope_combo.setVisible(len(kb.scope_names) > 1)

    def show_prior(self, prior: str) -> None:
        self.prior_combo.blockSignals(True)
        self.prior_combo.setCurrentIndex(self.prior_combo.findData(prior))
        self.prior_combo.blockSignals(False)


class SuggestionsPanel(QWidget):
    def __init__(self, model: SuggestionsModel, stains_only: bool, parent=None):
        super().__init__(parent)
        self.view = list_view("suggestionsView", wrap=True)
        self.view.setModel(model)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(FINDING, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(GAIN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SEPARATES, QHeaderView.ResizeMode.Interactive)
        self.view.fit_columns(FINDING, {SEPARATES: 130}, {SEPARATES: 90}, stretch_floor=110)
        self.stains_only = QCheckBox()
        self.stains_only.setObjectName("stainsOnly")
        self.stains_only.setChecked(stains_only)
        self.heading = heading()
        self.settled_note = QLabel()
        self.settled_note.setObjectName("settledNote")
        self.settled_note.setWordWrap(True)
        self.settled_note.setVisible(False)
        self.settled_note.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        head = QHBoxLayout()
        head.addWidget(self.heading, 1)
        head.addWidget(self.stains_only)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.settled_note)
        layout.addWidget(self.view, 1)

    def show_settled(self, below_bits: float | None) -> None:
        """Say so when no test is expected to gain ``below_bits``, in place of the list
        (None hides the note and shows the list)."""
        self.view.setVisible(below_bits is None)
        if below_bits is None:
            self.settled_note.setVisible(False)
            return
        self.settled_note.setText(self.tr(
            "Settled: the findings recorded settle this differential. No further stain or "
            "test is expected to change the ranking (none would gain {bits} bits or more), "
            "so none is suggested. This holds within the model: check the warnings.").format(
                bits=bits(below_bits)))
        self.settled_note.setVisible(True)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Next best tests"))
        self.stains_only.setText(self.tr("Stains and tests only"))
        self.view.setAccessibleName(self.tr("Next best tests"))
        self.view.setToolTip(self.tr("Enter or double-click: go to the finding in the "
                                     "checklist"))
