"""Practice ▸ Seed Series: the 25 cases of the seed's Table 1 in a sortable table; a row
opens as a practice case (double-click, Enter, or Open as Practice Case)."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...knowledge.model import KnowledgeBase
from ...seed_series import SeedSeries
from ..models.roles import USER

SORT_ROLE = USER + 40  # numbers sort as numbers (case, age, follow-up)
CASE_ROLE = USER + 41  # the row's case number


class SeedSeriesDialog(QDialog):
    openRequested = Signal(int)  # case number

    COLUMNS = ("Case", "Sex", "Age", "Clinical manifestations", "Imaging", "ALK (D5F3)",
               "FISH", "RT-PCR", "Treatment", "Follow-up (months)")

    def __init__(self, kb: KnowledgeBase, series: SeedSeries, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("seedSeriesDialog")
        self.setWindowTitle(self.tr("Seed series: {title}").format(title=series.title))
        self.series = series
        source = kb.sources.get(series.source)
        note = QLabel(self.tr("{citation} {table}; every row an IMT. Open a row as a practice "
                              "case with the findings the row gives.").format(
            citation=source.citation if source else series.source, table=series.table))
        note.setWordWrap(True)
        self.model = QStandardItemModel(0, len(self.COLUMNS), self)
        self.model.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        for row in series.rows:
            values = (str(row.no), row.sex, row.age, row.symptoms, row.imaging, row.alk_ihc,
                      row.alk_fish, row.alk_rt_pcr, row.treatment, row.follow_up)
            sort_keys = (row.no, row.sex, row.age_years, row.symptoms, row.imaging,
                         row.alk_ihc, row.alk_fish, row.alk_rt_pcr, row.treatment,
                         row.follow_up_months if row.follow_up_months is not None else -1)
            items = []
            for value, key in zip(values, sort_keys):
                item = QStandardItem(value)
                item.setData(key, SORT_ROLE)
                item.setData(row.no, CASE_ROLE)
                item.setToolTip(value if row.mapping_note is None
                                else f"{value}\n\n{row.mapping_note}")
                item.setEditable(False)
                items.append(item)
            self.model.appendRow(items)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.view = QTableView()
        self.view.setObjectName("seedSeriesView")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        self.view.resizeColumnsToContents()
        for col in (3, 4, 8):
            self.view.setColumnWidth(col, min(self.view.columnWidth(col), 260))
        self.open_button = QPushButton(self.tr("&Open as Practice Case"))
        self.open_button.setObjectName("seedSeriesOpen")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.open_button.clicked.connect(self._open_selected)
        self.view.activated.connect(lambda index: self.open_row(index.data(CASE_ROLE)))
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(1100, 640)

    def _open_selected(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.open_row(index.data(CASE_ROLE))

    def open_row(self, no: int | None) -> None:
        if no is not None:
            self.openRequested.emit(int(no))
