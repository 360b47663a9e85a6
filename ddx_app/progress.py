"""A trainee's progress: one row per practice attempt, in a local SQLite database.

The database lives in the user's data folder (the desktop app passes
``<data folder>/progress.sqlite3``; ``DDX_DATA_DIR`` moves it, as tests do). It holds no
case text and no file names: a case is identified by a short SHA-256 of its content, so
the same case practised twice is recognised without the database naming it.

Schema (``PRAGMA user_version`` = 1)::

    attempts(id, at, case_key, answer, guess, correct, stains_ordered, results_found,
             seconds, kb_version)

``guess`` is NULL when the trainee revealed the answer without committing; such an
attempt counts as not correct. Per entity (the case's answer) :meth:`ProgressStore.summary`
gives attempts, accuracy, mean stains ordered per case and mean time per case.
"""

# NamedTuple fields: annotations evaluated, not postponed (see knowledge/model.py).

import csv
import datetime
import hashlib
import io
import os
import sqlite3
from pathlib import Path
from typing import NamedTuple

SCHEMA_VERSION = 1
FILE_NAME = "progress.sqlite3"
CSV_COLUMNS = ("at", "case_key", "answer", "guess", "correct", "stains_ordered",
               "results_found", "seconds", "kb_version")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS attempts (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    case_key TEXT NOT NULL,
    answer TEXT NOT NULL,
    guess TEXT,
    correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
    stains_ordered INTEGER NOT NULL,
    results_found INTEGER NOT NULL,
    seconds REAL NOT NULL,
    kb_version TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS attempts_answer ON attempts (answer);
"""


class ProgressError(Exception):
    """The progress database cannot be used (one line saying why)."""


class Attempt(NamedTuple):
    case_key: str
    answer: str
    guess: str | None
    correct: bool
    stains_ordered: int
    results_found: int
    seconds: float
    kb_version: str
    at: str = ""  # ISO 8601 UTC; filled in when recorded


class EntityProgress(NamedTuple):
    entity: str
    attempts: int
    correct: int
    mean_stains: float
    mean_seconds: float

    @property
    def accuracy(self) -> float:
        return self.correct / self.attempts if self.attempts else 0.0


def case_key(case_yaml: str) -> str:
    """A case's identity in the database: 16 hex digits of the SHA-256 of its text."""
    return hashlib.sha256(case_yaml.encode("utf-8")).hexdigest()[:16]


def default_path(data_dir: str | os.PathLike) -> Path:
    return Path(data_dir) / FILE_NAME


def _now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat()


class ProgressStore:
    """The attempts database at ``path`` (created with its folder on first write)."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)

    def _connect(self, create: bool = True) -> sqlite3.Connection | None:
        folder = self.path.parent
        if folder.exists() and not folder.is_dir():
            raise ProgressError(f"{folder}: not a folder")
        if not create and not self.path.exists():
            return None
        try:
            if create:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            con = sqlite3.connect(self.path)
        except (OSError, sqlite3.Error) as exc:
            raise ProgressError(f"{self.path}: {exc}") from None
        try:
            version = con.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise ProgressError(f"{self.path}: progress database version {version} is "
                                    "newer than this program understands")
            con.executescript(_SCHEMA)
            if version < SCHEMA_VERSION:
                con.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            con.commit()
        except sqlite3.Error as exc:
            con.close()
            raise ProgressError(f"{self.path}: {exc}") from None
        except ProgressError:
            con.close()
            raise
        return con

    def record(self, attempt: Attempt) -> Attempt:
        """Store one attempt; returns it with its time stamp."""
        stamped = attempt._replace(at=attempt.at or _now())
        con = self._connect()
        assert con is not None  # create=True always connects or raises
        try:
            with con:
                con.execute(
                    "INSERT INTO attempts (at, case_key, answer, guess, correct, "
                    "stains_ordered, results_found, seconds, kb_version) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (stamped.at, stamped.case_key, stamped.answer, stamped.guess,
                     int(bool(stamped.correct)), int(stamped.stains_ordered),
                     int(stamped.results_found), float(stamped.seconds),
                     stamped.kb_version))
        except sqlite3.Error as exc:
            raise ProgressError(f"{self.path}: {exc}") from None
        finally:
            con.close()
        return stamped

    def attempts(self) -> list[Attempt]:
        """Every attempt, oldest first."""
        con = self._connect(create=False)
        if con is None:
            return []
        try:
            rows = con.execute(
                "SELECT case_key, answer, guess, correct, stains_ordered, results_found, "
                "seconds, kb_version, at FROM attempts ORDER BY id").fetchall()
        except sqlite3.Error as exc:
            raise ProgressError(f"{self.path}: {exc}") from None
        finally:
            con.close()
        return [Attempt(r[0], r[1], r[2], bool(r[3]), r[4], r[5], r[6], r[7], r[8])
                for r in rows]

    def summary(self) -> list[EntityProgress]:
        """Per entity (the cases' answers), most attempted first, then by id."""
        by_entity: dict[str, list[Attempt]] = {}
        for a in self.attempts():
            by_entity.setdefault(a.answer, []).append(a)
        out = [EntityProgress(e, len(rows), sum(r.correct for r in rows),
                              sum(r.stains_ordered for r in rows) / len(rows),
                              sum(r.seconds for r in rows) / len(rows))
               for e, rows in by_entity.items()]
        out.sort(key=lambda p: (-p.attempts, p.entity))
        return out

    def totals(self) -> EntityProgress:
        rows = self.attempts()
        n = len(rows)
        return EntityProgress("all", n, sum(r.correct for r in rows),
                              sum(r.stains_ordered for r in rows) / n if n else 0.0,
                              sum(r.seconds for r in rows) / n if n else 0.0)

    def reset(self) -> None:
        """Forget every attempt."""
        con = self._connect(create=False)
        if con is None:
            return
        try:
            with con:
                con.execute("DELETE FROM attempts")
        except sqlite3.Error as exc:
            raise ProgressError(f"{self.path}: {exc}") from None
        finally:
            con.close()

    def csv_text(self) -> str:
        """Every attempt as CSV (header row first)."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        for a in self.attempts():
            writer.writerow([a.at, a.case_key, a.answer, a.guess or "", int(a.correct),
                             a.stains_ordered, a.results_found, f"{a.seconds:.1f}",
                             a.kb_version])
        return out.getvalue()

    def export_csv(self, path: str | os.PathLike) -> int:
        """Write :meth:`csv_text` to ``path`` atomically; the number of attempts written."""
        from .atomic import write_atomic

        text = self.csv_text()
        write_atomic(path, text)
        return text.count("\n") - 1
