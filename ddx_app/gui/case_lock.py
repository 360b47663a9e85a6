"""One case, one editor: a lock per open case file, and what the file looked like on disk.

Two windows (or two DDx Assistant processes) editing one case used to save over each
other without a word, and a change made to the file by anything else was overwritten
silently. Now:

* :class:`CaseLock`, a QLockFile in the data folder (``locks/<hash of the real
  path>.lock``, holding the owner's process id, host and program name), is taken when a
  case is opened and given back when another case replaces it or the window closes.
  Opening a case another live session holds asks first (read-only, open anyway,
  cancel). A lock whose process has ended is stale and taken over without asking. The
  lock lives in the per-user data folder, not beside the case: opening a case never
  writes into the case's folder (a read-only share, the bundled examples), at the cost
  of not seeing another *user* who has it open; the on-disk check below still catches
  that before anything is overwritten.
* :class:`DiskState` (modification time, size, SHA-256) is recorded when a case is
  loaded and when it is saved; before saving over the file again, :func:`changed_since`
  compares. If the file changed meanwhile the window asks (overwrite, save as, cancel).

No case content is written to the lock.
"""

# NamedTuple fields: annotations evaluated, not postponed (see knowledge/model.py).

import hashlib
import os
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QLockFile

from ..paths import data_dir

MAX_HASHED_BYTES = 64_000_000  # larger (not a case file anyway): compared by size and time


class DiskState(NamedTuple):
    """What a file was on disk: enough to tell whether anything changed it since."""

    mtime_ns: int
    size: int
    sha256: str


def _sha256(path: str | os.PathLike) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        remaining = MAX_HASHED_BYTES
        while remaining > 0 and (chunk := fh.read(min(1 << 20, remaining))):
            digest.update(chunk)
            remaining -= len(chunk)
    return digest.hexdigest()


def disk_state(path: str | os.PathLike, data: bytes | None = None) -> DiskState | None:
    """The file's state now (None if it is missing or unreadable). ``data``: the bytes
    just written to it, hashed instead of reading them back."""
    try:
        info = os.stat(path)
        sha = hashlib.sha256(data).hexdigest() if data is not None else _sha256(path)
    except OSError:
        return None
    return DiskState(info.st_mtime_ns, info.st_size, sha)


def changed_since(path: str | os.PathLike, known: DiskState | None) -> bool:
    """True if the file is not what ``known`` recorded (another size, or another content
    when its time changed). A file now missing has not been *changed*: saving recreates
    it and overwrites nobody's work. Unknown (``known`` None): False."""
    if known is None:
        return False
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return False
    except OSError:
        return True
    if info.st_size != known.size:
        return True
    if info.st_mtime_ns == known.mtime_ns:
        return False
    try:
        return _sha256(path) != known.sha256
    except OSError:
        return True


def lock_path(case_path: str | os.PathLike) -> Path:
    """Where the lock of a case file lives: one per real path (links share it)."""
    real = os.path.realpath(os.fspath(case_path))
    key = hashlib.sha256(os.fsencode(real)).hexdigest()[:32]
    return data_dir() / "locks" / f"{key}.lock"


class CaseLock:
    """The lock of one case file for this session (see the module docstring)."""

    def __init__(self, case_path: str | os.PathLike):
        self.case_path = Path(case_path)
        self.path = lock_path(case_path)
        self._lock: QLockFile | None = None
        self.problem: str | None = None  # why no lock could be taken (the folder), if so

    @property
    def held(self) -> bool:
        return self._lock is not None

    def acquire(self) -> str | None:
        """Take the lock: None when this session holds it now (or locks cannot be used
        here, see ``problem``); else who holds it, e.g. 'process 4711 on lab-pc'."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            self.problem = f"{self.path.parent}: {exc.strerror or exc}"
            return None
        lock = QLockFile(str(self.path))
        lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        if lock.tryLock(0):
            self._lock = lock
            return None
        if lock.error() != QLockFile.LockError.LockFailedError:
            self.problem = f"{self.path}: cannot create a lock file"
            return None
        return describe_holder(lock.getLockInfo())

    def release(self) -> None:
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None


def describe_holder(info) -> str:
    """'another window of this program', 'process 4711 (ddx) on lab-pc', or 'unknown'."""
    import socket  # only when a lock is held elsewhere: not at start-up

    try:
        pid, host, app = info
    except (TypeError, ValueError):
        return "another session"
    if pid == os.getpid() and host == socket.gethostname():
        return "another window of this program"
    where = f" on {host}" if host else ""
    return f"process {pid}{f' ({app})' if app else ''}{where}"
