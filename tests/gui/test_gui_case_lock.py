"""Hostile input, item 10: two editors of one case, and a file changed behind the window.

Before: two windows (or processes) could edit one case with no warning, the last save
winning; a change made to the file on disk was overwritten silently. Now a lock per open
case warns the second opener (read-only, open anyway, cancel) and a save over a file that
changed since it was loaded or saved asks (overwrite, save as, cancel).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ddx_app.gui.case_lock import CaseLock, lock_path

CASE = "ddx_case: 1\ncase_id: LOCK-1\nfindings:\n  necrosis: present\n"


@pytest.fixture
def case_file(tmp_path) -> Path:
    path = tmp_path / "shared.ddx.yaml"
    path.write_text(CASE, "utf-8")
    return path


def test_10_second_window_is_warned_and_can_open_read_only(make_window, prompter, case_file,
                                                           tmp_path):
    first = make_window()
    assert first.open_path(case_file)
    assert not getattr(prompter, "in_use_calls", [])
    prompter.in_use_answer = "read_only"
    second = make_window()
    assert second.open_path(case_file)
    assert prompter.in_use_calls == [("shared.ddx.yaml", "another window of this program")]
    assert second.doc.read_only and "(read-only)" in second.windowTitle()
    second.doc.set_finding("ihc_alk", "positive")
    prompter.save_answer = None  # Save As cancelled
    assert not second.save()
    assert case_file.read_text("utf-8") == CASE
    copy = tmp_path / "copy.ddx.yaml"
    prompter.save_answer = str(copy)
    assert second.save()  # Save goes to Save As
    assert "ihc_alk: positive" in copy.read_text("utf-8") and not second.doc.read_only
    assert case_file.read_text("utf-8") == CASE


def test_10_cancel_keeps_the_current_case(make_window, prompter, case_file):
    make_window().open_path(case_file)
    prompter.in_use_answer = "cancel"
    second = make_window()
    assert not second.open_path(case_file)
    assert second.doc.path is None


def test_10_changed_on_disk_is_not_overwritten_silently(make_window, prompter, case_file,
                                                        tmp_path):
    """Open anyway: both windows edit, the second saves first; the first is then asked."""
    first = make_window()
    first.open_path(case_file)
    prompter.in_use_answer = "open_anyway"
    second = make_window()
    assert second.open_path(case_file) and not second.doc.read_only
    second.doc.set_finding("ihc_alk", "positive")
    assert second.save()  # unchanged on disk since it loaded it: no question
    assert not getattr(prompter, "changed_calls", [])
    first.doc.set_finding("ihc_sma", "focal")
    prompter.changed_answer = "cancel"
    assert not first.save()
    assert prompter.changed_calls == ["shared.ddx.yaml"]
    assert "ihc_alk: positive" in case_file.read_text("utf-8")  # the second's save stands
    prompter.changed_answer = "save_as"
    prompter.save_answer = str(tmp_path / "mine.ddx.yaml")
    assert first.save()
    assert "ihc_sma: focal" in (tmp_path / "mine.ddx.yaml").read_text("utf-8")
    assert "ihc_alk: positive" in case_file.read_text("utf-8")


def test_10_overwrite_is_a_choice(make_window, prompter, case_file):
    w = make_window()
    w.open_path(case_file)
    case_file.write_text(CASE.replace("LOCK-1", "EDITED-ELSEWHERE"), "utf-8")
    w.doc.set_finding("ihc_alk", "positive")
    prompter.changed_answer = "overwrite"
    assert w.save()
    text = case_file.read_text("utf-8")
    assert "ihc_alk: positive" in text and "EDITED-ELSEWHERE" not in text
    w.doc.set_finding("ihc_alk", "negative")
    calls = len(prompter.changed_calls)
    assert w.save() and len(prompter.changed_calls) == calls  # its own save: no question


def test_10_same_content_with_a_new_time_is_no_change(make_window, prompter, case_file):
    w = make_window()
    w.open_path(case_file)
    later = time.time() + 60
    os.utime(case_file, (later, later))  # touched (a backup, a sync), content the same
    w.doc.set_finding("ihc_alk", "positive")
    assert w.save() and not getattr(prompter, "changed_calls", [])


def test_10_lock_is_given_back_on_close_and_on_opening_another(make_window, prompter,
                                                               case_file, tmp_path):
    other = tmp_path / "other.ddx.yaml"
    other.write_text(CASE, "utf-8")
    first = make_window()
    first.open_path(case_file)
    assert lock_path(case_file).exists()
    first.open_path(other)
    assert not lock_path(case_file).exists() and lock_path(other).exists()
    first.open_path(other)  # the same file again in the same window: no question
    first.close()
    assert not lock_path(other).exists()
    second = make_window()
    assert second.open_path(case_file) and second.open_path(other)
    assert not getattr(prompter, "in_use_calls", [])


@pytest.mark.timeout(120)
def test_10_another_process_and_its_stale_lock(make_window, prompter, case_file):
    """A live process's lock is reported with its pid and host; once the process is gone
    the lock is stale and taken over without a question."""
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time\n"
         "from ddx_app.gui.case_lock import CaseLock\n"
         "lock = CaseLock(sys.argv[1]); assert lock.acquire() is None\n"
         "print('held', flush=True); time.sleep(120)\n", str(case_file)],
        stdout=subprocess.PIPE, text=True, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    try:
        assert holder.stdout.readline().strip() == "held"
        prompter.in_use_answer = "cancel"
        w = make_window()
        assert not w.open_path(case_file)
        ((name, who),) = prompter.in_use_calls
        assert name == "shared.ddx.yaml" and who.startswith(f"process {holder.pid}")
    finally:
        holder.kill()
        holder.wait()
    assert w.open_path(case_file)  # the lock of a dead process is stale
    assert len(prompter.in_use_calls) == 1 and CaseLock(case_file).acquire() is not None


@pytest.mark.timeout(60)
@pytest.mark.parametrize("ask, button, expected", [
    (lambda p: p.choose_recovery([("2026-03-14 09:00", None), ("2026-03-13 17:12", "/a")]),
     "Restore Selected", ("restore", 0)),
    (lambda p: p.choose_recovery([("t1", None), ("t2", "/a")]), "Discard All",
     ("discard", None)),
    (lambda p: p.choose_recovery([("t1", None), ("t2", "/a")]), "Decide Later",
     ("later", None)),
    (lambda p: p.case_in_use("a.ddx.yaml", "process 1 on pc"), "Open Read-Only", "read_only"),
    (lambda p: p.case_in_use("a.ddx.yaml", "process 1 on pc"), "Open Anyway", "open_anyway"),
    (lambda p: p.case_in_use("a.ddx.yaml", "process 1 on pc"), "Cancel", "cancel"),
    (lambda p: p.changed_on_disk("a.ddx.yaml"), "Overwrite", "overwrite"),
    (lambda p: p.changed_on_disk("a.ddx.yaml"), "Save As…", "save_as"),
    (lambda p: p.changed_on_disk("a.ddx.yaml"), "Cancel", "cancel"),
])
def test_9_10_the_real_questions(qtbot, ask, button, expected):
    """The dialogs behind the Prompter seam (items 9 and 10), answered by clicking."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

    from ddx_app.gui.dialogs.prompts import Prompter

    parent = QWidget()
    qtbot.addWidget(parent)
    clicked = []

    def click():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, click)
            return
        for b in dialog.findChildren(QAbstractButton):
            if b.text().replace("&", "") == button:
                clicked.append(button)
                b.click()
                return
        dialog.reject()  # no such button: fail below, do not hang

    QTimer.singleShot(20, click)
    assert ask(Prompter(parent)) == expected and clicked == [button]
