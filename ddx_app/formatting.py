"""Number formats shared by every front end (CLI, reports, GUI), so they never disagree."""

from __future__ import annotations

import math


def percent(p: float) -> str:
    """A probability as a whole percentage, '>99%' and '<1%' at the ends.

    No more precise than the evidence: the likelihoods behind a posterior are counts
    from series of a few dozen cases and expert estimates, so a tenth of a percent (or
    '99.9%') would claim a precision nothing in the knowledge base has.
    """
    if p != p:  # NaN
        return "?"
    if p >= 0.995:
        return ">99%"
    if p < 0.005:
        return "<1%"
    return f"{min(99, max(1, math.floor(100 * p + 0.5)))}%"


def times(x: float, cap: float = 100.0) -> str:
    """How many times as probable one entity is as another: '4.2×', '35×', '>100×'
    beyond ``cap`` (and for an infinite ratio)."""
    if x != x:
        return "?×"
    if x > cap:
        return f">{cap:g}×"
    return f"{x:.1f}×" if x < 10 else f"{x:.0f}×"


def factor(llr: float, cap: float = 100.0) -> str:
    """A log-likelihood ratio as the factor it moves the odds by, in whichever direction:
    '×4.2', '×35', '×>100' (reports and the window show this, never the logarithm)."""
    ratio = math.exp(abs(llr)) if abs(llr) < 700 else math.inf
    return "×" + times(ratio, cap).rstrip("×")


def bits(gain: float) -> str:
    """Information gain in bits, without the unit: two decimals from 0.01 up, two
    significant digits below (small gains must not all read '0.00'), and '<0.000001'
    under that. Fixed notation throughout: '8e-05' means nothing to most readers."""
    if gain >= 0.01:
        return f"{gain:.2f}"
    if gain >= 1e-6:
        return f"{gain:.{1 - math.floor(math.log10(gain))}f}"
    return "<0.000001"


_HTML_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                               "'": "&#x27;"})


def escape_html(s: str) -> str:
    """``html.escape(s, quote=True)``, for the GUI's rich-text panels.

    The same five replacements; written out because importing the ``html`` package
    loads its 2,000-entry entity table on the desktop app's start-up path.
    """
    return s.translate(_HTML_ESCAPES)


def odds(x: float) -> str:
    """Odds of one entity over another, 'N : 1' (or '1 : N' below even)."""
    if x != x:  # NaN: no probability left on either side
        return "undefined"
    if x >= 1:
        return _odds_term(x) + " : 1"
    return "1 : " + (_odds_term(1 / x) if x > 0 else ">10,000")


def _odds_term(x: float) -> str:
    if x >= 10_000:
        return ">10,000"
    return f"{x:.1f}" if x < 10 else f"{x:,.0f}"


# Format characters that are not control characters but still steer a terminal's display:
# the bidirectional embeddings, overrides and isolates (U+202E turns the rest of a line
# around) and the zero-width ones that hide or join text. Soft hyphen and the zero-width
# joiner of emoji sequences stay.
_KEEP_FORMAT = frozenset("\u00ad\u200d")
# control, format, line and paragraph separator, surrogate
_ESCAPED_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})


def _visible_escape(ch: str) -> str:
    code = ord(ch)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def terminal_safe(value: object, *, newlines: bool = False) -> str:
    """Text from a case file (or any input) as it may be printed on a terminal.

    Every C0 and C1 control character (ESC and so every ANSI/OSC escape sequence, BEL, CR,
    backspace, tab, NEL, CSI ...), DEL, the Unicode format characters that reorder or hide
    text (bidirectional overrides such as U+202E, zero-width spaces), line and paragraph
    separators and lone surrogates are written as visible escapes (``\\x1b``, ``\\x0d``,
    ``\\u202e``), so that a case id or a note cannot clear the screen, retitle the window,
    overwrite a line with a fake ranking or hide text. A line feed is kept when
    ``newlines`` is true (text printed over several lines), escaped otherwise.
    """
    s = str(value)
    if s.isprintable() and (newlines or "\n" not in s):
        return s  # the common case: nothing to escape (printable excludes every one above)
    import unicodedata

    out = []
    for ch in s:
        if ch.isprintable() or (ch == "\n" and newlines) or ch in _KEEP_FORMAT or \
                unicodedata.category(ch) not in _ESCAPED_CATEGORIES:
            out.append(ch)  # spaces other than U+0020 (no-break, ideographic) stay too
        else:
            out.append(_visible_escape(ch))
    return "".join(out)


def json_terminal_safe(text: str) -> str:
    """JSON text (``json.dumps(..., ensure_ascii=False)``) safe to print on a terminal: the
    characters :func:`terminal_safe` escapes, written as JSON escapes (``\\u009b``,
    ``\\u202e``; a pair of surrogates beyond U+FFFF), so the JSON still parses to the same
    strings. (``json.dumps`` itself escapes only C0 controls.)"""
    if text.isprintable() or all(ch.isprintable() or ch == "\n" for ch in text):
        return text
    import unicodedata

    out = []
    for ch in text:
        if ch.isprintable() or ch == "\n" or ch in _KEEP_FORMAT or \
                unicodedata.category(ch) not in _ESCAPED_CATEGORIES:
            out.append(ch)
        elif ord(ch) < 0x10000:
            out.append(f"\\u{ord(ch):04x}")
        else:
            high, low = divmod(ord(ch) - 0x10000, 0x400)
            out.append(f"\\u{0xD800 + high:04x}\\u{0xDC00 + low:04x}")
    return "".join(out)
