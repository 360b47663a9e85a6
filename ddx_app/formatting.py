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
    loads its 2,000-entry entity table, 2 ms of the desktop app's start-up.
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
