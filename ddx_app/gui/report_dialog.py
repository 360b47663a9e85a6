"""Export and print a case report from the desktop app (the Qt side of ``ddx_app.report``).

``export_report_dialog`` asks which sections to include, the institution and
the page size (remembered in settings), then a file name whose extension
chooses the format (.pdf, .html or .json). The main window uses
``start_export_dialog``: the same questions, then the report is rendered and
written by a :class:`ReportExport` on a worker thread (a PDF takes a second or
more), with a busy bar in the status bar, while the window stays responsive; the
report is built from the case as it was when the export started, so edits made
meanwhile do not leak into it. ``print_report`` shows a print preview
(QPrintPreviewDialog) whose pages are the very pages of the PDF: the Typst layout
rendered to images (``ddx_app.report.typst_pdf.render_png_pages``) and painted onto
the printer's pages, so a printout cannot differ from the exported PDF. All content
comes from ``ddx_app.report``; only section choices, the appendix switch,
institution, page size and format go into settings, never case content or
identifiers.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QObject,
    QRectF,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QGuiApplication, QImage, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
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
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from ..atomic import write_atomic
from ..errors import DdxError
from ..report import PAGE_SIZES, SECTIONS, ReportOptions, build_report, export_report, render
from ..report.options import format_for_path

KEY_OMITTED = "report/omitted_sections"  # comma-separated ids: new sections start switched on
KEY_INSTITUTION = "report/institution"
KEY_PAGE_SIZE = "report/page_size"
KEY_FORMAT = "report/format"
KEY_APPENDIX = "report/appendix"
PRINT_PPI = 200  # page images for printing and the preview: sharp on paper, ~1 MB a page
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
                         lang=getattr(settings, "language", "en") or "en",
                         appendix=s.value(KEY_APPENDIX, False, type=bool))


def save_options(settings, options: ReportOptions) -> None:
    s = _qsettings(settings)
    s.setValue(KEY_OMITTED, ",".join(x for x in SECTIONS if x not in options.sections))
    s.setValue(KEY_INSTITUTION, options.institution or "")
    s.setValue(KEY_PAGE_SIZE, options.page_size)
    s.setValue(KEY_APPENDIX, bool(options.appendix))


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
        self.appendix = QCheckBox(self.tr(
            "Appendix: evidence tables, how it was computed, references"))
        self.appendix.setObjectName("report_appendix")
        self.appendix.setToolTip(self.tr("Without it the report is a one-page summary"))
        self.appendix.setChecked(options.appendix)
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
        layout.addWidget(self.appendix)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def options(self) -> ReportOptions:
        return ReportOptions(
            sections=frozenset(s for s, c in self.checks.items() if c.isChecked()),
            institution=self.institution.text().strip() or None,
            page_size=self.page_size.currentText(), lang=self._lang,
            appendix=self.appendix.isChecked())


def _suggested_name(case, fmt: str) -> str:
    stem = re.sub(r"[^\w.-]+", "_", str(case.case_id)) if case.case_id is not None else "case"
    return f"{stem}-report.{fmt}"


def _ask_export(parent_widget: QWidget | None, case, settings
                ) -> tuple[str, ReportOptions, ReportOptionsDialog] | None:
    """The options and the file to export to (options remembered), or None if cancelled."""
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
    if format_for_path(path) is None:
        path += f".{chosen_fmt}"
    return path, options, dialog


class _ExportSignals(QObject):
    """Emitted from the worker thread; received in the thread the export was started in."""

    done = Signal(str, str)  # (path written or "", error message or "")


class _ExportTask(QRunnable):
    def __init__(self, job: ReportExport):
        super().__init__()
        self.setAutoDelete(True)
        self._job = job

    def run(self) -> None:
        job = self._job
        try:
            write_atomic(job.path, render(job.fmt, job.report, job.template))
        except (DdxError, OSError, ValueError, RuntimeError) as exc:
            job.signals.done.emit("", str(exc))
        except Exception as exc:  # a bug must not vanish with the thread
            job.signals.done.emit("", f"{type(exc).__name__}: {exc}")
        else:
            job.signals.done.emit(job.path, "")


class ReportExport(QObject):
    """One report written on a worker thread (QThreadPool).

    The report facts are built in the constructor, on the calling (UI) thread, from the
    case as it is then; the worker only renders them (HTML, PDF or JSON) and writes the
    file atomically. ``finished(path)`` or ``failed(message)`` is emitted on the calling
    thread when it is done.
    """

    finished = Signal(str)
    failed = Signal(str)

    def __init__(self, path: str, kb, case, analysis, options: ReportOptions,
                 template: str | Path | None = None, parent: QObject | None = None):
        super().__init__(parent)
        fmt = format_for_path(path)
        if fmt is None:
            raise ValueError(f"cannot tell the report format from {path!r}")
        self.path, self.fmt, self.template = str(path), fmt, template
        self.report = build_report(kb, case, analysis, options)
        self.error: str | None = None
        self.done = False
        self.signals = _ExportSignals()
        self.signals.done.connect(self._on_done)

    @property
    def running(self) -> bool:
        return not self.done

    def start(self, pool: QThreadPool | None = None) -> ReportExport:
        (pool or QThreadPool.globalInstance()).start(_ExportTask(self))
        return self

    def _on_done(self, path: str, error: str) -> None:
        self.done = True
        if error:
            self.error = error
            self.failed.emit(error)
        else:
            self.finished.emit(path)

    def wait(self, timeout_ms: int = 600_000) -> bool:
        """Run the event loop until the export is done (True), or ``timeout_ms`` passed."""
        if self.done:
            return True
        loop = QEventLoop()
        self.finished.connect(loop.quit)
        self.failed.connect(loop.quit)
        QTimer.singleShot(timeout_ms, loop.quit)
        if not self.done:  # it may have finished while the slots were connected
            loop.exec()
        return self.done


def start_export_dialog(window, kb, case, analysis, settings) -> ReportExport | None:
    """Ask for options and a file, then export on a worker thread (see the module
    docstring). The window's status bar shows a busy bar until the file is written,
    then where it went; a failure is shown through ``window.prompter`` (or a message
    box). Returns the running export, or None if cancelled."""
    asked = _ask_export(window, case, settings)
    if asked is None:
        return None
    path, _options, dialog = asked
    title = dialog.tr("Export Report")
    try:
        job = ReportExport(path, kb, case, analysis, _options)
    except (DdxError, ValueError) as exc:
        _show_export_error(window, title, dialog.tr("The report could not be written:\n%1")
                           .replace("%1", str(exc)))
        return None
    bar = None
    status = window.statusBar() if hasattr(window, "statusBar") else None
    name = Path(path).name
    if status is not None:
        bar = QProgressBar()
        bar.setObjectName("reportExportProgress")
        bar.setRange(0, 0)  # busy: the layout engine reports no progress
        bar.setMaximumWidth(160)
        bar.setTextVisible(False)
        bar.setAccessibleName(dialog.tr("Exporting report"))
        status.addPermanentWidget(bar)
        status.showMessage(dialog.tr("Exporting the report to {name}…").format(name=name))

    def finish(message: str | None) -> None:
        if bar is not None:
            status.removeWidget(bar)
            bar.deleteLater()
        if message is None:
            _qsettings(settings).setValue(KEY_FORMAT, job.fmt)
            if status is not None:
                status.showMessage(dialog.tr("Report written to {path}").format(path=path),
                                   8000)
        else:
            if status is not None:
                status.clearMessage()
            _show_export_error(window, title, dialog.tr(
                "The report could not be written:\n%1").replace("%1", message))

    job.finished.connect(lambda _path: finish(None))
    job.failed.connect(finish)
    return job.start()


def _show_export_error(window, title: str, message: str) -> None:
    prompter = getattr(window, "prompter", None)
    if prompter is not None:
        prompter.error(title, message)
    else:
        QMessageBox.critical(window, title, message)


def export_report_dialog(parent_widget: QWidget | None, kb, case, analysis, settings) -> str | None:
    """Ask for options and a file, write the report; returns the path, or None if cancelled.

    Blocks until the file is written (the window uses :func:`start_export_dialog`)."""
    asked = _ask_export(parent_widget, case, settings)
    if asked is None:
        return None
    path, options, dialog = asked
    s = _qsettings(settings)
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


def report_pages(kb, case, analysis, options: ReportOptions,
                 ppi: float = PRINT_PPI) -> list[QImage]:
    """The pages of the report's PDF as images (the same Typst layout)."""
    from ..report.typst_pdf import render_png_pages

    images = []
    for png in render_png_pages(build_report(kb, case, analysis, options), ppi):
        image = QImage()
        image.loadFromData(png, "PNG")
        images.append(image)
    return images


def paint_pages(printer: QPrinter, pages: list[QImage]) -> None:
    """Paint page images onto the printer's pages, each filling the whole sheet (the
    images carry the report's own margins)."""
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        return
    try:
        for i, image in enumerate(pages):
            if i:
                printer.newPage()
            target = QRectF(printer.paperRect(QPrinter.Unit.DevicePixel))
            target.moveTo(0, 0)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(target, image)
    finally:
        painter.end()


def print_report(parent_widget: QWidget | None, kb, case, analysis, settings) -> bool:
    """Print preview, then print, of the report with the options last used for export;
    True if it was printed. The pages are the exported PDF's pages."""
    options = load_options(settings)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4 if options.page_size == "A4"
                                  else QPageSize.PageSizeId.Letter))
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        pages = report_pages(kb, case, analysis, options)
    except (DdxError, RuntimeError, ValueError) as exc:
        QGuiApplication.restoreOverrideCursor()
        QMessageBox.critical(parent_widget, QCoreApplication.translate("ReportDialog", "Print"),
                             str(exc))
        return False
    QGuiApplication.restoreOverrideCursor()
    preview = QPrintPreviewDialog(printer, parent_widget)
    preview.setWindowTitle(preview.tr("Print Preview"))
    preview.paintRequested.connect(lambda p: paint_pages(p, pages))
    return preview.exec() == QDialog.DialogCode.Accepted
