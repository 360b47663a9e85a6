"""Autosave to a recovery file, and finding the files a crashed session left behind.

Each main window owns one session id. While it lives it holds a QLockFile; its
autosave is ``autosave-<session>.ddx.yaml`` (the case, written atomically with
``case_to_yaml``) plus a small ``.json`` naming the file it came from. At start-up
any autosave whose session lock can be taken belonged to a process that is gone:
that is a crash to offer to restore. A clean save or close deletes the files.

Nothing a crashed session left is deleted unless the user restored it or discarded it
(see ``FileActionsMixin.offer_recovery``): an autosave that cannot be read back (bad
bytes, a case the knowledge base no longer accepts, a device in its place) is moved
aside into the ``unrecoverable`` subfolder (:meth:`RecoveryStore.move_aside`), where
it is not offered again and the user is told to look.

If the data folder cannot be used (``DDX_DATA_DIR`` names a file, or a folder this
user cannot write), the store is *unavailable*: ``unavailable`` says why in one line,
and writing, discarding and looking for orphans do nothing, so the app still starts
(without autosave and recovery, and says so).
"""

# NamedTuple fields: annotations evaluated, not postponed (see knowledge/model.py).

import contextlib
import errno
import json
import math
import os
import time
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QLockFile

from ..atomic import write_atomic
from ..paths import data_dir


def _read_small(path: Path, max_bytes: int) -> str:
    """UTF-8 text of a regular file of at most ``max_bytes``, else OSError."""
    from ..boundedio import read_bounded
    from ..errors import FileReadError

    try:
        return read_bounded(path, max_bytes=max_bytes).decode("utf-8")
    except FileReadError as exc:
        raise OSError(errno.EINVAL, exc.problems[0].message, str(path)) from None
    except UnicodeDecodeError:
        raise OSError(errno.EINVAL, "not UTF-8 text", str(path)) from None


def _unusable(folder: Path) -> str | None:
    """Why ``folder`` cannot hold recovery files (one line), or None: created if need be,
    it must be a folder this user can write."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        return f"{folder}: not a folder"
    except OSError as exc:
        return f"{exc.filename or folder}: {exc.strerror or exc}"
    if not folder.is_dir():
        return f"{folder}: not a folder"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"{folder}: not writable"
    return None


UNRECOVERABLE = "unrecoverable"  # subfolder for autosaves that cannot be restored


class RecoveryEntry(NamedTuple):
    session: str
    case_file: Path
    meta_file: Path
    original: str | None  # the file the case was opened from, if any
    saved_at: float  # seconds since the epoch

    def read(self) -> str:
        """The autosaved case text; OSError if it cannot be read (bounded, regular files
        only: a pipe or device put in its place is refused, not waited on)."""
        from ..case import MAX_CASE_BYTES

        return _read_small(self.case_file, MAX_CASE_BYTES)

    def remove(self) -> None:
        for p in (self.case_file, self.meta_file):
            with contextlib.suppress(FileNotFoundError):
                p.unlink()


class RecoveryStore:
    def __init__(self, directory: str | os.PathLike | None = None, session: str | None = None):
        self.session = session or os.urandom(12).hex()
        self.unavailable: str | None = None  # why autosave and recovery are off, if they are
        try:
            self.directory = Path(directory) if directory else data_dir() / "recovery"
        except RuntimeError as exc:  # no home folder to put the data folder in
            self.directory, self.unavailable = Path(os.devnull), str(exc)
        if self.unavailable is None:
            self.unavailable = _unusable(self.directory)
        self._lock = self._lock_file(self.session)
        if self.unavailable is None and not self._lock.tryLock(0):
            self.unavailable = f"{self.directory}: cannot create a lock file there"

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
        if self.unavailable:
            return
        write_atomic(self.case_file, case_yaml, mode=0o600)  # patient data: private
        write_atomic(self.meta_file, json.dumps({
            "original": os.fspath(original) if original else None,
            "saved_at": time.time(),
        }), mode=0o600)

    def discard(self) -> None:
        if self.unavailable:
            return
        RecoveryEntry(self.session, self.case_file, self.meta_file, None, 0).remove()

    def release(self) -> None:
        """Give up the session lock (at close, after discard)."""
        self._lock.unlock()

    def orphans(self) -> list[RecoveryEntry]:
        """Autosaves of sessions that ended without a clean close, newest first.

        Locks of ended sessions that left nothing to restore are removed on the way,
        so crashes before the first edit do not leave files behind for ever."""
        if self.unavailable:
            return []
        self._remove_stale_locks()
        found = []
        # by the case files: a crash between writing the case and its .json leaves a case
        # without one, which is offered all the same
        for case_file in self.directory.glob("autosave-*.ddx.yaml"):
            session = case_file.name[len("autosave-"):-len(".ddx.yaml")]
            meta = self.meta_file_of(session)
            if session == self.session or not case_file.is_file():
                continue
            lock = self._lock_file(session)
            if not lock.tryLock(0):
                continue  # that session is still running
            lock.unlock()
            try:
                mtime = case_file.stat().st_mtime
            except OSError:
                continue  # gone meanwhile
            try:
                info = json.loads(_read_small(meta, 64_000))
                original = info.get("original")
                saved_at = float(info.get("saved_at", mtime))
            except (OSError, ValueError, TypeError, AttributeError):
                original, saved_at = None, mtime
            if not (math.isfinite(saved_at) and 0 < saved_at < 32_503_680_000):  # year 3000
                saved_at = mtime
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

    @property
    def unrecoverable_dir(self) -> Path:
        return self.directory / UNRECOVERABLE

    def move_aside(self, entry: RecoveryEntry) -> Path:
        """Move an autosave that cannot be restored (and its .json) into the
        ``unrecoverable`` subfolder, never over another file there; returns where the case
        file now is. OSError if it cannot be moved (it then stays where it was)."""
        folder = self.unrecoverable_dir
        folder.mkdir(mode=0o700, exist_ok=True)
        target = folder / entry.case_file.name
        n = 0
        while os.path.lexists(target) or os.path.lexists(target.with_suffix(".json")):
            n += 1
            target = folder / f"autosave-{entry.session}-{n}.ddx.yaml"
        os.replace(entry.case_file, target)
        if os.path.lexists(entry.meta_file):
            with contextlib.suppress(OSError):  # the case is what matters; the .json is a note
                os.replace(entry.meta_file, target.with_name(
                    target.name.removesuffix(".ddx.yaml") + ".json"))
        return target
