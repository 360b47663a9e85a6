"""HTML report: the bundled (or a user's, sandboxed) Jinja2 template over the report facts.

The HTML is one self-contained file: CSS and the SVG chart are inline, nothing
is fetched (links to DOIs and PubMed are ordinary hyperlinks), and a print
stylesheet sets the page size and page numbers for printing from a browser.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import svg
from .templating import render_template


def template_context(report: dict[str, Any], target: str, fonts: dict[str, str] | None = None,
                     chart_font: str | None = None) -> dict[str, Any]:
    """What the template sees; ``target`` is ``"html"`` or ``"pdf"``."""
    rows = [{"name": d["short_name"], "probability": d["probability"], "percent": d["percent"]}
            for d in report.get("differential", [])]
    chart = svg.bar_chart(rows, chart_font) if chart_font else svg.bar_chart(rows)
    width, height = svg.size(len(rows))
    return {
        "report": report,
        "target": target,
        "chart": chart,
        "chart_uri": svg.data_uri(chart) if target == "pdf" else "",
        "chart_width": width,
        "chart_height": height,
        "fonts": fonts or {},
    }


def render_html(report: dict[str, Any], template: str | Path | None = None) -> str:
    """The report as a self-contained HTML document.

    ``template`` is a user's Jinja2 template file, rendered in the sandbox; the
    bundled template by default. Raises ReportTemplateError if it fails.
    """
    return render_template(template, template_context(report, "html"))
