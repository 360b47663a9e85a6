"""Case reports: HTML, PDF and JSON from one set of facts (no Qt anywhere in here).

:func:`build_report` gathers what the core computed into a plain dict; the HTML
and the PDF render that dict through one Jinja2 template, and the JSON export
is the dict itself. The GUI dialog lives in :mod:`ddx_app.gui.report_dialog`, the
``ddx report`` command in :mod:`ddx_app.cli_report`.
"""

from typing import TYPE_CHECKING, Any

from .export import export_report, render
from .model import build_report
from .options import PAGE_SIZES, SECTIONS, ReportOptions, format_for_path

if TYPE_CHECKING:  # pragma: no cover
    from . import sandbox
    from .html import render_html
    from .json_out import render_json
    from .pdf import render_pdf
    from .templating import ReportTemplateError

# imported when first asked for: a PDF export needs neither Jinja2 nor xhtml2pdf
_LAZY = {"render_html": "html", "render_json": "json_out", "render_pdf": "pdf",
         "ReportTemplateError": "templating", "sandbox": None}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    module = importlib.import_module(f"{__name__}.{_LAZY[name] or name}")
    return module if _LAZY[name] is None else getattr(module, name)

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
    "sandbox",
]
