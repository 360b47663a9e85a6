"""PDF report: the same template and facts as the HTML, laid out by xhtml2pdf.

Renderer choice (measured on this machine, a 2-core VM, exporting
``examples/imt_seed_case15.ddx.yaml``, three A4 pages, median of repeated runs):

- **xhtml2pdf** (pure Python on ReportLab; installs from PyPI with no manual
  step, no Qt, no system libraries): renders *the same Jinja2 template* as the
  HTML, so the PDF cannot drift from it and a user's ``--template`` shapes both.
  It embeds TrueType fonts as subsets from ``@font-face`` (text stays
  selectable), numbers pages with ``<pdf:pagenumber>``/``<pdf:pagecount>`` in a
  footer frame, honours ``@page`` size (A4/Letter), and draws an SVG image
  through svglib as vector graphics, so the bar chart is the same SVG as in
  the HTML. It has a resource policy: we forbid network fetches and confine
  file reads to the bundled fonts, so a user template cannot make the PDF
  renderer fetch or read anything else. PDF export: MEASURED_XHTML2PDF.
- **fpdf2** (fontTools + Pillow): fast and with per-glyph font fallback, but its
  HTML support is a small subset without CSS classes, so the PDF would need a
  second, hand-written layout of the same facts (and a user template could not
  shape it). Same content, measured with a hand layout: MEASURED_FPDF2.
- **ReportLab** directly: the engine underneath xhtml2pdf; the same objection
  as fpdf2 (a second layout in Python), for no gain.
- WeasyPrint needs Pango (a system library); Qt's QTextDocument/QPdfWriter
  would bring Qt into the core. Both were ruled out without measuring.

ReportLab does no per-glyph font fallback, and DejaVu Sans has no CJK glyphs,
so runs of East Asian characters in user text are wrapped in
``<span class="cjk">`` (see :func:`.templating.usertext`) and set in the bundled
Droid Sans Fallback; both fonts are embedded as subsets.
"""

from __future__ import annotations

import functools
import io
import logging
from pathlib import Path
from typing import Any

from ..paths import resources_dir
from .html import template_context
from .templating import render_template

FONT_FILES = {"regular": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf",
              "cjk": "DroidSansFallbackFull.ttf"}


CHART_FONT = "DDx Chart Sans"


class PdfRenderError(RuntimeError):
    """xhtml2pdf reported errors while laying out the report."""


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


@functools.cache
def _chart_font() -> str:
    """Register the bundled Latin font with svglib, which draws the chart's text.

    Without it svglib falls back to Helvetica, which is not embedded.
    """
    from svglib.fonts import register_font

    register_font(CHART_FONT, str(fonts_dir() / FONT_FILES["regular"]))
    return CHART_FONT


def html_for_pdf(report: dict[str, Any], template: str | Path | None = None) -> str:
    """The template rendered for the PDF target (fonts, page frame, chart as an image)."""
    return render_template(template, template_context(report, "pdf", FONT_FILES, _chart_font()))


def html_to_pdf(html: str) -> bytes:
    """Lay out HTML made by :func:`html_for_pdf`; fetches nothing but the bundled fonts."""
    from xhtml2pdf import pisa
    from xhtml2pdf.config.resources import ResourceAccessPolicy

    folder = fonts_dir()
    policy = ResourceAccessPolicy(allow_remote=False, base_dir=folder)
    out = io.BytesIO()
    # xhtml2pdf logs every CSS property it skips at WARNING; keep the console quiet.
    logger = logging.getLogger("xhtml2pdf")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        result = pisa.CreatePDF(html, dest=out, path=str(folder / "report.html"),
                                encoding="utf-8", resource_policy=policy)
    finally:
        logger.setLevel(level)
    if result.err:
        raise PdfRenderError(f"the PDF renderer reported {result.err} error(s)")
    return out.getvalue()


def render_pdf(report: dict[str, Any], template: str | Path | None = None) -> bytes:
    """The report as PDF bytes (page size from ``report["options"]["page_size"]``)."""
    return html_to_pdf(html_for_pdf(report, template))
