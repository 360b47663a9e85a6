"""Evidence for the selected entity: findings for and against, criteria, description.

objectName ``evidenceView``. The table lists each recorded finding's weight (log
likelihood ratio) and source (hover for the citation); the text below lists the
entity's criteria sets (met / not met / unknown), description, key features and
pitfalls. Everything is read from the current Analysis.

The panel follows the leading entity; when the user picks another one in the
differential, the window pins it and the pin button (objectName ``evidencePin``, under
the title) says so. Unchecking the pin asks to follow the leader again
(``followLeaderRequested``).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...engine import Analysis
from ...formatting import escape_html as escape
from ...formatting import percent
from ...knowledge.model import KnowledgeBase, text
from ..models.evidence_model import (
    BAR_HEIGHT,
    BAR_WIDTH,
    FINDING,
    RECORDED,
    SOURCE,
    WEIGHT,
    EvidenceModel,
)
from .parts import heading, list_view, splitter


def pin_icon(palette: QPalette, size: int = 16) -> QIcon:
    """A push-pin drawn in the palette's text colour (no emoji font needed)."""
    app = QGuiApplication.instance()
    dpr = max(1.0, app.devicePixelRatio()) if app is not None else 1.0
    pixmap = QPixmap(round(size * dpr), round(size * dpr))
    pixmap.setDevicePixelRatio(dpr)
    pixmap.fill(QColor(0, 0, 0, 0))
    colour = palette.color(QPalette.ColorRole.Text)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(size / 2, size / 2)
    painter.rotate(35)
    s = size / 16
    painter.setPen(QPen(colour, 1.4 * s, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    painter.drawLine(QPointF(0, 1 * s), QPointF(0, 7.5 * s))  # the needle
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawRoundedRect(QRectF(-3.5 * s, -1.5 * s, 7 * s, 2.5 * s), 1 * s, 1 * s)  # collar
    painter.drawRoundedRect(QRectF(-2 * s, -7 * s, 4 * s, 6 * s), 1 * s, 1 * s)  # body
    painter.end()
    return QIcon(pixmap)


class EvidencePanel(QWidget):
    followLeaderRequested = Signal()  # the user unpinned the entity shown

    def __init__(self, kb: KnowledgeBase, lang: str = "en", parent=None):
        super().__init__(parent)
        self.setObjectName("evidenceView")
        self._kb = kb
        self._lang = lang
        self._entity: str | None = None
        self._analysis: Analysis | None = None
        self._html = ""
        self._laid_out = False

        # The entity's name in bold, then its probability: two plain-text labels, not one
        # rich-text label, which lays its text out as a document at every layout pass.
        self.title = heading("evidenceTitle", wrap=True)
        self.probability = QLabel()
        self.probability.setObjectName("evidenceProbability")
        self.probability.setTextFormat(Qt.TextFormat.PlainText)
        self.probability.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        # Shown, checked, while the user keeps another entity than the leader in view.
        self.pin = QToolButton()
        self.pin.setObjectName("evidencePin")
        self.pin.setCheckable(True)
        self.pin.setAutoRaise(True)
        self.pin.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.pin.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.pin.setVisible(False)
        self.pin.toggled.connect(self._pin_toggled)
        self._pinned: str | None = None

        self.adapter = EvidenceModel(kb, lang, self)
        self.model = self.adapter.model
        # Uniform, elided rows (full text on hover): the table changes on every edit, and
        # measuring wrapped rows would cost more than the rest of the update.
        self.table = list_view("evidenceTable")
        self.table.setModel(self.model)
        self.table.setIconSize(QSize(BAR_WIDTH, BAR_HEIGHT))
        header = self.table.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(FINDING, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(RECORDED, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(WEIGHT, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(SOURCE, QHeaderView.ResizeMode.Interactive)
        # the weight: a 56-px bar and a factor ("×>100") at most; the finding's name gets
        # 150 px before the other columns give way
        self.table.fit_columns(FINDING, {RECORDED: 110, WEIGHT: 104, SOURCE: 150},
                               {RECORDED: 70, WEIGHT: 104, SOURCE: 60}, stretch_floor=150)

        self.details = QTextBrowser()
        self.details.setObjectName("evidenceDetails")
        self.details.setOpenExternalLinks(True)
        # Criteria, description and pitfalls nearly always overflow: a scroll bar that
        # appears only after the first layout would make Qt lay the text out twice.
        self.details.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)

        self.splitter = splitter("evidenceSplitter", (self.table, self.details), vertical=True,
                                 stretch=(3, 2), collapsible=False)

        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.probability)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.pin, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.splitter, 1)

        self.setAccessibleName(self.tr("Evidence"))
        self.table.setAccessibleName(self.tr("Evidence for and against the selected entity"))
        self.details.setAccessibleName(self.tr("Criteria, description and pitfalls"))
        # Weight bars are pixmaps in the application palette's colours: redraw them when
        # the system switches between light and dark. Queued, so the palette has changed
        # by then. (Not a changeEvent override: PySide would build its ~50 QEvent
        # subclass wrappers on the first call during start-up, ~7 ms.)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._color_scheme_changed)

    def _color_scheme_changed(self, _scheme) -> None:
        QTimer.singleShot(0, self, self.redraw_bars)

    def redraw_bars(self) -> None:
        """Weight bars again in the current application palette."""
        self.adapter.set_palette_changed()
        self._render()

    def _span_sections(self) -> None:
        """Section titles span the row (QTreeView keeps spans on persistent indexes)."""
        root = QModelIndex()
        for row in range(self.model.rowCount()):
            if self.adapter.is_section(row) and not self.table.isFirstColumnSpanned(row, root):
                self.table.setFirstColumnSpanned(row, root, True)

    @property
    def entity(self) -> str | None:
        return self._entity

    @property
    def pinned(self) -> str | None:
        """The entity the user keeps in view instead of the leader (None: following)."""
        return self._pinned

    def set_pinned(self, entity: str | None, leader: str | None = None) -> None:
        """Show the pin checked for ``entity`` (None hides it: the panel follows the
        leader, ``leader``, named in the pin's tooltip)."""
        self._pinned = entity
        self.pin.blockSignals(True)
        self.pin.setChecked(entity is not None)
        self.pin.blockSignals(False)
        self.pin.setVisible(entity is not None)
        if entity is None:
            return
        name = text(self._kb.entities[entity].short_name, self._lang)
        self.pin.setIcon(pin_icon(self.pin.palette()))  # in the current theme's colours
        self.pin.setText(self.tr("Pinned: {entity} — follow the leader").format(entity=name))
        lead = text(self._kb.entities[leader].short_name, self._lang) if leader else ""
        self.pin.setToolTip(self.tr(
            "The evidence stays on {entity}, which you chose in the differential. Click "
            "(or Space) to follow the leading entity again{leader}.").format(
                entity=name, leader=f" ({lead})" if lead else ""))
        self.pin.setAccessibleName(self.tr("Pinned to {entity}; press to follow the "
                                           "leader").format(entity=name))

    def _pin_toggled(self, checked: bool) -> None:
        if not checked:
            self.followLeaderRequested.emit()

    def show_entity(self, analysis: Analysis | None, entity: str | None) -> None:
        """Show ``entity``'s evidence in ``analysis`` (each edit makes a new Analysis)."""
        if analysis is self._analysis and entity == self._entity:
            return  # already shown: a new case asks twice, once for the analysis and
            # once for the leader the differential then selects
        self._analysis, self._entity = analysis, entity
        self._render()

    def redraw(self) -> None:
        """Show the same entity and analysis anew (after a language change)."""
        self.adapter.redraw()
        self._render()

    def _render(self) -> None:
        analysis, entity = self._analysis, self._entity
        self.adapter.update(analysis, entity)
        self._span_sections()
        if analysis is None or entity is None:
            self.title.setText("")
            self.probability.setText("")
            self._set_html("")
            return
        e = self._kb.entities[entity]
        self.title.setText(text(e.name, self._lang))
        self.probability.setText(percent(analysis.posterior[entity]))
        self._set_html(self._details_html(analysis, entity))

    def lay_out_text(self) -> None:
        """Put the details text in, the first time the window is shown (MainWindow.setVisible):
        then the text browser has its real width. Set earlier, the whole text would be laid
        out at a throw-away width, then again at the real one."""
        if not self._laid_out:
            self._laid_out = True
            self.details.setHtml(self._html)

    def _set_html(self, html: str) -> None:
        if html == self._html:  # setHtml re-lays out the whole document: skip if unchanged
            return
        if not self._laid_out:
            self._html = html  # lay_out_text puts it in
            return
        keep = bool(self._html)  # the first text has no reading position to keep
        scroll = self.details.verticalScrollBar().value() if keep else 0
        self._html = html
        self.details.setHtml(html)
        if keep:
            self.details.verticalScrollBar().setValue(scroll)

    def _details_html(self, analysis: Analysis, entity: str) -> str:
        kb, lang = self._kb, self._lang
        e = kb.entities[entity]
        parts = []
        if not analysis.values:
            parts.append("<p><i>" + escape(self.tr(
                "No findings recorded yet: the differential shows the prior.")) + "</i></p>")
        crit = analysis.criteria(entity)
        if crit:
            parts.append(f"<h4>{escape(self.tr('Criteria'))}</h4><ul>")
            status = {"met": self.tr("met"), "not met": self.tr("not met"),
                      "unknown": self.tr("unknown")}
            for cr in crit:
                mark = {"met": "✔", "not met": "✘", "unknown": "?"}[cr.status]
                line = (f"<li><b>{mark} {escape(status[cr.status])}</b> — "
                        f"{escape(text(cr.criterion.name, lang))}")
                if cr.met is None and cr.missing:
                    missing = ", ".join(text(kb.findings[f].label, lang) for f in cr.missing)
                    line += "<br><i>" + escape(self.tr("Not assessed: {findings}").format(
                        findings=missing)) + "</i>"
                parts.append(line + "</li>")
            parts.append("</ul>")
        if text(e.description, lang):
            parts.append(f"<h4>{escape(self.tr('Description'))}</h4>"
                         f"<p>{escape(text(e.description, lang))}</p>")
        for title, items in ((self.tr("Key features"), e.key_features),
                             (self.tr("Pitfalls"), e.pitfalls)):
            if items:
                parts.append(f"<h4>{escape(title)}</h4><ul>" + "".join(
                    f"<li>{escape(text(i, lang))}</li>" for i in items) + "</ul>")
        return "".join(parts)
