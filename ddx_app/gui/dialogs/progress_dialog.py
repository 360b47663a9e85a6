"""Practice ▸ Progress: per-entity accuracy bars (drawn with QPainter), a table of
attempts, accuracy, stains and time per entity, Reset… and Export CSV…

The dialog only shows :class:`~ddx_app.progress.EntityProgress` rows; reading, resetting
and exporting the database are the window's (``gui/trainee.py``), which asks through
the Prompter."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...knowledge.model import KnowledgeBase, text
from ...progress import EntityProgress

BAR_COLOUR = QColor("#2b5c8a")
TRACK_COLOUR = QColor("#e6ebf0")


class AccuracyChart(QWidget):
    """Horizontal bars: one per entity practised, its accuracy, 'correct/attempts'."""

    def __init__(self, kb: KnowledgeBase, lang: str = "en", parent=None):
        super().__init__(parent)
        self.setObjectName("progressChart")
        self.setAccessibleName(self.tr("Accuracy per entity"))
        self._kb, self._lang = kb, lang
        self.rows: list[EntityProgress] = []
        self.setMinimumHeight(60)

    def set_rows(self, rows: Sequence[EntityProgress]) -> None:
        self.rows = list(rows)
        self.updateGeometry()
        self.update()

    def label(self, entity: str) -> str:
        e = self._kb.entities.get(entity)
        return text(e.short_name, self._lang) if e else entity

    def _row_height(self) -> int:
        return self.fontMetrics().height() + 8

    def sizeHint(self) -> QSize:
        return QSize(460, max(60, 10 + self._row_height() * max(1, len(self.rows))))

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = self.fontMetrics()
        text_colour = self.palette().color(QPalette.ColorRole.WindowText)
        if not self.rows:
            painter.setPen(text_colour)
            painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignCenter),
                             self.tr("No attempts yet: practise a case in trainee mode."))
            painter.end()
            return
        label_w = min(max(fm.horizontalAdvance(self.label(r.entity)) for r in self.rows) + 12,
                      self.width() // 3)
        value_w = fm.horizontalAdvance("100/100 (100%)") + 12
        bar_w = max(20, self.width() - label_w - value_w - 8)
        h = self._row_height()
        for i, r in enumerate(self.rows):
            y = 5 + i * h
            painter.setPen(text_colour)
            painter.drawText(QRectF(0, y, label_w - 8, h),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             fm.elidedText(self.label(r.entity), Qt.TextElideMode.ElideRight,
                                           label_w - 8))
            track = QRectF(label_w, y + 3, bar_w, h - 6)
            painter.fillRect(track, TRACK_COLOUR)
            painter.fillRect(QRectF(label_w, y + 3, bar_w * r.accuracy, h - 6), BAR_COLOUR)
            painter.drawText(QRectF(label_w + bar_w + 6, y, value_w, h),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             f"{r.correct}/{r.attempts} ({round(100 * r.accuracy)}%)")
        painter.end()


class ProgressDialog(QDialog):
    resetRequested = Signal()
    exportRequested = Signal()

    COLUMNS = ("Entity", "Attempts", "Correct", "Accuracy", "Stains per case", "Time per case")

    def __init__(self, kb: KnowledgeBase, lang: str = "en", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("progressDialog")
        self.setWindowTitle(self.tr("Practice progress"))
        self._kb, self._lang = kb, lang
        self.chart = AccuracyChart(kb, lang)
        self.totals = QLabel()
        self.totals.setObjectName("progressTotals")
        self.totals.setWordWrap(True)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setObjectName("progressTable")
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch)
        self.reset_button = QPushButton(self.tr("&Reset…"))
        self.reset_button.setObjectName("progressReset")
        self.export_button = QPushButton(self.tr("&Export CSV…"))
        self.export_button.setObjectName("progressExport")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.reset_button, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.reset_button.clicked.connect(self.resetRequested)
        self.export_button.clicked.connect(self.exportRequested)
        layout = QVBoxLayout(self)
        layout.addWidget(self.totals)
        layout.addWidget(self.chart)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(620, 520)

    def show_progress(self, rows: Sequence[EntityProgress], totals: EntityProgress,
                      problem: str | None = None) -> None:
        self.chart.set_rows(rows)
        if problem:
            self.totals.setText(self.tr("Progress is not available: {why}").format(why=problem))
        elif totals.attempts:
            self.totals.setText(self.tr(
                "{n} attempts, {c} right ({p}%); {s:.1f} stains and tests per case; "
                "{t:.0f} s per case.").format(n=totals.attempts, c=totals.correct,
                                             p=round(100 * totals.accuracy),
                                             s=totals.mean_stains, t=totals.mean_seconds))
        else:
            self.totals.setText(self.tr("No attempts yet."))
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            cells = (self.chart.label(r.entity), str(r.attempts), str(r.correct),
                     f"{round(100 * r.accuracy)}%", f"{r.mean_stains:.1f}",
                     f"{r.mean_seconds:.0f} s")
            for j, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if j:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, j, item)
        self.reset_button.setEnabled(bool(rows) and not problem)
        self.export_button.setEnabled(not problem)
