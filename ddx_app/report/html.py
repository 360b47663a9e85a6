"""HTML report: the bundled (or a user's, sandboxed) Jinja2 template over the report facts.

The HTML is one self-contained file: CSS and the SVG chart are inline, nothing
is fetched (links to DOIs and PubMed are ordinary hyperlinks), and a print
stylesheet sets the page size and page numbers for printing from a browser.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from markupsafe import Markup

from . import svg
from .templating import render_template

CHART_RESOURCE = "ddx-chart.svg"  # image name the Qt print path registers the chart under


def template_context(report: dict[str, Any], target: str, *, fonts: dict[str, str] | None = None,
                     chart_font: str | None = None, chart_uri: str = "") -> dict[str, Any]:
    """What the template sees.

    ``target`` is ``"html"``, ``"pdf"`` or ``"print"`` (Qt's QTextDocument). When
    ``chart_uri`` is given the chart is an ``<img>`` of that URI, for renderers
    that cannot draw inline SVG; ``chart`` is the SVG itself either way.
    """
    rows = [{"name": d["short_name"], "probability": d["probability"], "percent": d["percent"]}
            for d in report.get("differential", [])]
    chart = svg.bar_chart(rows, chart_font) if chart_font else svg.bar_chart(rows)
    width, height = svg.size(len(rows))
    return {"report": report, "target": target, "chart": chart, "chart_uri": chart_uri,
            "chart_width": width, "chart_height": height, "fonts": fonts or {}}


def render_html(report: dict[str, Any], template: str | Path | None = None) -> str:
    """The report as a self-contained HTML document.

    ``template`` is a user's Jinja2 template file, rendered in the sandbox; the
    bundled template by default. Raises ReportTemplateError if it fails.
    """
    return render_template(template, template_context(report, "html"))


def render_html_for_print(report: dict[str, Any]) -> tuple[str, Markup]:
    """HTML for Qt's QTextDocument, which cannot draw inline SVG, and the chart's SVG.

    The HTML shows the chart as ``<img src="ddx-chart.svg">`` (``CHART_RESOURCE``);
    the caller registers the rendered SVG under that name.
    """
    context = template_context(report, "print", chart_uri=CHART_RESOURCE)
    return render_template(None, context), context["chart"]
