"""PDF report: the bundled one through Typst, a user's HTML template through xhtml2pdf.

The bundled PDF (no ``--template``) is laid out by Typst from
``resources/templates/report.typ`` (:mod:`.typst_pdf`): a one-page summary, then the
appendix when asked. A user's Jinja2 HTML template (``--template``) is laid out by
xhtml2pdf, imported only then; that path is described below. The knowledge-base
comparison table (``ddx kb table -o FILE.pdf``, :mod:`ddx_app.kbtable`) is the other
user of :func:`html_to_pdf` and ``FONT_FILES``.

xhtml2pdf (pure Python on ReportLab) renders *the same Jinja2 template* as the HTML,
so a user's template shapes both outputs. It embeds TrueType subsets from
``@font-face``, numbers pages with ``<pdf:pagenumber>``/``<pdf:pagecount>`` in a
footer frame, honours ``@page`` size (A4/Letter) and draws an SVG image through
svglib as vector graphics. Its resource policy forbids network fetches and confines
file reads to the bundled fonts, so even a user template cannot make the renderer
fetch or read anything. Measured before the switch to Typst: about 1.1 s for the
first export of a process and 440 ms warm for the bundled template (5 pages).

ReportLab does no per-glyph font fallback, and DejaVu Sans has no CJK glyphs,
so runs of East Asian characters in user text are wrapped in
``<span class="cjk">`` (see :func:`.templating.usertext`) and set in the bundled
Droid Sans Fallback; both fonts are embedded as subsets.
"""

from __future__ import annotations

import contextlib
import functools
import io
import logging
from pathlib import Path
from typing import Any

from ..errors import Problem
from ..i18n import N_, translator
from ..paths import BUNDLED_FONTS, fonts_dir
from . import svg

FONT_FILES = {role: file for role, (file, _family) in BUNDLED_FONTS.items()}
CHART_FONT = "DDx Chart Sans"


class PdfRenderError(RuntimeError):
    """The PDF layout failed (Typst for the bundled report, xhtml2pdf for a user's
    template)."""


@functools.cache
def _chart_font() -> str:
    """Register the bundled Latin font with svglib, which draws the chart's text.

    Without it svglib falls back to Helvetica, which is not embedded.
    """
    from svglib.fonts import register_font

    register_font(CHART_FONT, str(fonts_dir() / FONT_FILES["regular"]))
    return CHART_FONT


# How much of each free text the PDF carries: beyond this, the text is cut (at a space
# when there is one nearby) and a visible marker says how much is left out and where it
# is. The layout engine's time grows faster than linearly with the length of a text
# block (200 kB of notes took 33 s, 2 MB never finished); 20,000 characters are about
# six pages of notes and lay out in well under a second. The HTML and JSON exports keep
# every character.
PDF_TEXT_LIMITS = {"notes": 20_000, "title": 1_000, "id": 200, "institution": 500}
# The largest HTML (a user's template) the PDF layout is given: about 7 s for the worst
# shape measured (all of it one bordered block); the bundled template with every text at
# its limit makes 120,000 characters.
MAX_PDF_HTML_CHARS = 400_000


def clip_text(text: str | None, limit: int, where: str = N_("the case file"),
              lang: str | None = None) -> str | None:
    """``text`` if it has at most ``limit`` characters; else its start, cut at a space near
    the limit when there is one, and ``[... N characters omitted; full text in WHERE]``
    (in ``lang``; English by default). The Typst PDF cuts its texts with it too."""
    if text is None or len(text) <= limit:
        return text
    _ = translator(lang)
    cut = limit
    space = max(text.rfind(" ", max(0, limit - 200), limit),
                text.rfind("\n", max(0, limit - 200), limit))
    if space > 0:
        cut = space
    return _("{text} [... {n} characters omitted; full text in {where}]",
             text=text[:cut].rstrip(), n=f"{len(text) - cut:,}", where=_(where))


def limited_for_pdf(report: dict[str, Any]) -> dict[str, Any]:
    """A copy of the report whose free text (notes, title, case id, institution) is cut to
    ``PDF_TEXT_LIMITS``, each cut marked in the text; the report itself is not changed."""
    case = dict(report.get("case") or {})
    for key in ("notes", "title", "id"):
        if isinstance(case.get(key), str):
            case[key] = clip_text(case[key], PDF_TEXT_LIMITS[key])
    out = {**report, "case": case}
    if isinstance(report.get("institution"), str):
        out["institution"] = clip_text(report["institution"], PDF_TEXT_LIMITS["institution"],
                                       N_("the report settings"))
    return out


def html_for_pdf(report: dict[str, Any], template: str | Path | None = None) -> str:
    """The template rendered for the PDF target (fonts, page frame, chart as an image),
    with the free text cut to what a PDF can lay out in reasonable time."""
    from .html import template_context
    from .templating import ReportTemplateError, render_template

    chart_font = _chart_font()
    context = template_context(limited_for_pdf(report), "pdf", fonts=FONT_FILES,
                               chart_font=chart_font)
    context["chart_uri"] = svg.data_uri(context["chart"])
    html = render_template(template, context)
    if template is not None and len(html) > MAX_PDF_HTML_CHARS:
        raise ReportTemplateError([Problem(str(template), 1, (
            f"template output too large for a PDF: {len(html):,} characters of HTML (at "
            f"most {MAX_PDF_HTML_CHARS:,}); export HTML instead"))])
    return html


@contextlib.contextmanager
def _quiet_embedded_defaults():
    """Bundled font as ReportLab's default, and xhtml2pdf's warnings silenced, for one render.

    ReportLab's canvas, table cells and drawings (the chart) select Helvetica
    before anything is drawn, which lists a non-embedded font in the PDF even
    though no glyph uses it. xhtml2pdf logs each CSS property it skips at
    WARNING level. These are process-wide defaults, restored on exit.
    """
    from reportlab import rl_config
    from reportlab.graphics import shapes
    from reportlab.platypus import tables

    logger = logging.getLogger("xhtml2pdf")
    saved = (logger.level, rl_config.canvas_basefontname, tables.CellStyle.fontname,
             shapes.STATE_DEFAULTS["fontName"])
    logger.setLevel(logging.ERROR)
    font = _chart_font()
    rl_config.canvas_basefontname = tables.CellStyle.fontname = font
    shapes.STATE_DEFAULTS["fontName"] = font
    try:
        yield
    finally:
        logger.setLevel(saved[0])
        rl_config.canvas_basefontname, tables.CellStyle.fontname = saved[1], saved[2]
        shapes.STATE_DEFAULTS["fontName"] = saved[3]


def html_to_pdf(html: str) -> bytes:
    """Lay out HTML made by :func:`html_for_pdf`; fetches nothing but the bundled fonts."""
    from xhtml2pdf import pisa
    from xhtml2pdf.config.resources import ResourceAccessPolicy

    folder = fonts_dir()
    policy = ResourceAccessPolicy(allow_remote=False, base_dir=folder)
    out = io.BytesIO()
    with _quiet_embedded_defaults():
        result = pisa.CreatePDF(html, dest=out, path=str(folder / "report.html"),
                                encoding="utf-8", resource_policy=policy)
    if result.err:
        raise PdfRenderError(f"the PDF renderer reported {result.err} error(s)")
    return out.getvalue()


def render_pdf(report: dict[str, Any], template: str | Path | None = None) -> bytes:
    """The report as PDF bytes (page size from ``report["options"]["page_size"]``): the
    bundled Typst layout, or a user's HTML template through xhtml2pdf."""
    if template is None:
        from .typst_pdf import render_typst_pdf

        return render_typst_pdf(report)
    return html_to_pdf(html_for_pdf(report, template))
