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
