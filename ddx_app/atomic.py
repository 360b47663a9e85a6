"""Atomic file writes: a crash leaves either the old file or the new one, never half.

:func:`write_atomic` writes a temporary file next to the target, flushes it to disk,
renames it over the target and flushes the folder, so that the rename itself survives
a power cut. Around that core it is careful about what the target is:

* **Symbolic links** are followed: the file the link points to is replaced, and the link
  stays a link (replacing the link itself would leave the real file stale).
* **Hard links**: a file with more than one name is *refused* (``OSError`` EMLINK, with a
  message saying so). A rename can only update one of its names, leaving the others
  silently stale; writing in place would update them all but is not atomic, and a crash
  half-way would damage every name at once. Saving under another name is always possible.
* **Read-only files** (no write permission bit, or not writable by this user) are
  refused (``PermissionError``): the rename would otherwise replace them, since only
  the folder's permissions govern a rename.
* **Permissions and owner**: a replaced file keeps its permission bits (and its owner
  and group where the system allows); a new file gets ``mode`` (default 0666) minus
  the umask, like any file a program creates.
* **Crashes**: temporary files are named ``.NAME.XXXXXXXX.tmp``; those of the same
  target left by a crash (older than :data:`STALE_AFTER` seconds, matching that exact
  pattern, regular files of this user) are removed by the next save.
* Anything else that is not a regular file (a folder, a pipe, a device) is refused.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import time
from pathlib import Path

STALE_AFTER = 300  # seconds: a temporary file this old belongs to a crashed save
_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789_"  # as tempfile's names


def _temp_pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"\.{re.escape(name)}\.[a-z0-9_]{{8}}\.tmp\Z")


def _resolve(path: Path) -> Path:
    """The file a save to ``path`` must replace: symbolic links followed (also a link
    whose target does not exist yet, which the save then creates)."""
    target = Path(os.path.realpath(path))
    if target.is_symlink():  # realpath gives up on a loop of links
        raise OSError(errno.ELOOP, "too many levels of symbolic links", os.fspath(path))
    return target


def _check_replaceable(target: Path, info: os.stat_result) -> None:
    where = os.fspath(target)
    if not stat.S_ISREG(info.st_mode):
        raise OSError(errno.EINVAL, "not a regular file: not replaced", where)
    if info.st_nlink > 1:
        raise OSError(errno.EMLINK, f"the file has {info.st_nlink} hard links and saving "
                      "would update only this name; save under another name", where)
    if not info.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise PermissionError(errno.EACCES, "the file is read-only: not replaced", where)


def _create_temp(folder: Path, name: str, mode: int) -> tuple[int, Path]:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) \
        | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        suffix = "".join(_ALPHABET[b % len(_ALPHABET)] for b in os.urandom(8))
        tmp = folder / f".{name}.{suffix}.tmp"
        try:
            return os.open(tmp, flags, mode), tmp  # the kernel applies the umask to mode
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no unused temporary file name", os.fspath(folder))


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable (POSIX; a no-op where folders cannot be opened)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def remove_stale_temps(target: str | os.PathLike, older_than: float = STALE_AFTER) -> list[Path]:
    """Remove what crashed saves of ``target`` left: files named exactly like its
    temporary files, regular (not links), of this user, older than ``older_than``
    seconds. Returns the files removed."""
    target = Path(target)
    pattern = _temp_pattern(target.name)
    removed = []
    cutoff = time.time() - older_than
    with contextlib.suppress(OSError):
        for entry in os.scandir(target.parent):
            if not pattern.match(entry.name):
                continue
            with contextlib.suppress(OSError):
                info = entry.stat(follow_symlinks=False)
                mine = not hasattr(os, "geteuid") or info.st_uid == os.geteuid()
                if stat.S_ISREG(info.st_mode) and mine and info.st_mtime < cutoff:
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
    return removed


def write_atomic(path: str | os.PathLike, data: str | bytes, *, mode: int = 0o666) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder + rename.

    ``mode`` is the permission of a *new* file, before the umask (0600 for private
    files); an existing file keeps its own. Raises OSError (with a message for the
    user in ``strerror``) for a read-only or hard-linked target, a target that is not a
    regular file, or any failure to write; the target is untouched then.
    """
    target = _resolve(Path(path))
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        info: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        info = None
    if info is not None:
        _check_replaceable(target, info)
    remove_stale_temps(target)
    fd, tmp = _create_temp(target.parent, target.name, mode)
    try:
        with os.fdopen(fd, "wb") as fh:
            if info is not None:
                if hasattr(os, "fchown") and (info.st_uid, info.st_gid) != \
                        (os.fstat(fh.fileno()).st_uid, os.fstat(fh.fileno()).st_gid):
                    with contextlib.suppress(OSError):  # only root may give files away
                        os.fchown(fh.fileno(), info.st_uid, info.st_gid)
                if hasattr(os, "fchmod"):
                    os.fchmod(fh.fileno(), stat.S_IMODE(info.st_mode) & 0o777)
                else:  # pragma: no cover - Windows
                    os.chmod(tmp, stat.S_IMODE(info.st_mode))
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_folder(target.parent)
