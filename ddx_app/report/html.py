"""HTML report: the bundled (or a user's, sandboxed) Jinja2 template over the report facts.

The HTML is one self-contained file: CSS and the SVG chart are inline, nothing
is fetched (links to DOIs and PubMed are ordinary hyperlinks), and a print
stylesheet sets the page size and page numbers for printing from a browser.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..i18n import translator
from . import svg
from .templating import render_template
from .words import labels, view


def template_context(report: dict[str, Any], target: str, *, fonts: dict[str, str] | None = None,
                     chart_font: str | None = None) -> dict[str, Any]:
    """What the template sees.

    ``target`` is ``"html"`` or ``"pdf"`` (a user's template through xhtml2pdf).
    ``chart`` is the SVG; ``chart_uri`` is empty here, and set by a renderer that cannot
    draw inline SVG (:func:`.pdf.html_for_pdf`: a data URI) to show it as an ``<img>``.
    ``t`` holds the static words and ``v`` the composed sentences in the report's
    language (:mod:`.words`), ``_`` translates a message in a template.
    """
    rows = [{"name": d["short_name"], "probability": d["probability"], "percent": d["percent"]}
            for d in report.get("differential", [])]
    chart = svg.bar_chart(rows, chart_font) if chart_font else svg.bar_chart(rows)
    width, height = svg.size(len(rows))
    lang = (report.get("options") or {}).get("lang")
    return {"report": report, "target": target, "chart": chart, "chart_uri": "",
            "chart_width": width, "chart_height": height, "fonts": fonts or {},
            "t": labels(lang), "v": view(report), "_": translator(lang)}


def render_html(report: dict[str, Any], template: str | Path | None = None) -> str:
    """The report as a self-contained HTML document.

    ``template`` is a user's Jinja2 template file, rendered in the sandbox; the
    bundled template by default. Raises ReportTemplateError if it fails.
    """
    return render_template(template, template_context(report, "html"))
