"""The Qt side: export dialog (sections, institution, page size remembered) and printing.

Modal dialogs are patched, never clicked: the option dialog's exec, the file
dialog and the print dialog are replaced at the boundary.
"""

from __future__ import annotations

import io
import json

import pytest

pytest.importorskip("PySide6.QtWidgets")
pytest.importorskip("pytestqt")

from pypdf import PdfReader
from PySide6.QtCore import QSettings
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from ddx_app.gui import report_dialog as rd
from ddx_app.report import SECTIONS


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def accept_with(monkeypatch, qtbot):
    """Make ReportOptionsDialog.exec apply ``changes`` and accept (or reject)."""
    seen = []

    def install(changes=None, accept=True):
        def fake_exec(dialog):
            qtbot.addWidget(dialog)
            seen.append({s: c.isChecked() for s, c in dialog.checks.items()}
                        | {"institution": dialog.institution.text(),
                           "page_size": dialog.page_size.currentText()})
            for key, value in (changes or {}).items():
                if key == "institution":
                    dialog.institution.setText(value)
                elif key == "page_size":
                    dialog.page_size.setCurrentText(value)
                else:
                    dialog.checks[key].setChecked(value)
            return QDialog.DialogCode.Accepted if accept else QDialog.DialogCode.Rejected

        monkeypatch.setattr(rd.ReportOptionsDialog, "exec", fake_exec)
        return seen

    return install


def save_as(monkeypatch, path, chosen_filter=""):
    calls = []

    def fake(parent, caption, name, filters):
        calls.append((name, filters))
        return str(path), chosen_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return calls


def test_export_writes_report_and_remembers_choices(kb, seed, settings, accept_with,
                                                    monkeypatch, tmp_path):
    """Choices are applied to the file and pre-filled next time; format follows the name."""
    case, analysis = seed
    seen = accept_with({"notes": False, "references": False, "institution": "Lab <A>",
                        "page_size": "Letter"})
    out = tmp_path / "out.json"
    calls = save_as(monkeypatch, out)
    assert rd.export_report_dialog(None, kb, case, analysis, settings) == str(out)
    data = json.loads(out.read_text("utf-8"))
    assert "references" not in data and "notes" not in data["case"]
    assert data["institution"] == "Lab <A>" and data["options"]["page_size"] == "Letter"
    assert calls[0][0] == "SEED-ZHAO2025-15-report.pdf"
    assert all(seen[0][s] for s in SECTIONS)  # first time: every section on

    save_as(monkeypatch, tmp_path / "again.html")
    rd.export_report_dialog(None, kb, case, analysis, settings)
    assert seen[1]["notes"] is False and seen[1]["references"] is False
    assert seen[1]["findings"] is True
    assert seen[1]["institution"] == "Lab <A>" and seen[1]["page_size"] == "Letter"
    assert settings.value(rd.KEY_FORMAT, "", type=str) == "html"
    assert (tmp_path / "again.html").read_text("utf-8").startswith("<!DOCTYPE html>")


def test_settings_hold_no_case_content(kb, seed, settings, accept_with, monkeypatch, tmp_path):
    """Only section ids, institution, page size and format are stored."""
    case, analysis = seed
    accept_with()
    save_as(monkeypatch, tmp_path / "r.json")
    rd.export_report_dialog(None, kb, case, analysis, settings)
    settings.sync()
    stored = (tmp_path / "settings.ini").read_text("utf-8")
    assert "SEED" not in stored and "Zhao" not in stored and str(tmp_path) not in stored


def test_missing_extension_taken_from_filter(kb, seed, settings, accept_with, monkeypatch,
                                             tmp_path):
    case, analysis = seed
    accept_with()
    save_as(monkeypatch, tmp_path / "report", rd.FILTERS["pdf"])
    assert rd.export_report_dialog(None, kb, case, analysis, settings) == str(
        tmp_path / "report.pdf")
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")


def test_cancel_writes_nothing(kb, seed, settings, accept_with, monkeypatch, tmp_path):
    case, analysis = seed
    accept_with(accept=False)
    calls = save_as(monkeypatch, tmp_path / "r.html")
    assert rd.export_report_dialog(None, kb, case, analysis, settings) is None
    assert calls == [] and not (tmp_path / "r.html").exists()
    accept_with()
    save_as(monkeypatch, "")
    assert rd.export_report_dialog(None, kb, case, analysis, settings) is None


def test_write_failure_is_shown(kb, seed, settings, accept_with, monkeypatch, tmp_path):
    """An unwritable path gives an error message box, not an exception."""
    case, analysis = seed
    accept_with()
    save_as(monkeypatch, tmp_path / "missing" / "r.html")
    errors = []
    monkeypatch.setattr(QMessageBox, "critical",
                        staticmethod(lambda parent, title, text: errors.append(text)))
    assert rd.export_report_dialog(None, kb, case, analysis, settings) is None
    assert errors and "could not be written" in errors[0]


def test_settings_facade_accepted(kb, seed, settings, accept_with, monkeypatch, tmp_path):
    """The app's Settings wrapper (with .qsettings) works as well as a bare QSettings."""
    case, analysis = seed

    class Facade:
        qsettings = settings
        language = "en"

    accept_with({"institution": "Facade Lab"})
    save_as(monkeypatch, tmp_path / "r.json")
    rd.export_report_dialog(None, kb, case, analysis, Facade())
    assert settings.value(rd.KEY_INSTITUTION, "", type=str) == "Facade Lab"


class FakePreview:
    """QPrintPreviewDialog stand-in: sends the printer to a PDF file, asks for the pages
    as the real preview does (paintRequested), and accepts or rejects."""

    accept = True
    out = None
    pages_painted = 0

    def __init__(self, printer, parent=None):
        from PySide6.QtCore import QObject, Signal

        class _Emitter(QObject):
            sig = Signal(object)

        self._emitter = _Emitter()
        self.paintRequested = self._emitter.sig
        self.printer = printer

    def setWindowTitle(self, title):
        pass

    def tr(self, text):
        return text

    def exec(self):
        self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.printer.setOutputFileName(str(FakePreview.out))
        self.paintRequested.emit(self.printer)  # the preview paints, then printing does
        return QDialog.DialogCode.Accepted if FakePreview.accept else QDialog.DialogCode.Rejected


def test_print_report_previews_the_pdf_pages(kb, seed, settings, monkeypatch, tmp_path, qtbot):
    """File > Print shows a preview whose pages are the PDF's pages: one page by default,
    more with the appendix remembered from the export dialog."""
    from ddx_app.report import ReportOptions, build_report, render_pdf

    case, analysis = seed
    FakePreview.out, FakePreview.accept = tmp_path / "printed.pdf", True
    monkeypatch.setattr(rd, "QPrintPreviewDialog", FakePreview)
    assert rd.print_report(None, kb, case, analysis, settings) is True
    printed = PdfReader(io.BytesIO(FakePreview.out.read_bytes()))
    assert len(printed.pages) == 1
    box = printed.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4
    rd.save_options(settings, ReportOptions(appendix=True))
    assert rd.print_report(None, kb, case, analysis, settings) is True
    exported = PdfReader(io.BytesIO(render_pdf(build_report(kb, case, analysis,
                                                            ReportOptions(appendix=True)))))
    assert len(PdfReader(io.BytesIO(FakePreview.out.read_bytes())).pages) == \
        len(exported.pages) > 1


def test_printed_page_is_the_pdf_page(kb, seed, qtbot):
    """The preview's page images are the PDF's pages rendered: mostly white paper with
    the dark text of the report, at the page's aspect ratio."""
    from ddx_app.report import ReportOptions

    case, analysis = seed
    (page,) = rd.report_pages(kb, case, analysis, ReportOptions(), ppi=40)
    assert abs(page.width() / page.height() - 210 / 297) < 0.01
    samples = [page.pixelColor(x, y).lightness() for x in range(0, page.width(), 2)
               for y in range(0, page.height(), 2)]
    dark = sum(1 for v in samples if v < 100)
    assert 200 < dark < len(samples) // 4


def test_print_cancelled(kb, seed, settings, monkeypatch, tmp_path):
    case, analysis = seed
    FakePreview.out, FakePreview.accept = tmp_path / "cancelled.pdf", False
    monkeypatch.setattr(rd, "QPrintPreviewDialog", FakePreview)
    assert rd.print_report(None, kb, case, analysis, settings) is False


def test_appendix_checkbox_is_remembered(kb, seed, settings, accept_with, monkeypatch,
                                         tmp_path):
    """The dialog's appendix box is off at first; ticked, the PDF has more than one page
    and the box is ticked next time."""
    case, analysis = seed
    seen = []

    def fake_exec(dialog):
        qtbot_dialog = dialog
        seen.append(qtbot_dialog.appendix.isChecked())
        dialog.appendix.setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(rd.ReportOptionsDialog, "exec", fake_exec)
    out = tmp_path / "a.pdf"
    save_as(monkeypatch, out)
    assert rd.export_report_dialog(None, kb, case, analysis, settings) == str(out)
    assert len(PdfReader(str(out)).pages) > 1
    rd.export_report_dialog(None, kb, case, analysis, settings)
    assert seen == [False, True]
