"""Jinja2 environments for the report template, and the filters it uses.

Both environments escape everything (``autoescape=True``, whatever the file
name) and fail on an undefined name (``StrictUndefined``) instead of printing
nothing. A template the user supplies runs in Jinja2's sandbox
(:class:`~jinja2.sandbox.ImmutableSandboxedEnvironment`, a SandboxedEnvironment
that also refuses ``list.append``/``dict.update``), so it cannot reach Python
internals (``__class__``, ``__globals__`` ...) nor alter the facts it prints.
User text (notes, title, case id, institution) is only ever passed as data,
never compiled as a template, so ``{{ 7*7 }}`` in a note prints as is.

Errors in a user's template become :class:`ReportTemplateError` (a
:class:`DdxError`) with the template file and line, so the CLI prints
``FILE:LINE: message`` and exits 2.
"""

from __future__ import annotations

import functools
import unicodedata
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from markupsafe import Markup, escape

from ..errors import DdxError, Problem
from ..formatting import bits
from ..paths import resources_dir, resources_problem

DEFAULT_TEMPLATE = "report.html.j2"


class ReportTemplateError(DdxError):
    """A report template is malformed, refers to something undefined, or broke the sandbox."""


def templates_dir() -> Path:
    return resources_dir() / "templates"


def _is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def usertext(value: Any) -> Markup:
    """Free text as safe HTML: escaped, line breaks kept, East Asian runs marked.

    Runs of wide characters (CJK ideographs, kana, hangul, full-width forms) are
    wrapped in ``<span class="cjk">`` so that the PDF can set them in the bundled
    CJK font: the PDF renderer does no per-glyph font fallback, and the Latin
    font has no CJK glyphs.
    """
    if value is None:
        return Markup("")
    out = []
    for line_no, line in enumerate(str(value).rstrip("\n").split("\n")):
        if line_no:
            out.append("<br>")
        run: list[str] = []
        wide = False
        for ch in line:
            if _is_wide(ch) != wide and run:
                out.append(_run("".join(run), wide))
                run = []
            wide = _is_wide(ch)
            run.append(ch)
        if run:
            out.append(_run("".join(run), wide))
    return Markup("".join(out))


def _run(s: str, wide: bool) -> str:
    return f'<span class="cjk">{escape(s)}</span>' if wide else str(escape(s))


def signed(x: float, digits: int = 2) -> str:
    """``+1.20`` / ``-0.51``; a value that rounds to zero prints unsigned, not ``-0.00``."""
    out = f"{x:+.{digits}f}"
    return out[1:] if float(out) == 0 else out


def fixed(x: float, digits: int = 2) -> str:
    return f"{x:.{digits}f}"


FILTERS = {"usertext": usertext, "signed": signed, "fixed": fixed, "bits": bits}


MAX_TEMPLATE_BYTES = 2_000_000


class _BoundedLoader(jinja2.FileSystemLoader):
    """FileSystemLoader whose reads go through :func:`~ddx_app.boundedio.read_bounded`:
    a template (or one it extends or includes) that is a pipe, a device or too large is
    an error at line 1 of that file, never a hang or an unbounded read."""

    def get_source(self, environment: jinja2.Environment, template: str):
        import os
        import posixpath

        from jinja2.loaders import split_template_path

        from ..boundedio import read_bounded
        from ..errors import FileReadError

        pieces = split_template_path(template)
        for searchpath in self.searchpath:
            filename = posixpath.join(searchpath, *pieces)
            if not os.path.lexists(filename) or os.path.isdir(filename):
                continue
            try:
                raw = read_bounded(filename, max_bytes=MAX_TEMPLATE_BYTES)
                contents = raw.decode(self.encoding)
                mtime = os.path.getmtime(filename)
            except FileReadError as exc:
                raise ReportTemplateError(exc.problems) from None
            except UnicodeDecodeError as exc:
                raise ReportTemplateError([Problem(filename, raw.count(b"\n", 0, exc.start) + 1,
                                                   "template is not UTF-8 text")]) from None
            except OSError as exc:
                raise ReportTemplateError([Problem(filename, 1, f"cannot read: "
                                                   f"{exc.strerror or exc}")]) from None

            def uptodate(filename: str = filename, mtime: float = mtime) -> bool:
                try:
                    return os.path.getmtime(filename) == mtime
                except OSError:
                    return False

            return contents, os.path.normpath(filename), uptodate
        raise jinja2.TemplateNotFound(template)


def _environment(cls: type[jinja2.Environment], loader: jinja2.BaseLoader) -> jinja2.Environment:
    env = cls(loader=loader, autoescape=True, undefined=jinja2.StrictUndefined,
              trim_blocks=True, lstrip_blocks=True)
    env.filters.update(FILTERS)
    return env


@functools.lru_cache(maxsize=4)
def _bundled_environment(folder: str) -> jinja2.Environment:
    """Cached per folder: compiling the template is most of the cost of an HTML export."""
    return _environment(jinja2.Environment, _BoundedLoader(folder))


def make_environment(template: str | Path | None = None) -> tuple[jinja2.Environment, str]:
    """The environment and template name: the bundled template, or ``template`` sandboxed.

    A user template may ``{% extends "report.html.j2" %}`` to override blocks of
    the bundled one; it is looked up next to the user's file first.
    """
    if template is None:
        problem = resources_problem(f"templates/{DEFAULT_TEMPLATE}")
        if problem:  # not "cannot write OUT": the bundled template is what is missing
            raise ReportTemplateError([Problem(str(templates_dir() / DEFAULT_TEMPLATE), 1,
                                               f"report template not found ({problem})")])
        return _bundled_environment(str(templates_dir())), DEFAULT_TEMPLATE
    path = Path(template)
    if not path.is_file():
        raise ReportTemplateError([Problem(str(path), 1, "template file not found"
                                           if not path.exists() else "not a regular file")])
    loader = jinja2.ChoiceLoader([_BoundedLoader(str(path.parent.resolve())),
                                  _BoundedLoader(str(templates_dir()))])
    return _environment(ImmutableSandboxedEnvironment, loader), path.name


def render_template(template: str | Path | None, context: dict[str, Any]) -> str:
    """Render the bundled template or a user's (sandboxed) with ``context``."""
    env, name = make_environment(template)
    try:
        return env.get_template(name).render(context)
    except jinja2.TemplateSyntaxError as exc:
        raise ReportTemplateError([Problem(exc.filename or name, exc.lineno or 0,
                                           f"template syntax error: {exc.message}")]) from exc
    except SecurityError as exc:
        file, line = _location(exc, name)
        raise ReportTemplateError([Problem(file, line, f"template not allowed: {exc}")]) from exc
    except (jinja2.TemplateError, TypeError, ValueError, AttributeError) as exc:
        if template is None:
            raise  # a bug in the bundled template or the report facts, not user input
        file, line = _location(exc, name)
        raise ReportTemplateError([Problem(file, line, f"template error: {exc}")]) from exc


def _location(exc: BaseException, name: str) -> tuple[str, int]:
    """The innermost template file and line in a rendering traceback.

    Jinja2 rewrites tracebacks so that frames of compiled templates carry the
    template's file name and line numbers.
    """
    found = (name, 0)
    tb = exc.__traceback__
    while tb is not None:
        marks = tb.tb_frame.f_globals
        if "__jinja_template__" in marks or "__jinja_exception__" in marks:
            found = (tb.tb_frame.f_code.co_filename, tb.tb_lineno)
        tb = tb.tb_next
    return found
