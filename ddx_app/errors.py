"""User-facing error types: every problem carries a file, a line and a message.

The core raises these; front ends decide how to show them (the CLI prints one
``FILE:LINE: message`` per problem and exits 2, the GUI shows a dialog).
"""

# NamedTuple fields: annotations evaluated, not postponed (see knowledge/model.py).

from typing import NamedTuple


class Problem(NamedTuple):
    """One thing wrong with an input file, located by file and 1-based line."""

    file: str
    line: int
    message: str
    severity: str = "error"  # "error" or "warning"

    def __str__(self) -> str:
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{self.file}:{self.line}: {prefix}{self.message}"


class DdxError(Exception):
    """Base class: an input was rejected; ``problems`` says exactly why."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line, p.message))
        super().__init__("\n".join(str(p) for p in self.problems))


class KnowledgeBaseError(DdxError):
    """The knowledge base directory is malformed or inconsistent."""


class CaseFileError(DdxError):
    """A case file is malformed or does not match the knowledge base."""


class YamlError(DdxError):
    """A file is not safe, well-formed YAML of acceptable size."""


class FileReadError(DdxError):
    """A file could not be read safely: missing, not a regular file, too large, unreadable."""
