"""Hostile input, item 8: the window exports a report on a worker thread.

Laying out a PDF takes a second or more; on the UI thread the window froze for as long.
The export now runs in QThreadPool: the window keeps processing events (and edits)
meanwhile, a busy bar shows in the status bar, and the report is the case as it was
when the export started.
"""

from __future__ import annotations

import io
import threading

import pytest

pytest.importorskip("pytestqt")

from pypdf import PdfReader
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QProgressBar

from ddx_app.gui import report_dialog as rd


@pytest.fixture
def answer_export(monkeypatch):
    """The options dialog accepted as it is, the file dialog answering ``path``."""

    def install(path):
        monkeypatch.setattr(rd.ReportOptionsDialog, "exec",
                            lambda self: QDialog.DialogCode.Accepted)
        monkeypatch.setattr(QFileDialog, "getSaveFileName",
                            staticmethod(lambda *a: (str(path), "")))

    return install


@pytest.fixture
def held_render(monkeypatch):
    """``render`` of the export worker, held until ``release`` is set; records its thread."""
    started, release, threads = threading.Event(), threading.Event(), []
    real = rd.render

    def slow(fmt, report, template=None):
        threads.append(threading.current_thread())
        started.set()
        release.wait(30)
        return real(fmt, report, template)

    monkeypatch.setattr(rd, "render", slow)
    yield started, release, threads
    release.set()


def progress_bar(window):
    return window.statusBar().findChild(QProgressBar, "reportExportProgress")


@pytest.mark.timeout(120)
def test_8_pdf_export_runs_on_a_worker_and_the_window_stays_responsive(
        window, qtbot, tmp_path, answer_export, held_render):
    started, release, threads = held_render
    out = tmp_path / "report.pdf"
    answer_export(out)
    window.doc.set_meta("notes", "Comment as exported")
    window.registry["ddx.report.export"].trigger()  # returns while the PDF is made
    job = window.report_export
    assert job is not None and job.running
    assert started.wait(20)
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    qtbot.waitUntil(lambda: len(ticks) >= 5, timeout=5000)  # the event loop runs
    timer.stop()
    assert progress_bar(window) is not None and progress_bar(window).isVisible()
    window.doc.set_meta("notes", "Edited while exporting")  # the window takes edits
    window.registry["ddx.report.export"].trigger()  # a second export waits its turn
    assert window.report_export is job
    release.set()
    qtbot.waitUntil(lambda: job.done, timeout=60_000)
    assert threads and threads[0] is not threading.main_thread()
    assert job.error is None
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(out.read_bytes())).pages)
    assert "Comment as exported" in text and "Edited while exporting" not in text
    qtbot.waitUntil(lambda: progress_bar(window) is None, timeout=5000)
    assert "Report written to" in window.statusBar().currentMessage()


@pytest.mark.timeout(120)
def test_8_failed_background_export_is_reported(window, qtbot, tmp_path, answer_export,
                                                prompter, monkeypatch):
    boxes = []  # a modal message box would hang the test: none is expected
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda *a: boxes.append(a)))
    answer_export(tmp_path / "no such folder" / "report.html")
    window.registry["ddx.report.export"].trigger()
    job = window.report_export
    qtbot.waitUntil(lambda: job.done, timeout=60_000)
    assert job.error and prompter.errors and not boxes
    title, message, _problems = prompter.errors[-1]
    assert title == "Export Report" and "could not be written" in message
    qtbot.waitUntil(lambda: progress_bar(window) is None, timeout=5000)


@pytest.mark.timeout(120)
def test_8_closing_the_window_waits_for_the_export(make_window, qtbot, tmp_path,
                                                    answer_export, held_render):
    started, release, _threads = held_render
    w = make_window()
    out = tmp_path / "report.json"
    answer_export(out)
    w.registry["ddx.report.export"].trigger()
    job = w.report_export
    assert started.wait(20)
    QTimer.singleShot(300, release.set)  # the worker finishes while close() waits
    w.close()
    assert job.done and out.is_file()
