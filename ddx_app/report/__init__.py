"""Case reports: HTML, PDF and JSON from one set of facts (no Qt anywhere in here).

:func:`build_report` gathers what the core computed into a plain dict; the HTML
and the PDF render that dict through one Jinja2 template, and the JSON export
is the dict itself. The GUI dialog lives in :mod:`ddx_app.gui.report_dialog`, the
``ddx report`` command in :mod:`ddx_app.cli_report`.
"""

from .export import export_report, render
from .html import render_html
from .json_out import render_json
from .model import build_report
from .options import PAGE_SIZES, SECTIONS, ReportOptions, format_for_path
from .pdf import render_pdf
from .templating import ReportTemplateError

__all__ = [
    "PAGE_SIZES",
    "SECTIONS",
    "ReportOptions",
    "ReportTemplateError",
    "build_report",
    "export_report",
    "format_for_path",
    "render",
    "render_html",
    "render_json",
    "render_pdf",
]
