"""Export a report to a file: the format follows the extension (.html, .pdf, .json)."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from ..atomic import write_atomic
from ..case import Case
from ..engine import Analysis
from ..knowledge.model import KnowledgeBase
from .model import build_report
from .options import FORMATS, ReportOptions, format_for_path


def render(fmt: str, report: dict, template: str | Path | None = None) -> str | bytes:
    """The report in ``fmt`` (``html``, ``pdf`` or ``json``); JSON ignores ``template``.
    Each renderer is imported when first used: a PDF export loads no Jinja2."""
    if fmt == "html":
        from .html import render_html

        return render_html(report, template)
    if fmt == "pdf":
        from .pdf import render_pdf

        return render_pdf(report, template)
    if fmt == "json":
        from .json_out import render_json

        return render_json(report)
    raise ValueError(f"unknown report format {fmt!r}")


def export_report(path: str | os.PathLike, kb: KnowledgeBase, case: Case, analysis: Analysis,
                  options: ReportOptions | None = None, template: str | Path | None = None,
                  now: datetime | None = None) -> str:
    """Build, render and write the report atomically; returns the format written.

    Raises ValueError for an extension other than those in ``FORMATS`` and
    ReportTemplateError for a template that fails; the file is left untouched then.
    """
    fmt = format_for_path(path)
    if fmt is None:
        raise ValueError(f"cannot tell the report format from {os.fspath(path)!r}: "
                         f"use one of {', '.join(sorted(FORMATS))}")
    report = build_report(kb, case, analysis, options, now)
    write_atomic(path, render(fmt, report, template))
    return fmt
