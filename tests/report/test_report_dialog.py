"""The Qt side: export dialog (sections, institution, page size remembered) and printing.

Modal dialogs are patched, never clicked: the option dialog's exec, the file
dialog and the print dialog are replaced at the boundary.
"""

from __future__ import annotations

import io
import json
import unicodedata

import pytest

pytest.importorskip("PySide6.QtWidgets")
pytest.importorskip("pytestqt")

from pypdf import PdfReader
from PySide6.QtCore import QSettings
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from ddx_app import DISCLAIMER
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


def test_print_report(kb, seed, settings, monkeypatch, tmp_path, qtbot):
    """Printing lays the report out with QTextDocument; the printout has the content."""
    case, analysis = seed
    out = tmp_path / "printed.pdf"

    class FakePrintDialog:
        def __init__(self, printer, parent=None):
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(out))
            self.printer = printer

        def exec(self):
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(rd, "QPrintDialog", FakePrintDialog)
    assert rd.print_report(None, kb, case, analysis, settings) is True
    raw = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(out.read_bytes())).pages)
    text = " ".join(unicodedata.normalize("NFKC", raw).split())  # Qt sets ligatures (ﬂ)
    assert "SEED-ZHAO2025-15" in text and "Inflammatory myofibroblastic tumour" in text
    assert DISCLAIMER in text and kb.sha256 in text


def test_print_cancelled(kb, seed, settings, monkeypatch):
    case, analysis = seed

    class Rejecting:
        def __init__(self, printer, parent=None):
            pass

        def exec(self):
            return QDialog.DialogCode.Rejected

    monkeypatch.setattr(rd, "QPrintDialog", Rejecting)
    assert rd.print_report(None, kb, case, analysis, settings) is False


def test_report_document_has_the_chart(kb, seed, qtbot):
    """The chart SVG is registered as an image resource of the printed document."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QTextDocument

    from ddx_app.report import ReportOptions

    case, analysis = seed
    doc = rd.report_document(kb, case, analysis, ReportOptions())
    image = doc.resource(QTextDocument.ResourceType.ImageResource, QUrl(rd.CHART_RESOURCE))
    assert not image.isNull() and image.width() > 500
