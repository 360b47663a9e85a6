"""Autosave to a recovery file, and finding the files a crashed session left behind.

Each main window owns one session id. While it lives it holds a QLockFile; its
autosave is ``autosave-<session>.ddx.yaml`` (the case, written atomically with
``case_to_yaml``) plus a small ``.json`` naming the file it came from. At start-up
any autosave whose session lock can be taken belonged to a process that is gone:
that is a crash to offer to restore. A clean save or close deletes the files.
"""

# NamedTuple fields: annotations evaluated, not postponed (see knowledge/model.py).

import contextlib
import json
import os
import time
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QLockFile, QStandardPaths

from ..atomic import write_atomic
from ..paths import cache_dir


def data_dir() -> Path:
    """Per-user application data (``DDX_DATA_DIR`` overrides it, e.g. in tests)."""
    if os.environ.get("DDX_DATA_DIR"):
        return Path(os.environ["DDX_DATA_DIR"])
    location = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.AppLocalDataLocation)
    return Path(location) if location else cache_dir() / "data"


class RecoveryEntry(NamedTuple):
    session: str
    case_file: Path
    meta_file: Path
    original: str | None  # the file the case was opened from, if any
    saved_at: float  # seconds since the epoch

    def read(self) -> str:
        return self.case_file.read_text(encoding="utf-8")

    def remove(self) -> None:
        for p in (self.case_file, self.meta_file):
            with contextlib.suppress(FileNotFoundError):
                p.unlink()


class RecoveryStore:
    def __init__(self, directory: str | os.PathLike | None = None, session: str | None = None):
        self.directory = Path(directory) if directory else data_dir() / "recovery"
        self.directory.mkdir(parents=True, exist_ok=True)
        self.session = session or os.urandom(12).hex()
        self._lock = self._lock_file(self.session)
        self._lock.tryLock(0)

    def _lock_file(self, session: str) -> QLockFile:
        lock = QLockFile(str(self.directory / f"session-{session}.lock"))
        lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        return lock

    @property
    def case_file(self) -> Path:
        return self.directory / f"autosave-{self.session}.ddx.yaml"

    @property
    def meta_file(self) -> Path:
        return self.meta_file_of(self.session)

    def write(self, case_yaml: str, original: str | os.PathLike | None) -> None:
        write_atomic(self.case_file, case_yaml)
        write_atomic(self.meta_file, json.dumps({
            "original": os.fspath(original) if original else None,
            "saved_at": time.time(),
        }))

    def discard(self) -> None:
        RecoveryEntry(self.session, self.case_file, self.meta_file, None, 0).remove()

    def release(self) -> None:
        """Give up the session lock (at close, after discard)."""
        self._lock.unlock()

    def orphans(self) -> list[RecoveryEntry]:
        """Autosaves of sessions that ended without a clean close, newest first.

        Locks of ended sessions that left nothing to restore are removed on the way,
        so crashes before the first edit do not leave files behind for ever."""
        self._remove_stale_locks()
        found = []
        for meta in self.directory.glob("autosave-*.json"):
            session = meta.stem[len("autosave-"):]
            case_file = meta.with_name(f"autosave-{session}.ddx.yaml")
            if session == self.session or not case_file.is_file():
                continue
            lock = self._lock_file(session)
            if not lock.tryLock(0):
                continue  # that session is still running
            lock.unlock()
            try:
                info = json.loads(meta.read_text(encoding="utf-8"))
                original = info.get("original")
                saved_at = float(info.get("saved_at", meta.stat().st_mtime))
            except (OSError, ValueError, AttributeError):
                original, saved_at = None, meta.stat().st_mtime
            found.append(RecoveryEntry(session, case_file, meta,
                                       original if isinstance(original, str) else None,
                                       saved_at))
        found.sort(key=lambda e: -e.saved_at)
        return found

    def _remove_stale_locks(self) -> None:
        for path in self.directory.glob("session-*.lock"):
            session = path.stem[len("session-"):]
            if session == self.session or self.meta_file_of(session).exists():
                continue
            lock = self._lock_file(session)
            if lock.tryLock(0):  # its process is gone: taking and releasing deletes it
                lock.unlock()

    def meta_file_of(self, session: str) -> Path:
        return self.directory / f"autosave-{session}.json"
