"""Colours derived from the current palette, so light and dark themes both read well.

Nothing is hard-coded: bars use the palette's highlight; "for" and "against"
take green and red hues at a lightness chosen from the palette's base colour.
"""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor, QPalette


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5


def muted_text(palette: QPalette) -> QColor:
    """Text that reads as secondary (used for 'not assessed')."""
    return palette.color(QPalette.ColorRole.PlaceholderText)


def bar_color(palette: QPalette, selected: bool = False) -> QColor:
    if selected:
        c = palette.color(QPalette.ColorRole.HighlightedText)  # a copy
        c.setAlphaF(0.55)
        return c
    return palette.color(QPalette.ColorRole.Highlight)


def bar_track(palette: QPalette) -> QColor:
    c = palette.color(QPalette.ColorRole.Text)  # a copy
    c.setAlphaF(0.10)
    return c


def evidence_color(palette: QPalette, supports: bool) -> QColor:
    hue = 130 if supports else 5
    highlight = palette.color(QPalette.ColorRole.Highlight)
    saturation = max(0.45, min(0.75, highlight.hslSaturationF()))
    lightness = 0.62 if is_dark(palette) else 0.40
    return QColor.fromHslF(hue / 360, saturation, lightness)


def solid_brush(color: QColor) -> QBrush:
    """A solid brush of ``color``."""
    return QBrush(color)
