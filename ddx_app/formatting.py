"""Number formats shared by every front end (CLI, reports, GUI), so they never disagree."""

from __future__ import annotations


def percent(p: float) -> str:
    """A probability as a percentage: one decimal, '>99.9%' and '<0.1%' at the ends."""
    if p >= 0.9995:
        return ">99.9%"
    if p < 0.0005:
        return "<0.1%"
    return f"{100 * p:.1f}%"


def bits(gain: float) -> str:
    """Information gain with enough precision that small gains are not all '0.00'."""
    return f"{gain:.2f}" if gain >= 0.01 else f"{gain:.1g}"


_HTML_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                               "'": "&#x27;"})


def escape_html(s: str) -> str:
    """``html.escape(s, quote=True)``, for the GUI's rich-text panels.

    The same five replacements; written out because importing the ``html`` package
    loads its 2,000-entry entity table, 2 ms of the desktop app's start-up.
    """
    return s.translate(_HTML_ESCAPES)
