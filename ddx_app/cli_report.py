"""``ddx report CASE -o OUT.html|OUT.pdf|OUT.json``: the command-line export.

Part of the command line, not of :mod:`ddx_app.report` (which renders and knows
nothing of terminals or exit statuses). Exit status (``cli_common``): 0 on success;
2 for bad input (unknown extension or section, a bad case file or knowledge base, a
failing template), with a message on standard error; 1 if the file cannot be written.
"""

from __future__ import annotations

import sys

from .case import load_case
from .cli_common import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, output_language
from .engine import analyse
from .formatting import terminal_safe
from .knowledge import load_knowledge_base
from .report.export import export_report
from .report.options import FORMATS, SECTIONS, ReportOptions, format_for_path
from .report.pdf import PdfRenderError


def _error(message: str, status: int = EXIT_BAD_INPUT) -> int:
    print(f"ddx report: {message}", file=sys.stderr)
    return status


def _omitted(values: list[str] | None) -> list[str]:
    """``--omit a --omit b,c`` -> ["a", "b", "c"]."""
    return [s.strip() for v in values or [] for s in v.split(",") if s.strip()]


def cli_report(args) -> int:
    """Run ``ddx report`` for parsed arguments (see ``ddx report --help``)."""
    if getattr(args, "list_sections", False):
        width = max(map(len, SECTIONS))
        for sid, label in SECTIONS.items():
            print(f"{sid:<{width}}  {label}")
        print("(the disclaimer and the knowledge-base/app-version trace are always included)")
        return EXIT_OK
    if not args.case or not args.output:
        return _error("a case file and -o OUT.html|OUT.pdf|OUT.json are required")
    if format_for_path(args.output) is None:
        return _error(f"cannot tell the format from {args.output!r}: the output must end in "
                      f"{', '.join(sorted(FORMATS))}")
    try:
        options = ReportOptions.omitting(_omitted(args.omit), institution=args.institution,
                                         page_size=args.page_size or "A4",
                                         appendix=bool(getattr(args, "appendix", False)),
                                         lang=output_language(args))
    except ValueError as exc:
        return _error(str(exc))
    kb = load_knowledge_base(args.kb)  # DdxError -> FILE:LINE messages, exit 2 (ddx_app.cli)
    if args.scope not in kb.scope_names:
        return _error(f"unknown scope {args.scope!r} (this knowledge base has "
                      f"{', '.join(kb.scope_names)})")
    kb = kb.scoped(args.scope)
    if args.prior not in kb.prior_names:
        return _error(f"unknown prior {args.prior!r} (this knowledge base has "
                      f"{', '.join(kb.prior_names)})")
    case = load_case(args.case, kb)
    for w in case.warnings:
        print(terminal_safe(w), file=sys.stderr)
    analysis = analyse(kb, case.findings, args.prior)
    try:
        fmt = export_report(args.output, kb, case, analysis, options, args.template)
    except OSError as exc:
        return _error(f"cannot write {args.output}: {exc.strerror or exc}", EXIT_FAILED)
    except PdfRenderError as exc:
        return _error(f"{args.output}: {exc}", EXIT_FAILED)
    label = terminal_safe(case.case_id) if case.case_id is not None else "(no case id)"
    print(f"{args.output}: {fmt.upper()} report for case {label} "
          f"(knowledge base {kb.version}, sha256 {kb.short_hash})")
    return EXIT_OK
