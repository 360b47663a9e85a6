"""View ▸ Comparison Table: entities as columns, findings as rows (ddx_app/kbtable.py).

Each cell shows P(finding | entity) on its heat colour, the source and counts on hover,
◆ where the finding is used by the entity's criteria or exclusions. The rows can be
restricted to one group and sorted by how well they separate two chosen entities; the
table (HTML or PDF) and a one-page study sheet for the pair can be exported."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ... import kbtable
from ...knowledge.model import KnowledgeBase, text

ALL = "__all__"


class KbTableDialog(QDialog):
    exportRequested = Signal(object, str)  # (table data, mode "table" | "pair")

    def __init__(self, kb: KnowledgeBase, lang: str = "en", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("kbTableDialog")
        self.setWindowTitle(self.tr("Comparison table"))
        self._kb, self._lang = kb, lang
        self.data: dict | None = None
        self.group_combo = QComboBox()
        self.group_combo.setObjectName("kbTableGroup")
        self.group_combo.addItem(self.tr("All findings"), None)
        for g in kb.groups.values():
            self.group_combo.addItem(text(g.label, lang), g.id)
        for g in kb.dependence_groups:
            self.group_combo.addItem(self.tr("Dependent: {label}").format(
                label=text(g.label, lang)), g.id)
        self.entities_combo = QComboBox()
        self.entities_combo.setObjectName("kbTableEntities")
        self.entities_combo.addItem(self.tr("All entities"), ALL)
        for sid, scope in kb.scopes.items():
            self.entities_combo.addItem(text(scope.label, lang), sid)
        self.entities_combo.addItem(self.tr("Only the two compared"), "pair")
        self.sort_a = QComboBox()
        self.sort_a.setObjectName("kbTableSortA")
        self.sort_b = QComboBox()
        self.sort_b.setObjectName("kbTableSortB")
        for combo in (self.sort_a, self.sort_b):
            combo.addItem(self.tr("(no sorting)"), None)
            for eid, e in kb.entities.items():
                combo.addItem(text(e.short_name, lang), eid)
        for combo in (self.group_combo, self.entities_combo, self.sort_a, self.sort_b):
            # long group labels must not widen the dialog beyond the screen
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
        controls = QHBoxLayout()
        for label, widget in ((self.tr("&Group:"), self.group_combo),
                              (self.tr("&Entities:"), self.entities_combo),
                              (self.tr("&Sort by separation of"), self.sort_a),
                              (self.tr("and"), self.sort_b)):
            lab = QLabel(label)
            lab.setBuddy(widget)
            controls.addWidget(lab)
            controls.addWidget(widget)
        controls.addStretch(1)
        self.model = QStandardItemModel(self)
        self.view = QTableView()
        self.view.setObjectName("kbTableView")
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.note = QLabel()
        self.note.setObjectName("kbTableNote")
        self.note.setWordWrap(True)
        self.export_button = QPushButton(self.tr("&Export Table…"))
        self.export_button.setObjectName("kbTableExport")
        self.sheet_button = QPushButton(self.tr("Study &Sheet…"))
        self.sheet_button.setObjectName("kbTableSheet")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.sheet_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.note)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        for combo in (self.group_combo, self.entities_combo, self.sort_a, self.sort_b):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.export_button.clicked.connect(
            lambda: self.data is not None and self.exportRequested.emit(self.data, "table"))
        self.sheet_button.clicked.connect(self._sheet)
        self.resize(1100, 700)
        self.refresh()

    def pair(self) -> tuple[str, str] | None:
        a, b = self.sort_a.currentData(), self.sort_b.currentData()
        return (a, b) if a and b and a != b else None

    def _entities(self) -> list[str] | None:
        choice = self.entities_combo.currentData()
        if choice == "pair":
            return list(self.pair()) if self.pair() else None
        if choice in self._kb.scopes:
            return list(self._kb.scopes[choice].entities)
        return None

    def _sheet(self) -> None:
        pair = self.pair()
        if pair is not None:
            self.exportRequested.emit(kbtable.study_sheet(self._kb, *pair, lang=self._lang),
                                      "pair")

    def refresh(self) -> None:
        pair = self.pair()
        self.data = kbtable.build_table(self._kb, self._entities(),
                                        self.group_combo.currentData(), pair, self._lang)
        self.sheet_button.setEnabled(pair is not None)
        self._fill(self.data)

    def _fill(self, data: dict) -> None:
        m = self.model
        m.clear()
        sorted_ = data["sort_by"] is not None
        headers = [self.tr("Finding")] + ([self.tr("J")] if sorted_ else []) + \
            [e["short_name"] for e in data["entities"]]
        m.setHorizontalHeaderLabels(headers)
        for col, e in enumerate(data["entities"], 1 + int(sorted_)):
            m.horizontalHeaderItem(col).setToolTip(e["name"])
        mark = data["decisive_mark"]
        for row in data["rows"]:
            title = QStandardItem(row["title"] + (f" {mark}" if row["decisive_for"] else ""))
            title.setToolTip(row["group_label"])
            items = [title]
            if sorted_:
                sep = QStandardItem(f"{row['separation']:.2f}" if row["first_of_finding"]
                                    else "")
                items.append(sep)
            for c in row["cells"]:
                item = QStandardItem(c["percent"] + (f" {mark}" if c["decisive"] else ""))
                item.setBackground(QBrush(QColor(c["background"])))
                item.setForeground(QBrush(QColor(c["colour"])))
                item.setToolTip(c["hover"])
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                items.append(item)
            m.appendRow(items)
        self.view.resizeColumnsToContents()
        self.view.setColumnWidth(0, min(self.view.columnWidth(0), 320))
        for col in range(1, m.columnCount()):
            self.view.setColumnWidth(col, min(self.view.columnWidth(col), 96))
        note = self.tr("Each cell is P(finding | entity) as the knowledge base gives it; hover "
                       "for its source and counts. {mark} = used by the entity's criteria or "
                       "exclusions.").format(mark=mark)
        if sorted_:
            a, b = data["sort_names"]
            note += " " + self.tr("Sorted by how well each finding separates {a} from {b} "
                                  "(Jeffreys divergence J, nats).").format(a=a, b=b)
        self.note.setText(note)
