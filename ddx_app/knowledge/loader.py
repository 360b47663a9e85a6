"""Load a knowledge-base directory: parse, validate, hash, cache, build.

Validation is complete (every problem in every file is reported, located by
file and line) and is skipped only when a cache entry keyed by a hash of the
exact file bytes, the schemas, the validation code and the app version exists:
any change to any file (or to the code that checks it) means a full
re-validation. A cache entry is not trusted as such either: it carries a keyed
BLAKE2b MAC (the key is random, per install, in the cache folder, mode 0600) and
the KB's canonical SHA-256, both checked on every load; an entry that fails
either check, or is malformed in any way, is ignored and the files re-validated.

Every file is read through :func:`~ddx_app.boundedio.read_bounded` (regular files
only, size-limited). Hidden files in ``entities/`` (editor lock files such as
``.#imt.yaml``, macOS ``._imt.yaml``) are skipped with a warning; an entity file
named ``*.yml`` is an error, not silently ignored; an ``entities/*.yaml`` that is a
folder, a broken link, a pipe or unreadable is an error at line 1 of that path.
``kb check`` and loading go through the same listing, so they always agree.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import hmac
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

from .. import __version__
from ..errors import KnowledgeBaseError, Problem
from ..paths import bundled_kb_dir, cache_dir
from .build import build_kb
from .model import KnowledgeBase
from .schema import SCHEMA_DIR

if TYPE_CHECKING:
    from .semantic import RawFile

# Parsing and validation modules (PyYAML, the schema validator, multiprocessing) are
# imported inside the functions that need them: a knowledge base found in the
# content-hash cache needs none of them, which keeps start-up fast. (.schema itself
# imports jsonschema lazily, so SCHEMA_DIR costs nothing.)

MAX_FILE_BYTES = 8_000_000
MAX_NODES = 3_000_000
PARALLEL_FROM = 200  # files; below this, worker start-up costs more than it saves
CACHE_KEEP = 16  # cached knowledge bases kept (an author's edits each make a new one)
_FIXED = (("kb.yaml", "kb"), ("findings.yaml", "findings"), ("sources.yaml", "sources"))

__all__ = ["bundled_kb_dir", "check_knowledge_base", "load_knowledge_base"]


def _kb_files(directory: Path) -> tuple[list[tuple[Path, str, str]], list[Problem]]:
    """(path, label, schema name) for every file of the KB, in a fixed order, and the
    problems of the listing itself (hidden files skipped, ``*.yml`` entity files).

    A listed path may still be a folder, a broken link or a pipe: reading it reports
    that, at line 1 of the path, in ``kb check`` and loading alike."""
    if not directory.is_dir():
        raise KnowledgeBaseError([Problem(str(directory), 1, "knowledge base folder not found")])
    files = [(directory / name, name, schema) for name, schema in _FIXED]
    missing = [Problem(str(directory / name), 1, "required file is missing")
               for name, _ in _FIXED if not os.path.lexists(directory / name)]
    entity_dir = directory / "entities"
    entity_files, notes = [], []
    try:
        listing = sorted(entity_dir.iterdir()) if entity_dir.is_dir() else []
    except OSError as exc:
        raise KnowledgeBaseError([Problem(str(entity_dir), 1,
                                          f"cannot list the folder: {exc.strerror}")]) from None
    for path in listing:
        suffix = path.suffix.lower()
        if suffix not in (".yaml", ".yml"):
            continue  # README.md, backups (imt.yaml~), ...: not entity files
        if path.name.startswith("."):
            notes.append(Problem(str(path), 1, "hidden file skipped (an editor's lock or "
                                 "backup file?); rename it if it is an entity", "warning"))
        elif path.suffix != ".yaml":
            notes.append(Problem(str(path), 1, "entity files must end in .yaml: this file "
                                 "is not loaded; rename it"))
        else:
            entity_files.append(path)
    if not entity_files:
        missing.append(Problem(str(entity_dir), 1, "no entity files (entities/*.yaml)"))
    if missing:
        raise KnowledgeBaseError(missing + [p for p in notes if p.severity == "error"])
    return files + [(p, f"entities/{p.name}", "entity") for p in entity_files], notes


_CODE_DIGEST: list[bytes] = []  # computed once per process


def _code_digest() -> bytes:
    """Hash of the code that validates and builds a knowledge base (the .py files of
    ddx_app/knowledge and yamlio.py): a new or changed check never meets a cache entry
    made without it. Computed once per process (~10 small files)."""
    if not _CODE_DIGEST:
        here = Path(__file__).resolve().parent
        sources = sorted(here.glob("*.py")) + [here.parent / "yamlio.py"]
        digest = hashlib.blake2b(digest_size=32)
        for path in sources:
            with contextlib.suppress(OSError):  # a frozen build may ship bytecode only
                digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
        _CODE_DIGEST.append(digest.digest())
    return _CODE_DIGEST[0]


def _content_key(directory: Path, files: list[tuple[Path, str, str]],
                 notes: list[Problem] | tuple = ()) -> tuple[str, int] | None:
    """BLAKE2b-256 of every byte the cache depends on: the KB files, the schemas, the
    validation code and the app version (any change, whatever its size or time stamp,
    misses the cache), and the total size of the files; None when a file cannot be read
    (validation then reports why)."""
    from ..boundedio import read_bounded
    from ..errors import FileReadError

    digest = hashlib.blake2b(f"ddx-kb-cache:{__version__}\0".encode(), digest_size=32)
    digest.update(_code_digest())
    for schema in sorted(SCHEMA_DIR.glob("*.json")):
        digest.update(schema.read_bytes())
    for note in notes:
        digest.update(str(note).encode() + b"\0")
    total = 0
    for path, label, _ in files:
        try:
            data = read_bounded(path, max_bytes=MAX_FILE_BYTES)
        except FileReadError:
            return None
        total += len(data)
        digest.update(label.encode() + b"\0")
        digest.update(data + b"\0")
    return digest.hexdigest(), total


def canonical_json(raw: dict) -> str:
    """The KB's content as canonical JSON: sorted keys, no layout, no comments."""
    return json.dumps(raw, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def canonical_sha256(raw: dict) -> str:
    """SHA-256 of the KB's content in canonical JSON (comments and layout do not count)."""
    return hashlib.sha256(canonical_json(raw).encode("utf-8")).hexdigest()


def _parse_and_check(item: tuple[Path, str, str]) -> tuple[RawFile | None, list[Problem]]:
    """Parse one file and check it against its schema (runs in a worker for big KBs)."""
    from ..errors import YamlError
    from ..yamlio import load_yaml_file
    from .schema import schema_problems
    from .semantic import RawFile

    path, _label, schema = item
    shown = str(path)
    try:
        data, lines = load_yaml_file(path, max_bytes=MAX_FILE_BYTES, max_nodes=MAX_NODES,
                                     label=shown)
    except YamlError as exc:
        return None, exc.problems
    if not isinstance(data, dict):
        return None, [Problem(shown, 1, "expected a mapping (key: value) at the top level")]
    found = schema_problems(schema, data, shown, lines)
    return (None if found else RawFile(shown, data, lines)), found


def _parse_all(files: list[tuple[Path, str, str]]) -> list[tuple[RawFile | None, list[Problem]]]:
    """Parse every file; a large KB is split over the CPU cores (fork, Linux/macOS)."""
    import multiprocessing as mp

    workers = min(os.cpu_count() or 1, 4)
    if len(files) < PARALLEL_FROM or workers < 2 or "fork" not in mp.get_all_start_methods():
        return [_parse_and_check(f) for f in files]
    from .schema import validator

    for schema in {schema for _, _, schema in files}:
        validator(schema)  # built once here, inherited by every worker
    try:
        with mp.get_context("fork").Pool(workers) as pool:
            return pool.map(_parse_and_check, files, chunksize=max(1, len(files) // (4 * workers)))
    except OSError:  # pragma: no cover - no processes allowed: parse serially
        return [_parse_and_check(f) for f in files]


def _validate(directory: Path, files: list[tuple[Path, str, str]]) -> tuple[dict, list[Problem]]:
    """Parse and check every file; return raw data and all problems (errors and warnings)."""
    from .build import build_catalogue
    from .semantic import (
        Checker,
        check_entity,
        check_entity_references,
        check_findings,
        check_manifest,
        check_sources,
    )

    parsed: dict[str, RawFile] = {}
    problems: list[Problem] = []
    for (_, label, _), (raw_file, found) in zip(files, _parse_all(files)):
        problems += found
        if raw_file is not None:
            parsed[label] = raw_file
    if any(p.severity == "error" for p in problems):
        return {}, problems

    kb_file, findings_file, sources_file = (parsed[name] for name, _ in _FIXED)
    entity_files = [parsed[label] for _, label, schema in files if schema == "entity"]
    ck = Checker()
    catalogue = build_catalogue(findings_file.data)
    check_findings(findings_file, catalogue, ck)
    check_sources(sources_file, ck)
    source_ids = {s["id"] for s in sources_file.data["sources"]}
    check_manifest(kb_file, catalogue, source_ids, ck)
    require_complete = kb_file.data.get("require_complete", True)
    seen: dict[str, str] = {}
    for ef in entity_files:
        check_entity(ef, catalogue, source_ids, require_complete, ck)
        eid = ef.data["id"]
        if eid in seen:
            ck.error(ef, ("id",), f"duplicate entity id {eid!r} (also in {seen[eid]})")
        seen[eid] = ef.label
    check_entity_references(kb_file, set(seen), ck)
    _warn_unused_sources(sources_file, [kb_file, *entity_files], ck)
    raw = {
        "kb": kb_file.data,
        "findings": findings_file.data,
        "sources": sources_file.data,
        "entities": [ef.data for ef in entity_files],
    }
    return raw, problems + ck.problems


def _warn_unused_sources(sources_file: RawFile, users: list[RawFile], ck) -> None:
    text = json.dumps([f.data for f in users])
    for i, src in enumerate(sources_file.data["sources"]):
        if f'"{src["id"]}"' not in text:
            ck.warn(sources_file, ("sources", i, "id"), f"source {src['id']!r} is never cited")


def check_knowledge_base(directory: str | os.PathLike) -> list[Problem]:
    """Every problem (errors and warnings) of the KB in ``directory``; never raises."""
    directory = Path(directory)
    try:
        files, notes = _kb_files(directory)
    except KnowledgeBaseError as exc:
        return exc.problems
    return sorted(notes + _validate(directory, files)[1])


def load_knowledge_base(
    directory: str | os.PathLike | None = None, *, use_cache: bool = True
) -> KnowledgeBase:
    """Load, validate and compile a knowledge base (default: the bundled one).

    Raises
    ------
    KnowledgeBaseError
        With one located Problem per error (warnings do not stop loading).
    """
    directory = Path(directory) if directory else bundled_kb_dir()
    files, notes = _kb_files(directory)
    use_cache = use_cache and not os.environ.get("DDX_NO_CACHE") \
        and not any(p.severity == "error" for p in notes)
    key = _content_key(directory, files, notes) if use_cache else None
    try:
        cache_file = cache_dir() / f"kb-{key[0]}.json" if key else None
    except RuntimeError:  # no home folder to keep a cache in: validate every time
        cache_file = None
    gc_was_enabled = gc.isenabled()
    gc.disable()  # parsing allocates ~10^6 short-lived acyclic objects: GC passes only cost time
    try:
        kb = _load_cached(cache_file, key[1], directory) \
            if cache_file is not None and key is not None else None
        if kb is not None:
            return kb
        raw, problems = _validate(directory, files)
    finally:
        if gc_was_enabled:
            gc.enable()
    problems = notes + problems
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise KnowledgeBaseError(errors)
    warnings = tuple(str(p) for p in problems)
    sha = canonical_sha256(raw)
    kb = build_kb(raw, sha, str(directory), warnings)
    if cache_file is not None:
        _store_cached(cache_file, {"sha256": sha, "warnings": list(warnings), "raw": raw})
    return kb


# -- the cache: kb-<key>.json = "<MAC hex>\n<JSON payload>" -------------------------------------

_MAC_KEY_FILE = "cache-mac.key"
_MAC_KEY_BYTES = 32
_MAC_KEYS: dict[str, bytes] = {}


def _mac_key(folder: Path, *, create: bool) -> bytes | None:
    """The install's random MAC key (``cache-mac.key``, 0600, owned by this user); None if
    absent or untrustworthy, unless ``create``, which makes a new one."""
    import stat

    from ..boundedio import read_bounded
    from ..errors import FileReadError

    cached = _MAC_KEYS.get(str(folder))
    if cached is not None:
        return cached
    path = folder / _MAC_KEY_FILE
    key = None
    with contextlib.suppress(OSError, FileReadError):
        info = os.lstat(path)
        private = os.name != "posix" or (info.st_mode & 0o077 == 0
                                          and info.st_uid == os.geteuid())
        if stat.S_ISREG(info.st_mode) and private:
            data = read_bounded(path, max_bytes=_MAC_KEY_BYTES)
            key = data if len(data) == _MAC_KEY_BYTES else None
    if key is None and create:
        with contextlib.suppress(OSError):
            if os.path.lexists(path):
                path.unlink()  # unreadable, the wrong size, or readable by others
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL
                         | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0), 0o600)
            try:
                new = os.urandom(_MAC_KEY_BYTES)
                if os.write(fd, new) == _MAC_KEY_BYTES:
                    key = new
            finally:
                os.close(fd)
    if key is not None:
        _MAC_KEYS[str(folder)] = key
    return key


def _mac(key: bytes, payload: bytes) -> bytes:
    return hashlib.blake2b(payload, key=key, digest_size=32).hexdigest().encode("ascii")


def _load_cached(cache_file: Path, source_bytes: int, directory: Path) -> KnowledgeBase | None:
    """The KB of a cache entry that passes every check, else None (never raises): the
    entry is at most a few times the size of its sources, carries a valid MAC, has the
    expected shape, its raw data hashes to the SHA-256 it states, and it builds."""
    from ..boundedio import read_bounded
    from ..errors import FileReadError

    try:
        blob = read_bounded(cache_file, max_bytes=4 * source_bytes + 1_000_000)
    except FileReadError:
        return None
    key = _mac_key(cache_file.parent, create=False)
    mac, sep, payload = blob.partition(b"\n")
    if key is None or not sep or not hmac.compare_digest(mac, _mac(key, payload)):
        return None
    try:
        cached = json.loads(payload)
        raw, sha, warnings = cached["raw"], cached["sha256"], cached["warnings"]
        if not (isinstance(raw, dict) and isinstance(sha, str) and isinstance(warnings, list)
                and all(isinstance(w, str) for w in warnings)):
            return None
        if canonical_sha256(raw) != sha:
            return None
        return build_kb(raw, sha, str(directory), tuple(warnings))
    except (ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError):
        return None  # malformed entry (a MAC collision or a bug): re-validate instead


def _store_cached(cache_file: Path, entry: dict) -> None:
    """Write a cache entry with its MAC; any failure just means no cache."""
    from ..atomic import write_atomic

    # not the canonical (sorted) text: key order carries meaning (aliases, display order)
    payload = json.dumps(entry, ensure_ascii=False).encode("utf-8")
    with contextlib.suppress(OSError):
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        key = _mac_key(cache_file.parent, create=True)
        if key is None:
            return
        write_atomic(cache_file, _mac(key, payload) + b"\n" + payload, mode=0o600)
        _prune_cache(cache_file.parent)


def _prune_cache(folder: Path) -> None:
    """Keep the CACHE_KEEP newest cached knowledge bases; an old one is only a re-validation
    away, and without pruning every edit of a knowledge base leaves a copy behind."""
    entries = []
    for path in folder.glob("kb-*.json"):
        with contextlib.suppress(OSError):
            entries.append((path.stat().st_mtime, path))
    for _, path in sorted(entries, reverse=True)[CACHE_KEEP:]:
        with contextlib.suppress(OSError):
            path.unlink()
