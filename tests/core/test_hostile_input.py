"""Hostile input, tampering and crashes: each fault found by fuzzing the app, fixed at its
root, gives a clean answer (the right result, or exit 2 with ``FILE:LINE: message``)
within seconds, and loses nothing.

The numbers in the test names follow the issue's list of faults.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ddx_app.atomic import STALE_AFTER, remove_stale_temps, write_atomic
from ddx_app.boundedio import read_bounded
from ddx_app.case import load_case, parse_case
from ddx_app.cli import main
from ddx_app.errors import CaseFileError, FileReadError, KnowledgeBaseError
from ddx_app.knowledge import check_knowledge_base, load_knowledge_base, loader

ROOT = Path(__file__).resolve().parents[2]
MINI_CASE = "ddx_case: 1\nfindings:\n  stain_k: positive\n"
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def case_problems(text: str, kb) -> list[str]:
    with pytest.raises(CaseFileError) as info:
        parse_case(text, "c.ddx.yaml", kb)
    return [str(p) for p in info.value.problems]


def errors(kb_dir: Path) -> list[str]:
    return [str(p) for p in check_knowledge_base(kb_dir) if p.severity == "error"]


def load_errors(kb_dir: Path, use_cache: bool = True) -> list[str]:
    with pytest.raises(KnowledgeBaseError) as info:
        load_knowledge_base(kb_dir, use_cache=use_cache)
    return [str(p) for p in info.value.problems]


# -- 1. the teaching block ------------------------------------------------------------------


@pytest.mark.parametrize("teaching, line, fragment", [
    ("{answer: [imt]}", 2, "teaching answer must be an entity id (text, e.g. 'answer: imt'), "
     "not a list"),
    ("{answer: {imt: 1}}", 2, "not a mapping"),
    ("{answer: 3}", 2, "not a number"),
    ("{answer: imtt}", 2, "unknown entity 'imtt'"),
    ("\n  answer: imt\n  kind: [tissue]", 4, "teaching kind must be text, not a list"),
    ("\n  answer: imt\n  explanation: {a: b}", 4, "teaching explanation must be text"),
    ("[imt]", 2, "teaching must be a mapping"),
])
def test_1_teaching_block_is_validated(kb, teaching, line, fragment):
    found = case_problems(f"ddx_case: 1\nteaching: {teaching}\nfindings: {{}}\n", kb)
    assert len(found) == 1 and found[0].startswith(f"c.ddx.yaml:{line}:") \
        and fragment in found[0], found


def test_1_teaching_extras_are_kept(kb):
    case = parse_case("ddx_case: 1\nteaching:\n  answer: imt\n  kind: tissue\n  hard_pair: "
                      "[a, b]\n  note: why\nfindings: {}\n", "c", kb)
    assert case.answer == "imt" and case.teaching["hard_pair"] == ["a", "b"]


@pytest.mark.parametrize("command", [["rank"], ["explain"], ["suggest"], ["rank", "--json"]])
def test_1_bad_teaching_answer_exits_2_in_every_command(tmp_path, capsys, command):
    path = tmp_path / "c.ddx.yaml"
    path.write_text("ddx_case: 1\nteaching: {answer: [imt]}\nfindings: {}\n", "utf-8")
    assert main([command[0], str(path), *command[1:]]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{path}:2: teaching answer must be an entity id") and \
        "Traceback" not in err


# -- 2. bounded reads -----------------------------------------------------------------------


@needs_fifo
@pytest.mark.timeout(20)
def test_2_fifo_case_is_refused_without_reading(kb, tmp_path):
    fifo = tmp_path / "c.ddx.yaml"
    os.mkfifo(fifo)
    with pytest.raises(CaseFileError) as info:
        load_case(fifo, kb)
    assert str(info.value) == f"{fifo}:1: is a named pipe (FIFO), not a regular file"


@pytest.mark.timeout(20)
@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_2_device_and_link_to_device_are_refused(kb, tmp_path):
    link = tmp_path / "zero.ddx.yaml"
    link.symlink_to("/dev/zero")
    for path in ("/dev/zero", link):
        with pytest.raises(CaseFileError) as info:
            load_case(path, kb)
        assert "is a device, not a regular file" in str(info.value)


@needs_fifo
@pytest.mark.timeout(60)
def test_2_fifo_case_from_the_command_line_exits_2_at_once(tmp_path):
    fifo = tmp_path / "c.ddx.yaml"
    os.mkfifo(fifo)
    run = subprocess.run([sys.executable, "-m", "ddx_app.cli", "rank", str(fifo)],
                         capture_output=True, text=True, timeout=50, cwd=ROOT)
    assert run.returncode == 2 and run.stderr.startswith(f"{fifo}:1: is a named pipe")


def test_2_read_bounded_reads_at_most_the_limit_plus_one(tmp_path, monkeypatch):
    """A file that claims to be small but keeps growing (or lies in stat) is never read
    past max_bytes + 1."""
    from ddx_app import boundedio

    path = tmp_path / "big.yaml"
    path.write_bytes(b"x" * 100_000)
    real_fstat, real_read = os.fstat, os.read
    read_total = []

    class Small:
        def __init__(self, info):
            self._info = info

        def __getattr__(self, name):
            return 10 if name == "st_size" else getattr(self._info, name)

    def reading(fd, n):
        chunk = real_read(fd, n)
        read_total.append(len(chunk))
        return chunk

    monkeypatch.setattr(boundedio.os, "stat", lambda p: Small(os.lstat(p)))
    monkeypatch.setattr(boundedio.os, "fstat", lambda fd: Small(real_fstat(fd)))
    monkeypatch.setattr(boundedio.os, "read", reading)
    with pytest.raises(FileReadError) as info:
        read_bounded(path, max_bytes=1000)
    assert "grew while being read" in str(info.value)
    assert sum(read_total) == 1001


def test_2_read_bounded_messages(tmp_path):
    (tmp_path / "dir.yaml").mkdir()
    (tmp_path / "dangling.yaml").symlink_to(tmp_path / "nowhere")
    (tmp_path / "big.yaml").write_bytes(b"a" * 11)
    (tmp_path / "ok.yaml").write_bytes(b"a: 1\n")
    for name, message in [("dir.yaml", "is a folder, not a file"),
                          ("dangling.yaml", "broken symbolic link"),
                          ("missing.yaml", "file not found"),
                          ("big.yaml", "file is too large")]:
        with pytest.raises(FileReadError) as info:
            read_bounded(tmp_path / name, max_bytes=10)
        assert str(info.value).startswith(f"{tmp_path / name}:1: {message}")
    assert read_bounded(tmp_path / "ok.yaml", max_bytes=10) == b"a: 1\n"


@needs_fifo
@pytest.mark.timeout(30)
def test_2_fifo_in_the_knowledge_base_and_the_cache(mini_kb_dir, tmp_path, monkeypatch):
    """A pipe among the KB files is an error at line 1 (check and load alike); a pipe in
    place of a cache entry is ignored."""
    monkeypatch.setenv("DDX_CACHE_DIR", str(tmp_path / "cache"))
    good = load_knowledge_base(mini_kb_dir)  # writes the cache entry
    entries = list((tmp_path / "cache").glob("kb-*.json"))
    assert len(entries) == 1
    entries[0].unlink()
    os.mkfifo(entries[0])
    assert load_knowledge_base(mini_kb_dir).sha256 == good.sha256
    os.mkfifo(mini_kb_dir / "entities" / "gamma.yaml")
    expected = [f"{mini_kb_dir / 'entities' / 'gamma.yaml'}:1: is a named pipe (FIFO), "
                "not a regular file"]
    assert errors(mini_kb_dir) == expected == load_errors(mini_kb_dir)


@needs_fifo
@pytest.mark.timeout(30)
def test_2_fifo_report_template_is_refused(tmp_path):
    from ddx_app.report.templating import ReportTemplateError, render_template

    fifo = tmp_path / "t.html.j2"
    os.mkfifo(fifo)
    with pytest.raises(ReportTemplateError) as info:
        render_template(fifo, {})
    assert str(info.value) == f"{fifo}:1: not a regular file"
    # a template may extend only the bundled one (item 6): the pipe beside it is not opened
    user = tmp_path / "user.html.j2"
    user.write_text('{% extends "t.html.j2" %}', "utf-8")
    with pytest.raises(ReportTemplateError) as info:
        render_template(user, {})
    assert str(info.value).startswith(f"{user}:1: template not allowed: it may extend, "
                                      "include or import only the bundled 'report.html.j2'")


# -- 3. and 13. what is in entities/ --------------------------------------------------------


def test_3_folder_named_like_an_entity_file(mini_kb_dir):
    (mini_kb_dir / "entities" / "foo.yaml").mkdir()
    expected = [f"{mini_kb_dir / 'entities' / 'foo.yaml'}:1: is a folder, not a file"]
    assert errors(mini_kb_dir) == expected == load_errors(mini_kb_dir)


def test_3_editor_lock_file_is_skipped_with_a_warning(mini_kb_dir, tmp_path, capsys):
    lock = mini_kb_dir / "entities" / ".#alpha.yaml"
    lock.symlink_to("user@host.1234:1700000000")  # how Emacs marks a file being edited
    (mini_kb_dir / "entities" / "._beta.yaml").write_bytes(b"\x00\x05\x16\x07")  # macOS
    problems = check_knowledge_base(mini_kb_dir)
    assert [p.severity for p in problems if "hidden file skipped" in p.message] == \
        ["warning", "warning"]
    assert not [p for p in problems if p.severity == "error"]
    kb = load_knowledge_base(mini_kb_dir)
    assert sorted(kb.entities) == ["alpha", "beta"]
    assert any(w.startswith(f"{lock}:1: warning: hidden file skipped") for w in kb.warnings)
    assert main(["rank", "--kb", str(mini_kb_dir), _mini_case(tmp_path)]) == 0
    assert "Traceback" not in capsys.readouterr().err


def _mini_case(tmp_path: Path) -> str:
    path = tmp_path / "mini.ddx.yaml"
    path.write_text(MINI_CASE, "utf-8")
    return str(path)


def test_3_unreadable_entity_file(mini_kb_dir, monkeypatch):
    """Also when running as root (who can read anything): the open is made to fail."""
    from ddx_app import boundedio

    victim = mini_kb_dir / "entities" / "beta.yaml"
    victim.chmod(0)
    real_open = os.open

    def deny(path, *args, **kwargs):
        if os.fspath(path) == os.fspath(victim):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(boundedio.os, "open", deny)
    expected = [f"{victim}:1: cannot read: Permission denied"]
    assert errors(mini_kb_dir) == expected == load_errors(mini_kb_dir)
    victim.chmod(0o644)


def test_3_rank_with_broken_kb_exits_2_like_kb_check(mini_kb_dir, tmp_path, capsys):
    (mini_kb_dir / "entities" / "foo.yaml").mkdir()
    (mini_kb_dir / "entities" / "dangling.yaml").symlink_to("nowhere.yaml")
    assert main(["kb", "check", str(mini_kb_dir)]) == 2
    check_err = capsys.readouterr().err
    assert main(["rank", "--kb", str(mini_kb_dir), _mini_case(tmp_path)]) == 2
    rank_err = capsys.readouterr().err
    assert check_err.splitlines()[:-1] == rank_err.splitlines()  # less check's summary
    assert "Traceback" not in rank_err
    assert f"{mini_kb_dir / 'entities' / 'dangling.yaml'}:1: broken symbolic link" in rank_err


def test_13_entity_file_ending_in_yml_is_an_error(mini_kb_dir):
    load_knowledge_base(mini_kb_dir)  # a cache entry made before the file appeared ...
    shutil.copy(mini_kb_dir / "entities" / "beta.yaml", mini_kb_dir / "entities" / "new.yml")
    expected = [f"{mini_kb_dir / 'entities' / 'new.yml'}:1: entity files must end in .yaml: "
                "this file is not loaded; rename it"]
    assert errors(mini_kb_dir) == expected == load_errors(mini_kb_dir)  # ... is not used


def test_13_case_without_findings_is_rejected(kb, tmp_path, capsys):
    assert case_problems("ddx_case: 1\ncase_id: X\n", kb) == [
        "c.ddx.yaml:1: missing 'findings:' (the findings recorded; 'findings: {}' for none yet)"]
    assert parse_case("ddx_case: 1\nfindings: {}\n", "c", kb).findings == {}
    path = tmp_path / "c.ddx.yaml"
    path.write_text("ddx_case: 1\ncase_id: X\n", "utf-8")
    assert main(["rank", str(path)]) == 2
    assert capsys.readouterr().err.startswith(f"{path}:1: missing 'findings:'")


# -- 4. workup loop check in linear time ----------------------------------------------------


def _chain_workup(steps: int, loop_to: int | None = None) -> str:
    lines = ["  - id: long", "    name: {en: Long}", "    when_probability_at_least: 0.05",
             "    start: s0", "    expert_estimate: true", "    steps:"]
    for i in range(steps):
        last = i == steps - 1
        nxt = (f"s{loop_to}" if loop_to is not None else None) if last else f"s{i + 1}"
        outcome = f"{{next: {nxt}}}" if nxt else "{conclude: {en: Done.}}"
        lines += [f"      - id: s{i}", f"        finding: {'stain_k' if i % 2 else 'stain_s'}",
                  "        ask: {en: Order it.}", "        outcomes:",
                  f"          positive: {outcome}", f"          negative: {outcome}"]
    return "\n".join(lines) + "\n"


@pytest.mark.timeout(30)
def test_4_long_loop_free_workup_is_checked_in_linear_time(mini_kb_dir):
    beta = mini_kb_dir / "entities" / "beta.yaml"
    base = beta.read_text("utf-8")
    beta.write_text(base + _chain_workup(200), "utf-8")
    start = time.perf_counter()
    assert errors(mini_kb_dir) == []
    assert time.perf_counter() - start < 5  # was 2^n paths: 20 steps 1.6 s, 40 never ended
    beta.write_text(base + _chain_workup(200, loop_to=150), "utf-8")
    found = errors(mini_kb_dir)
    assert len(found) == 1 and found[0].endswith("workup steps loop back to 's150'"), found


def test_4_loop_check_reports_what_the_path_walk_reported():
    """The linear search names the same step as the old walk over every path."""
    import random

    from ddx_app.knowledge.semantic import _cycles

    def every_path(start, steps):
        stack = [(start, (start,))]
        while stack:
            node, trail = stack.pop()
            for outcome in steps.get(node, {}).get("outcomes", {}).values():
                nxt = outcome.get("next")
                if nxt is None or nxt not in steps:
                    continue
                if nxt in trail:
                    yield nxt
                    return
                stack.append((nxt, (*trail, nxt)))

    rng = random.Random(4)
    for _ in range(3000):
        names = [f"s{i}" for i in range(rng.randint(1, 7))]
        steps = {n: {"outcomes": {f"o{k}": {"next": rng.choice([*names, None, "zz"])}
                                  for k in range(rng.randint(0, 3))}} for n in names}
        assert list(_cycles("s0", steps)) == list(every_path("s0", steps)), steps


# -- 5. the knowledge-base cache is verified ------------------------------------------------


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("DDX_CACHE_DIR", str(folder))
    monkeypatch.setattr(loader, "_MAC_KEYS", {}, raising=False)
    return folder


def _entry(cache: Path) -> Path:
    entries = list(cache.glob("kb-*.json"))
    assert len(entries) == 1, entries
    return entries[0]


def test_5_edited_cache_value_is_ignored(mini_kb_dir, cache):
    fresh = load_knowledge_base(mini_kb_dir)
    entry = _entry(cache)
    text = entry.read_text("utf-8")
    assert '"positive": 0.7' in text
    entry.write_text(text.replace('"positive": 0.7', '"positive": 0.001', 1), "utf-8")
    again = load_knowledge_base(mini_kb_dir)
    assert again.cell("beta", "stain_k").probs["positive"] == 0.7
    assert again.sha256 == fresh.sha256


def test_5_cache_with_valid_mac_but_wrong_hash_is_ignored(mini_kb_dir, cache):
    """Even an entry with a correct MAC is used only if its raw data hashes to its sha256."""
    load_knowledge_base(mini_kb_dir)
    entry = _entry(cache)
    _, _, payload = entry.read_bytes().partition(b"\n")
    data = json.loads(payload)
    data["raw"]["entities"][1]["likelihoods"]["stain_k"]["positive"] = 0.001
    forged = json.dumps(data).encode()
    key = loader._mac_key(cache, create=False)
    entry.write_bytes(loader._mac(key, forged) + b"\n" + forged)
    assert load_knowledge_base(mini_kb_dir).cell("beta", "stain_k").probs["positive"] == 0.7


@pytest.mark.parametrize("payload", [
    b"[]", b'{"raw": [], "sha256": 1, "warnings": {}}', b'{"raw": {}, "sha256": "x"}',
    b'{"raw": {"kb": 1}, "sha256": "%s", "warnings": []}', b"\xff\xfe", b"",
])
def test_5_malformed_cache_entries_never_crash(mini_kb_dir, cache, payload):
    fresh = load_knowledge_base(mini_kb_dir)
    entry = _entry(cache)
    if b"%s" in payload:
        payload = payload.replace(b"%s", loader.canonical_sha256({"kb": 1}).encode())
    key = loader._mac_key(cache, create=False)
    for blob in (payload, loader._mac(key, payload) + b"\n" + payload):  # MAC wrong / right
        entry.write_bytes(blob)
        assert load_knowledge_base(mini_kb_dir).sha256 == fresh.sha256


def test_5_mac_key_is_private_and_replaced_when_exposed(mini_kb_dir, cache):
    load_knowledge_base(mini_kb_dir)
    key_file = cache / loader._MAC_KEY_FILE
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600 and len(key_file.read_bytes()) == 32
    key_file.chmod(0o644)  # readable by others: not trusted, entries made with it ignored
    loader._MAC_KEYS.clear()
    assert loader._mac_key(cache, create=False) is None
    load_knowledge_base(mini_kb_dir)
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600


def test_5_cache_key_covers_the_validation_code(mini_kb_dir, cache, monkeypatch):
    """A new check (changed knowledge/*.py) never meets an entry validated without it."""
    load_knowledge_base(mini_kb_dir)
    before = _entry(cache).name
    assert loader._code_digest()  # computed once per process
    monkeypatch.setattr(loader, "_CODE_DIGEST", [b"another version of the checks"])
    load_knowledge_base(mini_kb_dir)
    names = {p.name for p in cache.glob("kb-*.json")}
    assert before in names and len(names) == 2


def test_5_cache_hit_stays_fast(cache, tmp_path):
    """The cache exists for start-up time: a verified hit (MAC, canonical hash) is still
    several times faster than validating the knowledge base."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from synthetic_kb import write_kb

    kb_dir = write_kb(tmp_path / "syn", entities=40, findings=60, per_entity=30)
    def best_of_3(**kwargs) -> float:
        times = []
        for _ in range(3):
            start = time.perf_counter()
            load_knowledge_base(kb_dir, **kwargs)
            times.append(time.perf_counter() - start)
        return min(times)

    load_knowledge_base(kb_dir)
    assert best_of_3() < best_of_3(use_cache=False) / 2


# -- 11. saving -----------------------------------------------------------------------------


def test_11_save_through_a_symlink_updates_the_target(tmp_path):
    target = tmp_path / "real.ddx.yaml"
    target.write_text("old", "utf-8")
    link = tmp_path / "link.ddx.yaml"
    link.symlink_to(target.name)
    write_atomic(link, "new")
    assert link.is_symlink() and target.read_text("utf-8") == "new"
    dangling = tmp_path / "to-be.ddx.yaml"
    dangling.symlink_to("created.ddx.yaml")
    write_atomic(dangling, "made")
    assert dangling.is_symlink() and (tmp_path / "created.ddx.yaml").read_text() == "made"


def test_11_hard_linked_file_is_refused_and_untouched(tmp_path):
    first = tmp_path / "a.ddx.yaml"
    first.write_text("old", "utf-8")
    os.link(first, tmp_path / "b.ddx.yaml")
    with pytest.raises(OSError) as info:
        write_atomic(first, "new")
    assert "2 hard links" in info.value.strerror and "another name" in info.value.strerror
    assert first.read_text() == (tmp_path / "b.ddx.yaml").read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.ddx.yaml", "b.ddx.yaml"]


def test_11_read_only_file_is_refused(tmp_path):
    path = tmp_path / "c.ddx.yaml"
    path.write_text("old", "utf-8")
    path.chmod(0o444)
    with pytest.raises(PermissionError) as info:
        write_atomic(path, "new")
    assert info.value.strerror == "the file is read-only: not replaced"
    assert path.read_text() == "old"


def test_11_modes_kept_and_new_files_follow_the_umask(tmp_path):
    path = tmp_path / "c.ddx.yaml"
    path.write_text("old", "utf-8")
    path.chmod(0o640)
    write_atomic(path, "new")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    for umask, expected in ((0o022, 0o644), (0o077, 0o600), (0o002, 0o664)):
        old = os.umask(umask)
        try:
            fresh = tmp_path / f"new-{umask:o}.ddx.yaml"
            write_atomic(fresh, "x")
            private = tmp_path / f"private-{umask:o}.json"
            write_atomic(private, "x", mode=0o600)
        finally:
            os.umask(old)
        assert stat.S_IMODE(fresh.stat().st_mode) == expected
        assert stat.S_IMODE(private.stat().st_mode) == 0o600 & ~umask


@pytest.mark.skipif(not IS_ROOT, reason="only root can make a file someone else's")
def test_11_owner_is_kept(tmp_path):
    path = tmp_path / "c.ddx.yaml"
    path.write_text("old", "utf-8")
    os.chown(path, 4321, 4321)
    write_atomic(path, "new")
    assert (path.stat().st_uid, path.stat().st_gid) == (4321, 4321)


def test_11_stale_temp_files_of_crashed_saves_are_removed(tmp_path):
    target = tmp_path / "c.ddx.yaml"
    old = time.time() - STALE_AFTER - 60
    stale = tmp_path / ".c.ddx.yaml.ab_d1234.tmp"
    young = tmp_path / ".c.ddx.yaml.zz9zz9zz.tmp"
    other = tmp_path / ".d.ddx.yaml.ab_d1234.tmp"  # another file's
    odd = tmp_path / ".c.ddx.yaml.ab-d1234.tmp"  # not the exact pattern
    for p in (stale, young, other, odd):
        p.write_text("half", "utf-8")
    for p in (stale, other, odd):
        os.utime(p, (old, old))
    write_atomic(target, "new")
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted([target.name, young.name, other.name, odd.name])
    assert remove_stale_temps(target, older_than=-1) == [young]


def test_11_file_and_folder_are_flushed(tmp_path, monkeypatch):
    synced = []
    real_fsync = os.fsync

    def fsync(fd):
        synced.append(stat.S_ISDIR(os.fstat(fd).st_mode))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    write_atomic(tmp_path / "c.ddx.yaml", "x")
    assert synced == [False, True]  # the file, then the folder after the rename


def test_11_crash_mid_save_leaves_the_old_file(tmp_path):
    """kill -9 while saving: the old file is intact; the temp file left behind is
    removed by a later save once it is stale."""
    path = tmp_path / "c.ddx.yaml"
    path.write_text("old", "utf-8")
    code = ("import os, sys\nfrom ddx_app import atomic\n"
            "atomic.os.replace = lambda *a: os.kill(os.getpid(), 9)\n"
            "atomic.write_atomic(sys.argv[1], 'new')\n")
    subprocess.run([sys.executable, "-c", code, str(path)], cwd=ROOT, timeout=60)
    temps = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert path.read_text() == "old" and len(temps) == 1
    os.utime(temps[0], (time.time() - STALE_AFTER - 1,) * 2)
    write_atomic(path, "newer")
    assert [p.name for p in tmp_path.iterdir()] == ["c.ddx.yaml"]


# -- 14. data and resources folders ---------------------------------------------------------


def test_14_bad_resources_dir_names_the_folder(kb, tmp_path, monkeypatch, capsys):
    case = tmp_path / "c.ddx.yaml"
    case.write_text("ddx_case: 1\nfindings: {}\n", "utf-8")
    monkeypatch.setenv("DDX_RESOURCES_DIR", str(case))
    assert main(["report", str(case), "-o", str(tmp_path / "r.html")]) == 2
    err = capsys.readouterr().err
    assert err == (f"{case}/templates/report.html.j2:1: report template not found "
                   f"(DDX_RESOURCES_DIR={case} is not a folder)\n")
    assert not (tmp_path / "r.html").exists()


# -- 15. command-line counts ----------------------------------------------------------------


@pytest.mark.parametrize("args, message", [
    (["--top", "-5"], "argument --top: must be positive, not -5"),
    (["--top", "0"], "argument --top: must be positive, not 0"),
    (["--panel", "-1"], "argument --panel: must be at least 0, not -1"),
    (["--top", "five"], "argument --top: 'five' is not a whole number"),
])
def test_15_suggest_counts_must_make_sense(capsys, args, message):
    with pytest.raises(SystemExit) as info:
        main(["suggest", str(ROOT / "examples" / "imt.ddx.yaml"), *args])
    assert info.value.code == 2 and message in capsys.readouterr().err


# -- 12. terminal escapes in case text --------------------------------------------------------

ESCAPES_CASE = r'''ddx_case: 1
case_id: "S1\e[2J\e]0;pwned\a\r 1. Rhinoscleroma  >99%\u202eevil\x9b31m"
title: "t\e[8mhidden\e[0m\nFAKE 1. Rhinoscleroma >99%"
notes: "n\e[2J\e]0;title\a"
findings:
  ihc_alk: positive
'''
RAW_CONTROLS = ("\x1b", "\x07", "\r", "\u202e", "\x9b")


def test_12_terminal_safe_escapes_controls_and_keeps_text():
    from ddx_app.formatting import terminal_safe

    assert terminal_safe("IMT 病理 S26-007\u3000x") == "IMT 病理 S26-007\u3000x"
    assert terminal_safe("a\x1b[2Jb\x1b]0;t\x07c\rd\u202ee\x9bf\u200bg\ud800") == \
        r"a\x1b[2Jb\x1b]0;t\x07c\x0dd\u202ee\x9bf\u200bg\ud800"
    assert terminal_safe("l1\nl2") == r"l1\x0al2"
    assert terminal_safe("l1\nl2\r", newlines=True) == "l1\nl2\\x0d"


@pytest.mark.parametrize("command", [["rank"], ["explain"], ["suggest"], ["explain", "imt"],
                                     ["summary"]])
def test_12_case_text_is_printed_escaped(tmp_path, capsys, command):
    path = tmp_path / "c.ddx.yaml"
    path.write_text(ESCAPES_CASE, "utf-8")
    assert main([command[0], str(path), *command[1:]]) == 0
    out = capsys.readouterr().out
    assert not any(ch in out for ch in RAW_CONTROLS), repr(out[:300])
    first = out.splitlines()[0]
    assert "FAKE 1." in first  # the title's line break did not start a line of its own
    if command[0] != "summary":  # the summary (for a laboratory system) blanks them instead
        assert first.startswith(r"Case S1\x1b[2J\x1b]0;pwned\x07\x0d 1. Rhinoscleroma")
        assert r"\u202eevil\x9b31m - t\x1b[8mhidden\x1b[0m\x0aFAKE" in first


@pytest.mark.parametrize("command", ["rank", "explain"])
def test_12_json_output_escapes_them_and_still_parses(tmp_path, capsys, command):
    path = tmp_path / "c.ddx.yaml"
    path.write_text(ESCAPES_CASE, "utf-8")
    assert main([command, str(path), "--json"]) == 0
    out = capsys.readouterr().out
    assert not any(ch in out for ch in RAW_CONTROLS)
    assert json.loads(out)["case_id"] == \
        "S1\x1b[2J\x1b]0;pwned\x07\r 1. Rhinoscleroma  >99%\u202eevil\x9b31m"


def test_12_errors_and_report_lines_are_escaped(tmp_path, capsys):
    bad = tmp_path / "bad.ddx.yaml"
    bad.write_text('ddx_case: 1\nfindings:\n  "\\e]0;pwned\\a\\u202e": present\n', "utf-8")
    assert main(["rank", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "unknown finding" in err and not any(ch in err for ch in RAW_CONTROLS)
    good = tmp_path / "c.ddx.yaml"
    good.write_text(ESCAPES_CASE, "utf-8")
    assert main(["report", str(good), "-o", str(tmp_path / "r.json")]) == 0
    out = capsys.readouterr().out
    assert r"report for case S1\x1b[2J" in out and not any(ch in out for ch in RAW_CONTROLS)
