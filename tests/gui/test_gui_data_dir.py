"""An unusable data folder (DDX_DATA_DIR a file, or not writable) does not stop the app:
it starts without autosave and crash recovery, and says why (issue: hostile input, 14)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ddx_app.gui.recovery import RecoveryStore

ROOT = Path(__file__).resolve().parents[2]


def test_data_dir_that_is_a_file(tmp_path, monkeypatch, make_window):
    blocker = tmp_path / "data-is-a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("DDX_DATA_DIR", str(blocker))
    window = make_window()
    assert window.recovery.unavailable == f"{blocker / 'recovery'}: Not a directory"
    window.doc.set_finding("necrosis", "present")
    window.autosave_now()  # does nothing, and does not fail
    assert window.offer_recovery() is False
    assert "Autosave and crash recovery are off" in window.statusBar().currentMessage()
    assert blocker.read_text(encoding="utf-8") == ""


def test_data_dir_that_is_not_writable(tmp_path, monkeypatch):
    """(Also when running as root, who may write anywhere: access is made to fail.)"""
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if Path(p) == tmp_path / "ro"
                        else real_access(p, mode, **kw))
    (tmp_path / "ro").mkdir()
    store = RecoveryStore(tmp_path / "ro", session="me")
    assert store.unavailable == f"{tmp_path / 'ro'}: not writable"
    store.write("ddx_case: 1\nfindings: {}\n", None)
    store.discard()
    assert store.orphans() == [] and list((tmp_path / "ro").iterdir()) == []


@pytest.mark.timeout(120)
def test_app_starts_and_says_why(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    env = dict(os.environ, DDX_DATA_DIR=str(blocker), QT_QPA_PLATFORM="offscreen")
    run = subprocess.run([sys.executable, "-m", "ddx_app.cli", "gui", "--exit-after-startup"],
                         capture_output=True, text=True, timeout=100, cwd=ROOT, env=env)
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    assert (f"ddx: warning: autosave and crash recovery are off ({blocker / 'recovery'}: "
            "Not a directory)") in run.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
@pytest.mark.timeout(30)
def test_recovery_files_that_are_pipes_do_not_hang_start_up(tmp_path):
    """Autosave files are case files: read bounded, regular files only."""
    os.mkfifo(tmp_path / "autosave-x.json")
    os.mkfifo(tmp_path / "autosave-y.ddx.yaml")
    (tmp_path / "autosave-y.json").write_text("{}", encoding="utf-8")
    (tmp_path / "autosave-x.ddx.yaml").write_text("ddx_case: 1\nfindings: {}\n",
                                                  encoding="utf-8")
    store = RecoveryStore(tmp_path, session="me")
    found = store.orphans()
    assert [e.session for e in found] == ["x"] and found[0].original is None
    assert found[0].read() == "ddx_case: 1\nfindings: {}\n"
    entry = found[0]._replace(case_file=tmp_path / "autosave-y.ddx.yaml")
    with pytest.raises(OSError) as info:
        entry.read()
    assert "named pipe" in str(info.value)
