"""Jinja2 environments for the report template, and the filters it uses.

Both environments escape everything (``autoescape=True``, whatever the file
name) and fail on an undefined name (``StrictUndefined``) instead of printing
nothing. A template the user supplies runs in a sandbox
(:class:`.sandbox.LimitedSandbox`: Jinja2's ImmutableSandboxedEnvironment, which
refuses Python internals (``__class__``, ``__globals__`` ...) and ``list.append`` /
``dict.update``, with limits on time, output, sizes and nesting), so it can neither
reach Python internals, nor alter the facts it prints, nor hang or exhaust the
machine. It sees no file but itself and the bundled ``report.html.j2`` it may
extend (:class:`_BundledOnlyLoader`), and whatever it prints, the output shows the
disclaimer and the knowledge-base trace (:func:`.required.ensure_required`).
User text (notes, title, case id, institution) is only ever passed as data,
never compiled as a template, so ``{{ 7*7 }}`` in a note prints as is.

Every failure of a user's template becomes :class:`ReportTemplateError` (a
:class:`DdxError`) with the template file and line, so the CLI prints one
``FILE:LINE: message`` and exits 2, never a traceback.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SecurityError
from markupsafe import Markup, escape

from ..errors import DdxError, Problem
from ..formatting import bits
from ..paths import resources_dir, resources_problem
from . import sandbox
from .required import ensure_required
from .sandbox import LimitedSandbox, Limits, TemplateLimitError

DEFAULT_TEMPLATE = "report.html.j2"


class ReportTemplateError(DdxError):
    """A report template is malformed, refers to something undefined, or broke the sandbox."""


def templates_dir() -> Path:
    return resources_dir() / "templates"


LONG_WORD = 30  # characters without a space: a run this long may be broken anywhere
_LONG_WORD_RE = re.compile(rf"\S{{{LONG_WORD},}}")
_BREAKABLE = ' style="overflow-wrap: break-word; word-wrap: break-word"'
_CONJOINING_JAMO = re.compile("[\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff]")


def _script(ch: str) -> str | None:
    """``"hangul"`` (syllables, compatibility jamo), ``"cjk"`` (other wide characters:
    ideographs, kana, full-width forms) or None."""
    code = ord(ch)
    if 0xAC00 <= code <= 0xD7A3 or 0x3131 <= code <= 0x318E:
        return "hangul"
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return "cjk"
    return None


def usertext(value: Any) -> Markup:
    """Free text as safe HTML: escaped, line breaks kept, East Asian runs marked, very
    long words breakable.

    Runs of Hangul are wrapped in ``<span class="hangul">`` and runs of other wide
    characters (CJK ideographs, kana, full-width forms) in ``<span class="cjk">``, so
    that the PDF can set them in the bundled font that has their glyphs: the PDF
    renderer does no per-glyph font fallback, the Latin font has no CJK glyphs and the
    CJK one has no Hangul syllables. Decomposed Hangul (conjoining jamo) is composed
    first (NFC), since the Hangul font draws syllables. A word of ``LONG_WORD`` or more
    characters without a space (and a CJK run as long) gets ``overflow-wrap:
    break-word``, so that the PDF breaks it at the margin instead of running off the page.
    """
    if value is None:
        return Markup("")
    text_ = str(value)
    if _CONJOINING_JAMO.search(text_):
        text_ = unicodedata.normalize("NFC", text_)
    out = []
    for line_no, line in enumerate(text_.rstrip("\n").split("\n")):
        if line_no:
            out.append("<br>")
        if line.isascii():
            out.append(_run(line, None))
            continue
        run: list[str] = []
        script = None
        for ch in line:
            s = _script(ch)
            if s != script and run:
                out.append(_run("".join(run), script))
                run = []
            script = s
            run.append(ch)
        if run:
            out.append(_run("".join(run), script))
    return Markup("".join(out))


def _run(s: str, script: str | None) -> str:
    if script is not None:
        style = _BREAKABLE if len(s) >= LONG_WORD else ""
        return f'<span class="{script}"{style}>{escape(s)}</span>'
    if len(s) < LONG_WORD or not _LONG_WORD_RE.search(s):
        return str(escape(s))
    return _LONG_WORD_RE.sub(lambda m: f"<span{_BREAKABLE}>{m.group()}</span>", str(escape(s)))


def signed(x: float, digits: int = 2) -> str:
    """``+1.20`` / ``-0.51``; a value that rounds to zero prints unsigned, not ``-0.00``."""
    out = f"{x:+.{digits}f}"
    return out[1:] if float(out) == 0 else out


def fixed(x: float, digits: int = 2) -> str:
    return f"{x:.{digits}f}"


FILTERS = {"usertext": usertext, "signed": signed, "fixed": fixed, "bits": bits}


MAX_TEMPLATE_BYTES = 2_000_000


def _read_template(filename: str) -> str:
    """A template file's text through :func:`~ddx_app.boundedio.read_bounded`: a pipe, a
    device or too large a file is an error at line 1 of that file, never a hang or an
    unbounded read."""
    from ..boundedio import read_bounded
    from ..errors import FileReadError

    try:
        raw = read_bounded(filename, max_bytes=MAX_TEMPLATE_BYTES)
    except FileReadError as exc:
        raise ReportTemplateError(exc.problems) from None
    except OSError as exc:
        raise ReportTemplateError([Problem(filename, 1, f"cannot read: "
                                           f"{exc.strerror or exc}")]) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ReportTemplateError([Problem(filename, raw.count(b"\n", 0, exc.start) + 1,
                                           "template is not UTF-8 text")]) from None


class _BoundedLoader(jinja2.FileSystemLoader):
    """FileSystemLoader whose reads go through :func:`_read_template`."""

    def get_source(self, environment: jinja2.Environment, template: str):
        import os
        import posixpath

        from jinja2.loaders import split_template_path

        pieces = split_template_path(template)
        for searchpath in self.searchpath:
            filename = posixpath.join(searchpath, *pieces)
            if not os.path.lexists(filename) or os.path.isdir(filename):
                continue
            contents = _read_template(filename)
            try:
                mtime = os.path.getmtime(filename)
            except OSError:
                mtime = 0.0

            def uptodate(filename: str = filename, mtime: float = mtime) -> bool:
                try:
                    return os.path.getmtime(filename) == mtime
                except OSError:
                    return False

            return contents, os.path.normpath(filename), uptodate
        raise jinja2.TemplateNotFound(template)


class _BundledOnlyLoader(_BoundedLoader):
    """The loader a user's template gets: the bundled ``report.html.j2`` (to extend,
    include or import) and nothing else. Not the folder of the user's file: a template
    that could include its neighbours could print any file there (or a link from there
    to /etc/passwd) into a report."""

    def __init__(self):
        super().__init__(str(templates_dir()))

    def get_source(self, environment: jinja2.Environment, template: str):
        if template != DEFAULT_TEMPLATE:
            raise jinja2.TemplateNotFound(template)
        return super().get_source(environment, template)

    def list_templates(self) -> list[str]:
        return [DEFAULT_TEMPLATE]


def _environment(cls: type[jinja2.Environment], loader: jinja2.BaseLoader,
                 **kwargs: Any) -> jinja2.Environment:
    env = cls(loader=loader, autoescape=True, undefined=jinja2.StrictUndefined,
              trim_blocks=True, lstrip_blocks=True, **kwargs)
    env.filters.update(FILTERS)
    return env


@functools.lru_cache(maxsize=4)
def _bundled_environment(folder: str) -> jinja2.Environment:
    """Cached per folder: compiling the template is most of the cost of an HTML export."""
    return _environment(jinja2.Environment, _BoundedLoader(folder))


def make_environment(name: str = DEFAULT_TEMPLATE) -> tuple[jinja2.Environment, str]:
    """The environment of the bundled templates, and ``name`` (checked to be there)."""
    problem = resources_problem(f"templates/{name}")
    if problem:  # not "cannot write OUT": the bundled template is what is missing
        raise ReportTemplateError([Problem(str(templates_dir() / name), 1,
                                           f"report template not found ({problem})")])
    return _bundled_environment(str(templates_dir())), name


def user_environment(limits: Limits | None = None) -> LimitedSandbox:
    """A fresh sandbox for one render of a user's template (:mod:`.sandbox`): it sees the
    bundled template and no other file, and runs within ``limits``."""
    env = _environment(LimitedSandbox, _BundledOnlyLoader(), limits=limits or sandbox.LIMITS)
    assert isinstance(env, LimitedSandbox)
    env.guard_filters()
    return env


def render_template(template: str | Path | None, context: dict[str, Any]) -> str:
    """Render the bundled template, or a user's in the sandbox, with ``context``.

    A user's output always shows the disclaimer and the knowledge-base trace
    (:func:`.required.ensure_required`), whatever the template does with them.
    """
    if template is not None:
        html = _render_user(Path(template), context)
        report = context.get("report")
        return ensure_required(html, report) if isinstance(report, dict) else html
    return render_bundled(DEFAULT_TEMPLATE, context)


def render_bundled(name: str, context: dict[str, Any]) -> str:
    """Render a bundled template (``resources/templates/NAME``: the report, the knowledge
    base's comparison table) with ``context``; trusted, so not in the sandbox."""
    env, name = make_environment(name)
    try:
        return env.get_template(name).render(context)
    except jinja2.TemplateSyntaxError as exc:
        raise ReportTemplateError([Problem(exc.filename or name, exc.lineno or 0,
                                           f"template syntax error: {exc.message}")]) from exc


def _render_user(path: Path, context: dict[str, Any]) -> str:
    """A user's template rendered in a fresh sandbox; every failure (syntax, sandbox,
    limits, a file it may not read, an error in an expression) is a ReportTemplateError
    with the template file and line, never a traceback."""
    name = str(path)
    if not path.is_file():
        raise ReportTemplateError([Problem(name, 1, "template file not found"
                                           if not path.exists() else "not a regular file")])
    source = _read_template(name)
    env = user_environment()
    try:
        code = env.compile(source, path.name, name)
        tmpl = env.template_class.from_code(env, code, env.make_globals(None), None)
        env.budget.start()
        out: list[str] = []
        chunks: Any = tmpl.generate(context)  # a generator: closed if stopped early
        for chunk in chunks:
            try:
                env.budget.add_output(len(chunk))
            except TemplateLimitError as exc:  # raised here, outside the template's frames
                file, line = _generator_location(chunks, name)
                chunks.close()
                raise ReportTemplateError([Problem(file, line, f"template stopped: {exc}")]
                                          ) from None
            out.append(chunk)
        return "".join(out)
    except ReportTemplateError:
        raise
    except jinja2.TemplateSyntaxError as exc:
        raise _user_error(exc, exc.filename or name, exc.lineno or 0,
                          f"template syntax error: {exc.message}") from None
    except TemplateLimitError as exc:
        raise _user_error(exc, *_location(exc, name), f"template stopped: {exc}") from None
    except jinja2.TemplateNotFound as exc:
        raise _user_error(exc, *_location(exc, name),
                          f"template not allowed: it may extend, include or import only the "
                          f"bundled {DEFAULT_TEMPLATE!r}, not {exc.name!r} (a report template "
                          "reads no other file)") from None
    except SecurityError as exc:
        raise _user_error(exc, *_location(exc, name), f"template not allowed: {exc}") from None
    except (RecursionError, SyntaxError) as exc:  # SyntaxError: Python's, compiling it
        raise _user_error(exc, *_location(exc, name),
                          "template stopped: nested too deep") from None
    except MemoryError as exc:
        raise _user_error(exc, *_location(exc, name),
                          "template stopped: out of memory") from None
    except Exception as exc:  # whatever else a user's template does: a clean error
        raise _user_error(exc, *_location(exc, name), f"template error: {exc}") from None


def _user_error(exc: BaseException, file: str, line: int, message: str) -> ReportTemplateError:
    """One problem, on one line of reasonable length (line 1 when no line is known: the
    template as a whole)."""
    message = " ".join(message.split())
    if len(message) > 300:
        message = message[:297] + "..."
    return ReportTemplateError([Problem(file, line or 1, message)])


def _generator_location(gen: Any, name: str) -> tuple[str, int]:
    """The template file and line a suspended ``Template.generate()`` is at (the innermost
    template frame in its ``yield from`` chain)."""
    found = (name, 0)
    while gen is not None:
        frame = getattr(gen, "gi_frame", None)
        if frame is not None and "__jinja_template__" in frame.f_globals:
            tmpl = frame.f_globals["__jinja_template__"]
            found = (frame.f_code.co_filename, tmpl.get_corresponding_lineno(frame.f_lineno))
        gen = getattr(gen, "gi_yieldfrom", None)
    return found


def _location(exc: BaseException, name: str) -> tuple[str, int]:
    """The innermost template file and line in a rendering traceback.

    Jinja2 rewrites tracebacks so that frames of compiled templates carry the
    template's file name and line numbers.
    """
    found = (name, 0)
    tb = exc.__traceback__
    while tb is not None:
        marks = tb.tb_frame.f_globals
        if "__jinja_exception__" in marks:
            found = (tb.tb_frame.f_code.co_filename, tb.tb_lineno)
        elif "__jinja_template__" in marks:  # a frame Jinja2 did not rewrite
            found = (tb.tb_frame.f_code.co_filename,
                     marks["__jinja_template__"].get_corresponding_lineno(tb.tb_lineno))
        tb = tb.tb_next
    return found
