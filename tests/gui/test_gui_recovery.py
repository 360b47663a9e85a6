"""Autosave to a recovery file and the offer to restore it after a crash."""

from __future__ import annotations

from testdata import EXAMPLES

from ddx_app.gui.recovery import RecoveryStore


def _crash(window) -> None:
    """What a crash leaves: the autosave on disk and no live process holding its lock."""
    window._autosave.stop()
    window.recovery.release()
    window.recovery.discard = lambda: None  # the teardown close must not clean up
    window.recovery.release = lambda: None


def test_autosave_is_scheduled_after_a_change(window):
    """A change starts the autosave timer (30 s); the timer writes the recovery file."""
    assert not window._autosave.isActive()
    window.doc.set_finding("necrosis", "present")
    assert window._autosave.isActive()
    assert window._autosave.interval() == 30_000
    window._autosave.timeout.emit()
    assert window.recovery.case_file.is_file()
    assert "necrosis: present" in window.recovery.case_file.read_text(encoding="utf-8")


def test_recovery_is_offered_and_restores_the_findings(make_window, prompter):
    """After a crash the next window offers the autosave and restores its findings,
    marked modified and tied to the original file."""
    first = make_window()
    first.open_path(str(EXAMPLES / "imt.ddx.yaml"))
    first.doc.set_finding("ihc_alk", "positive")
    first.doc.set_meta("notes", "edited <b>notes</b> & more")
    first.autosave_now()
    expected = dict(first.doc.case.findings)
    _crash(first)

    prompter.recovery_answer = True
    second = make_window()
    assert second.offer_recovery()
    assert len(prompter.recovery_calls) == 1
    assert prompter.recovery_calls[0][1] == str(EXAMPLES / "imt.ddx.yaml")
    assert second.doc.case.findings == expected
    assert second.doc.case.notes == "edited <b>notes</b> & more"
    assert second.doc.path == EXAMPLES / "imt.ddx.yaml"
    assert second.isWindowModified()
    # the orphan is gone; the restored case now has this window's own autosave
    assert second.recovery.orphans() == []
    assert not first.recovery.case_file.exists()


def test_declined_recovery_is_deleted(make_window, prompter):
    """Declining the offer deletes the recovery file; it is not offered again."""
    first = make_window()
    first.doc.set_finding("necrosis", "present")
    first.autosave_now()
    _crash(first)
    prompter.recovery_answer = False
    second = make_window()
    assert not second.offer_recovery()
    assert second.doc.case.findings == {}
    assert not first.recovery.case_file.exists()
    third = make_window()
    assert not third.offer_recovery()
    assert len(prompter.recovery_calls) == 1


def test_running_sessions_are_not_offered(make_window, prompter):
    """The autosave of a window that is still open is not someone else's crash."""
    first = make_window()
    first.doc.set_finding("necrosis", "present")
    first.autosave_now()
    second = make_window()
    assert not second.offer_recovery()
    assert prompter.recovery_calls == []


def test_clean_save_and_close_delete_the_recovery_file(window, tmp_path, prompter):
    """Saving removes the recovery file; so does closing cleanly."""
    window.doc.set_finding("necrosis", "present")
    window.autosave_now()
    assert window.recovery.case_file.exists()
    prompter.save_answer = str(tmp_path / "saved.ddx.yaml")
    assert window.save()
    assert not window.recovery.case_file.exists()
    window.doc.set_finding("necrosis", "absent")
    window.autosave_now()
    prompter.unsaved_answer = "discard"
    window.close()
    assert not window.isVisible()
    assert not window.recovery.case_file.exists()


def test_autosave_of_an_unmodified_case_removes_the_file(window):
    """After undoing back to the saved state, the autosave clears the recovery file."""
    window.doc.set_finding("necrosis", "present")
    window.autosave_now()
    window.doc.undo_stack.undo()
    window.autosave_now()
    assert not window.recovery.case_file.exists()


def test_store_ignores_stray_files(tmp_path):
    """A recovery folder with junk or half-written files does not break start-up."""
    (tmp_path / "autosave-x.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "autosave-y.json").write_text("{}", encoding="utf-8")
    (tmp_path / "autosave-x.ddx.yaml").write_text("ddx_case: 1\n", encoding="utf-8")
    store = RecoveryStore(tmp_path, session="me")
    found = store.orphans()
    assert [e.session for e in found] == ["x"]
    assert found[0].original is None


def test_locks_of_ended_sessions_without_autosave_are_removed(tmp_path):
    """A session that crashed before its first edit leaves only its lock: the next
    start removes it (a live session's lock stays)."""
    import os
    import subprocess
    import sys

    crashed = ("import os, sys\n"
               "from ddx_app.gui.recovery import RecoveryStore\n"
               "store = RecoveryStore(sys.argv[1], session='gone')  # held until the crash\n"
               "os._exit(0)\n")
    subprocess.run([sys.executable, "-c", crashed, str(tmp_path)], check=True,
                   env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert (tmp_path / "session-gone.lock").exists()
    alive = RecoveryStore(tmp_path, session="alive")
    me = RecoveryStore(tmp_path, session="me")
    assert me.orphans() == []
    assert not (tmp_path / "session-gone.lock").exists()
    assert (tmp_path / "session-alive.lock").exists()
    alive.release()
