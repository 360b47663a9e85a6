"""Bounded reads of files that come from outside: the one way case files, knowledge-base
files, cache entries and report templates are read.

A path can name a FIFO (``mkfifo``: ``read()`` blocks for ever), a device
(``/dev/zero``: ``read()`` never ends and memory grows without bound), a folder, or a
file that grows while it is read. :func:`read_bounded` refuses anything that is not a
regular file *before* opening it (``stat``), opens without blocking (``O_NONBLOCK``, in
case the path was swapped for a FIFO in between), checks again on the open descriptor
(``fstat``), and reads at most ``max_bytes + 1`` bytes whatever the file claims to be.
It imports nothing beyond the standard library's ``os`` and ``stat``: the knowledge-base
cache uses it on the start-up path.
"""

from __future__ import annotations

import os
import stat

from .errors import FileReadError, Problem

_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
               | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
_CHUNK = 1 << 20


def _what(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "is a named pipe (FIFO), not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a regular file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a regular file"
    return "is not a regular file"


def _too_large(size: int, max_bytes: int) -> str:
    return f"file is too large ({size / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.1f} MB)"


def read_bounded(path: str | os.PathLike, *, max_bytes: int, label: str | None = None) -> bytes:
    """The bytes of the regular file ``path``, at most ``max_bytes`` of them.

    Raises
    ------
    FileReadError
        With one problem at line 1 of ``label`` (default: the path): not found (also a
        dangling symbolic link), a folder, pipe, device or socket, too large (by its size
        or by what could be read), or unreadable (permissions, I/O error).
    """
    filename = label or os.fspath(path)

    def fail(message: str) -> FileReadError:
        return FileReadError([Problem(filename, 1, message)])

    try:
        info = os.stat(path)  # follows symbolic links: the target is what gets read
    except (FileNotFoundError, NotADirectoryError):
        if os.path.islink(path):
            raise fail("broken symbolic link (its target does not exist)") from None
        raise fail("file not found") from None
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the path
        raise fail(f"cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    if not stat.S_ISREG(info.st_mode):
        raise fail(_what(info.st_mode))
    if info.st_size > max_bytes:
        raise fail(_too_large(info.st_size, max_bytes))
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        raise fail(f"cannot read: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)  # the file actually opened, not the one looked at before
        if not stat.S_ISREG(info.st_mode):
            raise fail(_what(info.st_mode))
        if info.st_size > max_bytes:
            raise fail(_too_large(info.st_size, max_bytes))
        chunks: list[bytes] = []
        remaining = max_bytes + 1
        size = info.st_size + 1  # all of it at once; then in chunks if it grew meanwhile
        while remaining > 0:
            chunk = os.read(fd, min(remaining, size))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
            size = _CHUNK
    except BlockingIOError:
        raise fail("is not a regular file (reading it would block)") from None
    except OSError as exc:
        raise fail(f"cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > max_bytes:
        raise fail(_too_large(len(data), max_bytes) + " (it grew while being read)")
    return data
