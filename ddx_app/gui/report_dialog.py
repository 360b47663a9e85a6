"""Export and print a case report from the desktop app (the Qt side of ``ddx_app.report``).

``export_report_dialog`` asks which sections to include, the institution and
the page size (remembered in settings), then a file name whose extension
chooses the format (.pdf, .html or .json). ``print_report`` prints the same
report through QPrintDialog, laid out by QTextDocument from the report HTML
(the bar chart drawn with QtSvg). All content comes from ``ddx_app.report``;
only section choices, institution, page size and format go into settings,
never case content or identifiers.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, QUrl
from PySide6.QtGui import QGuiApplication, QImage, QPageSize, QPainter, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ..errors import DdxError
from ..report import PAGE_SIZES, SECTIONS, ReportOptions, build_report, export_report
from ..report.html import CHART_RESOURCE, render_html_for_print
from .lazy_qt import Qt

KEY_OMITTED = "report/omitted_sections"  # comma-separated ids: new sections start switched on
KEY_INSTITUTION = "report/institution"
KEY_PAGE_SIZE = "report/page_size"
KEY_FORMAT = "report/format"
FILTERS = {"pdf": "PDF document (*.pdf)", "html": "Web page (*.html)",
           "json": "JSON for a laboratory system (*.json)"}


def _qsettings(settings):
    """Accept a QSettings or the app's Settings facade (which wraps one)."""
    return getattr(settings, "qsettings", settings)


def load_options(settings) -> ReportOptions:
    """The report options last chosen (all sections, A4 and no institution at first)."""
    s = _qsettings(settings)
    omitted = {x for x in s.value(KEY_OMITTED, "", type=str).split(",") if x in SECTIONS}
    page = s.value(KEY_PAGE_SIZE, "A4", type=str)
    return ReportOptions(sections=frozenset(SECTIONS) - omitted,
                         institution=s.value(KEY_INSTITUTION, "", type=str) or None,
                         page_size=page if page in PAGE_SIZES else "A4",
                         lang=getattr(settings, "language", "en") or "en")


def save_options(settings, options: ReportOptions) -> None:
    s = _qsettings(settings)
    s.setValue(KEY_OMITTED, ",".join(x for x in SECTIONS if x not in options.sections))
    s.setValue(KEY_INSTITUTION, options.institution or "")
    s.setValue(KEY_PAGE_SIZE, options.page_size)


class ReportOptionsDialog(QDialog):
    """Section checkboxes, institution and page size."""

    def __init__(self, options: ReportOptions, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export Report"))
        self._lang = options.lang
        self.checks: dict[str, QCheckBox] = {}
        box = QGroupBox(self.tr("Sections"))
        col = QVBoxLayout(box)
        for sid, label in SECTIONS.items():
            check = QCheckBox(self.tr(label))
            check.setObjectName(f"section_{sid}")
            check.setChecked(sid in options.sections)
            self.checks[sid] = check
            col.addWidget(check)
        always = QCheckBox(self.tr("Disclaimer, knowledge-base and version trace (always)"))
        always.setChecked(True)
        always.setEnabled(False)
        col.addWidget(always)
        self.institution = QLineEdit(options.institution or "")
        self.institution.setPlaceholderText(self.tr("Shown in the report header"))
        self.page_size = QComboBox()
        self.page_size.addItems(list(PAGE_SIZES))
        self.page_size.setCurrentText(options.page_size)
        form = QFormLayout()
        form.addRow(self.tr("Institution:"), self.institution)
        form.addRow(self.tr("Page size (PDF, print):"), self.page_size)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def options(self) -> ReportOptions:
        return ReportOptions(
            sections=frozenset(s for s, c in self.checks.items() if c.isChecked()),
            institution=self.institution.text().strip() or None,
            page_size=self.page_size.currentText(), lang=self._lang)


def _suggested_name(case, fmt: str) -> str:
    stem = re.sub(r"[^\w.-]+", "_", str(case.case_id)) if case.case_id is not None else "case"
    return f"{stem}-report.{fmt}"


def export_report_dialog(parent_widget: QWidget | None, kb, case, analysis, settings) -> str | None:
    """Ask for options and a file, write the report; returns the path, or None if cancelled."""
    dialog = ReportOptionsDialog(load_options(settings), parent_widget)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    options = dialog.options()
    save_options(settings, options)
    s = _qsettings(settings)
    fmt = s.value(KEY_FORMAT, "pdf", type=str)
    fmt = fmt if fmt in FILTERS else "pdf"
    order = [fmt] + [f for f in FILTERS if f != fmt]
    path, chosen = QFileDialog.getSaveFileName(
        parent_widget, dialog.tr("Export Report"), _suggested_name(case, fmt),
        ";;".join(FILTERS[f] for f in order))
    if not path:
        return None
    chosen_fmt = next((f for f, label in FILTERS.items() if label == chosen), fmt)
    if Path(path).suffix.lower() not in (".pdf", ".html", ".htm", ".json"):
        path += f".{chosen_fmt}"
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        written = export_report(path, kb, case, analysis, options)
    except (DdxError, OSError, ValueError, RuntimeError) as exc:
        error = str(exc)
    else:
        error = None
    finally:
        QGuiApplication.restoreOverrideCursor()
    if error is not None:
        QMessageBox.critical(parent_widget, dialog.tr("Export Report"),
                             dialog.tr("The report could not be written:\n%1").replace(
                                 "%1", error))
        return None
    s.setValue(KEY_FORMAT, written)
    return path


def report_document(kb, case, analysis, options: ReportOptions) -> QTextDocument:
    """The report as a QTextDocument, with the bar chart rendered from its SVG."""
    html, chart_svg = render_html_for_print(build_report(kb, case, analysis, options))
    doc = QTextDocument()
    renderer = QSvgRenderer(QByteArray(chart_svg.encode("utf-8")))
    size = renderer.defaultSize() * 3  # 3x: crisp when printed
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, size.width(), size.height()))
    painter.end()
    doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(CHART_RESOURCE), image)
    doc.setHtml(html)
    return doc


def print_report(parent_widget: QWidget | None, kb, case, analysis, settings) -> bool:
    """Print the report with the options last used for export; True if it was printed."""
    options = load_options(settings)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4 if options.page_size == "A4"
                                  else QPageSize.PageSizeId.Letter))
    dialog = QPrintDialog(printer, parent_widget)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    report_document(kb, case, analysis, options).print_(printer)
    return True
