"""Load a knowledge-base directory: parse, validate, hash, cache, build.

Validation is complete (every problem in every file is reported, located by
file and line) and is skipped only when a cache entry keyed by the SHA-256 of
the exact file bytes, the schemas and the app version exists: any change to any
file means a full re-validation.
"""

from __future__ import annotations

import contextlib
import gc
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

# Parsing and validation modules (PyYAML, the schema validators, multiprocessing) are
# imported inside the functions that need them: a knowledge base found in the
# content-hash cache needs none of them, which keeps start-up fast. (.schema itself
# imports its validators lazily, so SCHEMA_DIR costs nothing.)

MAX_FILE_BYTES = 8_000_000
MAX_NODES = 3_000_000
PARALLEL_FROM = 200  # files; below this, worker start-up costs more than it saves
CACHE_KEEP = 16  # cached knowledge bases kept (an author's edits each make a new one)
_FIXED = (("kb.yaml", "kb"), ("findings.yaml", "findings"), ("sources.yaml", "sources"))

__all__ = ["bundled_kb_dir", "check_knowledge_base", "load_knowledge_base"]


def _kb_files(directory: Path) -> list[tuple[Path, str, str]]:
    """(path, label, schema name) for every file of the KB, in a fixed order."""
    if not directory.is_dir():
        raise KnowledgeBaseError([Problem(str(directory), 1, "knowledge base folder not found")])
    files = [(directory / name, name, schema) for name, schema in _FIXED]
    missing = [Problem(str(directory / name), 1, "required file is missing")
               for name, _ in _FIXED if not (directory / name).is_file()]
    entity_dir = directory / "entities"
    entity_files = sorted(entity_dir.glob("*.yaml")) if entity_dir.is_dir() else []
    if not entity_files:
        missing.append(Problem(str(entity_dir), 1, "no entity files (entities/*.yaml)"))
    if missing:
        raise KnowledgeBaseError(missing)
    return files + [(p, f"entities/{p.name}", "entity") for p in entity_files]


try:  # the C BLAKE2 module alone: `hashlib` loads OpenSSL, 4 ms of every start
    from _blake2 import blake2b as _cache_hash
except ImportError:  # pragma: no cover - an interpreter without it
    from hashlib import blake2b as _cache_hash


def _content_key(directory: Path, files: list[tuple[Path, str, str]]) -> str:
    """BLAKE2b-256 of every byte the cache depends on: the KB files, the schemas and
    the app version. Any change, whatever its size or time stamp, misses the cache."""
    digest = _cache_hash(f"ddx-kb-cache:{__version__}\0".encode(), digest_size=32)
    for schema in sorted(SCHEMA_DIR.glob("*.json")):
        digest.update(schema.read_bytes())
    for path, label, _ in files:
        digest.update(label.encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def canonical_json(raw: dict) -> str:
    """The KB's content as canonical JSON: sorted keys, no layout, no comments."""
    return json.dumps(raw, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def canonical_sha256(raw: dict) -> str:
    """SHA-256 of the KB's content in canonical JSON (comments and layout do not count)."""
    import hashlib

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
        files = _kb_files(directory)
    except KnowledgeBaseError as exc:
        return exc.problems
    return sorted(_validate(directory, files)[1])


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
    files = _kb_files(directory)
    use_cache = use_cache and not os.environ.get("DDX_NO_CACHE")
    key = _content_key(directory, files)
    cache_file = cache_dir() / f"kb-{key}.json"
    if use_cache:
        with contextlib.suppress(OSError, ValueError, KeyError):
            cached = json.loads(cache_file.read_text("utf-8"))
            return build_kb(cached["raw"], cached["sha256"], str(directory),
                            tuple(cached["warnings"]))
    gc_was_enabled = gc.isenabled()
    gc.disable()  # parsing allocates ~10^6 short-lived acyclic objects; GC passes triple the time
    try:
        raw, problems = _validate(directory, files)
    finally:
        if gc_was_enabled:
            gc.enable()
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise KnowledgeBaseError(errors)
    warnings = tuple(str(p) for p in problems)
    sha = canonical_sha256(raw)
    kb = build_kb(raw, sha, str(directory), warnings)
    if use_cache:
        from ..atomic import write_atomic

        # not the canonical (sorted) text: key order carries meaning (aliases, display order)
        with contextlib.suppress(OSError):
            cache_file.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(cache_file, json.dumps(
                {"sha256": sha, "warnings": list(warnings), "raw": raw}, ensure_ascii=False))
            _prune_cache(cache_file.parent)
    return kb


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
