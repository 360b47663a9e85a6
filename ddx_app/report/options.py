"""What a report contains and how it is laid out: section ids, page size, output format.

Shared by the CLI (``--omit``, ``--list-sections``, ``--appendix``), the GUI dialog (one
checkbox per section and one for the appendix, remembered in settings) and the
renderers. The disclaimer and the knowledge-base / app-version trace are not sections:
they cannot be switched off.

A report is a one-page summary (case and sign-out fields, ranking with bands, the key
evidence in words, recommended stains, criteria, warnings, conclusion line); with
``appendix`` it goes on with the detail: the findings and evidence tables, how the
figures were computed, and the references.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

# id -> label, in the order the sections appear in the report
SECTIONS: dict[str, str] = {
    "header": "Header (institution, case, specimen, site, clinician, pathologist)",
    "differential": "Ranked differential with bands and conclusion",
    "warnings": "Warnings: exclusions, outside this differential, close call",
    "findings": "Findings recorded, with pertinent negatives and other findings",
    "not_done": "Expected results of the recommended stains (appendix)",
    "evidence": "Key evidence in words; evidence tables (appendix)",
    "criteria": "Criteria sets met / not met / unknown",
    "red_flags": "Red flags (active, then resolved)",
    "workup": "ALK workup recommendation",
    "suggestions": "Recommended stains",
    "notes": "Clinical notes",
    "references": "References cited (appendix)",
}
PAGE_SIZES = ("A4", "Letter")
FORMATS = {".html": "html", ".htm": "html", ".pdf": "pdf", ".json": "json"}


@dataclass(frozen=True)
class ReportOptions:
    """Sections to include, institution name for the header, page size, language, and
    whether the appendix (detail tables, how computed, references) follows the summary."""

    sections: frozenset[str] = field(default_factory=lambda: frozenset(SECTIONS))
    institution: str | None = None
    page_size: str = "A4"
    lang: str = "en"
    appendix: bool = False

    def __post_init__(self):
        _check_sections(self.sections)
        if self.page_size not in PAGE_SIZES:
            raise ValueError(f"page size must be one of {', '.join(PAGE_SIZES)}, "
                             f"not {self.page_size!r}")
        object.__setattr__(self, "sections", frozenset(self.sections))

    @classmethod
    def omitting(cls, omit: list[str] | tuple[str, ...] = (), **kwargs) -> ReportOptions:
        """All sections except ``omit`` (ValueError on an unknown section id)."""
        _check_sections(omit)
        return cls(sections=frozenset(SECTIONS) - set(omit), **kwargs)

    def has(self, section: str) -> bool:
        return section in self.sections


def _check_sections(ids) -> None:
    unknown = set(ids) - set(SECTIONS)
    if unknown:
        raise ValueError(f"unknown report section(s): {', '.join(sorted(unknown))} "
                         f"(expected: {', '.join(SECTIONS)})")


def format_for_path(path: str | os.PathLike[str]) -> str | None:
    """``html``, ``pdf`` or ``json`` from a file name's extension, or None if unknown."""
    return FORMATS.get(Path(path).suffix.lower())
