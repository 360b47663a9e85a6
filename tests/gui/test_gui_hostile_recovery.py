"""Hostile input, item 9: crash recovery loses nothing.

Before: with two crashed sessions only the newest autosave was offered and the other was
deleted; an autosave that no longer validated was deleted after "Could not restore"; a
non-UTF-8 byte in an autosave broke recovery. Now every recoverable autosave is offered,
nothing is deleted that the user did not restore or discard, and an autosave that cannot
be restored is moved aside into ``recovery/unrecoverable`` and the user told where.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def recovery_dir() -> Path:
    return Path(os.environ["DDX_DATA_DIR"]) / "recovery"


def leave_autosave(session: str, text: str | bytes, original: str | None = None,
                   saved_at: float | str = 1_700_000_000.0) -> Path:
    """What a crashed session leaves: its autosave and .json, and no live lock."""
    folder = recovery_dir()
    folder.mkdir(parents=True, exist_ok=True)
    case = folder / f"autosave-{session}.ddx.yaml"
    if isinstance(text, str):
        text = text.encode("utf-8")
    case.write_bytes(text)
    (folder / f"autosave-{session}.json").write_text(
        json.dumps({"original": original, "saved_at": saved_at}), "utf-8")
    return case


def case_text(finding: str, notes: str = "") -> str:
    return f"ddx_case: 1\nnotes: {json.dumps(notes)}\nfindings:\n  {finding}: present\n"


def autosaves() -> list[str]:
    return sorted(p.name for p in recovery_dir().glob("autosave-*.ddx.yaml"))


def test_9_two_crashed_sessions_are_both_offered(make_window, prompter):
    leave_autosave("older", case_text("necrosis", "older session"), "/cases/a.ddx.yaml",
                   1_700_000_000)
    leave_autosave("newer", case_text("storiform_fibrosis", "newer session"), None,
                   1_700_000_500)
    prompter.choose_answer = ("restore", 1)  # the older one, second in the list
    first = make_window()
    assert first.offer_recovery()
    (listed,) = prompter.choose_calls
    assert [original for _when, original in listed] == [None, "/cases/a.ddx.yaml"]
    assert first.doc.case.notes == "older session" and first.isWindowModified()
    # the other one is kept, and is offered again at the next start
    assert "autosave-newer.ddx.yaml" in autosaves()
    assert "autosave-older.ddx.yaml" not in autosaves()
    assert "1 other autosaved case(s) kept" in first.statusBar().currentMessage()
    prompter.recovery_answer = True
    second = make_window()
    assert second.offer_recovery()
    assert prompter.recovery_calls[-1][1] is None
    assert second.doc.case.notes == "newer session"


def test_9_decide_later_keeps_every_autosave_and_discard_all_deletes_them(make_window,
                                                                         prompter):
    leave_autosave("a", case_text("necrosis"))
    leave_autosave("b", case_text("storiform_fibrosis"))
    prompter.choose_answer = ("later", None)
    w = make_window()
    assert not w.offer_recovery()
    assert autosaves() == ["autosave-a.ddx.yaml", "autosave-b.ddx.yaml"]
    prompter.choose_answer = ("discard", None)
    assert not make_window().offer_recovery()
    assert autosaves() == []
    assert len(prompter.choose_calls) == 2


def test_9_keeping_the_current_case_keeps_the_autosave(make_window, prompter):
    """Restoring needs the current case dropped: if the user keeps it, nothing goes."""
    leave_autosave("a", case_text("necrosis"))
    w = make_window()
    w.doc.set_finding("storiform_fibrosis", "present")
    prompter.recovery_answer = True
    prompter.unsaved_answer = "cancel"
    assert not w.offer_recovery()
    assert "autosave-a.ddx.yaml" in autosaves()


def test_9_autosave_that_no_longer_validates_is_moved_aside(make_window, prompter):
    bad = leave_autosave("stale", case_text("finding_the_kb_no_longer_has", "my notes"))
    w = make_window()
    assert not w.offer_recovery()
    assert prompter.recovery_calls == [] and not getattr(prompter, "choose_calls", [])
    title, message, problems = prompter.errors[-1]
    aside = recovery_dir() / "unrecoverable"
    assert title == "Could not restore the case" and str(aside) in message
    assert "Nothing was deleted" in message
    assert any("unknown finding 'finding_the_kb_no_longer_has'" in p for p in problems)
    kept = aside / "autosave-stale.ddx.yaml"
    assert kept.read_text("utf-8") == case_text("finding_the_kb_no_longer_has", "my notes")
    assert (aside / "autosave-stale.json").is_file()
    assert not bad.exists()
    # not offered (nor reported) again
    errors = len(prompter.errors)
    assert not make_window().offer_recovery()
    assert len(prompter.errors) == errors and kept.is_file()


def test_9_bad_bytes_do_not_stop_recovery(make_window, prompter):
    """A non-UTF-8 byte (in the case, in the .json) is an unrecoverable autosave: moved
    aside; the good autosave beside it is still offered and restored."""
    leave_autosave("bytes", b"ddx_case: 1\nnotes: caf\xe9\nfindings: {}\n")
    (recovery_dir() / "autosave-bytes.json").write_bytes(b'{"original": "/x/\xff", ')
    leave_autosave("good", case_text("necrosis", "fine"), saved_at=float("1e300"))
    prompter.recovery_answer = True
    w = make_window()
    assert w.offer_recovery()
    assert w.doc.case.notes == "fine"
    assert len(prompter.recovery_calls) == 1  # only the good one is offered
    assert (recovery_dir() / "unrecoverable" / "autosave-bytes.ddx.yaml").read_bytes() == \
        b"ddx_case: 1\nnotes: caf\xe9\nfindings: {}\n"
    assert any("not UTF-8" in p for p in prompter.errors[-1][2])


def test_9_an_autosave_without_its_json_is_offered(make_window, prompter):
    """A crash between writing the case and its .json left a case nobody looked for."""
    case = leave_autosave("half", case_text("necrosis", "half written"))
    (recovery_dir() / "autosave-half.json").unlink()
    prompter.recovery_answer = True
    w = make_window()
    assert w.offer_recovery() and w.doc.case.notes == "half written"
    assert not case.exists()


def test_9_names_already_set_aside_are_not_overwritten(make_window, prompter):
    leave_autosave("same", case_text("no_such_finding", "first"))
    assert not make_window().offer_recovery()
    leave_autosave("same", case_text("no_such_finding", "second"))
    assert not make_window().offer_recovery()
    aside = sorted(p.read_text("utf-8") for p in
                   (recovery_dir() / "unrecoverable").glob("*.ddx.yaml"))
    assert aside == sorted([case_text("no_such_finding", "first"),
                            case_text("no_such_finding", "second")])
