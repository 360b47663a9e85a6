"""The bundled PDF report, laid out by Typst (``resources/templates/report.typ``).

Renderer choice. Measured on this project's 2-core machine for
``examples/imt_seed_case15.ddx.yaml`` (``benchmarks/bench_report.py``): xhtml2pdf over
the HTML template took about 1.1 s for the first PDF of a process and 440 ms warm, for
five pages. Typst through its Python binding (``typst``, a wheel with the compiler
inside; no system library) compiles the one-page summary in about 20 ms, fonts
included, so the first PDF export of a fresh process costs little more than loading
the case. Jinja2 stays the template engine of the HTML report; a user's HTML template
(``--template``) still gets a PDF through xhtml2pdf (:mod:`.pdf`).

The template reads the report as JSON from ``sys.inputs.data``: user text is a JSON
string, never Typst markup, so nothing in a case file can change the layout or run
anything. The static words (:data:`.words.LABELS`) and the composed sentences
(:func:`.words.view`) travel in the same JSON, in the report's language. Fonts are the
bundled ones only (``ignore_system_fonts``): DejaVu Sans, then Droid Sans Fallback for
CJK, NanumSquare for Hangul, so a PDF is the same on every machine.

One compiler per process (it caches the parsed template and fonts), behind a lock:
the GUI exports on a worker thread and prints on the UI thread.
"""

from __future__ import annotations

import json
import re
import threading
import unicodedata
from typing import Any

from ..i18n import N_, translator
from ..paths import fonts_dir, resources_dir
from .pdf import PDF_TEXT_LIMITS, PdfRenderError, clip_text
from .words import labels, view

TEMPLATE = "report.typ"
# How much of each free text the one-page summary carries (the appendix carries
# PDF_TEXT_LIMITS): beyond this the text is cut with a marker saying where the rest is.
SUMMARY_TEXT_LIMITS = {"notes": 900, "title": 300, "id": 200, "institution": 300,
                       "sign_out": 200, "other_findings": 600, "footer_id": 40}

_lock = threading.Lock()
_compiler: Any = None
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
LONG_WORD = 30  # characters without a space: a run this long may be broken anywhere
_LONG_RUN = re.compile(rf"[^\s\u200b]{{{LONG_WORD + 1},}}")


def _get_compiler():
    global _compiler
    if _compiler is None:
        import typst

        _compiler = typst.Compiler(str(resources_dir() / "templates" / TEMPLATE),
                                   font_paths=[str(fonts_dir())], ignore_system_fonts=True)
    return _compiler


def _clean(value: Any) -> str | None:
    """User text as the PDF sets it: composed (NFC: the Hangul font draws syllables, not
    conjoining jamo), without control characters other than line breaks and tabs."""
    if value is None:
        return None
    text = str(value)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return _CONTROL.sub("", text)


def _breakable(text: str | None) -> str | None:
    """A zero-width space every ``LONG_WORD`` characters of a longer run without a space:
    Typst does not break a word that is wider than the line, it lets it run off the page."""
    if text is None or len(text) <= LONG_WORD:
        return text
    return _LONG_RUN.sub(lambda m: "\u200b".join(
        m.group()[i:i + LONG_WORD] for i in range(0, len(m.group()), LONG_WORD)), text)


def _user(value: Any, limit: int, where: str, lang: str) -> str | None:
    """User text as the PDF sets it: cleaned, cut to ``limit``, long words breakable."""
    return _breakable(clip_text(_clean(value), limit, where, lang))


def typst_input(report: dict[str, Any]) -> str:
    """The JSON the template reads: ``r`` (the facts), ``t`` (words), ``w`` (sentences)
    and ``pdf`` (user text cleaned and cut to what the pages hold; metadata)."""
    lang = report.get("options", {}).get("lang") or "en"
    _ = translator(lang)
    case = report.get("case") or {}
    appendix = bool(report.get("options", {}).get("appendix"))
    limits = SUMMARY_TEXT_LIMITS
    case_file, settings = N_("the case file"), N_("the report settings")
    case_id = _user(case.get("id"), limits["id"], case_file, lang)
    notes = _clean(case.get("notes"))
    notes_where = N_("the appendix") if appendix else case_file
    kb = report["knowledge_base"]
    app = report["app"]
    evidence_titles = {}
    for e in report.get("leading", []):
        rival = e.get("rival_short_name") or _("the others")
        evidence_titles[e["entity"]] = [
            _("For {a}, against {b}", a=e["short_name"], b=rival),
            _("For {a}, against {b}", a=rival, b=e["short_name"])]
    pdf = {
        "lang": "zh" if lang.startswith("zh") else "en",
        "region": "CN" if lang == "zh_CN" else None,
        "case_id": case_id,
        "case_id_short": (_user(case.get("id"), limits["footer_id"], case_file, lang)
                          if case.get("id") is not None else _("(no case id)")),
        "title": _user(case.get("title"), limits["title"], case_file, lang),
        "institution": _user(report.get("institution"), limits["institution"], settings,
                             lang),
        "sign_out": {k: _user(v, limits["sign_out"], case_file, lang)
                     for k, v in (report.get("sign_out") or {}).items()},
        "other_findings": [_breakable(_clean(x)) for x in report.get("other_findings") or []],
        "notes_summary": _breakable(clip_text(notes, limits["notes"], notes_where, lang)),
        "notes_full": (_breakable(clip_text(notes, PDF_TEXT_LIMITS["notes"], case_file, lang))
                       if appendix and notes and len(notes) > limits["notes"] else None),
        "evidence_titles": evidence_titles,
        "doc_title": _("DDx report {case}", case=(case_id or _("(no case id)"))[:200]),
        "doc_subject": (f"{_(report['disclaimer'])} {app['name']} {app['version']}; "
                        f"knowledge base {kb['id']} {kb['version']} sha256 {kb['sha256']}"),
        "doc_keywords": ["ddx-report", f"kb-sha256:{kb['sha256']}", f"app:{app['version']}"],
    }
    joined = "; ".join(_clean(x) or "" for x in report.get("other_findings") or [])
    if len(joined) > limits["other_findings"]:
        pdf["other_findings"] = [_user(joined, limits["other_findings"], case_file, lang)]
    return json.dumps({"r": report, "t": labels(lang), "w": view(report), "pdf": pdf},
                      ensure_ascii=False, allow_nan=False)


def compile_report(report: dict[str, Any], fmt: str = "pdf", ppi: float | None = None):
    """The report laid out by Typst: PDF bytes, or (``fmt="png"``) one PNG per page."""
    data = typst_input(report)
    try:
        with _lock:
            compiler = _get_compiler()
            if fmt == "pdf":
                out = compiler.compile(format="pdf", sys_inputs={"data": data})
            else:
                out = compiler.compile(format=fmt, ppi=ppi, sys_inputs={"data": data})
    except Exception as exc:  # typst.TypstError: the template or its input is at fault
        raise PdfRenderError(f"the PDF layout failed: {exc}") from exc
    if fmt == "pdf":
        return bytes(out)
    return [bytes(p) for p in out] if isinstance(out, list) else [bytes(out)]


def render_typst_pdf(report: dict[str, Any]) -> bytes:
    """The bundled report as PDF bytes (page size from ``report["options"]``)."""
    return compile_report(report, "pdf")


def render_png_pages(report: dict[str, Any], ppi: float = 150.0) -> list[bytes]:
    """The same pages as the PDF, as PNG images (for a print preview)."""
    return compile_report(report, "png", ppi)
