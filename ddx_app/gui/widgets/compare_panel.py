"""The Compare tab: the leading entities side by side (objectName ``compareView`` for the
table). What the rows are and in which order is the core's business
(:mod:`ddx_app.engine.compare`); the table shows them, and Enter or a double-click on a
row asks the window to go to that finding in the checklist (``findingActivated``).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHeaderView, QVBoxLayout, QWidget

from ...engine import Analysis
from ...formatting import percent
from ...knowledge.model import KnowledgeBase, text
from ..models.compare_model import FINDING, FIRST_ENTITY, RESULT, CompareModel
from ..models.roles import FindingIdRole
from .parts import heading, list_view, note

CELL_WIDTH, CELL_MOST, CELL_FLOOR = 56, 120, 44  # an entity column: "72%", its name


class ComparePanel(QWidget):
    findingActivated = Signal(str)  # a finding id

    def __init__(self, kb: KnowledgeBase, lang: str = "en", parent=None):
        super().__init__(parent)
        self.setObjectName("comparePanel")
        self._kb = kb
        self._lang = lang
        self._columns: tuple = ()
        self._model = CompareModel(kb, lang, self)
        self._pending: Analysis | None = None
        self._stale = False  # an analysis arrived while the tab was hidden
        self.heading = heading("compareHeading", wrap=True)
        self.view = list_view("compareView")
        self.view.setModel(self._model)
        self.view.activated.connect(self._on_activated)
        self.note = note("compareNote")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.note)
        self.retranslate()
        # Colours come from the palette: rebuild the cells when the system switches
        # between light and dark (queued, so the palette has changed by then).
        # (A bound method, not a lambda: Qt drops the connection with the panel.)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._color_scheme_changed)

    def _color_scheme_changed(self, _scheme) -> None:
        QTimer.singleShot(0, self, self.redraw)

    def retranslate(self) -> None:
        self.view.setAccessibleName(self.tr("Leading entities compared"))
        self.view.setToolTip("")
        self.note.setText(self.tr(
            "Each cell: how often the entity shows the row's result, from the knowledge "
            "base (hover for the source). Recorded results in bold; Enter or double-click "
            "goes to the finding."))

    def redraw(self) -> None:
        """Every cell again in the current palette's colours."""
        self._model.redraw()
        self._span_sections()

    @property
    def model(self) -> CompareModel:
        """The comparison, brought up to date with the last analysis shown."""
        if self._stale:
            self._refresh()
        return self._model

    def showEvent(self, event) -> None:
        if self._stale:
            self._refresh()
        super().showEvent(event)

    def show_analysis(self, analysis: Analysis | None) -> None:
        """The comparison for ``analysis`` (None empties it, e.g. in trainee mode).
        Worked out when the tab is shown (or the model read), not on every edit behind
        the evidence tab: ~5 ms of every start-up and 1 ms of every change otherwise."""
        self._pending, self._stale = analysis, True
        if self.isVisible():
            self._refresh()

    def _refresh(self) -> None:
        self._stale = False
        analysis = self._pending
        self._model.update(analysis)
        self._span_sections()
        self._fit_columns()
        names = [f"{text(self._kb.entities[e].short_name, self._lang)} "
                 f"{percent(analysis.posterior[e])}" for e in self._model.entities] \
            if analysis is not None else []
        self.heading.setText(self.tr("Leading entities compared: {names}").format(
            names=" · ".join(names)) if names else "")

    def _span_sections(self) -> None:
        root = QModelIndex()
        for row in range(self._model.rowCount()):
            if self._model.is_section(row) and not self.view.isFirstColumnSpanned(row, root):
                self.view.setFirstColumnSpanned(row, root, True)

    def _fit_columns(self) -> None:
        """The finding's name stretches; each entity column is as wide as its header's
        short name (within CELL_WIDTH..CELL_MOST), all giving way on a narrow window."""
        n = self._model.columnCount()
        names = tuple(str(self._model.headerData(c, Qt.Orientation.Horizontal) or "")
                      for c in range(FIRST_ENTITY, n))
        if names == self._columns:
            return
        self._columns = names
        if self.view.columns is not None:
            self.view.columns.deleteLater()
            self.view.columns = None
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(FINDING, QHeaderView.ResizeMode.Stretch)
        wanted, floors = {}, {}
        if n > RESULT:
            header.setSectionResizeMode(RESULT, QHeaderView.ResizeMode.Interactive)
            wanted[RESULT], floors[RESULT] = 122, 70
        metrics = header.fontMetrics()
        for column, name in enumerate(names, FIRST_ENTITY):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            width = metrics.horizontalAdvance(name) + 2 * metrics.averageCharWidth()
            wanted[column] = max(CELL_WIDTH, min(CELL_MOST, width))
            floors[column] = CELL_FLOOR
        self.view.fit_columns(FINDING, wanted, floors, stretch_floor=120)

    def _on_activated(self, index: QModelIndex) -> None:
        fid = index.data(FindingIdRole)
        if fid:
            self.findingActivated.emit(fid)
