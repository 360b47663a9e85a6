"""The interface's Qt translations: ``resources/translations/ddx_<lang>.ts`` -> ``.qm``.

The ``.ts`` file is the source (made by ``packaging/update_translations.py`` with
pyside6-lupdate, translated by hand, committed); the ``.qm`` Qt loads is compiled from
it with lrelease and never committed: by setup.py's build hook into a wheel, by the
PyInstaller spec into the desktop bundle, and, in a source checkout or an editable
install, by the app itself into the per-user cache on first use (``app.py``).

No Qt import here: setup.py loads this file on its own (by path) in a build
environment that may lack PySide6.

A Python ``tr()`` call does not always tell lupdate its context at run time (a ``tr``
passed to a helper function, ``dialog.tr`` of another object, a module-level wrapper),
so the compiled file also carries every translation once more in the empty context,
where the app's translator looks when the exact context has none (``app.py``).
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

TS_NAME = "ddx_{lang}.ts"
QM_NAME = "ddx_{lang}.qm"
FALLBACK_CONTEXT = ""  # the context every translation is copied into


def _exe(name: str) -> str:
    return name + ".exe" if sys.platform == "win32" else name


def lrelease_command() -> list[str] | None:
    """How to run Qt's lrelease here: the binary inside the PySide6 package, else
    ``pyside6-lrelease`` or ``lrelease`` on PATH; None when there is none."""
    spec = importlib.util.find_spec("PySide6")
    if spec is not None and spec.origin:
        package = Path(spec.origin).parent
        for candidate in (package / _exe("lrelease"), package / "Qt" / "bin" / _exe("lrelease"),
                          package / "Qt" / "libexec" / _exe("lrelease")):
            if candidate.is_file() and os.access(candidate, os.X_OK):
                return [str(candidate)]
    for name in ("pyside6-lrelease", "lrelease-qt6", "lrelease"):
        found = shutil.which(name)
        if found:
            return [found]
    return None


def with_fallback_context(ts_text: str) -> bytes:
    """The .ts document with each finished translation also in the empty context (the
    first one for a source text wins); unfinished and vanished messages are left out of
    that copy, as lrelease leaves them out of the .qm."""
    root = ET.fromstring(ts_text)
    seen: set[tuple[str, str]] = set()
    copies = []
    contexts = root.findall("context")
    for context in contexts:
        if (context.findtext("name") or "") == FALLBACK_CONTEXT:
            seen.update((m.findtext("source") or "", m.findtext("comment") or "")
                        for m in context.findall("message"))
    for context in contexts:
        if (context.findtext("name") or "") == FALLBACK_CONTEXT:
            continue
        for message in context.findall("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type"):  # unfinished, vanished...
                continue
            key = (message.findtext("source") or "", message.findtext("comment") or "")
            if key in seen:
                continue
            seen.add(key)
            copy = ET.Element("message", message.attrib)
            copy.extend(child for child in message if child.tag != "location")
            copies.append(copy)
    if copies:
        fallback = ET.SubElement(root, "context")
        ET.SubElement(fallback, "name").text = FALLBACK_CONTEXT
        fallback.extend(copies)
    return b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + ET.tostring(
        root, encoding="utf-8")


def compile_ts(ts: Path, qm: Path) -> str | None:
    """Compile ``ts`` into ``qm`` (written whole or not at all); None when done, else
    why not (no lrelease, a broken file...)."""
    ts, qm = Path(ts), Path(qm)
    command = lrelease_command()
    if command is None:
        return "Qt's lrelease was not found (it comes with PySide6)"
    try:
        source = with_fallback_context(ts.read_text(encoding="utf-8"))
    except (OSError, ET.ParseError) as exc:
        return f"cannot read {ts}: {exc}"
    try:
        qm.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=qm.parent) as tmp:
            tmp_ts, tmp_qm = Path(tmp) / ts.name, Path(tmp) / qm.name
            tmp_ts.write_bytes(source)
            done = subprocess.run([*command, "-silent", str(tmp_ts), "-qm", str(tmp_qm)],
                                  capture_output=True, text=True, timeout=120)
            if done.returncode != 0 or not tmp_qm.is_file():
                return f"lrelease failed on {ts}: {(done.stderr or done.stdout).strip()}"
            os.replace(tmp_qm, qm)
    except (OSError, subprocess.SubprocessError) as exc:
        return f"cannot compile {ts} into {qm}: {exc}"
    return None


def cached_qm_name(ts: Path, lang: str) -> str:
    """The cache's name for the .qm of ``ts``: its content's hash is in the name, so an
    edited .ts (or another checkout's) is compiled again."""
    digest = hashlib.sha256(Path(ts).read_bytes()).hexdigest()[:16]
    return f"ddx_{lang}-{digest}.qm"
